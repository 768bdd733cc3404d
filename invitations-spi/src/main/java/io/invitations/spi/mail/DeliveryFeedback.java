package io.invitations.spi.mail;

import io.invitations.spi.storage.OutboxMessage;
import org.apiguardian.api.API;

/**
 * Where hosts feed what mail providers report about delivered messages: deliveries, soft and hard
 * bounces, complaints. The engine implements it ({@code InvitationService.deliveryFeedback()}); a
 * host's webhook endpoint parses the provider's payload (see {@code ProviderWebhooks} in
 * {@code invitations-jackson}) and passes each {@link DeliveryReport} here.
 *
 * <p>What a report does: the outbox message records the step with its instant (see
 * {@link OutboxMessage#timeline()}). A hard bounce or a complaint for an invitation's latest
 * message also marks the invitation's delivery state BOUNCED, appends a {@code BOUNCE} history
 * entry, cancels its messages still queued, refuses further resends and publishes
 * {@code InvitationEvent.Bounced}: administrators find it by delivery status and may share the
 * claim link by hand. Reports are idempotent: a provider retrying its webhook changes nothing more.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public interface DeliveryFeedback {
    /**
     * Records one report.
     *
     * @param report the report, not {@code null}
     * @return the message as stored after the report
     * @throws UnknownMessageException if none of the report's references names an outbox message
     * @throws io.invitations.spi.storage.StorageException if the store fails or takes no feedback
     */
    OutboxMessage record(DeliveryReport report);
}
