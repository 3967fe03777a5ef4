package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the URLs a user configures: absolute, http or https, with a host, no credentials in them. */
public final class Urls {

    /** An '@' in the authority part (after the scheme, before the path): user info. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("^[^/?#]*//[^/?#]*@");

    private Urls() {}

    /** The URL, trailing slashes removed, or an error naming the setting and what is wrong. */
    public static URI require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " is required");
        }
        if (USER_INFO.matcher(value).find()) {
            // Checked first and never echoed: the text before '@' may be a password.
            throw invalid("The " + what + " must not contain a user name or password; use a credential instead");
        }
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("The " + what + " \"" + value + "\" is not a URL (" + e.getReason() + ")");
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

    /** Like {@link #require}, but null or blank gives null (an optional setting). */
    public static URI optional(String what, String value) {
        return value == null || value.isBlank() ? null : require(what, value);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
