package io.invitations.core.outbox.internal;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage;
import org.apiguardian.api.API;

/**
 * Turns a claimed outbox message into the message to send, at delivery time: this is where the
 * claim link is derived and the tenant's branding and template applied (typically through
 * {@link io.invitations.core.message.MessageRenderer}). The result's idempotency key must be
 * {@link OutboxMessage#idempotencyKey()}.
 *
 * <p>Implementations must be safe for use by many threads at once. A runtime exception counts as a
 * transient delivery failure (retried with backoff).
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = API.Status.INTERNAL, since = "1.0")
public interface OutboxRenderer {
    /**
     * Renders one message.
     *
     * @param invitation the invitation as stored, not {@code null}
     * @param message    the claimed message, not {@code null}
     * @return the message to send, not {@code null}
     */
    MailMessage render(Invitation invitation, OutboxMessage message);
}
