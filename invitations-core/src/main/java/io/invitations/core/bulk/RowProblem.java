package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One thing wrong with one field of one row: found while reading a file, while validating the row,
 * or when a policy refused it.
 *
 * @param field   the field's name as the caller knows it (e.g. {@code "email"}, {@code "role"}), not {@code null}
 * @param message what is wrong and how to fix it, not {@code null}
 * @param code    the stable code of the problem: {@link ErrorCode#INVALID_REQUEST} for bad input,
 *                a refusal code (e.g. {@link ErrorCode#ROLE_ABOVE_INVITER}) when a policy refused
 *                the row; not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record RowProblem(String field, String message, ErrorCode code) {
    /**
     * Validates the problem.
     *
     * @throws NullPointerException if a component is null
     */
    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /**
     * Creates a problem of bad input, with code {@link ErrorCode#INVALID_REQUEST}.
     *
     * @param field   the field's name, not {@code null}
     * @param message what is wrong and how to fix it, not {@code null}
     * @throws NullPointerException if an argument is null
     */
    public RowProblem(String field, String message) {
        this(field, message, ErrorCode.INVALID_REQUEST);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
