package io.jenkins.plugins.openchoreo.client.error;

/**
 * The identity provider refused to issue a token. Typed by the RFC 6749 {@code error} field
 * (kept in {@link #oauthError()}), not only by the HTTP status, because providers disagree on
 * statuses (Keycloak answers a bad secret with 401 {@code unauthorized_client}).
 */
public class TokenException extends UnauthorizedException {

    private static final long serialVersionUID = 1L;

    private final String oauthError;

    public TokenException(ErrorCode code, String message, String oauthError, String requestId, int status,
            Throwable cause) {
        this(code, message, oauthError, requestId, status, cause, null);
    }

    /** @param hint a more specific hint than the code's, or null for the code's */
    public TokenException(ErrorCode code, String message, String oauthError, String requestId, int status,
            Throwable cause, String hint) {
        super(code, message, hint, requestId, status, cause);
        this.oauthError = oauthError;
    }

    /** The RFC 6749 error code the provider sent, or null when its answer had none. */
    public String oauthError() {
        return oauthError;
    }
}
