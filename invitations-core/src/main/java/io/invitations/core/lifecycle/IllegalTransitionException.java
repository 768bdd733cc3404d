package io.invitations.core.lifecycle;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Thrown when an action is not allowed in an invitation's current (effective) status. Names both.
 * The code tells an invitee page what to show: for accept and decline it is {@code EXPIRED},
 * {@code REVOKED} or {@code ALREADY_ACCEPTED} where those apply; for approve and reject it is
 * {@code APPROVAL_NOT_REQUIRED}; otherwise {@code ILLEGAL_TRANSITION}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class IllegalTransitionException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** The invitation. */
    private final String invitationId;
    /** Its effective status. */
    private final InvitationStatus status;
    /** The refused action. */
    private final Action action;

    /**
     * Creates the exception.
     *
     * @param invitationId the invitation, not {@code null}
     * @param status       its effective status, not {@code null}
     * @param action       the refused action, not {@code null}
     */
    public IllegalTransitionException(InvitationId invitationId, InvitationStatus status, Action action) {
        super(codeFor(status, action), message(invitationId, status, action));
        this.invitationId = invitationId.value();
        this.status = Objects.requireNonNull(status, "status");
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * Returns the invitation's id.
     *
     * @return the id
     */
    public InvitationId invitationId() {
        return InvitationId.of(invitationId);
    }

    /**
     * Returns the status the invitation was in.
     *
     * @return the effective status
     */
    public InvitationStatus status() {
        return status;
    }

    /**
     * Returns the refused action.
     *
     * @return the action
     */
    public Action action() {
        return action;
    }

    private static ErrorCode codeFor(InvitationStatus status, Action action) {
        if (action == Action.ACCEPT || action == Action.DECLINE) {
            return switch (status) {
                case EXPIRED -> ErrorCode.EXPIRED;
                case REVOKED -> ErrorCode.REVOKED;
                case ACCEPTED, AWAITING_APPROVAL -> ErrorCode.ALREADY_ACCEPTED;
                default -> ErrorCode.ILLEGAL_TRANSITION;
            };
        }
        if (action == Action.APPROVE || action == Action.REJECT) {
            return ErrorCode.APPROVAL_NOT_REQUIRED;
        }
        return ErrorCode.ILLEGAL_TRANSITION;
    }

    private static String message(InvitationId id, InvitationStatus status, Action action) {
        String base = "invitation " + id + " is " + status + "; " + action + " is not possible";
        String hint = switch (status) {
            case EXPIRED -> action == Action.RESEND
                    ? "a resend only extends a pending invitation; re-invite it with reinvite(id), which sends"
                    + " a new link"
                    : "it can be re-invited or revoked";
            case PROVISIONED -> "send it first";
            case PENDING -> action == Action.REINVITE ? "resend it instead" : "it is waiting for the invitee";
            case AWAITING_APPROVAL -> "approve or reject it";
            case ACCEPTED -> "it was already accepted";
            case REVOKED, DECLINED, REJECTED -> "it is closed; invite the person again";
        };
        return base + " (" + hint + ")";
    }
}
