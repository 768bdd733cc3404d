package io.invitations.core.code;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown when an identifier, or the client an attempt comes from, had too many wrong access codes
 * recently: further attempts are refused, without looking at the code, until the throttle window
 * ends. The message names neither the code nor the identifier's value.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class ThrottledException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ThrottledException() {
        super(ErrorCode.THROTTLED, "too many wrong access codes for this identifier or from this device; wait a"
                + " few minutes before trying again, or ask the administrator who invited you for the code");
    }
}
