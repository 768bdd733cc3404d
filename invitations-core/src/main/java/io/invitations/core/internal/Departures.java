package io.invitations.core.internal;

import io.invitations.core.DepartureReport;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.identity.MembershipEvents;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.DepartedInviterPolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the tenant's {@link DepartedInviterPolicy} to the open invitations of an inviter who left
 * or dropped below the inviting level: revoke them, or hand them to a successor, each with a history
 * entry and an event. Also the engine's {@link MembershipEvents}, acting as {@code system:directory}.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Departures implements MembershipEvents {
    /** The actor of what directory reports change. */
    public static final Inviter DIRECTORY = Inviter.system("directory");

    private static final Logger LOG = LoggerFactory.getLogger(Departures.class);

    private final Context ctx;
    private final Managing managing;

    /**
     * Creates the operation.
     *
     * @param ctx      the context
     * @param managing the revocation it uses
     */
    public Departures(Context ctx, Managing managing) {
        this.ctx = ctx;
        this.managing = managing;
    }

    /**
     * Handles one inviter's departure as an administrator.
     *
     * @param actor     who acts; must be an administrator
     * @param tenantId  the tenant
     * @param inviterId the departed inviter's user id
     * @param successor who takes the invitations over under REASSIGN, or {@code null} for the actor
     * @param reason    why, recorded in history, or {@code null}
     * @return what was done
     */
    public DepartureReport handle(Inviter actor, TenantId tenantId, String inviterId, Inviter successor,
                                  String reason) {
        Objects.requireNonNull(inviterId, "inviterId");
        InvitationPolicy.adminLevel(actor, "handling a departed inviter's invitations")
                .ifPresent(r -> PolicyViolationException.throwIfAny(List.of(r)));
        return apply(actor, tenantId, inviterId, successor != null ? successor : actor, reason);
    }

    @Override
    public int memberLeft(TenantId tenantId, String userId, Inviter successor) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        return apply(DIRECTORY, tenantId, userId, successor, "left the tenant").changed();
    }

    @Override
    public int levelChanged(TenantId tenantId, String userId, PermissionLevel level, Inviter successor) {
        Objects.requireNonNull(level, "level");
        if (level.atLeast(ctx.settingsFor(tenantId).minimumInviteLevel())) {
            return 0;
        }
        return apply(DIRECTORY, tenantId, userId, successor, "dropped to " + level + ", below the inviting level")
                .changed();
    }

    private DepartureReport apply(Inviter actor, TenantId tenantId, String inviterId, Inviter successor,
                                  String reason) {
        TenantSettings settings = ctx.settingsFor(tenantId);
        DepartedInviterPolicy policy = settings.departedInviters();
        if (policy == DepartedInviterPolicy.KEEP) {
            return new DepartureReport(inviterId, policy, null, List.of(), List.of());
        }
        boolean reassign = policy == DepartedInviterPolicy.REASSIGN && successor != null
                && !successor.userId().equals(inviterId);
        List<InvitationId> revoked = new ArrayList<>();
        List<InvitationId> reassigned = new ArrayList<>();
        for (Invitation inv : openInvitationsOf(tenantId, inviterId, reassign)) {
            try {
                if (reassign) {
                    reassign(actor, inv, successor, reason);
                    reassigned.add(inv.id());
                } else {
                    managing.revoke(actor, tenantId, inv.id(), "inviter " + inviterId + " " + reason);
                    revoked.add(inv.id());
                }
            } catch (IllegalTransitionException moved) {
                // answered, expired or revoked meanwhile: nothing left to do for it
                LOG.debug("invitation {} of departed inviter was no longer open: {}", inv.id(), moved.status());
            }
        }
        return new DepartureReport(inviterId, policy, reassign ? successor.userId() : null, revoked, reassigned);
    }

    private List<Invitation> openInvitationsOf(TenantId tenantId, String inviterId, boolean withAwaiting) {
        Instant now = ctx.now();
        InvitationQuery query = InvitationQuery.builder(tenantId).invitedBy(inviterId).asOf(now)
                .statuses(withAwaiting ? java.util.Set.of(InvitationStatus.PROVISIONED, InvitationStatus.PENDING,
                        InvitationStatus.AWAITING_APPROVAL)
                        : java.util.Set.of(InvitationStatus.PROVISIONED, InvitationStatus.PENDING))
                .page(0, InvitationQuery.MAX_LIMIT).build();
        List<Invitation> all = new ArrayList<>();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            all.addAll(page.items());
            query = query.nextPage();
        } while (page.hasMore());
        return all;
    }

    private void reassign(Inviter actor, Invitation inv, Inviter successor, String reason) {
        Mutation.run(ctx, inv.tenantId(), inv.id(), (stored, change) -> {
            InvitationStatus status = stored.effectiveStatus(change.now());
            if (!status.isOpen() || !stored.invitedBy().equals(inv.invitedBy())) {
                throw new IllegalTransitionException(stored.id(), status, Action.REASSIGN);
            }
            change.transition(stored, actor.userId(), Action.REASSIGN, status, status,
                    "from " + stored.invitedBy() + " to " + successor.userId() + ": inviter " + reason,
                    new InvitationEvent.Reassigned(stored.tenantId(), stored.id(), change.now(), actor.userId(),
                            stored.invitedBy(), successor.userId()));
            return change.update(stored, stored.toBuilder().invitedBy(successor.userId())
                    .inviterName(successor.displayName()).build());
        });
    }
}
