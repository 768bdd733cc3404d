package io.invitations.core.internal;

import io.invitations.core.lifecycle.internal.Lifecycle;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.settings.ResendPolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * What inviters and administrators do to existing invitations: resend, re-invite, revoke, approve,
 * reject; and the expiry sweep.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Managing {
    private static final Logger LOG = LoggerFactory.getLogger(Managing.class);

    private final Context ctx;

    /**
     * Creates the operations.
     *
     * @param ctx the context
     */
    public Managing(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Resends a pending invitation: a fresh expiry and, by tenant policy, a new link.
     *
     * @param actor    who resends
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     */
    public Invitation resend(Inviter actor, TenantId tenantId, InvitationId id) {
        return Mutation.run(ctx, actor, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            InvitationPolicy policy = InvitationPolicy.of(settings);
            PolicyViolationException.throwIfAny(policy.checkManage(actor, stored, false));
            Lifecycle.require(id, stored.effectiveStatus(change.now()), Action.RESEND, settings.approvalRequired());
            if (stored.delivery().status() == io.invitations.spi.invitation.DeliveryState.Status.BOUNCED) {
                throw new io.invitations.spi.InvitationException(io.invitations.spi.ErrorCode.ADDRESS_BOUNCED,
                        "invitation " + id + " is not resent: its address bounced hard or complained ("
                        + stored.delivery().lastError() + "); share the claim link by hand with"
                        + " shareClaimLink, or revoke it and invite a corrected address");
            }
            PolicyViolationException.throwIfAny(policy.checkResend(stored, change.now()));
            Instant now = change.now();
            boolean rotate = settings.resendPolicy() == ResendPolicy.ROTATE;
            int count = stored.resendCount() + 1;
            Invitation next = change.queueMessage(Reminders.plan(settings, stored.toBuilder().resendCount(count)
                    .tokenVersion(rotate ? stored.tokenVersion() + 1 : stored.tokenVersion())
                    .expiresAt(now.plus(settings.invitationTtl())).build(), now), OutboxMessage.Kind.RESEND);
            change.transition(stored, actor.userId(), Action.RESEND, InvitationStatus.PENDING,
                    InvitationStatus.PENDING, rotate ? "link rotated, expiry extended" : "expiry extended",
                    new InvitationEvent.Resent(tenantId, id, now, actor.userId(), count, rotate));
            return change.update(stored, next);
        });
    }

    /**
     * Invites again after expiry: a new link and a new expiry; the invitation counts against seats
     * again.
     *
     * @param actor    who re-invites
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     */
    public Invitation reinvite(Inviter actor, TenantId tenantId, InvitationId id) {
        return Mutation.run(ctx, actor, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            InvitationPolicy policy = InvitationPolicy.of(settings);
            PolicyViolationException.throwIfAny(policy.checkManage(actor, stored, false));
            Lifecycle.require(id, stored.effectiveStatus(change.now()), Action.REINVITE, settings.approvalRequired());
            PolicyViolationException.throwIfAny(policy.checkSeats(ctx.seatCountForCheck(tenantId, change.now()), 1)
                    .stream().toList());
            Invitation expired = change.expireIfDue(stored);
            Instant now = change.now();
            Invitation next = change.queueMessage(Reminders.plan(settings, expired.toBuilder()
                    .status(InvitationStatus.PENDING).tokenVersion(stored.tokenVersion() + 1).resendCount(0)
                    .invitedAt(now).expiresAt(now.plus(settings.invitationTtl())).build(), now),
                    OutboxMessage.Kind.REINVITE);
            change.transition(stored, actor.userId(), Action.REINVITE, InvitationStatus.EXPIRED,
                    InvitationStatus.PENDING, null, new InvitationEvent.Reinvited(tenantId, id, now, actor.userId()));
            // the seat once more, atomically with the write (no quota: re-inviting creates nothing)
            Limits.guard(ctx, change, tenantId, settings, null, 1);
            return change.update(stored, next);
        });
    }

    /**
     * Revokes an invitation; its link dies at once. Allowed while invitations are switched off.
     *
     * @param actor    who revokes
     * @param tenantId the tenant
     * @param id       the invitation
     * @param reason   why, or {@code null}
     * @return the stored invitation
     */
    public Invitation revoke(Inviter actor, TenantId tenantId, InvitationId id, String reason) {
        return Mutation.run(ctx, actor, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkManage(actor, stored, true));
            InvitationStatus from = stored.effectiveStatus(change.now());
            Lifecycle.require(id, from, Action.REVOKE, settings.approvalRequired());
            Invitation current = change.expireIfDue(stored);
            change.transition(stored, actor.userId(), Action.REVOKE, from, InvitationStatus.REVOKED, reason,
                    new InvitationEvent.Revoked(tenantId, id, change.now(), actor.userId(), from, reason));
            return change.update(stored, current.toBuilder().status(InvitationStatus.REVOKED).build());
        });
    }

    /**
     * Approves an acceptance awaiting approval.
     *
     * @param actor    who approves
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     */
    public Invitation approve(Inviter actor, TenantId tenantId, InvitationId id) {
        return decide(actor, tenantId, id, Action.APPROVE, null);
    }

    /**
     * Rejects an acceptance awaiting approval.
     *
     * @param actor    who rejects
     * @param tenantId the tenant
     * @param id       the invitation
     * @param reason   why, or {@code null}
     * @return the stored invitation
     */
    public Invitation reject(Inviter actor, TenantId tenantId, InvitationId id, String reason) {
        return decide(actor, tenantId, id, Action.REJECT, reason);
    }

    private Invitation decide(Inviter actor, TenantId tenantId, InvitationId id, Action action, String reason) {
        return Mutation.run(ctx, actor, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkDecide(actor, stored));
            InvitationStatus to = Lifecycle.require(id, stored.effectiveStatus(change.now()), action,
                    settings.approvalRequired());
            // like acceptance, the directory hears of it before the decision is stored
            if (stored.accountId() != null) {
                ctx.directory().approvalDecided(tenantId, id, stored.accountId(), stored.grant(),
                        action == Action.APPROVE);
            }
            // an acceptance held because it came from another address: rejecting it never uses the
            // invitation up, which goes back to PENDING for the person invited
            io.invitations.spi.invitation.HistoryEntry held = OtherAccounts.heldMismatch(ctx, stored);
            boolean release = held != null && action == Action.REJECT;
            InvitationEvent event = release
                    ? new InvitationEvent.AccountMismatch(tenantId, id, change.now(), actor.userId(),
                    InvitationEvent.AccountMismatch.Outcome.HOLD_REJECTED)
                    : action == Action.APPROVE
                    ? new InvitationEvent.Approved(tenantId, id, change.now(), actor.userId(), stored.invitedBy())
                    : new InvitationEvent.Rejected(tenantId, id, change.now(), actor.userId(), reason);
            to = release ? InvitationStatus.PENDING : to;
            change.transition(stored, actor.userId(), action, stored.status(), to, reason, event,
                    held == null ? null : held.acceptingAddress());
            return change.update(stored, release ? stored.toBuilder().status(to).accountId(null).respondedAt(null)
                    .build() : stored.toBuilder().status(to).build());
        });
    }

    /**
     * Stores EXPIRED for every pending invitation past its expiry, in all tenants, with history and
     * events. Safe to run from several processes at once (each invitation expires once).
     *
     * @return how many invitations this call expired
     */
    public int expireDue() {
        return Sweep.run(ctx, ctx.store()::dueForExpiry, this::expireOne);
    }

    private boolean expireOne(Invitation candidate, Instant now) {
        return ctx.invitationLocks().with(candidate.id(), () -> {
            Invitation stored = ctx.store().find(candidate.tenantId(), candidate.id()).orElse(null);
            if (stored == null || stored.effectiveStatus(now) != InvitationStatus.EXPIRED
                    || stored.status() != InvitationStatus.PENDING) {
                return false;
            }
            Change change = new Change(now);
            Invitation next = change.expireIfDue(stored);
            change.update(stored, next);
            try {
                change.commit(ctx);
                return true;
            } catch (StaleVersionException e) {
                LOG.debug("invitation {} changed while expiring; left for the next sweep", stored.id());
                return false;
            }
        });
    }
}
