package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * The permission ladder, lowest first: {@code USER < HR_LOCAL < HR_TENANT < ADMIN_LOCAL < ADMIN_TENANT}.
 * The {@code *_LOCAL} levels act only inside the inviter's own units.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum PermissionLevel {
    /** Every member. */
    USER,
    /** Human resources of one or more units. */
    HR_LOCAL,
    /** Human resources of the whole tenant. */
    HR_TENANT,
    /** Administrator of one or more units. */
    ADMIN_LOCAL,
    /** Administrator of the whole tenant. */
    ADMIN_TENANT;

    /**
     * Tells whether this level is at or above another on the ladder.
     *
     * @param other the level to compare with, not {@code null}
     * @return {@code true} when this level is {@code other} or higher
     */
    public boolean atLeast(PermissionLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * Tells whether this level is confined to the inviter's units.
     *
     * @return {@code true} for {@link #HR_LOCAL} and {@link #ADMIN_LOCAL}
     */
    public boolean isLocal() {
        return this == HR_LOCAL || this == ADMIN_LOCAL;
    }

    /**
     * Tells whether this is an administrator level (may reveal links and codes, export claim links).
     *
     * @return {@code true} for {@link #ADMIN_LOCAL} and {@link #ADMIN_TENANT}
     */
    public boolean isAdmin() {
        return this == ADMIN_LOCAL || this == ADMIN_TENANT;
    }
}
