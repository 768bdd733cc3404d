package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * The actions that move an invitation between states; history entries and refused-move errors
 * name them.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum Action {
    /** Create without inviting (invite later). */
    PROVISION,
    /** Create and invite, or send a provisioned invitation. */
    INVITE,
    /** Deliver the message again while pending. */
    RESEND,
    /** Invite again after expiry. */
    REINVITE,
    /** Accept with a valid link or code. */
    ACCEPT,
    /** Decline, by the invitee. */
    DECLINE,
    /** Approve an acceptance awaiting approval. */
    APPROVE,
    /** Reject an acceptance awaiting approval. */
    REJECT,
    /** Withdraw the invitation. */
    REVOKE,
    /** Record that the expiry passed. */
    EXPIRE,
    /**
     * The invitee opened the claim link for the first time (the status does not change).
     *
     * @since 1.1
     */
    OPEN,
    /**
     * The provider reported a hard bounce or a complaint for the invitation's message (the status
     * does not change; the delivery state becomes BOUNCED).
     *
     * @since 1.1
     */
    BOUNCE,
    /**
     * An administrator revealed a fresh claim link to share it by hand (the copy-link fallback; the
     * status does not change, earlier links stop working).
     *
     * @since 1.1
     */
    SHARE_LINK,
    /**
     * The invitation was handed to another inviter because its inviter left the tenant or dropped
     * below the inviting level (the status does not change).
     *
     * @since 1.1
     */
    REASSIGN,
    /**
     * A scheduled reminder of the pending invitation was queued (the status does not change).
     *
     * @since 1.1
     */
    REMIND,

    /**
     * The invitee's personal data was erased (on request, or when the tenant's retention period
     * passed); the invitation keeps a tombstone of the contact. The status does not change.
     *
     * @since 1.1
     */
    ERASE
}
