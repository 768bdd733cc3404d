package io.invitations.spi;

import org.apiguardian.api.API;

/**
 * Stable codes carried by every {@link InvitationException}. Hosts switch on them to choose what an
 * end user is shown; the names never change once released (new codes may be added).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum ErrorCode {
    /** A request failed validation; the exception lists every problem with its field. */
    INVALID_REQUEST,
    /** The tenant has switched invitations off. */
    INVITATIONS_DISABLED,
    /** The inviter's permission level is below what the action needs. */
    LEVEL_TOO_LOW,
    /** A {@code *_LOCAL} inviter acted on a unit that is not theirs. */
    OUTSIDE_UNIT,
    /** A group administrator invited into a group they do not administer, or the tenant does not allow it. */
    NOT_GROUP_ADMIN,
    /** The granted role requires a higher level than the inviter holds (no escalation). */
    ROLE_ABOVE_INVITER,
    /** The role is not one of the tenant's roles. */
    UNKNOWN_ROLE,
    /** The tenant does not allow guests. */
    GUESTS_NOT_ALLOWED,
    /** The invitee's email domain is not among the tenant's (or link's) allowed domains. */
    DOMAIN_NOT_ALLOWED,
    /** No seat is left for another member. */
    SEAT_LIMIT_REACHED,
    /** The inviter sent as many invitations as the tenant allows in the current window. */
    QUOTA_EXCEEDED,
    /**
     * The identifier already has as many open (provisioned or pending) invitations in the tenant as
     * an access-code check compares; revoke or wait for one before inviting it again.
     */
    OPEN_INVITATIONS_LIMIT,
    /**
     * A contact looks like (is confusable with) an existing invitee or member of the tenant, and the
     * tenant refuses look-alikes.
     */
    CONTACT_CONFUSABLE,
    /** The invitation was resent as many times as the tenant allows. */
    RESEND_LIMIT,
    /** The invitation was resent too recently. */
    RESEND_COOLDOWN,
    /** The actor may not manage an invitation someone else sent. */
    NOT_ALLOWED_TO_MANAGE,
    /** An open invitation already exists for this tenant, target and invitee. */
    ALREADY_INVITED,
    /** The invitee is already a member. */
    ALREADY_MEMBER,
    /**
     * The invitee is already invited or already a member, deliberately not saying which: given to
     * callers who may not learn membership (someone joining through a public link).
     */
    ALREADY_INVITED_OR_MEMBER,
    /** The action is not allowed in the invitation's current state. */
    ILLEGAL_TRANSITION,
    /** No invitation (or link) with that id exists in that tenant. */
    NOT_FOUND,
    /** The link token or access code is not valid: unknown, forged, or from a dead link. */
    INVALID_TOKEN,
    /** The invitation has expired. */
    EXPIRED,
    /** The invitation was already accepted. */
    ALREADY_ACCEPTED,
    /** The invitation was revoked. */
    REVOKED,
    /** Shareable links are switched off for the tenant. */
    LINKS_DISABLED,
    /** The shareable link is deactivated. */
    LINK_INACTIVE,
    /** The shareable link's expiry has passed. */
    LINK_EXPIRED,
    /** The shareable link reached its maximum number of uses. */
    LINK_EXHAUSTED,
    /** Too many failed attempts: refused until the throttle window ends. */
    THROTTLED,
    /** The claim misses something it requires (terms, password, profile field, group choice). */
    CLAIM_INCOMPLETE,
    /** Approval was asked for an invitation of a tenant that does not require it, or in the wrong state. */
    APPROVAL_NOT_REQUIRED,
    /** A bulk call had more rows than the tenant's bulk limit. */
    BULK_LIMIT_EXCEEDED,
    /** An import file could not be read: wrong format, broken structure, missing columns. */
    IMPORT_INVALID_FILE,
    /** An import file exceeds a size, row, ratio or expanded-size limit. */
    IMPORT_LIMIT_EXCEEDED,
    /** An import file carries something refused for safety (DOCTYPE, external entities, macros). */
    IMPORT_UNSAFE,
    /** A message template is invalid (unknown placeholder, bad syntax). */
    TEMPLATE_INVALID,
    /** Storage refused a second open invitation for the same tenant, target and invitee. */
    DUPLICATE_OPEN_INVITATION,
    /** Storage refused a compare-and-set: the stored version is not the expected one. */
    CONCURRENT_MODIFICATION,
    /** Storage failed for another reason (connection, constraint, integrity). */
    STORAGE_FAILURE,
    /** Mail delivery failed but may succeed later. */
    DELIVERY_TRANSIENT,
    /** Mail delivery failed for good (bad address, rejected). */
    DELIVERY_PERMANENT,
    /** No signing key is available, or the key a token names is retired. */
    KEY_UNAVAILABLE,
    /** The library or an adapter is configured wrongly. */
    CONFIGURATION
}
