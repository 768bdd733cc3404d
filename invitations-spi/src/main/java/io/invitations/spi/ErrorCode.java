package io.invitations.spi;

import org.apiguardian.api.API;

/**
 * Stable codes carried by every {@link InvitationException}. Hosts switch on them to choose what an
 * end user is shown; the names never change once released (new codes may be added). Each code has
 * one {@link #category() category}, which a host maps once to a transport status.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum ErrorCode {
    /** A request failed validation; the exception lists every problem with its field. */
    INVALID_REQUEST(ErrorCategory.CLIENT_ERROR),
    /** The tenant has switched invitations off. */
    INVITATIONS_DISABLED(ErrorCategory.FORBIDDEN),
    /** The inviter's permission level is below what the action needs. */
    LEVEL_TOO_LOW(ErrorCategory.FORBIDDEN),
    /** A {@code *_LOCAL} inviter acted on a unit that is not theirs. */
    OUTSIDE_UNIT(ErrorCategory.FORBIDDEN),
    /** A group administrator invited into a group they do not administer, or the tenant does not allow it. */
    NOT_GROUP_ADMIN(ErrorCategory.FORBIDDEN),
    /** The granted role requires a higher level than the inviter holds (no escalation). */
    ROLE_ABOVE_INVITER(ErrorCategory.FORBIDDEN),
    /** The role is not one of the tenant's roles. */
    UNKNOWN_ROLE(ErrorCategory.CLIENT_ERROR),
    /** The tenant does not allow guests. */
    GUESTS_NOT_ALLOWED(ErrorCategory.FORBIDDEN),
    /**
     * Invitations to this kind of target may only make guests (an event's guests are not members):
     * the tenant's {@code TargetRules} for the target's type allow guests only.
     *
     * @since 1.0.0
     */
    MEMBERS_NOT_ALLOWED(ErrorCategory.FORBIDDEN),
    /** The invitee's email domain is not among the tenant's (or link's) allowed domains. */
    DOMAIN_NOT_ALLOWED(ErrorCategory.FORBIDDEN),
    /** No seat is left for another member. */
    SEAT_LIMIT_REACHED(ErrorCategory.CONFLICT),
    /** The inviter sent as many invitations as the tenant allows in the current window. */
    QUOTA_EXCEEDED(ErrorCategory.TOO_MANY_REQUESTS),
    /**
     * The identifier already has as many open (provisioned or pending) invitations in the tenant as
     * an access-code check compares; revoke or wait for one before inviting it again.
     */
    OPEN_INVITATIONS_LIMIT(ErrorCategory.CONFLICT),
    /**
     * A contact looks like (is confusable with) an existing invitee or member of the tenant, and the
     * tenant refuses look-alikes.
     */
    CONTACT_CONFUSABLE(ErrorCategory.CONFLICT),
    /** The invitation was resent as many times as the tenant allows. */
    RESEND_LIMIT(ErrorCategory.CONFLICT),
    /** The invitation was resent too recently. */
    RESEND_COOLDOWN(ErrorCategory.TOO_MANY_REQUESTS),
    /** The actor may not manage an invitation someone else sent. */
    NOT_ALLOWED_TO_MANAGE(ErrorCategory.FORBIDDEN),
    /** An open invitation already exists for this tenant, target and invitee. */
    ALREADY_INVITED(ErrorCategory.CONFLICT),
    /** The invitee is already a member. */
    ALREADY_MEMBER(ErrorCategory.CONFLICT),
    /**
     * The invitee is already invited or already a member, deliberately not saying which: given to
     * callers who may not learn membership (someone joining through a public link).
     */
    ALREADY_INVITED_OR_MEMBER(ErrorCategory.CONFLICT),
    /** The action is not allowed in the invitation's current state. */
    ILLEGAL_TRANSITION(ErrorCategory.CONFLICT),
    /** No invitation (or link) with that id exists in that tenant. */
    NOT_FOUND(ErrorCategory.NOT_FOUND),
    /** The link token or access code is not valid: unknown, forged, or from a dead link. */
    INVALID_TOKEN(ErrorCategory.NOT_FOUND),
    /** The invitation has expired. */
    EXPIRED(ErrorCategory.GONE),
    /** The invitation was already accepted. */
    ALREADY_ACCEPTED(ErrorCategory.GONE),
    /** The invitation was revoked. */
    REVOKED(ErrorCategory.GONE),
    /** Shareable links are switched off for the tenant. */
    LINKS_DISABLED(ErrorCategory.FORBIDDEN),
    /** The shareable link is deactivated. */
    LINK_INACTIVE(ErrorCategory.GONE),
    /** The shareable link's expiry has passed. */
    LINK_EXPIRED(ErrorCategory.GONE),
    /** The shareable link reached its maximum number of uses. */
    LINK_EXHAUSTED(ErrorCategory.GONE),
    /** Too many failed attempts: refused until the throttle window ends. */
    THROTTLED(ErrorCategory.TOO_MANY_REQUESTS),
    /** The claim misses something it requires (terms, password, profile field, group choice). */
    CLAIM_INCOMPLETE(ErrorCategory.CLIENT_ERROR),
    /** Approval was asked for an invitation of a tenant that does not require it, or in the wrong state. */
    APPROVAL_NOT_REQUIRED(ErrorCategory.CONFLICT),
    /** A bulk call had more rows than the tenant's bulk limit. */
    BULK_LIMIT_EXCEEDED(ErrorCategory.CLIENT_ERROR),
    /** An import file could not be read: wrong format, broken structure, missing columns. */
    IMPORT_INVALID_FILE(ErrorCategory.CLIENT_ERROR),
    /** An import file exceeds a size, row, ratio or expanded-size limit. */
    IMPORT_LIMIT_EXCEEDED(ErrorCategory.CLIENT_ERROR),
    /** An import file carries something refused for safety (DOCTYPE, external entities, macros). */
    IMPORT_UNSAFE(ErrorCategory.CLIENT_ERROR),
    /** A message template is invalid (unknown placeholder, bad syntax). */
    TEMPLATE_INVALID(ErrorCategory.CLIENT_ERROR),
    /** Storage refused a second open invitation for the same tenant, target and invitee. */
    DUPLICATE_OPEN_INVITATION(ErrorCategory.CONFLICT),
    /** Storage refused a compare-and-set: the stored version is not the expected one. */
    CONCURRENT_MODIFICATION(ErrorCategory.CONFLICT),
    /** Storage failed for another reason (connection, constraint, integrity). */
    STORAGE_FAILURE(ErrorCategory.UNAVAILABLE),
    /** Mail delivery failed but may succeed later. */
    DELIVERY_TRANSIENT(ErrorCategory.UNAVAILABLE),
    /** Mail delivery failed for good (bad address, rejected). */
    DELIVERY_PERMANENT(ErrorCategory.CLIENT_ERROR),
    /** No signing key is available, or the key a token names is retired. */
    KEY_UNAVAILABLE(ErrorCategory.UNAVAILABLE),
    /** The library or an adapter is configured wrongly. */
    CONFIGURATION(ErrorCategory.SERVER_ERROR),
    /**
     * The invitee's address bounced hard (or the recipient complained): no further message is sent
     * to it; share the claim link by hand or invite a corrected address.
     *
     * @since 1.1
     */
    ADDRESS_BOUNCED(ErrorCategory.CONFLICT),
    /**
     * A delivery-feedback payload (a provider's webhook) could not be read.
     *
     * @since 1.1
     */
    FEEDBACK_PAYLOAD_INVALID(ErrorCategory.CLIENT_ERROR),
    /**
     * An invitation was accepted with another email address than the one invited, and the tenant's
     * policy refuses it: sign in with the invited address. The invitation stays open.
     *
     * @since 1.1
     */
    ACCOUNT_MISMATCH(ErrorCategory.FORBIDDEN),
    /**
     * The tenant requires the accepting address ({@code TenantSettings.acceptingAddressRequired()}) and
     * a claim of an email invitation named none ({@code acceptingAs}): the host must pass the address
     * the invitee is signed in with. Nothing was stored.
     *
     * @since 1.1
     */
    ACCEPTING_ADDRESS_REQUIRED(ErrorCategory.FORBIDDEN),
    /**
     * The invitation holds an acceptance with another address for an administrator's decision; only
     * the person invited, signed in with the invited address ({@code acceptingAs}), may claim it
     * meanwhile. Wait for the decision.
     *
     * @since 1.1
     */
    AWAITING_DECISION(ErrorCategory.CONFLICT);

    private final ErrorCategory category;

    ErrorCode(ErrorCategory category) {
        this.category = category;
    }

    /**
     * Returns the kind of failure, which a host maps once to its transport's status (see
     * {@link ErrorCategory#httpStatus()}).
     *
     * @return the category, never {@code null}
     * @since 0.2.0
     */
    public ErrorCategory category() {
        return category;
    }
}
