package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * What happened to one row of a bulk call. In a {@link BulkMode#DRY_RUN dry run},
 * {@link #CREATED}, {@link #PROVISIONED} and {@link #SENT} say what would happen; nothing was written.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum BulkOutcome {
    /** A PENDING invitation was created and its message queued. */
    CREATED,
    /** A PROVISIONED invitation was created (invite later); no message was sent. */
    PROVISIONED,
    /** An open invitation for this invitee and target already exists; nothing was created. */
    ALREADY_INVITED,
    /** The invitee is already a member; nothing was created. */
    ALREADY_MEMBER,
    /**
     * Either {@link #ALREADY_INVITED} or {@link #ALREADY_MEMBER}: reported instead of both to
     * inviters below the tenant's manage level, so that a bulk upload does not reveal who is a member.
     */
    ALREADY_INVITED_OR_MEMBER,
    /** An earlier row of the same call has the same email or identifier; the first one wins. */
    DUPLICATE_IN_INPUT,
    /** The row is not valid (missing or malformed email, unknown membership type, ...). */
    INVALID,
    /** A policy refused the row (role above the inviter, domain not allowed, no seat left, ...). */
    DENIED,
    /**
     * The row could have been created, but the call was {@link BulkMode#ALL_OR_NOTHING} and another
     * row could not, so nothing was written.
     */
    NOT_WRITTEN,
    /**
     * With {@link BulkAction#SEND_PROVISIONED}: the person's PROVISIONED invitation was (in a dry
     * run, would be) sent; it is PENDING with its message queued, and the line carries its id.
     */
    SENT,
    /**
     * With {@link BulkAction#SEND_PROVISIONED}: the person has no provisioned (nor pending) invitation
     * to the call's target; invite them with {@link BulkAction#INVITE} instead.
     */
    NOT_PROVISIONED;

    /**
     * Tells whether this outcome means an invitation was (or, in a dry run, would be) created.
     *
     * @return {@code true} for {@link #CREATED} and {@link #PROVISIONED}
     */
    public boolean isCreated() {
        return this == CREATED || this == PROVISIONED;
    }
}
