package io.jenkins.plugins.openchoreo.client.error;

import java.util.Objects;

/**
 * Every error the engine reports: a user-facing message, a hint on how to fix it, its catalog code
 * and, when a request was made, the {@code X-Request-ID} that server logs can be searched for.
 * Messages never contain secrets: they are built from masked text.
 */
public class OpenChoreoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;
    private final String requestId;
    private final int status;

    public OpenChoreoException(ErrorCode code, String message) {
        this(code, message, null, null, 0, null);
    }

    public OpenChoreoException(ErrorCode code, String message, String hint, String requestId, int status,
            Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint == null ? code.hint() : hint;
        this.requestId = requestId;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCategory category() {
        return code.category();
    }

    public String hint() {
        return hint;
    }

    /** The X-Request-ID of the failing call, or null when the error arose before any call. */
    public String requestId() {
        return requestId;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** Message, request id and hint, the way front ends print an error. */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        if (requestId != null) {
            text.append(" [request id ").append(requestId).append(']');
        }
        return text.append(System.lineSeparator()).append("Hint: ").append(hint).toString();
    }
}
