package io.invitations.spi.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How many invitations one inviter may create within a sliding time window, e.g. 50 per day.
 * System actors (directory sync, admin APIs) are not subject to it.
 *
 * @param maxInvitations the most invitations per window, at least 1
 * @param window         the window's length, positive
 * @since 0.1.0
 */
public record InviteQuota(int maxInvitations, Duration window) {
    /**
     * Validates the quota.
     *
     * @throws NullPointerException     if {@code window} is null
     * @throws IllegalArgumentException if the count is below 1 or the window not positive
     */
    public InviteQuota {
        Objects.requireNonNull(window, "window");
        if (maxInvitations < 1) {
            throw new IllegalArgumentException("maxInvitations must be at least 1, was " + maxInvitations);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
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
