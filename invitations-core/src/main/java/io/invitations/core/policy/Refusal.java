package io.invitations.core.policy;

import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One reason a request is refused.
 *
 * @param code    the stable code, not {@code null}
 * @param field   what the refusal is about (e.g. {@code inviter}, {@code role}, {@code email},
 *                {@code unit}, {@code groups}, {@code seats}), not {@code null}
 * @param message what is wrong and what to do; never a secret; not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Refusal(ErrorCode code, String field, String message) implements java.io.Serializable {
    /**
     * Validates the refusal.
     *
     * @throws NullPointerException if a component is null
     */
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + " (" + field + "): " + message;
    }
}
