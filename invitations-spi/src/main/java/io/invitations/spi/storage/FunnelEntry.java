package io.invitations.spi.storage;

import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationSource;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one sent invitation got, read from the stored invitation and its history: the raw facts
 * the engine's conversion report counts (see {@link InvitationStore#funnel}).
 *
 * @param invitationId the invitation, not {@code null}
 * @param invitedBy    the inviter's user id, not {@code null}
 * @param source       how it was created (its batch, for bulk), not {@code null}
 * @param emailInvitee {@code true} when the invitee has an email address, {@code false} for an
 *                     identifier invitee (who redeems an access code)
 * @param invitedAt    when it was sent, not {@code null}
 * @param deliveredAt  when a message was last handed to the mail server, or {@code null}
 * @param bounced      {@code true} when its delivery state is BOUNCED
 * @param openedAt     when the invitee first opened the claim link (the first OPEN history entry),
 *                     or {@code null}
 * @param acceptedAt   its response time when it is ACCEPTED or AWAITING_APPROVAL, or
 *                     {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record FunnelEntry(InvitationId invitationId, String invitedBy, InvitationSource source, boolean emailInvitee,
                          Instant invitedAt, Instant deliveredAt, boolean bounced, Instant openedAt,
                          Instant acceptedAt) {
    /**
     * Validates the value.
     *
     * @throws NullPointerException if a required component is null
     */
    public FunnelEntry {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(invitedAt, "invitedAt");
    }
}
