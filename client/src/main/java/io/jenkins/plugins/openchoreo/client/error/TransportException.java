package io.jenkins.plugins.openchoreo.client.error;

/** No usable HTTP answer: refused connection, timeout, TLS failure, unreadable or oversized body. */
public class TransportException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    public TransportException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(code, message, hint, requestId, status, cause);
    }
}
