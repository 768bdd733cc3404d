package io.invitations.core.code;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown when an identifier and access code open no invitation: a mistyped code, a code replaced by
 * a newer one, or an identifier nobody was invited with. The message is the same in every case and
 * names neither the code nor the identifier, so it reveals nothing about who was invited.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class InvalidAccessCodeException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidAccessCodeException() {
        super(ErrorCode.INVALID_TOKEN, "this identifier and access code do not open an invitation; check both"
                + " (the code has 10 characters, e.g. ABCDE-FGHJK) or ask the administrator who invited you");
    }
}
