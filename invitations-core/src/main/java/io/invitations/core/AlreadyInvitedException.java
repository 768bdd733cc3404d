package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

import java.util.Optional;

/**
 * Thrown when the invitee already has an open invitation for the same target
 * ({@link ErrorCode#ALREADY_INVITED}), or is already a member ({@link ErrorCode#ALREADY_MEMBER}).
 * Asking again never makes a duplicate.
 *
 * <p>Only an inviter at the tenant's manage level gets these precise answers (with the open
 * invitation's id). Below it, and on a join through a shareable link, both read alike:
 * {@link ErrorCode#ALREADY_INVITED_OR_MEMBER}, one message, no invitation id
 * ({@link #neutral(String)}, {@link #alreadyInvitedOrMember(String)}), so that a low-level inviter cannot
 * tell members from invitees.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class AlreadyInvitedException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** The id of the open invitation that blocks a new one, or {@code null}. */
    private final String existingInvitationId;

    private AlreadyInvitedException(ErrorCode code, String message, InvitationId existing) {
        super(code, message);
        this.existingInvitationId = existing == null ? null : existing.value();
    }

    /**
     * Creates the "already invited" refusal.
     *
     * @param invitee  the invitee's contact as shown to the inviter, not {@code null}
     * @param existing the open invitation, or {@code null} when not known (a concurrent insert won)
     * @return the exception
     */
    public static AlreadyInvitedException alreadyInvited(String invitee, InvitationId existing) {
        return new AlreadyInvitedException(ErrorCode.ALREADY_INVITED, invitee + " already has an open invitation"
                + (existing == null ? "" : " (" + existing + ")") + "; resend or revoke it instead", existing);
    }

    /**
     * Creates the "already a member" refusal.
     *
     * @param invitee the invitee's contact as shown to the inviter, not {@code null}
     * @return the exception
     */
    public static AlreadyInvitedException alreadyMember(String invitee) {
        return new AlreadyInvitedException(ErrorCode.ALREADY_MEMBER, invitee
                + " is already a member of this tenant; nothing to invite", null);
    }

    /**
     * Creates the neutral refusal an inviter below the tenant's manage level gets for someone who
     * is already invited or already a member: the same code and message for both, no invitation id.
     *
     * @param invitee the invitee's contact as shown to the inviter, not {@code null}
     * @return the exception, with code {@code ALREADY_INVITED_OR_MEMBER} and no invitation id
     */
    public static AlreadyInvitedException neutral(String invitee) {
        return new AlreadyInvitedException(ErrorCode.ALREADY_INVITED_OR_MEMBER, neutralMessage(invitee), null);
    }

    /**
     * The one message an inviter below the manage level reads for an invitee who is already invited
     * or already a member (the single invite and the bulk report say the same).
     *
     * @param invitee the invitee's contact as shown to the inviter, not {@code null}
     * @return the message
     */
    public static String neutralMessage(String invitee) {
        return invitee + " is already invited or already a member; nothing to do";
    }

    /**
     * Creates the neutral refusal for callers who may not learn whether someone is a member or only
     * invited (a join through a shareable link, which anyone holding the URL can try with any address).
     *
     * @param invitee the address as the caller typed it, not {@code null}
     * @return the exception, with code {@code ALREADY_INVITED_OR_MEMBER} and no invitation id
     */
    public static AlreadyInvitedException alreadyInvitedOrMember(String invitee) {
        return new AlreadyInvitedException(ErrorCode.ALREADY_INVITED_OR_MEMBER, invitee
                + " is already invited or already has an account here; sign in, or open the invitation you received",
                null);
    }

    /**
     * Returns the open invitation that blocks a new one.
     *
     * @return its id, or empty for {@code ALREADY_MEMBER} or when not known
     */
    public Optional<InvitationId> existingInvitationId() {
        return Optional.ofNullable(existingInvitationId).map(InvitationId::of);
    }
}
