package io.jenkins.plugins.openchoreo.client.rules;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the URLs a user configures, and those a server names in discovery: absolute, http or
 * https, with a host, no credentials, no query or fragment. A URL that may carry a password is
 * never repeated in a message.
 */
public final class Urls {

    /** A scheme followed by "//": what every http or https URL starts with. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    /** What users type without a scheme: a host, maybe a port and a path. */
    private static final Pattern HOST_AND_PATH = Pattern.compile(
            "[A-Za-z0-9.-]+(:[0-9]{1,5})?(/\\S*)?");

    private Urls() {}

    /** The URL, trailing slashes removed, or an error naming the setting and what is wrong. */
    public static URI require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " is required");
        }
        if (mayCarryUserInfo(value)) {
            // Checked first and never echoed: the text before '@' may be a password.
            throw invalid("The " + what + " must not contain a user name or password; use a credential instead");
        }
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!SCHEME.matcher(trimmed).find()) {
            // "host:port" would otherwise be read as a scheme named after the host ("Illegal character in scheme name").
            throw invalid("The " + what + " \"" + value + "\" has no http:// or https:// in front"
                    + (HOST_AND_PATH.matcher(trimmed).matches() ? ": write it as https://" + trimmed
                            + " (or http:// for a server without TLS)" : ""));
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // Not e.getReason(): java.net.URI's wording ("Illegal character in authority at index 7") points at the
            // start of the part it could not read, not at the character.
            int bad = firstBadCharacter(trimmed);
            throw invalid("The " + what + " \"" + value + "\" is not a valid URL: " + (bad < 0
                    ? "check its host, port and path"
                    : "it has a character a URL cannot hold ('" + trimmed.charAt(bad) + "' at position " + (bad + 1)
                            + "); remove it, or percent-encode it (a space is %20)"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalid("The " + what + " \"" + value + "\" must be an absolute http:// or https:// URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("The " + what + " \"" + value + "\" must not have a query or fragment");
        }
        return uri;
    }

    /**
     * Whether the text may hold user info. Any {@code @} counts, wherever it is: a password may
     * hold {@code /}, {@code ?}, {@code #} or {@code :}, which end the authority early for a parser
     * that follows RFC 3986 (then the {@code @} seems to be in the path, and the password is
     * echoed as part of "not a URL"), while browsers and curl read up to the last {@code @}. The
     * URLs configured here (API, identity provider, portal) have no {@code @} in their paths.
     */
    public static boolean mayCarryUserInfo(String value) {
        return value != null && value.indexOf('@') >= 0;
    }

    /** The first character no URL may hold unencoded, or -1. */
    private static int firstBadCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "<>\"{}|\\^`".indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #require}, but null or blank gives null (an optional setting). */
    public static URI optional(String what, String value) {
        return value == null || value.isBlank() ? null : require(what, value);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
