package io.invitations.jackson;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

/**
 * Thrown when text is not the JSON form of an event: not JSON, no or an unknown {@code "type"}, or a
 * field missing or of the wrong kind.
 *
 * @since 0.1.0
 */
public class EventJsonException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong
     * @param cause   the parser's exception, or {@code null}
     */
    public EventJsonException(String message, Throwable cause) {
        super(ErrorCode.INVALID_REQUEST, message, cause);
    }
}
