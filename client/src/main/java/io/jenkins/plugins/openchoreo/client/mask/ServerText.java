package io.jenkins.plugins.openchoreo.client.mask;

/**
 * Text a server sent, made fit to show a person: the one place where the engine, and with it the
 * plugin and the CLI, bound, mask, flatten and cut what a server says (error bodies, OAuth error
 * descriptions, events, log lines, values of the server's objects) before it reaches a build
 * log, stderr, an exception message or a form.
 *
 * <ol>
 * <li>Bounded first ({@value #MAX_SEARCHED} characters), so no search runs over megabytes.</li>
 * <li>Masked, then cut: a secret that straddles the cut is replaced whole, not half shown.</li>
 * <li>Control characters replaced by visible escapes ({@code \n}, {@code \u001b}…), line and
 * paragraph separators and bidirectional overrides included: server text cannot start a line
 * of its own (a forged "Created Workload …") or move the cursor in a terminal.</li>
 * </ol>
 */
public final class ServerText {

    /** How much of a server's text is looked at; far more than is ever shown, so masking sees whole tokens. */
    public static final int MAX_SEARCHED = 64 * 1024;
    /** How much is shown by default. */
    public static final int MAX_SHOWN = 500;

    private ServerText() {}

    /** The server's text bounded, masked, on one line and cut to {@value #MAX_SHOWN} characters (null stays null). */
    public static String shown(String raw, SecretMasker masker) {
        return shown(raw, masker, MAX_SHOWN);
    }

    /** As {@link #shown(String, SecretMasker)}, cut to {@code limit} characters (an ellipsis marks a cut). */
    public static String shown(String raw, SecretMasker masker, int limit) {
        if (raw == null) {
            return null;
        }
        String bounded = raw.length() > MAX_SEARCHED ? raw.substring(0, MAX_SEARCHED) : raw;
        String line = oneLine(masker.mask(bounded));
        if (line.length() <= limit && bounded.length() == raw.length()) {
            return line;
        }
        int cut = Math.min(limit, line.length());
        if (cut > 0 && Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut) + "…";
    }

    /**
     * The text with every character that could end a line or steer a terminal replaced by a
     * visible escape: C0 and C1 controls, DEL, U+2028/U+2029, and the bidirectional embeddings,
     * overrides and isolates. For a line the engine composes from server values.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069' ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
