package io.invitations.spi.mail;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown by a {@link Mailer} when a message was not delivered.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class MailDeliveryException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param transientFailure {@code true} when a later attempt may succeed
     * @param message          what failed, without message bodies
     * @param cause            the underlying failure, or {@code null}
     */
    public MailDeliveryException(boolean transientFailure, String message, Throwable cause) {
        super(transientFailure ? ErrorCode.DELIVERY_TRANSIENT : ErrorCode.DELIVERY_PERMANENT, message, cause);
    }

    /**
     * Creates a transient failure: the outbox retries it with backoff.
     *
     * @param message what failed
     * @param cause   the underlying failure, or {@code null}
     * @return the exception
     */
    public static MailDeliveryException transientFailure(String message, Throwable cause) {
        return new MailDeliveryException(true, message, cause);
    }

    /**
     * Creates a permanent failure: recorded on the invitation, not retried.
     *
     * @param message what failed
     * @param cause   the underlying failure, or {@code null}
     * @return the exception
     */
    public static MailDeliveryException permanentFailure(String message, Throwable cause) {
        return new MailDeliveryException(false, message, cause);
    }

    /**
     * Tells whether a later attempt may succeed.
     *
     * @return {@code true} for transient failures
     */
    public boolean isTransient() {
        return code() == ErrorCode.DELIVERY_TRANSIENT;
    }
}
