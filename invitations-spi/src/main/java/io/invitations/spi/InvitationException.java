package io.invitations.spi;

import java.util.Objects;

/**
 * The root of every exception the Invitations SDK throws. Unchecked; each subclass is named for the
 * failure and carries the context that helps (id, state, action, row, field). The {@link #code()} is
 * stable and safe to switch on.
 *
 * <p>Messages name what was wrong and how to fix it. They never contain a token, access code,
 * password or key.
 *
 * @since 0.1.0
 */
public class InvitationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * Creates an exception.
     *
     * @param code    the stable code, not {@code null}
     * @param message what was wrong and what to do, not {@code null}; must not contain secrets
     */
    public InvitationException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code    the stable code, not {@code null}
     * @param message what was wrong and what to do, not {@code null}; must not contain secrets
     * @param cause   the underlying failure, may be {@code null}
     */
    public InvitationException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Returns the stable code of this failure.
     *
     * @return the code, never {@code null}
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Creates the exception a value type's builder throws for a value that cannot be used:
     * {@link ErrorCode#INVALID_REQUEST} with a message that names the field.
     *
     * @param message what was wrong, naming the field, e.g. {@code "tokenVersion starts at 1"}
     * @return the exception, for the caller to throw
     */
    public static InvitationException invalidValue(String message) {
        return new InvitationException(ErrorCode.INVALID_REQUEST, message);
    }

    /**
     * Refuses a missing value of a field: throws {@link ErrorCode#INVALID_REQUEST} naming the field.
     *
     * @param value the value
     * @param field the field's name, as its accessor spells it
     * @param <T>   the value's type
     * @return the value, never {@code null}
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code value} is {@code null}
     */
    public static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw invalidValue(field + " must be set");
        }
        return value;
    }
}
