package io.invitations.core.policy;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.InvitationQuery;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may invite whom, with which role, into what and how often, for one tenant's settings. Each check returns every refusal it finds
 * (empty when allowed) and reads nothing but its arguments, so it is cheap to call per row of a
 * bulk run: counts that need storage (seats, quota) are passed in.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InvitationPolicy {
    /** The target type of a group, for group administrators inviting into their groups. */
    public static final String GROUP_TARGET_TYPE = "group";

    private final TenantSettings settings;

    private InvitationPolicy(TenantSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Returns the policy of a tenant.
     *
     * @param settings the tenant's settings, not {@code null}
     * @return the policy
     */
    public static InvitationPolicy of(TenantSettings settings) {
        return new InvitationPolicy(settings);
    }

    /**
     * Checks whether an inviter may create (invite or provision) an invitation: invitations on, the
     * inviter's level or group administration, units, role ceiling, guests and email domain.
     * Duplicates, membership, seats and quota are checked separately.
     *
     * @param inviter the inviter, not {@code null}
     * @param invitee the invitee (email already normalised), not {@code null}
     * @param target  the target, not {@code null}
     * @param grant   the grant, not {@code null}
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkCreate(Inviter inviter, Invitee invitee, Target target, Grant grant) {
        List<Refusal> out = new ArrayList<>();
        checkEnabled(out);
        PermissionLevel level = inviter.level();
        if (level.atLeast(settings.minimumInviteLevel(target))) {
            if (level.isLocal()) {
                checkUnit(inviter, grant.unit(), "invite into", out);
            }
        } else {
            checkGroupAdmin(inviter, target, grant, settings.minimumInviteLevel(target), out);
        }
        checkRole(inviter, grant, out);
        if (!settings.allowsMembershipType(target, grant.membershipType())) {
            out.add(membershipTypeRefusal(target, grant.membershipType()));
        }
        EmailAddress email = invitee.emailOrNull();
        if (email != null && grant.membershipType() == MembershipType.MEMBER && !settings.allowsDomain(email.domain())) {
            out.add(new Refusal(ErrorCode.DOMAIN_NOT_ALLOWED, "email", "members may only be invited with an address at "
                    + String.join(", ", new TreeSet<>(settings.allowedDomains())) + "; " + email.domain()
                    + " is not one of them"));
        }
        return List.copyOf(out);
    }

    /**
     * Checks the seat limit for {@code wanted} more open invitations.
     *
     * @param seats  the tenant's seats, not {@code null}
     * @param wanted how many invitations would be added, at least 1
     * @return the refusal, or empty when the seats suffice or there is no limit
     */
    public Optional<Refusal> checkSeats(SeatCount seats, long wanted) {
        if (seats.unlimited() || seats.remaining().getAsLong() >= wanted) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(ErrorCode.SEAT_LIMIT_REACHED, "seats", "the plan has "
                + seats.limit().getAsLong() + " seats: " + seats.inUse() + " taken by members and " + seats.pending()
                + " by open invitations, " + seats.remaining().getAsLong() + " left but " + wanted
                + " needed; free seats (revoke invitations) or add seats to the plan"));
    }

    /**
     * Checks the per-inviter quota for {@code wanted} more invitations. System actors have no quota.
     *
     * @param inviter       the inviter, not {@code null}
     * @param usedInWindow  invitations the inviter created in the last quota window
     * @param wanted        how many invitations would be added, at least 1
     * @return the refusal, or empty when within quota or there is none
     */
    public Optional<Refusal> checkQuota(Inviter inviter, long usedInWindow, long wanted) {
        if (settings.quota() == null || inviter.isSystem()
                || usedInWindow + wanted <= settings.quota().maxInvitations()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(ErrorCode.QUOTA_EXCEEDED, "inviter", inviter.userId() + " created "
                + usedInWindow + " invitations in the last " + describe(settings.quota().window())
                + "; the quota is " + settings.quota().maxInvitations() + " — try again later"));
    }

    /**
     * Checks whether an actor may manage (send, resend, re-invite, revoke) an invitation: the
     * original inviter always may; others need the tenant's manage level and, at a
     * {@code *_LOCAL} level, the invitation's unit. Except for revoking, invitations must be on.
     *
     * @param actor      the actor, not {@code null}
     * @param invitation the invitation, not {@code null}
     * @param revoking   {@code true} when the action is a revoke (allowed while invitations are off)
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkManage(Inviter actor, Invitation invitation, boolean revoking) {
        List<Refusal> out = new ArrayList<>();
        if (!revoking) {
            checkEnabled(out);
        }
        if (!actor.userId().equals(invitation.invitedBy())) {
            checkAtManageLevel(actor, invitation, "manage", out);
        }
        return List.copyOf(out);
    }

    /**
     * Tells whether an actor may read an invitation (find it, its history, see it in a query or a
     * contact's list): exactly the invitations they may {@linkplain #checkManage manage} while
     * revoking is allowed, that is the ones they sent, and at the tenant's manage level every other
     * one, at a {@code *_LOCAL} level only those granted into their units.
     *
     * @param actor      the actor, not {@code null}
     * @param invitation the invitation, not {@code null}
     * @return {@code true} when the actor may read it
     * @since 1.1
     */
    public boolean mayRead(Inviter actor, Invitation invitation) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(invitation, "invitation");
        return checkManage(actor, invitation, true).isEmpty();
    }

    /**
     * Returns the query scope of the invitations an actor may {@linkplain #mayRead read}, for a store
     * to filter in the query itself: empty for the whole tenant (at the manage level, tenant-wide);
     * the actor's own at a lower level; the actor's own and their units' at a {@code *_LOCAL} manage
     * level.
     *
     * @param actor the actor, not {@code null}
     * @return the scope, or empty for the whole tenant
     * @since 1.1
     */
    public Optional<InvitationQuery.Scope> readScope(Inviter actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.level().atLeast(settings.manageLevel())) {
            return Optional.of(new InvitationQuery.Scope(actor.userId(), Set.of()));
        }
        return actor.level().isLocal() ? Optional.of(new InvitationQuery.Scope(actor.userId(), actor.units()))
                : Optional.empty();
    }

    /**
     * Checks whether an actor may send every provisioned invitation of the tenant at once ("invite
     * all"): invitations on, and the tenant's manage level. Each invitation is then checked with
     * {@link #checkManage}.
     *
     * @param actor the actor, not {@code null}
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkSendAll(Inviter actor) {
        List<Refusal> out = new ArrayList<>();
        checkEnabled(out);
        if (!actor.level().atLeast(settings.manageLevel())) {
            out.add(new Refusal(ErrorCode.NOT_ALLOWED_TO_MANAGE, "actor", actor.userId() + " is " + actor.level()
                    + "; inviting all provisioned people needs " + settings.manageLevel() + " or higher"));
        }
        return List.copyOf(out);
    }

    /**
     * Checks whether an actor may approve or reject an acceptance: the tenant's manage level and,
     * at a {@code *_LOCAL} level, the invitation's unit. The inviter gets no exemption.
     *
     * @param actor      the actor, not {@code null}
     * @param invitation the invitation, not {@code null}
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkDecide(Inviter actor, Invitation invitation) {
        List<Refusal> out = new ArrayList<>();
        checkAtManageLevel(actor, invitation, "approve or reject", out);
        return List.copyOf(out);
    }

    /**
     * Checks the resend cap and cooldown of a pending invitation.
     *
     * @param invitation the invitation, not {@code null}
     * @param now        the current instant, not {@code null}
     * @return every refusal, empty when a resend is allowed now
     */
    public List<Refusal> checkResend(Invitation invitation, Instant now) {
        List<Refusal> out = new ArrayList<>();
        if (invitation.resendCount() >= settings.resendLimit()) {
            out.add(new Refusal(ErrorCode.RESEND_LIMIT, "resendCount", "invitation " + invitation.id()
                    + " was resent " + invitation.resendCount() + " times; the limit is " + settings.resendLimit()
                    + " — revoke it and invite again, or wait for it to expire and re-invite"));
        }
        Instant last = invitation.delivery().lastQueuedAt() != null ? invitation.delivery().lastQueuedAt()
                : invitation.invitedAt();
        if (last != null && now.isBefore(last.plus(settings.resendCooldown()))) {
            out.add(new Refusal(ErrorCode.RESEND_COOLDOWN, "resend", "invitation " + invitation.id()
                    + " was sent at " + last + "; resend again after " + last.plus(settings.resendCooldown())));
        }
        return List.copyOf(out);
    }

    /**
     * Checks that an actor holds an administrator level ({@code ADMIN_LOCAL} or {@code ADMIN_TENANT}),
     * as revealing links and codes, exporting claim links and managing shareable links need.
     *
     * @param actor the actor, not {@code null}
     * @param doing what the actor tries, for the message, e.g. {@code "exporting claim links"}
     * @return the {@code LEVEL_TOO_LOW} refusal, or empty for an administrator
     */
    public static Optional<Refusal> adminLevel(Inviter actor, String doing) {
        return actor.level().isAdmin() ? Optional.empty()
                : Optional.of(new Refusal(ErrorCode.LEVEL_TOO_LOW, "actor", actor.userId() + " is " + actor.level()
                        + "; " + doing + " needs an administrator level (ADMIN_LOCAL or ADMIN_TENANT)"));
    }

    /**
     * Refuses a tenant-wide change by anyone below ADMIN_TENANT.
     *
     * @param actor who acts, not {@code null}
     * @param doing what they do, for the message
     * @return the refusals, empty when allowed
     */
    public static List<Refusal> tenantAdmin(Inviter actor, String doing) {
        return actor.level().atLeast(PermissionLevel.ADMIN_TENANT) ? List.of()
                : List.of(new Refusal(ErrorCode.LEVEL_TOO_LOW, "actor", actor.userId() + " is " + actor.level()
                        + "; " + doing + " needs ADMIN_TENANT"));
    }

    /**
     * Checks whether an actor may reveal (or export) an invitation's claim link: administrator
     * levels only, a {@code *_LOCAL} administrator within their units.
     *
     * @param actor      the actor, not {@code null}
     * @param invitation the invitation, not {@code null}
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkReveal(Inviter actor, Invitation invitation) {
        List<Refusal> out = new ArrayList<>();
        Optional<Refusal> level = adminLevel(actor, "revealing a claim link");
        level.ifPresent(out::add);
        if (level.isEmpty() && actor.level().isLocal()) {
            checkUnit(actor, invitation.grant().unit(), "reveal links in", out);
        }
        return List.copyOf(out);
    }

    /**
     * Checks whether an actor may manage a shareable link with a grant: an administrator level
     * ({@code *_LOCAL} within their units). Opening a link (creating, revealing, reactivating) also
     * needs links and invitations on, the role within the actor's ceiling and, for guests, guests
     * allowed; deactivating works while links are off.
     *
     * @param actor   the actor, not {@code null}
     * @param grant   the link's grant, not {@code null}
     * @param opening {@code true} to create, reveal or reactivate; {@code false} to deactivate
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkLink(Inviter actor, Grant grant, boolean opening) {
        return checkLink(actor, Target.membership(), grant, opening);
    }

    /**
     * Checks whether an actor may manage a shareable link to a target, as
     * {@link #checkLink(Inviter, Grant, boolean)} does, with the membership types the tenant's
     * {@linkplain io.invitations.spi.settings.TargetRules rules for the target's type} allow.
     *
     * @param actor   the actor, not {@code null}
     * @param target  the link's target, not {@code null}
     * @param grant   the link's grant, not {@code null}
     * @param opening {@code true} to create, reveal or reactivate; {@code false} to deactivate
     * @return every refusal, empty when allowed
     * @since 1.0.0
     */
    public List<Refusal> checkLink(Inviter actor, Target target, Grant grant, boolean opening) {
        List<Refusal> out = new ArrayList<>();
        if (opening && !settings.linkInvitationsEnabled()) {
            out.add(new Refusal(ErrorCode.LINKS_DISABLED, "tenant",
                    "invitation links are switched off for this tenant; an administrator can switch them on"));
        }
        if (opening) {
            checkEnabled(out);
        }
        Optional<Refusal> level = adminLevel(actor, "managing invitation links");
        level.ifPresent(out::add);
        if (level.isEmpty() && actor.level().isLocal()) {
            checkUnit(actor, grant.unit(), "share links into", out);
        }
        if (opening) {
            checkRole(actor, grant, out);
            if (!settings.allowsMembershipType(target, grant.membershipType())) {
                out.add(hasTargetRules(target) || grant.membershipType() != MembershipType.GUEST
                        ? membershipTypeRefusal(target, grant.membershipType())
                        : new Refusal(ErrorCode.GUESTS_NOT_ALLOWED, "membershipType",
                                "this tenant does not allow guests; share a link for members or ask to allow guests"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Checks whether someone may join through a shareable link: invitations on, the link's allowed
     * domains and, for a member grant, the tenant's allowed domains. Whether the link itself is
     * usable (active, not expired, not exhausted) is checked separately.
     *
     * @param email the joiner's email (normalised), not {@code null}
     * @param link  the link, not {@code null}
     * @return every refusal, empty when allowed
     */
    public List<Refusal> checkJoin(EmailAddress email, ShareableLink link) {
        List<Refusal> out = new ArrayList<>();
        checkEnabled(out);
        if (!link.allowedDomains().isEmpty() && !link.allowedDomains().contains(email.domain())) {
            out.add(new Refusal(ErrorCode.DOMAIN_NOT_ALLOWED, "email", "this link is for addresses at "
                    + String.join(", ", new TreeSet<>(link.allowedDomains())) + "; " + email.domain()
                    + " is not one of them"));
        } else if (link.grant().membershipType() == MembershipType.MEMBER && !settings.allowsDomain(email.domain())) {
            out.add(new Refusal(ErrorCode.DOMAIN_NOT_ALLOWED, "email", "members may only join with an address at "
                    + String.join(", ", new TreeSet<>(settings.allowedDomains())) + "; " + email.domain()
                    + " is not one of them"));
        }
        return List.copyOf(out);
    }

    private void checkEnabled(List<Refusal> out) {
        if (!settings.invitationsEnabled()) {
            out.add(new Refusal(ErrorCode.INVITATIONS_DISABLED, "tenant",
                    "invitations are switched off for this tenant; an administrator can switch them on"));
        }
    }

    private void checkAtManageLevel(Inviter actor, Invitation invitation, String what, List<Refusal> out) {
        if (!actor.level().atLeast(settings.manageLevel())) {
            out.add(new Refusal(ErrorCode.NOT_ALLOWED_TO_MANAGE, "actor", actor.userId() + " is " + actor.level()
                    + " and did not send invitation " + invitation.id() + "; to " + what
                    + " invitations others sent one needs " + settings.manageLevel() + " or higher"));
        } else if (actor.level().isLocal()) {
            checkUnit(actor, invitation.grant().unit(), what + " invitations in", out);
        }
    }

    private static void checkUnit(Inviter actor, UnitId unit, String what, List<Refusal> out) {
        if (unit == null || !actor.units().contains(unit)) {
            out.add(new Refusal(ErrorCode.OUTSIDE_UNIT, "unit", actor.userId() + " is " + actor.level()
                    + " and may only " + what + " their units " + sorted(actor.units()) + "; "
                    + (unit == null ? "no unit was given — name one of them" : "unit " + unit + " is not one of them")));
        }
    }

    private boolean hasTargetRules(Target target) {
        return settings.targetRules().containsKey(target.type().toLowerCase(Locale.ROOT));
    }

    private Refusal membershipTypeRefusal(Target target, MembershipType type) {
        if (type == MembershipType.GUEST) {
            return new Refusal(ErrorCode.GUESTS_NOT_ALLOWED, "membershipType", hasTargetRules(target)
                    ? "invitations to a " + target.type() + " may not make guests; invite as a member"
                    : "this tenant does not allow guests; invite as a member or ask an administrator to allow guests");
        }
        return new Refusal(ErrorCode.MEMBERS_NOT_ALLOWED, "membershipType", "invitations to a " + target.type()
                + " may only make guests; invite with membershipType GUEST");
    }

    private void checkGroupAdmin(Inviter inviter, Target target, Grant grant, PermissionLevel minimum,
                                 List<Refusal> out) {
        Set<String> groups = new LinkedHashSet<>(grant.groups());
        if (GROUP_TARGET_TYPE.equals(target.type())) {
            groups.add(target.id());
        }
        if (inviter.administeredGroups().isEmpty() || groups.isEmpty()) {
            out.add(new Refusal(ErrorCode.LEVEL_TOO_LOW, "inviter", inviter.userId() + " is " + inviter.level()
                    + "; inviting " + (target.isMembership() ? "in this tenant" : "to a " + target.type()) + " needs "
                    + minimum + " or higher — ask someone at that level to invite"));
        } else if (!settings.groupAdminsMayInvite()) {
            out.add(new Refusal(ErrorCode.NOT_GROUP_ADMIN, "groups", "this tenant does not let group administrators"
                    + " invite; ask someone at " + minimum + " or higher"));
        } else if (!inviter.administeredGroups().containsAll(groups)) {
            Set<String> foreign = new TreeSet<>(groups);
            foreign.removeAll(inviter.administeredGroups());
            out.add(new Refusal(ErrorCode.NOT_GROUP_ADMIN, "groups", inviter.userId()
                    + " may only invite into the groups they administer " + sorted(inviter.administeredGroups())
                    + "; not into " + foreign));
        }
    }

    private void checkRole(Inviter inviter, Grant grant, List<Refusal> out) {
        Optional<PermissionLevel> needed = settings.levelToGrant(grant.role());
        if (needed.isEmpty()) {
            out.add(new Refusal(ErrorCode.UNKNOWN_ROLE, "role", "role '" + grant.role()
                    + "' is not one of this tenant's roles " + settings.roles().keySet()));
        } else if (!inviter.level().atLeast(needed.get())) {
            out.add(new Refusal(ErrorCode.ROLE_ABOVE_INVITER, "role", "granting role '" + grant.role() + "' needs "
                    + needed.get() + "; " + inviter.userId() + " is " + inviter.level()
                    + " — choose a role at or below your own level"));
        }
    }

    private static Set<String> sorted(Set<?> values) {
        Set<String> s = new TreeSet<>();
        values.forEach(v -> s.add(v.toString()));
        return s;
    }

    private static String describe(Duration d) {
        if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() == 1 ? "day" : d.toDays() + " days";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        return d.toString();
    }
}
