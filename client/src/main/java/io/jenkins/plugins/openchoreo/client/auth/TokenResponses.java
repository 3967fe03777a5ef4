package io.jenkins.plugins.openchoreo.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TokenException;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads a token endpoint's answer: a token with its lifetime, or a {@link TokenException} typed by
 * the RFC 6749 {@code error} field. Tolerates what real providers send: {@code expires_in} as a
 * number or a string or not at all, any case of {@code token_type}, opaque tokens. A lifetime is
 * taken at most as {@link #MAX_LIFETIME}: a provider's absurd {@code expires_in} (2^63-1) must
 * not overflow the clock. What the provider wrote is shown through {@link ServerText}.
 */
final class TokenResponses {

    /** Lifetime assumed when neither expires_in nor the token's own exp says: short, to be safe. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofSeconds(60);
    /** The longest lifetime believed: a token older than a day is fetched again whatever it claims. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private TokenResponses() {}

    static AccessToken read(HttpResult result, URI tokenUrl, Instant now, SecretMasker masker) {
        JsonNode body = parse(result);
        if (result.isSuccess() && body != null && body.path("access_token").isTextual()
                && !body.path("access_token").asText().isEmpty()) {
            String value = body.path("access_token").asText();
            masker.add(value);
            String type = body.path("token_type").asText("Bearer");
            if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
                throw new TokenException(ErrorCode.TOKEN_BAD_RESPONSE, "The token endpoint " + tokenUrl
                        + " issued a token of type \"" + ServerText.shown(type, masker)
                        + "\"; only Bearer tokens are supported",
                        null, result.requestId(), result.status(), null);
            }
            return new AccessToken(value, refreshAt(now, lifetime(body.get("expires_in"), value, now)));
        }
        if (body != null && body.path("error").isTextual()) {
            throw error(body, result, tokenUrl, masker);
        }
        String kind = result.contentType().contains("html") ? "an HTML page" : body == null ? "a non-JSON answer"
                : "JSON without access_token or error";
        ErrorCode code = result.status() >= 500 ? ErrorCode.TOKEN_SERVER_ERROR : ErrorCode.TOKEN_BAD_RESPONSE;
        throw new TokenException(code, "The token endpoint " + tokenUrl + " answered HTTP " + result.status()
                + " with " + kind + ", not an OAuth2 token response", null, result.requestId(), result.status(),
                null);
    }

    private static TokenException error(JsonNode body, HttpResult result, URI tokenUrl, SecretMasker masker) {
        String error = body.path("error").asText();
        String description = ServerText.shown(body.path("error_description").asText(""), masker);
        boolean wantsAssertion = description.toLowerCase(Locale.ROOT).contains("client_assertion");
        ErrorCode code = switch (error) {
            // Keycloak: 400 invalid_client "Parameter client_assertion_type is missing" when the client is
            // registered for a signed-JWT method; 401 invalid_client for an unknown client id.
            case "invalid_client" -> wantsAssertion ? ErrorCode.TOKEN_UNAUTHORIZED_CLIENT
                    : ErrorCode.TOKEN_INVALID_CLIENT;
            // ThunderID: 400 for the wrong method. Keycloak: 401 for a wrong or missing secret.
            case "unauthorized_client" -> result.status() == 401 ? ErrorCode.TOKEN_INVALID_CLIENT
                    : ErrorCode.TOKEN_UNAUTHORIZED_CLIENT;
            case "invalid_scope" -> ErrorCode.TOKEN_INVALID_SCOPE;
            case "unsupported_grant_type" -> ErrorCode.TOKEN_UNSUPPORTED_GRANT;
            case "server_error", "temporarily_unavailable" -> ErrorCode.TOKEN_SERVER_ERROR;
            default -> ErrorCode.TOKEN_INVALID_REQUEST;
        };
        String message = "The identity provider at " + tokenUrl + " refused the token request: "
                + ServerText.shown(error, masker)
                + (description.isEmpty() ? "" : " (" + description + ")") + ", HTTP " + result.status();
        return new TokenException(code, masker.mask(message), error, result.requestId(), result.status(), null,
                wantsAssertion ? SIGNED_JWT_HINT : null);
    }

    /** The hint when the application is registered for a method this client cannot use. */
    static final String SIGNED_JWT_HINT = "The application is registered for a signed-JWT client authentication "
            + "(client_secret_jwt or private_key_jwt), which this client does not send: register it for a client "
            + "id and secret (Keycloak: Client Authenticator 'Client Id and Secret'), used by client_secret_basic "
            + "and client_secret_post.";

    /**
     * Whether a refusal means "this client authentication method is not the registered one", so that
     * {@code auto} tries the other method: ThunderID's 400 {@code unauthorized_client}. Keycloak's
     * 401 {@code unauthorized_client} means a wrong secret, which the other method cannot fix.
     */
    static boolean wrongMethod(TokenException e) {
        return "unauthorized_client".equals(e.oauthError()) && e.code() == ErrorCode.TOKEN_UNAUTHORIZED_CLIENT;
    }

    private static Duration lifetime(JsonNode expiresIn, String token, Instant now) {
        if (expiresIn != null) {
            try {
                String text = expiresIn.asText().trim();
                // A number longer than this is absurd and would only cost time to parse.
                BigDecimal seconds = expiresIn.isNumber() ? expiresIn.decimalValue()
                        : text.length() > 40 ? BigDecimal.ZERO : new BigDecimal(text);
                if (seconds.signum() > 0) {
                    return seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.toSeconds())) >= 0 ? MAX_LIFETIME
                            : Duration.ofSeconds(seconds.longValue());
                }
            } catch (NumberFormatException e) {
                // fall through to the token's own claim
            }
        }
        return TokenClaims.peek(token).map(TokenClaims::expiresAt).filter(exp -> exp.isAfter(now))
                .map(exp -> exp.isAfter(now.plus(MAX_LIFETIME)) ? MAX_LIFETIME : Duration.between(now, exp))
                .orElse(UNKNOWN_LIFETIME);
    }

    /** Stop using a token a fifth of its lifetime (at most a minute) before it expires. */
    static Instant refreshAt(Instant now, Duration lifetime) {
        Duration margin = lifetime.dividedBy(5);
        return now.plus(lifetime).minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    static JsonNode parse(HttpResult result) {
        if (result.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(result.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
