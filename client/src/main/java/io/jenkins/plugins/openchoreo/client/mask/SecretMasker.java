package io.jenkins.plugins.openchoreo.client.mask;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or put into an exception message. Knows the
 * client secret and every token it was told of (in the raw, form-encoded and Basic-header
 * forms a secret travels in), and also masks anything shaped like a JWT or a bearer or basic
 * credential, so a token the engine never saw (say, in a server's error body) is hidden too.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    // Secrets shorter than this are not masked by value: masking "a" would destroy every message.
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");
    // Credential-shaped fields: forms (k=v), JSON ("k": "v") and YAML (k: v). The bare word "secret"
    // only with '=' or as a JSON key, so prose such as "the client id and secret: check ..." stays readable.
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(?<![A-Za-z0-9_-])("
            + "\"?(?:client_secret|access_token|password)\"?\\s*[=:]\\s*\"?"
            + "|secret\\s*=\\s*\"?|\"secret\"\\s*:\\s*\"?)([^\"&\\s,}]+)");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Adds a secret, with the encoded forms it may appear in. Null and very short values are ignored. */
    public SecretMasker add(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return this;
        }
        secrets.add(secret);
        secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        secrets.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Adds a client id and secret together, as they appear in a Basic header. */
    public SecretMasker addClient(String clientId, String secret) {
        add(secret);
        if (clientId != null && secret != null) {
            String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ':'
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            secrets.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** The text with every known secret and every credential-shaped string replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, MASK);
        }
        masked = JWT.matcher(masked).replaceAll(MASK);
        masked = AUTH_HEADER.matcher(masked).replaceAll("$1 " + MASK);
        return SECRET_FIELD.matcher(masked).replaceAll("$1" + MASK);
    }
}
