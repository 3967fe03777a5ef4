package io.jenkins.plugins.openchoreo.client.error;

/** The server failed (HTTP 5xx) after retries. */
public class ServerErrorException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
