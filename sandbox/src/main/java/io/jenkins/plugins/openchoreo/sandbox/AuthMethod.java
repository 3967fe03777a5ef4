package io.jenkins.plugins.openchoreo.sandbox;

import java.util.Locale;

/** The one client authentication method a registered client accepts, as in ThunderID. */
public enum AuthMethod {
    /** {@code client_secret_basic}: id and secret form-urlencoded, then base64, in the Authorization header. */
    BASIC,
    /** {@code client_secret_post}: id and secret as form fields. */
    POST;

    public static AuthMethod parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "basic", "client_secret_basic" -> BASIC;
            case "post", "client_secret_post" -> POST;
            default -> throw new IllegalArgumentException("Unknown client authentication method \"" + value
                    + "\": use basic or post");
        };
    }
}
