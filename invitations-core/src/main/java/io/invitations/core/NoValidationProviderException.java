package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

/**
 * Thrown by {@link InvitationService.Builder#build()} when no {@code jakarta.validation.Validator}
 * was given and no Jakarta Validation provider is on the class path to make one. Add
 * {@code org.hibernate.validator:hibernate-validator} (the documented default) or any other
 * Jakarta Validation 3.x provider to the host's dependencies, or pass a validator to
 * {@link InvitationService.Builder#validator(jakarta.validation.Validator)}.
 *
 * @since 1.0.0
 */
public class NoValidationProviderException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause the bootstrap failure of Jakarta Validation, may be {@code null}
     */
    public NoValidationProviderException(Throwable cause) {
        super(ErrorCode.CONFIGURATION, "No Jakarta Validation provider is on the class path: add the dependency"
                + " org.hibernate.validator:hibernate-validator (or another Jakarta Validation 3.x provider), or pass"
                + " a jakarta.validation.Validator to InvitationService.builder().validator(...)", cause);
    }
}
