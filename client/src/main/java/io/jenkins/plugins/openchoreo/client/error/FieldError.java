package io.jenkins.plugins.openchoreo.client.error;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem with one field: {@code where} names the file (when there is one) or the argument,
 * {@code field} the path inside it (for example {@code endpoints[0].port}).
 */
public record FieldError(String where, String field, String message) implements Serializable {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    @Override
    public String toString() {
        return (where == null ? "" : where + ": ") + field + ": " + message;
    }
}
