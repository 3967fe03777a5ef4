package io.jenkins.plugins.openchoreo.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the claims of a JWT without verifying it (the API verifies; the engine only wants to
 * know whom a token names and when it ends). Opaque tokens have no claims.
 */
public record TokenClaims(String subject, String clientId, String issuer, Instant expiresAt) {

    public static Optional<TokenClaims> peek(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.isObject()) {
                return Optional.empty();
            }
            // Clamped to what an Instant holds: a claim of 2^63-1 seconds means "never", not a crash.
            Instant exp = claims.path("exp").canConvertToLong() ? Instant.ofEpochSecond(Math.max(
                    Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), claims.path("exp").asLong())))
                    : null;
            return Optional.of(new TokenClaims(text(claims, "sub"), text(claims, "client_id"), text(claims, "iss"),
                    exp));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Who the token names, for "connected as …" messages. */
    public String identity() {
        return clientId != null ? clientId : subject;
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
