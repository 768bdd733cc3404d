package io.invitations.core.bulk;

import java.util.Objects;

/**
 * One thing wrong with one field of one row.
 *
 * @param field   the field's name as the caller knows it (e.g. {@code "email"}, {@code "role"}), not {@code null}
 * @param message what is wrong and how to fix it, not {@code null}
 * @since 0.1.0
 */
public record RowProblem(String field, String message) {
    /**
     * Validates the problem.
     *
     * @throws NullPointerException if a component is null
     */
    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
