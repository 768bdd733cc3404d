package io.invitations.spi.event;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;

/**
 * Something that happened to an invitation or a shareable link, published after it was stored.
 * A sealed family: {@link StatusEvent status events} for every transition of the invitation lifecycle,
 * {@link DeliveryEvent delivery events} for the outbox, and {@link LinkEvent link events}. Events
 * never carry a token, access code, password or key.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public sealed interface InvitationEvent {
    /**
     * The tenant it happened in.
     *
     * @return the tenant
     */
    TenantId tenantId();

    /**
     * When it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The user id of who did it, or {@code system:…} for the engine itself.
     *
     * @return the actor
     */
    String actor();

    /**
     * A stable name of the event type, e.g. {@code invitation.accepted}; used as the JSON type.
     *
     * @return the type name
     */
    String type();

    private static void requireCommon(TenantId tenantId, Object subject, Instant at, String actor) {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(subject, "invitationId or linkId");
        InvitationException.requireValue(at, "at");
        InvitationException.requireValue(actor, "actor");
    }

    /**
     * A transition of one invitation from one status to another.
     *
     * @since 0.1.0
     */
    sealed interface StatusEvent extends InvitationEvent {
        /**
         * The invitation.
         *
         * @return its id
         */
        InvitationId invitationId();

        /**
         * The status before, or {@code null} when the invitation was created by this transition.
         *
         * @return the status before
         */
        InvitationStatus from();

        /**
         * The status after.
         *
         * @return the status after
         */
        InvitationStatus to();
    }

    /**
     * An outcome of delivering one of an invitation's messages.
     *
     * @since 0.1.0
     */
    sealed interface DeliveryEvent extends InvitationEvent {
        /**
         * The invitation.
         *
         * @return its id
         */
        InvitationId invitationId();

        /**
         * Which message of the invitation (1 for the first).
         *
         * @return the send number
         */
        int sendNumber();
    }

    /**
     * A change to a shareable link.
     *
     * @since 0.1.0
     */
    sealed interface LinkEvent extends InvitationEvent {
        /**
         * The link.
         *
         * @return its id
         */
        LinkId linkId();
    }

    /**
     * An invitation was created without being sent (invite later).
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @since 0.1.0
     */
    record Provisioned(TenantId tenantId, InvitationId invitationId, Instant at, String actor)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Provisioned {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code null}. */
        @Override
        public InvitationStatus from() {
            return null;
        }

        /** {@inheritDoc} Always {@code PROVISIONED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.PROVISIONED;
        }

        @Override
        public String type() {
            return "invitation.provisioned";
        }
    }

    /**
     * An invitation was sent: created and invited at once, or a provisioned one was sent.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param from the status before: {@code null} when created by this event, else the status it left
     * @since 0.1.0
     */
    record Invited(TenantId tenantId, InvitationId invitationId, Instant at, String actor, InvitationStatus from)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Invited {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.PENDING;
        }

        @Override
        public String type() {
            return "invitation.invited";
        }
    }

    /**
     * A pending invitation was resent; its expiry was extended and, by tenant policy, its link rotated.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param resendCount how many times it was resent so far
     * @param linkRotated whether the link changed (older links died)
     * @since 0.1.0
     */
    record Resent(TenantId tenantId, InvitationId invitationId, Instant at, String actor, int resendCount, boolean linkRotated)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Resent {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.PENDING;
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.PENDING;
        }

        @Override
        public String type() {
            return "invitation.resent";
        }
    }

    /**
     * An expired invitation was invited again with a new link and expiry.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @since 0.1.0
     */
    record Reinvited(TenantId tenantId, InvitationId invitationId, Instant at, String actor)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Reinvited {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code EXPIRED}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.EXPIRED;
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.PENDING;
        }

        @Override
        public String type() {
            return "invitation.reinvited";
        }
    }

    /**
     * The invitee accepted and is now a member (or has the resource).
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param accountId the account the identity directory created or linked
     * @param invitedBy the user id of who invited (for referrals)
     * @since 0.1.0
     */
    record Accepted(TenantId tenantId, InvitationId invitationId, Instant at, String actor, String accountId, String invitedBy)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Accepted {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.PENDING;
        }

        /** {@inheritDoc} Always {@code ACCEPTED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.ACCEPTED;
        }

        @Override
        public String type() {
            return "invitation.accepted";
        }
    }

    /**
     * The invitee accepted; the tenant requires an approval before membership.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param accountId the account the identity directory created or linked
     * @since 0.1.0
     */
    record ApprovalRequested(TenantId tenantId, InvitationId invitationId, Instant at, String actor, String accountId)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public ApprovalRequested {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.PENDING;
        }

        /** {@inheritDoc} Always {@code AWAITING_APPROVAL}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.AWAITING_APPROVAL;
        }

        @Override
        public String type() {
            return "invitation.approval_requested";
        }
    }

    /**
     * An acceptance awaiting approval was approved.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param invitedBy the user id of who invited (for referrals)
     * @since 0.1.0
     */
    record Approved(TenantId tenantId, InvitationId invitationId, Instant at, String actor, String invitedBy)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Approved {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code AWAITING_APPROVAL}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.AWAITING_APPROVAL;
        }

        /** {@inheritDoc} Always {@code ACCEPTED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.ACCEPTED;
        }

        @Override
        public String type() {
            return "invitation.approved";
        }
    }

    /**
     * An acceptance awaiting approval was rejected.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param reason the reason given, or {@code null}
     * @since 0.1.0
     */
    record Rejected(TenantId tenantId, InvitationId invitationId, Instant at, String actor, String reason)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Rejected {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code AWAITING_APPROVAL}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.AWAITING_APPROVAL;
        }

        /** {@inheritDoc} Always {@code REJECTED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.REJECTED;
        }

        @Override
        public String type() {
            return "invitation.rejected";
        }
    }

    /**
     * The invitee declined.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @since 0.1.0
     */
    record Declined(TenantId tenantId, InvitationId invitationId, Instant at, String actor)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Declined {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.PENDING;
        }

        /** {@inheritDoc} Always {@code DECLINED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.DECLINED;
        }

        @Override
        public String type() {
            return "invitation.declined";
        }
    }

    /**
     * The invitation was withdrawn; its link died at once.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param from the status before: {@code null} when created by this event, else the status it left
     * @param reason the reason given, or {@code null}
     * @since 0.1.0
     */
    record Revoked(TenantId tenantId, InvitationId invitationId, Instant at, String actor, InvitationStatus from, String reason)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Revoked {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code REVOKED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.REVOKED;
        }

        @Override
        public String type() {
            return "invitation.revoked";
        }
    }

    /**
     * A sweep stored that a pending invitation passed its expiry.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @since 0.1.0
     */
    record Expired(TenantId tenantId, InvitationId invitationId, Instant at, String actor)
            implements StatusEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Expired {
            requireCommon(tenantId, invitationId, at, actor);
        }

        /** {@inheritDoc} Always {@code PENDING}. */
        @Override
        public InvitationStatus from() {
            return InvitationStatus.PENDING;
        }

        /** {@inheritDoc} Always {@code EXPIRED}. */
        @Override
        public InvitationStatus to() {
            return InvitationStatus.EXPIRED;
        }

        @Override
        public String type() {
            return "invitation.expired";
        }
    }

    /**
     * A message was handed to the mail server.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param sendNumber which message of the invitation
     * @since 0.1.0
     */
    record Delivered(TenantId tenantId, InvitationId invitationId, Instant at, String actor, int sendNumber)
            implements DeliveryEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public Delivered {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "delivery.delivered";
        }
    }

    /**
     * A message failed for good (permanently, or after the last retry); the invitation records it.
     *
     * @param tenantId the tenant
     * @param invitationId the invitation
     * @param at when
     * @param actor who
     * @param sendNumber which message of the invitation
     * @param reason why, without secrets
     * @since 0.1.0
     */
    record DeliveryFailed(TenantId tenantId, InvitationId invitationId, Instant at, String actor, int sendNumber, String reason)
            implements DeliveryEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a required component is
         *         missing
         */
        public DeliveryFailed {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "delivery.failed";
        }
    }

    /**
     * A shareable link was created.
     *
     * @param tenantId the tenant
     * @param linkId   the link
     * @param at       when
     * @param actor    who
     * @since 0.1.0
     */
    record LinkCreated(TenantId tenantId, LinkId linkId, Instant at, String actor) implements LinkEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public LinkCreated {
            requireCommon(tenantId, linkId, at, actor);
        }

        @Override
        public String type() {
            return "link.created";
        }
    }

    /**
     * A shareable link was deactivated; its URL died at once.
     *
     * @param tenantId the tenant
     * @param linkId   the link
     * @param at       when
     * @param actor    who
     * @since 0.1.0
     */
    record LinkDeactivated(TenantId tenantId, LinkId linkId, Instant at, String actor) implements LinkEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public LinkDeactivated {
            requireCommon(tenantId, linkId, at, actor);
        }

        @Override
        public String type() {
            return "link.deactivated";
        }
    }

    /**
     * A shareable link was reactivated with a new URL; the old one stays dead.
     *
     * @param tenantId the tenant
     * @param linkId   the link
     * @param at       when
     * @param actor    who
     * @since 0.1.0
     */
    record LinkReactivated(TenantId tenantId, LinkId linkId, Instant at, String actor) implements LinkEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public LinkReactivated {
            requireCommon(tenantId, linkId, at, actor);
        }

        @Override
        public String type() {
            return "link.reactivated";
        }
    }

    /**
     * The provider reported a bounce or a complaint for one of the invitation's messages. A hard
     * bounce or complaint of the latest message marks the invitation's delivery state BOUNCED.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when it was recorded
     * @param actor        who ({@code system:delivery-feedback})
     * @param sendNumber   which message of the invitation
     * @param hard         {@code true} for a hard bounce or a complaint, {@code false} for a soft bounce
     * @param complaint    {@code true} when the recipient complained (marked it as spam)
     * @param detail       the provider's words, or {@code null}; never a token
     * @since 1.1
     */
    record Bounced(TenantId tenantId, InvitationId invitationId, Instant at, String actor, int sendNumber,
                   boolean hard, boolean complaint, String detail) implements DeliveryEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public Bounced {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "delivery.bounced";
        }
    }

    /**
     * The invitee opened the claim link for the first time.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when
     * @param actor        who ({@code system:invitee})
     * @since 1.1
     */
    record Opened(TenantId tenantId, InvitationId invitationId, Instant at, String actor) implements InvitationEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public Opened {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "invitation.opened";
        }
    }

    /**
     * An administrator revealed a fresh claim link to share it by hand (the copy-link fallback,
     * e.g. after a bounce); earlier links stopped working. The event never carries the link.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when
     * @param actor        the administrator
     * @since 1.1
     */
    record ClaimLinkShared(TenantId tenantId, InvitationId invitationId, Instant at, String actor)
            implements InvitationEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public ClaimLinkShared {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "invitation.link_shared";
        }
    }

    /**
     * The invitation was handed to another inviter because its inviter left the tenant or dropped
     * below the inviting level.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when
     * @param actor        who did it (an administrator, or {@code system:directory})
     * @param fromInviter  the departed inviter's user id
     * @param toInviter    the successor's user id
     * @since 1.1
     */
    record Reassigned(TenantId tenantId, InvitationId invitationId, Instant at, String actor, String fromInviter,
                      String toInviter) implements InvitationEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public Reassigned {
            requireCommon(tenantId, invitationId, at, actor);
            InvitationException.requireValue(fromInviter, "fromInviter");
            InvitationException.requireValue(toInviter, "toInviter");
        }

        @Override
        public String type() {
            return "invitation.reassigned";
        }
    }

    /**
     * A scheduled reminder of the pending invitation was queued in the outbox (its delivery is
     * reported like any message's, with {@link Delivered} or {@link DeliveryFailed}).
     *
     * @param tenantId       the tenant
     * @param invitationId   the invitation
     * @param at             when it was queued
     * @param actor          who ({@code system:reminders})
     * @param reminderNumber which reminder since the latest send, from 1
     * @since 1.1
     */
    record Reminded(TenantId tenantId, InvitationId invitationId, Instant at, String actor, int reminderNumber)
            implements InvitationEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         *         or the number is below 1
         */
        public Reminded {
            requireCommon(tenantId, invitationId, at, actor);
            if (reminderNumber < 1) {
                throw InvitationException.invalidValue("reminderNumber must be at least 1, was " + reminderNumber);
            }
        }

        @Override
        public String type() {
            return "invitation.reminded";
        }
    }

    /**
     * The invitee's personal data was erased from the invitation, its history and its messages; the
     * invitation keeps a tombstone (a keyed hash of the contact). The event carries no personal data.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when
     * @param actor        who did it (an administrator, or {@code system:retention})
     * @param retention    {@code true} when the tenant's retention period caused it, {@code false} for
     *                     an erasure request
     * @since 1.1
     */
    record Erased(TenantId tenantId, InvitationId invitationId, Instant at, String actor, boolean retention)
            implements InvitationEvent {
        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public Erased {
            requireCommon(tenantId, invitationId, at, actor);
        }

        @Override
        public String type() {
            return "invitation.erased";
        }
    }

    /**
     * An invitation was accepted, or an acceptance attempted, with another email address than the one
     * invited; what the tenant's policy made of it. Published besides the transition's own event
     * ({@link Accepted}, {@link ApprovalRequested}); alone when nothing moved ({@code REFUSED}) or when
     * a held acceptance was rejected and the invitation went back to PENDING ({@code HOLD_REJECTED}).
     * Carries no address.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param at           when
     * @param actor        who ({@code invitee}, the account, or the deciding administrator)
     * @param outcome      what happened
     * @since 1.1
     */
    record AccountMismatch(TenantId tenantId, InvitationId invitationId, Instant at, String actor, Outcome outcome)
            implements InvitationEvent {
        /**
         * What happened to an acceptance with another address.
         *
         * @since 1.1
         */
        public enum Outcome {
            /** Refused (policy STRICT, or VERIFIED_ALIAS without confirmation); the invitation stays open. */
            REFUSED,
            /** Accepted: the directory confirmed the same person, or the domain is an alias domain. */
            ACCEPTED_AS_ALIAS,
            /** Held for an administrator (policy APPROVAL): the invitation awaits approval. */
            HELD_FOR_APPROVAL,
            /** An administrator rejected the held acceptance: the invitation is PENDING again. */
            HOLD_REJECTED,
            /** The person invited claimed it while held: the held acceptance was withdrawn. */
            HOLD_SUPERSEDED
        }

        /**
         * Validates the event.
         *
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if a component is missing
         */
        public AccountMismatch {
            requireCommon(tenantId, invitationId, at, actor);
            InvitationException.requireValue(outcome, "outcome");
        }

        @Override
        public String type() {
            return "invitation.account_mismatch";
        }
    }
}
