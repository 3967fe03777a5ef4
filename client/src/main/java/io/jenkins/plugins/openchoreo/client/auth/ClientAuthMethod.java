package io.jenkins.plugins.openchoreo.client.auth;

import java.util.Locale;

/**
 * How the client proves itself to the token endpoint (RFC 6749 §2.3.1). ThunderID accepts exactly
 * one method per application, so the method is a setting; {@link #AUTO} tries Post (OpenChoreo's default CI client), falls back
 * once to the other on {@code unauthorized_client}, and remembers what worked per token URL.
 */
public enum ClientAuthMethod {
    BASIC("client_secret_basic"),
    POST("client_secret_post"),
    AUTO("auto");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in OAuth metadata and in configuration: client_secret_basic, client_secret_post, auto. */
    public String wireName() {
        return wireName;
    }

    ClientAuthMethod other() {
        return this == BASIC ? POST : BASIC;
    }

    /** Accepts the wire names and the short names basic/post/auto, any case; blank means AUTO. */
    public static ClientAuthMethod parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthMethod method : values()) {
            if (method.wireName.equals(v) || method.name().toLowerCase(Locale.ROOT).equals(v)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown client authentication method \"" + value
                + "\": use client_secret_basic, client_secret_post or auto");
    }
}
