package io.invitations.spi.mail;

import org.apiguardian.api.API;

/**
 * Delivers rendered messages. The engine calls it from its outbox worker, after the invitation is
 * stored; a failing or slow mailer never fails or loses an invitation.
 *
 * <h2>Delivery guarantee and the idempotency key</h2>
 * The engine records each attempt durably before it calls {@link #send(MailMessage)} and the
 * outcome right after. When a process stops between the two (a crash after the mail server
 * accepted the message, before the outcome was stored), nobody can know whether the message went
 * out; the rule is: <b>the message is sent again, with the same
 * {@link MailMessage#idempotencyKey()}</b>, once its claim's lease has passed. So every message is
 * delivered at least once and, at the mail-server level, at most once more per stopped process.
 * A mailer makes that duplicate disappear by passing the key to a provider that accepts one
 * (an idempotency-key header or API field) or by deriving a stable {@code Message-ID} from it, as
 * {@code SmtpMailer} does, so that receiving systems that deduplicate by Message-ID show it once.
 * A mailer whose provider deduplicates by key achieves exactly-once delivery.
 *
 * <p>Implementations must be safe for use by many threads at once. They must not log message
 * bodies (they carry claim links). A call should end within the lease the outbox is configured
 * with (default 5 minutes): configure connect, read and write timeouts well below it.
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
