package io.jenkins.plugins.openchoreo.client.error;

/** A namespace, object or route was not found (HTTP 404). */
public class NotFoundException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
