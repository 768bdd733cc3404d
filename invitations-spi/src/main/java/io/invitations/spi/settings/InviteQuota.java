package io.invitations.spi.settings;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Duration;

/**
 * How many invitations one inviter may create within a sliding time window, e.g. 50 per day.
 * System actors (directory sync, admin APIs) are not subject to it.
 *
 * @param maxInvitations the most invitations per window, at least 1
 * @param window         the window's length, positive
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record InviteQuota(int maxInvitations, Duration window) {
    /**
     * Validates the quota.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if the window is missing or not
     *         positive, or the count is below 1
     */
    public InviteQuota {
        InvitationException.requireValue(window, "window");
        if (maxInvitations < 1) {
            throw InvitationException.invalidValue("maxInvitations must be at least 1, was " + maxInvitations
                    + ": give the most invitations one inviter may send per window");
        }
        if (window.isNegative() || window.isZero()) {
            throw InvitationException.invalidValue("window must be positive, was " + window
                    + ": give a duration such as Duration.ofHours(1)");
        }
    }

    /**
     * Creates a quota.
     *
     * @param maxInvitations the most invitations per window
     * @param window         the window's length
     * @return the quota
     */
    public static InviteQuota of(int maxInvitations, Duration window) {
        return new InviteQuota(maxInvitations, window);
    }
}
