package io.jenkins.plugins.openchoreo.client.mask;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or put into an exception message. Knows the
 * client secret and every token it was told of, in every form a secret travels or is echoed in
 * (raw, form- and percent-encoded, Basic header, base64, JSON-escaped), and also masks anything
 * shaped like a JWT or a bearer or basic credential, so a token the engine never saw (say, in a
 * server's error body) is hidden too.
 *
 * <p>Runs in time linear in the text, whatever the text: known secrets are found in one pass
 * ({@link LiteralFinder}), JWT shapes by a hand scan, and the two patterns use possessive
 * quantifiers and start only at a keyword. (A backtracking pattern once took minutes on 300 KB of
 * {@code eyJ} from a hostile token endpoint.)
 */
public final class SecretMasker {

    public static final String MASK = "****";

    // Secrets shorter than this are not masked by value: masking "a" would destroy every message.
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s++[A-Za-z0-9._~+/=-]++");
    // Credential-shaped fields: forms (k=v), JSON ("k": "v") and YAML (k: v). The bare word "secret"
    // only with '=' or as a JSON key, so prose such as "the client id and secret: check ..." stays readable.
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(?<![A-Za-z0-9_-])("
            + "\"?+(?:client_secret|access_token|password)\"?+\\s*+[=:]\\s*+\"?+"
            + "|secret\\s*+=\\s*+\"?+|\"secret\"\\s*+:\\s*+\"?+)([^\"&\\s,}]++)");

    private final Set<String> secrets = new LinkedHashSet<>();
    // Built when text is next masked, not on every add: a run adds a secret in several forms and then
    // a token, and building the automaton for each add cost a fresh CLI process milliseconds between
    // its token and its first API call. Null: secrets were added since the last build.
    private volatile LiteralFinder finder = new LiteralFinder(List.of());

    /** Adds a secret, with the encoded forms it may appear in. Null and very short values are ignored. */
    public SecretMasker add(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return this;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : List.of(form, form.replace("+", "%20"))) {
            forms.add(encoded);
            forms.add(lowerHex(encoded));
        }
        forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        forms.addAll(JsonEscapes.of(secret));
        return addForms(forms);
    }

    /** Adds a client id and secret together, as they appear in a Basic header. */
    public SecretMasker addClient(String clientId, String secret) {
        add(secret);
        if (clientId != null && secret != null) {
            String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ':'
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            addForms(Set.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
        return this;
    }

    private synchronized SecretMasker addForms(Set<String> forms) {
        if (secrets.addAll(forms)) {
            finder = null;
        }
        return this;
    }

    private LiteralFinder finder() {
        LiteralFinder built = finder;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (finder == null) {
                finder = new LiteralFinder(secrets);
            }
            return finder;
        }
    }

    /** The text with every known secret and every credential-shaped string replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(text, finder().ranges(text));
        masked = replace(masked, JwtShapes.ranges(masked));
        masked = AUTH_HEADER.matcher(masked).replaceAll("$1 " + MASK);
        return SECRET_FIELD.matcher(masked).replaceAll("$1" + MASK);
    }

    private static String replace(String text, List<int[]> ranges) {
        if (ranges.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] range : ranges) {
            out.append(text, copied, range[0]).append(MASK);
            copied = range[1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** {@code %2F} as some servers echo it: {@code %2f}. */
    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = encoded.indexOf('%'); i >= 0 && i + 2 < encoded.length(); i = encoded.indexOf('%', i + 1)) {
            out.replace(i + 1, i + 3, encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
