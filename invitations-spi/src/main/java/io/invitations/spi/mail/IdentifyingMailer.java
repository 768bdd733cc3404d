package io.invitations.spi.mail;

import org.apiguardian.api.API;

/**
 * A {@link Mailer} that reports the id each message goes by at the mail system: the
 * {@code Message-ID} header, or the id the provider's API returned. The outbox records it (see
 * {@code OutboxMessage.providerMessageId()}) so that {@link DeliveryFeedback} can find the message
 * when the provider reports a delivery, bounce or complaint. With a plain {@link Mailer}, feedback
 * finds messages by their idempotency key only.
 *
 * <p>The engine calls {@link #sendAndIdentify(MailMessage)} instead of {@link #send(MailMessage)};
 * the same delivery guarantee, thread-safety and logging rules apply.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public interface IdentifyingMailer extends Mailer {
    /**
     * Hands one message to the mail system and reports its id there.
     *
     * @param message the message, not {@code null}
     * @return the id, or {@code null} when none is known
     * @throws MailDeliveryException as {@link #send(MailMessage)}
     */
    String sendAndIdentify(MailMessage message);

    /**
     * Hands one message to the mail system; the id is not needed.
     *
     * @param message the message, not {@code null}
     * @throws MailDeliveryException as {@link Mailer#send(MailMessage)}
     */
    @Override
    default void send(MailMessage message) {
        sendAndIdentify(message);
    }
}
