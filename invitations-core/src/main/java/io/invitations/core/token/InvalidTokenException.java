package io.invitations.core.token;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown when a link token is not valid: mistyped, forged, made under a retired key, replaced by a
 * newer link, or for an invitation that does not exist. The message and the type are the same in
 * every case, so the result reveals nothing about which invitations exist; the token is never part
 * of it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class InvalidTokenException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidTokenException() {
        super(ErrorCode.INVALID_TOKEN, "this invitation link is not valid: it may be incomplete, or replaced by a"
                + " newer one; open the latest invitation message or ask for a new invitation");
    }
}
