package io.jenkins.plugins.openchoreo.client.error;

/** The object exists already or changed meanwhile (HTTP 409), or the component's Workloads conflict. */
public class ConflictException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
