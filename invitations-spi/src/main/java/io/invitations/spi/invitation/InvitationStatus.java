package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * The states of an invitation. {@link #ACCEPTED}, {@link #REVOKED}, {@link #DECLINED} and
 * {@link #REJECTED} are final. {@link #PROVISIONED}, {@link #PENDING} and {@link #AWAITING_APPROVAL}
 * are open: at most one open invitation exists per tenant, target and invitee.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum InvitationStatus {
    /** Account prepared, not invited: no message was sent and it cannot be claimed. */
    PROVISIONED,
    /** Invited; the message is sent or queued; the link works until it expires. */
    PENDING,
    /** The invitee accepted; membership waits for an approval ("adhesion"). */
    AWAITING_APPROVAL,
    /** Accepted. Final. */
    ACCEPTED,
    /** Not accepted before its expiry; may be re-invited. */
    EXPIRED,
    /** Withdrawn by the inviter or an admin. Final. */
    REVOKED,
    /** Declined by the invitee. Final. */
    DECLINED,
    /** The acceptance was not approved. Final. */
    REJECTED;

    /**
     * Tells whether this state blocks a second invitation for the same tenant, target and invitee.
     *
     * @return {@code true} for PROVISIONED, PENDING and AWAITING_APPROVAL
     */
    public boolean isOpen() {
        return this == PROVISIONED || this == PENDING || this == AWAITING_APPROVAL;
    }

    /**
     * Tells whether no action may leave this state.
     *
     * @return {@code true} for ACCEPTED, REVOKED, DECLINED and REJECTED
     */
    public boolean isFinal() {
        return this == ACCEPTED || this == REVOKED || this == DECLINED || this == REJECTED;
    }
}
