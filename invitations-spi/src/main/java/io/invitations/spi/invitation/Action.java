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
    EXPIRE
}
