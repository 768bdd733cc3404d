package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;

/**
 * One step of delivery feedback to record on a stored outbox message, in a {@link WriteBatch}:
 * the store sets the message's instant for the step ({@link OutboxMessage#deliveredAt()},
 * {@link OutboxMessage#hardBouncedAt()}, {@link OutboxMessage#complainedAt()}: the first report
 * counts; {@link OutboxMessage#softBouncedAt()}: the latest) and, for a bounce or complaint, its
 * {@link OutboxMessage#feedbackDetail()}. Recording never changes the message's status, attempts or
 * lease, so it does not race with the outbox worker; two reports recorded at once both stay.
 *
 * @param tenantId  the message's tenant, not {@code null}
 * @param messageId the message ({@link OutboxMessage#id()}), not blank
 * @param step      DELIVERED, SOFT_BOUNCED, HARD_BOUNCED or COMPLAINED
 * @param at        when the provider says it happened, not {@code null}
 * @param detail    the provider's words, trimmed to 500 characters, or {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record OutboxFeedback(TenantId tenantId, String messageId, OutboxMessage.DeliveryStep step, Instant at,
                             String detail) {
    /** The longest detail kept. */
    public static final int MAX_DETAIL = 500;

    /**
     * Validates the value and trims the detail.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the field that is missing, or
     *                             when the step is QUEUED or SENT (the outbox records those itself)
     */
    public OutboxFeedback {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(messageId, "messageId");
        InvitationException.requireValue(step, "step");
        InvitationException.requireValue(at, "at");
        if (messageId.isBlank()) {
            throw InvitationException.invalidValue("messageId must not be blank");
        }
        if (step == OutboxMessage.DeliveryStep.QUEUED || step == OutboxMessage.DeliveryStep.SENT) {
            throw InvitationException.invalidValue("step " + step + " is recorded by the outbox, not by feedback;"
                    + " use DELIVERED, SOFT_BOUNCED, HARD_BOUNCED or COMPLAINED");
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }

    /**
     * Applies this step to a message as a store records it (first report counts, except soft
     * bounces: the latest; a delivery keeps an earlier detail, bounces and complaints replace it);
     * stores keeping messages as values may use it.
     *
     * @param m the stored message
     * @return the message with this step recorded
     */
    public OutboxMessage applyTo(OutboxMessage m) {
        OutboxMessage.Builder b = m.toBuilder();
        switch (step) {
            case DELIVERED -> b.deliveredAt(m.deliveredAt() != null ? m.deliveredAt() : at)
                    .feedbackDetail(m.feedbackDetail() != null ? m.feedbackDetail() : detail);
            case SOFT_BOUNCED -> b.softBouncedAt(at).feedbackDetail(detail);
            case HARD_BOUNCED -> b.hardBouncedAt(m.hardBouncedAt() != null ? m.hardBouncedAt() : at)
                    .feedbackDetail(detail);
            case COMPLAINED -> b.complainedAt(m.complainedAt() != null ? m.complainedAt() : at)
                    .feedbackDetail(detail);
            default -> throw new IllegalStateException("not a feedback step: " + step);
        }
        return b.build();
    }
}
