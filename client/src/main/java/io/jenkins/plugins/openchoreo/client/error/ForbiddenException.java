package io.jenkins.plugins.openchoreo.client.error;

/** The token is valid but may not do this (HTTP 403). */
public class ForbiddenException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
