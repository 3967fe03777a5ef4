package io.jenkins.plugins.openchoreo.client.descriptor;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one source (a descriptor, or one argument) found wrong, collected so that every
 * problem is reported at once. Unknown keys are warnings in a descriptor (OpenChoreo ignores
 * them too) but errors in an argument, which has no way to show a warning and is usually a typo.
 */
final class Problems {

    private final String where;
    private final boolean unknownKeysAreErrors;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Problems(String where, boolean unknownKeysAreErrors) {
        this.where = where;
        this.unknownKeysAreErrors = unknownKeysAreErrors;
    }

    void error(String field, String message) {
        error(field, message, null);
    }

    /** An error with the hint for its kind of problem (null: the error code's). */
    void error(String field, String message, String hint) {
        errors.add(new FieldError(where, field, message, hint));
    }

    void warn(String field, String message) {
        warnings.add(where + ": " + field + ": " + message);
    }

    void unknownKey(String field, String knownKeys) {
        if (unknownKeysAreErrors) {
            error(field, "unknown key; the keys here are " + knownKeys);
        } else {
            warnings.add(where + ": unknown key \"" + field + "\" ignored");
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** All errors in one exception, each on its own line. */
    static InvalidRequestException exception(ErrorCode code, String subject, List<FieldError> errors) {
        StringBuilder message = new StringBuilder(subject).append(errors.size() == 1 ? " has a problem:"
                : " has " + errors.size() + " problems:");
        errors.forEach(e -> message.append(System.lineSeparator()).append("  - ").append(e));
        return new InvalidRequestException(code, message.toString(), errors, null, null, 0, null);
    }
}
