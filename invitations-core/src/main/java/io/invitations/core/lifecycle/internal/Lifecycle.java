package io.invitations.core.lifecycle.internal;

import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import org.apiguardian.api.API;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.invitations.spi.invitation.InvitationStatus.ACCEPTED;
import static io.invitations.spi.invitation.InvitationStatus.AWAITING_APPROVAL;
import static io.invitations.spi.invitation.InvitationStatus.DECLINED;
import static io.invitations.spi.invitation.InvitationStatus.EXPIRED;
import static io.invitations.spi.invitation.InvitationStatus.PENDING;
import static io.invitations.spi.invitation.InvitationStatus.PROVISIONED;
import static io.invitations.spi.invitation.InvitationStatus.REJECTED;
import static io.invitations.spi.invitation.InvitationStatus.REVOKED;

/**
 * The transition table of the invitation lifecycle: each (status, action) pair that is allowed and its target status. {@code from} is {@code null} for the actions that create an
 * invitation (provision, invite). Statuses are the <em>effective</em> ones: a pending invitation
 * past its expiry is EXPIRED.
 *
 * <pre>
 * —                              provision  → PROVISIONED
 * — , PROVISIONED                invite     → PENDING
 * PENDING                        resend     → PENDING
 * EXPIRED                        re-invite  → PENDING
 * PENDING                        accept     → ACCEPTED, or AWAITING_APPROVAL when approval is required
 * AWAITING_APPROVAL              approve    → ACCEPTED
 * AWAITING_APPROVAL              reject     → REJECTED
 * PENDING                        decline    → DECLINED
 * PROVISIONED, PENDING, EXPIRED  revoke     → REVOKED
 * PENDING                        expire     → EXPIRED
 * </pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Lifecycle {
    private static final Map<Action, Set<InvitationStatus>> SOURCES = new EnumMap<>(Action.class);

    static {
        SOURCES.put(Action.PROVISION, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.INVITE, EnumSet.of(PROVISIONED));
        SOURCES.put(Action.RESEND, EnumSet.of(PENDING));
        SOURCES.put(Action.REINVITE, EnumSet.of(EXPIRED));
        SOURCES.put(Action.ACCEPT, EnumSet.of(PENDING));
        SOURCES.put(Action.APPROVE, EnumSet.of(AWAITING_APPROVAL));
        SOURCES.put(Action.REJECT, EnumSet.of(AWAITING_APPROVAL));
        SOURCES.put(Action.DECLINE, EnumSet.of(PENDING));
        SOURCES.put(Action.REVOKE, EnumSet.of(PROVISIONED, PENDING, EXPIRED));
        SOURCES.put(Action.EXPIRE, EnumSet.of(PENDING));
        // records that are not transitions: the state machine never moves by them
        SOURCES.put(Action.OPEN, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.SHARE_LINK, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.BOUNCE, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.REASSIGN, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.REMIND, EnumSet.noneOf(InvitationStatus.class));
        SOURCES.put(Action.ERASE, EnumSet.noneOf(InvitationStatus.class));
    }

    private Lifecycle() {
    }

    /**
     * Tells where an action leads from a status.
     *
     * @param from             the effective status, or {@code null} for a new invitation
     * @param action           the action, not {@code null}
     * @param approvalRequired whether the tenant requires approval (decides where ACCEPT leads)
     * @return the status after, or empty when the move is not allowed
     */
    public static Optional<InvitationStatus> next(InvitationStatus from, Action action, boolean approvalRequired) {
        boolean creates = action == Action.PROVISION || action == Action.INVITE;
        boolean allowed = from == null ? creates : SOURCES.get(action).contains(from);
        if (!allowed) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case PROVISION -> PROVISIONED;
            case INVITE, RESEND, REINVITE -> PENDING;
            case ACCEPT -> approvalRequired ? AWAITING_APPROVAL : ACCEPTED;
            case APPROVE -> ACCEPTED;
            case REJECT -> REJECTED;
            case DECLINE -> DECLINED;
            case REVOKE -> REVOKED;
            case EXPIRE -> EXPIRED;
            case OPEN, BOUNCE, SHARE_LINK, REASSIGN, REMIND, ERASE -> throw new IllegalStateException(action + " is not a transition");
        });
    }

    /**
     * Returns the statuses an action may start from (the creating actions also start from nothing).
     *
     * @param action the action, not {@code null}
     * @return the statuses, possibly empty
     */
    public static Set<InvitationStatus> sourcesOf(Action action) {
        Set<InvitationStatus> s = SOURCES.get(action);
        return s.isEmpty() ? Set.of() : Set.copyOf(s);
    }

    /**
     * Returns where an action leads from an existing invitation, or refuses the move.
     *
     * @param invitationId     the invitation, for the error, not {@code null}
     * @param from             its effective status, not {@code null}
     * @param action           the action, not {@code null}
     * @param approvalRequired whether the tenant requires approval
     * @return the status after
     * @throws IllegalTransitionException if the move is not allowed from {@code from}
     */
    public static InvitationStatus require(InvitationId invitationId, InvitationStatus from, Action action,
                                           boolean approvalRequired) {
        return next(from, action, approvalRequired)
                .orElseThrow(() -> new IllegalTransitionException(invitationId, from, action));
    }
}
