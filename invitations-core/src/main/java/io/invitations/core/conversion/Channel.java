package io.invitations.core.conversion;

import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.storage.FunnelEntry;
import org.apiguardian.api.API;

/**
 * How an invitation reached the invitee.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public enum Channel {
    /** A message to the invitee's email address. */
    EMAIL,
    /** An access code for an identifier invitee (no email address). */
    CODE,
    /** A shareable link the invitee joined through. */
    LINK;

    /**
     * Returns the channel of one invitation's funnel facts.
     *
     * @param entry the facts, not {@code null}
     * @return the channel
     */
    public static Channel of(FunnelEntry entry) {
        if (entry.source().kind() == InvitationSource.Kind.LINK) {
            return LINK;
        }
        return entry.emailInvitee() ? EMAIL : CODE;
    }
}
