package io.jenkins.plugins.openchoreo.client.error;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One problem with one field: {@code where} names the file (when there is one) or the argument,
 * {@code field} the path inside it (for example {@code endpoints[0].port}), and {@code hint} (or
 * null) how to fix this kind of problem, so an error's hint fits what is wrong with it rather
 * than its error code in general.
 */
public record FieldError(String where, String field, String message, String hint) implements Serializable {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public FieldError(String where, String field, String message) {
        this(where, field, message, null);
    }

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    public FieldError withHint(String value) {
        return new FieldError(where, field, message, value);
    }

    /** The distinct hints of these problems, in order, one sentence after the other; null when none has one. */
    public static String hintOf(List<FieldError> errors) {
        Set<String> hints = new LinkedHashSet<>();
        errors.stream().map(FieldError::hint).filter(Objects::nonNull).forEach(hints::add);
        return hints.isEmpty() ? null : String.join(" ", hints);
    }

    @Override
    public String toString() {
        return (where == null ? "" : where + ": ") + field + ": " + message;
    }
}
