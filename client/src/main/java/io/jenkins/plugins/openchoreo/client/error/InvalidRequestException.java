package io.jenkins.plugins.openchoreo.client.error;

import java.util.List;

/**
 * The server or the engine rejected the content (HTTP 400, 422) or the arguments. Carries each
 * field's message, so all problems are shown at once.
 */
public class InvalidRequestException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> fieldErrors;

    public InvalidRequestException(ErrorCode code, String message) {
        this(code, message, List.of(), null, null, 0, null);
    }

    /** @param hint the hint, or null for the fields' own hints, else the code's */
    public InvalidRequestException(ErrorCode code, String message, List<FieldError> fieldErrors, String hint,
            String requestId, int status, Throwable cause) {
        super(code, message, hint != null ? hint : FieldError.hintOf(fieldErrors), requestId, status, cause);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** What is wrong, field by field (may be empty when the server gave a single message). */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
