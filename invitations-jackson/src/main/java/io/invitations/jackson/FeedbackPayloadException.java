package io.invitations.jackson;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * A mail provider's webhook payload could not be read: not JSON, or a delivery event without the
 * fields its provider documents. The message names the provider and the field (or the line and
 * column of a syntax error), never the payload's content. Webhook endpoints answer it with 400.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public class FeedbackPayloadException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, without payload content
     */
    public FeedbackPayloadException(String message) {
        super(ErrorCode.FEEDBACK_PAYLOAD_INVALID, message);
    }
}
