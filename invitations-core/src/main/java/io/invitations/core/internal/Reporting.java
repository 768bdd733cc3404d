package io.invitations.core.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.InvitationNotFoundException;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.invitee.Invitees;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads: invitations as they read now (expiry applied), history, seats and referral statistics.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Reporting {
    private final Context ctx;

    /**
     * Creates the reads.
     *
     * @param ctx the context
     */
    public Reporting(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Reads one invitation as it reads now, if the actor may read it ({@link InvitationPolicy#mayRead}):
     * another's invitation the actor may not read is as absent as a missing one.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the invitation, or empty
     */
    public Optional<Invitation> find(Inviter actor, TenantId tenantId, InvitationId id) {
        Instant now = ctx.now();
        InvitationPolicy policy = policy(tenantId);
        return ctx.store().find(tenantId, id).filter(i -> policy.mayRead(actor, i)).map(i -> Context.effective(i, now));
    }

    /**
     * Lists one invitee's invitations in a tenant, over every target and status, oldest first, with
     * effective statuses, in one store read ({@code InvitationStore.findByInvitee}). The contact is
     * normalised as when inviting: an email's case and the IDN form of its domain do not matter, an
     * identifier's value is NFKC-normalised. Only the invitations the actor may read are listed.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param contact  the email or identifier
     * @return the invitations, possibly empty
     */
    public List<Invitation> invitationsOf(Inviter actor, TenantId tenantId, Contact contact) {
        Instant now = ctx.now();
        InvitationPolicy policy = policy(tenantId);
        return ctx.store().findByInvitee(tenantId, normalized(contact)).stream().filter(i -> policy.mayRead(actor, i))
                .map(i -> Context.effective(i, now)).toList();
    }

    /**
     * Lists the open invitations (provisioned, pending and not past expiry, awaiting approval) of
     * many people at once, over every target, in one store read
     * ({@code InvitationStore.findOpen(TenantId, Collection)}); contacts are normalised as when
     * inviting. Only the invitations the actor may read are listed.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param contacts the emails and identifiers
     * @return the open invitations, possibly empty
     */
    public List<Invitation> openInvitationsOf(Inviter actor, TenantId tenantId, Collection<? extends Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Instant now = ctx.now();
        InvitationPolicy policy = policy(tenantId);
        return ctx.store().findOpen(tenantId, contacts.stream().map(Reporting::normalized).toList()).stream()
                .filter(i -> policy.mayRead(actor, i)).map(i -> Context.effective(i, now))
                .filter(i -> i.status().isOpen()).toList();
    }

    private static Contact normalized(Contact contact) {
        if (contact instanceof EmailAddress email) {
            return new EmailAddress(Invitees.normalizeEmail(email.value()).orElse(email.value()));
        }
        Identifier identifier = (Identifier) contact;
        return new Identifier(identifier.kind(), ContactText.nfkc(identifier.value()));
    }

    /**
     * Reads a page of the invitations the actor may read, with effective statuses as of now (unless
     * the query names an instant). The actor's {@linkplain InvitationPolicy#readScope read scope} goes
     * into the store query, so that pages hold only readable invitations and page boundaries stay
     * exact.
     *
     * @param actor who reads
     * @param query the query
     * @return the page
     * @throws InvalidRequestException naming {@code query.scope} if the query's own scope is another
     *                                 user's and the actor may not read the whole tenant
     */
    public Page<Invitation> query(Inviter actor, InvitationQuery query) {
        Instant now = query.asOf() != null ? query.asOf() : ctx.now();
        InvitationPolicy policy = policy(query.tenantId());
        InvitationQuery.Scope scope = policy.readScope(actor).map(own -> narrowed(own, query.scope()))
                .orElse(query.scope());
        InvitationQuery effective = query.toBuilder().asOf(now).scope(scope).build();
        Page<Invitation> page = ctx.store().query(effective);
        // A store that ignored the scope must still not leak: drop what the actor may not read.
        return new Page<>(page.items().stream().filter(i -> policy.mayRead(actor, i))
                .map(i -> Context.effective(i, now)).toList(), page.offset(), page.hasMore());
    }

    /** The actor's scope, narrowed by the one a query names (which may only narrow it). */
    private static InvitationQuery.Scope narrowed(InvitationQuery.Scope own, InvitationQuery.Scope asked) {
        if (asked == null) {
            return own;
        }
        if (!asked.invitedBy().equals(own.invitedBy())) {
            RequestValidator.throwIfAny(List.of(new FieldProblem("query.scope", "names inviter "
                    + asked.invitedBy() + ", but " + own.invitedBy() + " may read only their own invitations"
                    + (own.units().isEmpty() ? "" : " and those of their units") + "; leave the scope unset, "
                    + "or filter with invitedBy")));
        }
        Set<UnitId> units = new HashSet<>(asked.units());
        units.retainAll(own.units());
        return new InvitationQuery.Scope(own.invitedBy(), units);
    }

    /**
     * Reads the history of one invitation the actor may read; one they may not read is not found,
     * as a missing one.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the entries, oldest first
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     */
    public List<HistoryEntry> history(Inviter actor, TenantId tenantId, InvitationId id) {
        ctx.requireReadable(actor, tenantId, id);
        return ctx.store().history(tenantId, id);
    }

    private InvitationPolicy policy(TenantId tenantId) {
        return InvitationPolicy.of(ctx.settingsFor(tenantId));
    }

    /**
     * Counts the seats of a tenant now.
     *
     * @param tenantId the tenant
     * @return the count
     */
    public SeatCount seats(TenantId tenantId) {
        return ctx.seatCount(tenantId, ctx.now());
    }

    /**
     * Returns one inviter's referral statistics over {@code [from, until)}: one's own at any level,
     * another inviter's at the tenant's manage level.
     *
     * @param actor     who reads
     * @param tenantId  the tenant
     * @param inviterId the inviter's user id
     * @param from      inclusive start, or {@code null}
     * @param until     exclusive end, or {@code null}
     * @return the statistics (zeros when the inviter sent nothing)
     * @throws InvalidRequestException naming {@code until} when both bounds are set and the period is empty
     * @throws PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} for another inviter's statistics
     *                                  below the manage level
     */
    public ReferralStats referrals(Inviter actor, TenantId tenantId, String inviterId, Instant from, Instant until) {
        if (!actor.userId().equals(inviterId)) {
            requireManageLevel(ctx, actor, tenantId, "reading another inviter's referrals");
        }
        requirePeriod(from, until);
        Map<String, ReferralStats> all = aggregate(InvitationQuery.builder(tenantId).invitedBy(inviterId)
                .createdBetween(from, until));
        return all.getOrDefault(inviterId, new ReferralStats(inviterId, inviterId, 0, 0));
    }

    /**
     * Returns the inviters with the most accepted invitations over {@code [from, until)}; ties go to
     * more sent, then to the user id. System actors are left out. Needs the tenant's manage level.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param from     inclusive start, or {@code null}
     * @param until    exclusive end, or {@code null}
     * @param limit    the most inviters to return, at least 1
     * @return the top inviters, best first
     * @throws InvalidRequestException naming {@code limit} when it is below 1, and {@code until} when both
     *                                 bounds are set and the period is empty
     * @throws PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} below the manage level
     */
    public List<ReferralStats> topInviters(Inviter actor, TenantId tenantId, Instant from, Instant until, int limit) {
        requireManageLevel(ctx, actor, tenantId, "reading the top inviters");
        List<FieldProblem> problems = new ArrayList<>(periodProblems(from, until));
        if (limit < 1) {
            problems.add(new FieldProblem("limit", "must be at least 1, was " + limit
                    + "; pass how many inviters to return, e.g. 10"));
        }
        RequestValidator.throwIfAny(problems);
        return aggregate(InvitationQuery.builder(tenantId).createdBetween(from, until)).values().stream()
                .filter(s -> !s.inviterId().startsWith(Inviter.SYSTEM_PREFIX))
                .sorted(Comparator.comparingLong(ReferralStats::accepted).reversed()
                        .thenComparing(Comparator.comparingLong(ReferralStats::sent).reversed())
                        .thenComparing(ReferralStats::inviterId))
                .limit(limit).toList();
    }

    /**
     * Refuses a tenant-wide statistic (conversion, top inviters, another inviter's referrals) to an
     * actor below the tenant's {@linkplain io.invitations.spi.settings.TenantSettings#manageLevel()
     * manage level}: the level that manages invitations others sent.
     *
     * @param ctx      the context
     * @param actor    who reads
     * @param tenantId the tenant
     * @param doing    what the actor tries, for the message
     * @throws PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} below the manage level
     */
    static void requireManageLevel(Context ctx, Inviter actor, TenantId tenantId, String doing) {
        io.invitations.spi.invitation.PermissionLevel needed = ctx.settingsFor(tenantId).manageLevel();
        if (!actor.level().atLeast(needed)) {
            throw new PolicyViolationException(List.of(new Refusal(ErrorCode.NOT_ALLOWED_TO_MANAGE, "actor",
                    actor.userId() + " is " + actor.level() + "; " + doing + " needs " + needed
                            + " or higher (the tenant's manage level)")));
        }
    }

    /**
     * Refuses an empty or reversed period {@code [from, until)}; a missing bound leaves it open.
     *
     * @param from  inclusive start, or {@code null}
     * @param until exclusive end, or {@code null}
     * @throws InvalidRequestException naming {@code until} when it is not after {@code from}
     */
    static void requirePeriod(Instant from, Instant until) {
        RequestValidator.throwIfAny(periodProblems(from, until));
    }

    private static List<FieldProblem> periodProblems(Instant from, Instant until) {
        return from != null && until != null && !from.isBefore(until)
                ? List.of(new FieldProblem("until", "the period [" + from + ", " + until
                        + ") is empty: until must be after from; pass an until later than " + from))
                : List.of();
    }

    private Map<String, ReferralStats> aggregate(InvitationQuery.Builder filters) {
        Map<String, ReferralStats> stats = new LinkedHashMap<>();
        InvitationQuery query = filters.page(0, InvitationQuery.MAX_LIMIT).build();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            for (Invitation i : page.items()) {
                if (i.invitedAt() == null) {
                    continue;
                }
                long accepted = i.status() == InvitationStatus.ACCEPTED ? 1 : 0;
                stats.merge(i.invitedBy(), new ReferralStats(i.invitedBy(), i.inviterName(), 1, accepted),
                        (a, b) -> new ReferralStats(a.inviterId(), b.inviterName(), a.sent() + 1,
                                a.accepted() + b.accepted()));
            }
            query = query.nextPage();
        } while (page.hasMore());
        return stats;
    }
}
