package io.invitations.core;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One thing wrong with one field of a request. Never carries the field's value (it may be a secret).
 *
 * @param field   the field's path, e.g. {@code email} or {@code groups[]}, not {@code null}
 * @param message what is wrong, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record FieldProblem(String field, String message) implements java.io.Serializable {
    /**
     * Validates the problem.
     *
     * @throws NullPointerException if a component is null
     */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
