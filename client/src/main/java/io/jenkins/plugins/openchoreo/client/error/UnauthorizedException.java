package io.jenkins.plugins.openchoreo.client.error;

/** The API or the identity provider refused the credentials or the token. */
public class UnauthorizedException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
