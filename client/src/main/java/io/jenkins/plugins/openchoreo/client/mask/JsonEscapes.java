package io.jenkins.plugins.openchoreo.client.mask;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ways a JSON encoder may write a string, so a secret echoed inside a JSON body (or a JSON
 * body quoted inside a text one) is still recognised: the minimal escaping of RFC 8259 (Jackson),
 * Go's HTML-safe escaping ({@code <}, {@code >}, {@code &} as {@code \u003c}…; the OpenChoreo API
 * is written in Go), a {@code \/} for every slash, and ASCII-only output, each with lower- and
 * upper-case hex digits.
 */
final class JsonEscapes {

    private JsonEscapes() {}

    /** The escaped forms of the value that differ from it (without the quotes). */
    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        if (plain(value)) {
            // The common case (a JWT, a base64url secret): every encoder writes it as it is.
            return forms;
        }
        for (boolean upper : new boolean[] {false, true}) {
            forms.add(escape(value, false, false, false, upper));
            forms.add(escape(value, true, false, false, upper));
            forms.add(escape(value, false, true, false, upper));
            forms.add(escape(value, false, false, true, upper));
            forms.add(escape(value, true, true, true, upper));
        }
        forms.remove(value);
        return forms;
    }

    /** Whether no encoder above would escape any character of the value. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/' || c == '<' || c == '>' || c == '&') {
                return false;
            }
        }
        return true;
    }

    static String escape(String value, boolean htmlSafe, boolean slash, boolean asciiOnly, boolean upperHex) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '/' -> out.append(slash ? "\\/" : "/");
                default -> {
                    boolean escaped = c < 0x20 || asciiOnly && c > 0x7e
                            || htmlSafe && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029');
                    if (escaped) {
                        String hex = String.format(upperHex ? "\\u%04X" : "\\u%04x", (int) c);
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
