package io.invitations.spi.mail;

import io.invitations.spi.InvitationException;
import io.invitations.spi.storage.OutboxMessage;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.List;

/**
 * One delivery event a mail provider reported for one message (from a webhook, a notification
 * queue or a bounce mailbox), in the terms of the outbox: which message, what happened, when.
 * Parsers for the common providers' webhooks live in {@code invitations-jackson}
 * ({@code ProviderWebhooks}); hosts with another provider build reports themselves.
 *
 * @param provider   who reported it, e.g. {@code "ses"}; for diagnosis only, not {@code null}
 * @param references the ids by which the outbox may know the message, tried in order: the
 *                   provider's message id, the {@code Message-ID} header (with or without angle
 *                   brackets), the idempotency key the message carried; at least one, none blank
 * @param step       DELIVERED, SOFT_BOUNCED, HARD_BOUNCED or COMPLAINED
 * @param at         when the provider says it happened, not {@code null}
 * @param detail     the provider's diagnostic words (e.g. {@code "smtp; 550 5.1.1 user unknown"}), or
 *                   {@code null}; never the message body
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record DeliveryReport(String provider, List<String> references, OutboxMessage.DeliveryStep step, Instant at,
                             String detail) {
    /**
     * Validates the report.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the field that is missing or
     *                             wrong
     */
    public DeliveryReport {
        InvitationException.requireValue(provider, "provider");
        InvitationException.requireValue(references, "references");
        InvitationException.requireValue(step, "step");
        InvitationException.requireValue(at, "at");
        references = List.copyOf(references);
        if (references.isEmpty() || references.stream().anyMatch(String::isBlank)) {
            throw InvitationException.invalidValue("references must name at least one message id, none blank");
        }
        if (step == OutboxMessage.DeliveryStep.QUEUED || step == OutboxMessage.DeliveryStep.SENT) {
            throw InvitationException.invalidValue("step " + step + " is not delivery feedback; use DELIVERED,"
                    + " SOFT_BOUNCED, HARD_BOUNCED or COMPLAINED");
        }
    }
}
