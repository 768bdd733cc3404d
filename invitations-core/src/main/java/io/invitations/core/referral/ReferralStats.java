package io.invitations.core.referral;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One inviter's referrals over a period: invitations created in the period and sent (provisioned
 * ones not yet sent do not count), and how many of those were accepted.
 *
 * @param inviterId   the inviter's user id, not {@code null}
 * @param inviterName the inviter's display name on their latest invitation, not {@code null}
 * @param sent        invitations sent, at least 0
 * @param accepted    of those, how many were accepted, at most {@code sent}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ReferralStats(String inviterId, String inviterName, long sent, long accepted) {
    /**
     * Validates the stats.
     *
     * @throws NullPointerException     if a name is null
     * @throws InvitationException with {@code INVALID_REQUEST} if the counts are out of range
     */
    public ReferralStats {
        Objects.requireNonNull(inviterId, "inviterId");
        Objects.requireNonNull(inviterName, "inviterName");
        if (sent < 0 || accepted < 0 || accepted > sent) {
            throw InvitationException.invalidValue("need 0 <= accepted <= sent, got " + accepted + " of " + sent);
        }
    }

    /**
     * Returns the share of sent invitations that were accepted.
     *
     * @return between 0 and 1; 0 when nothing was sent
     */
    public double acceptanceRate() {
        return sent == 0 ? 0.0 : (double) accepted / sent;
    }
}
