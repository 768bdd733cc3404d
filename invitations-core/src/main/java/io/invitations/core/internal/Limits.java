package io.invitations.core.internal;

import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.core.policy.SeatCount;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Seat limits and per-inviter quotas as conditions of the store write that consumes them: the store
 * runs them holding the tenant's write guard, so the count and the write are one atomic step on
 * every node sharing the store (no lock inside this process decides). A refused condition throws
 * {@link PolicyViolationException} with the same refusal the policy gives before the write.
 *
 * <p>The seat condition counts the tenant's open invitations first and asks the seat ledger second:
 * an account is created only for an invitation that is open in the store until its acceptance is
 * stored (a join through a shareable link reserves one first), so a member the ledger does not show
 * yet is still counted as an open invitation, and a seat is never counted zero times.
 *
 * <p>The cap of open invitations per identifier ({@link AccessCodeGate#MAX_OPEN_PER_IDENTIFIER}) is
 * such a condition too: every write that opens an identifier's invitation carries it (added by
 * {@link Change#commit}), so two nodes cannot both add the fifth and the sixth.
 */
public final class Limits {
    private Limits() {
    }

    /**
     * The query of a tenant's open invitations that hold a seat at an instant.
     *
     * @param tenantId the tenant
     * @param now      the instant for effective statuses
     * @return the query
     */
    public static InvitationQuery openSeats(TenantId tenantId, Instant now) {
        return InvitationQuery.builder(tenantId).statuses(InvitationStatus.PROVISIONED, InvitationStatus.PENDING,
                InvitationStatus.AWAITING_APPROVAL).asOf(now).build();
    }

    /**
     * The query of the invitations an inviter created within the quota window.
     *
     * @param tenantId the tenant
     * @param inviter  the inviter's user id
     * @param since    the window's start
     * @return the query
     */
    public static InvitationQuery quotaUse(TenantId tenantId, String inviter, Instant since) {
        return InvitationQuery.builder(tenantId).invitedBy(inviter).createdBetween(since, null).build();
    }

    /**
     * Guards a write that takes {@code wanted} more seats and, unless the inviter is exempt, uses
     * {@code wanted} more of the inviter's quota. Adds nothing when the tenant has neither a seat
     * limit nor a quota.
     *
     * @param ctx      the context
     * @param change   the change to guard
     * @param tenantId the tenant
     * @param settings the tenant's settings
     * @param inviter  who invites, or {@code null} when no quota applies (a join through a link)
     * @param wanted   how many seats (and quota units) the write takes
     */
    public static void guard(Context ctx, Change change, TenantId tenantId, TenantSettings settings, Inviter inviter,
                             int wanted) {
        if (wanted <= 0) {
            return;
        }
        InvitationPolicy policy = InvitationPolicy.of(settings);
        boolean seats = ctx.seats().seatLimit(tenantId).isPresent();
        boolean quota = inviter != null && !inviter.isSystem() && settings.quotaIfAny().isPresent();
        if (!seats && !quota) {
            return;
        }
        Instant now = change.now();
        change.guard(tenantId, counts -> {
            if (seats) {
                OptionalLong limit = ctx.seats().seatLimit(tenantId);
                if (limit.isPresent()) {
                    long open = counts.count(openSeats(tenantId, now));
                    refuse(policy.checkSeats(new SeatCount(limit, ctx.seats().seatsInUse(tenantId), open), wanted)
                            .stream().toList());
                }
            }
            if (quota) {
                settings.quotaIfAny().ifPresent(q -> refuse(policy.checkQuota(inviter,
                        counts.count(quotaUse(tenantId, inviter.userId(), now.minus(q.window()))), wanted)
                        .stream().toList()));
            }
        });
    }

    /**
     * The query of a tenant's invitations that count against the cap of open invitations per
     * identifier at an instant: provisioned, and pending before their expiry.
     *
     * @param tenantId the tenant
     * @param now      the instant for effective statuses
     * @return the query (without an invitee; add one to count one identifier)
     */
    public static InvitationQuery openCodes(TenantId tenantId, Instant now) {
        return InvitationQuery.builder(tenantId).statuses(InvitationStatus.PROVISIONED, InvitationStatus.PENDING)
                .asOf(now).build();
    }

    /**
     * The refusal of more open invitations of one identifier than a code check compares, or empty
     * when they fit.
     *
     * @param open   how many open invitations the identifier has in the tenant
     * @param adding how many more the write would open
     * @return the refusal naming the limit, or empty
     */
    public static Optional<Refusal> openCapRefusal(long open, int adding) {
        if (open + adding <= AccessCodeGate.MAX_OPEN_PER_IDENTIFIER) {
            return Optional.empty();
        }
        String more = adding == 1 ? "" : " (this write would add " + adding + ")";
        return Optional.of(new Refusal(ErrorCode.OPEN_INVITATIONS_LIMIT, "identifier",
                "this identifier already has " + open + " open invitations in the tenant" + more + ", the most an"
                        + " access code is checked against is " + AccessCodeGate.MAX_OPEN_PER_IDENTIFIER
                        + "; revoke one, or wait until one is accepted or expires, before inviting it again"));
    }

    /**
     * Guards a write that opens invitations of identifiers with the cap of open invitations per
     * identifier: the store counts each identifier's open invitations holding the tenant's write guard
     * (one grouped count), so that the cap holds across every node sharing the store.
     *
     * @param change   the change to guard
     * @param tenantId the tenant
     * @param opened   the identifiers whose invitations the write opens, once per invitation
     */
    static void guardOpenCodes(Change change, TenantId tenantId, List<Identifier> opened) {
        Map<String, Integer> adding = new LinkedHashMap<>();
        opened.forEach(id -> adding.merge(id.matchKey(), 1, Integer::sum));
        Instant now = change.now();
        change.guard(tenantId, counts -> {
            Map<String, Long> open = counts.countPerInvitee(openCodes(tenantId, now), opened);
            adding.forEach((key, n) -> openCapRefusal(open.getOrDefault(key, 0L), n)
                    .ifPresent(r -> refuse(List.of(r))));
        });
    }

    private static void refuse(List<Refusal> refusals) {
        PolicyViolationException.throwIfAny(refusals);
    }
}
