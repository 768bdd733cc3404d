package io.invitations.spi.mail;

import org.apiguardian.api.API;

/**
 * Delivers rendered messages. The engine calls it from its outbox worker, after the invitation is
 * stored; a failing or slow mailer never fails or loses an invitation.
 *
 * <p>Implementations must be safe for use by many threads at once. They must not log message
 * bodies (they carry claim links).
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "1.0")
public interface Mailer {
    /**
     * Hands one message to the mail system.
     *
     * @param message the message, not {@code null}
     * @throws MailDeliveryException with {@link MailDeliveryException#isTransient()} {@code true}
     *                               when a later attempt may succeed (connection refused, SMTP 4xx),
     *                               {@code false} when it never will (SMTP 5xx, bad address); any
     *                               other runtime exception counts as transient
     */
    void send(MailMessage message);
}
