package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

/**
 * Thrown when an invitation is accepted with another email address than the one it was sent to and
 * the tenant's policy ({@code TenantSettings.otherAccounts()}) refuses that: STRICT, or VERIFIED_ALIAS
 * when neither the identity directory nor the tenant's alias domains vouch for the address. Code
 * {@link ErrorCode#ACCOUNT_MISMATCH}. The invitation is not used up: it stays open for the person
 * invited, and no account or seat was taken. The message names neither address.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public class AccountMismatchException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final InvitationId invitationId;

    /**
     * Creates the exception.
     *
     * @param invitationId the invitation, not {@code null}
     */
    public AccountMismatchException(InvitationId invitationId) {
        this("invitation " + invitationId + " was sent to another email address than"
                + " the one you are accepting with (acceptingAs); sign in with the address the invitation was"
                + " sent to, or ask the inviter to invite this address — the invitation stays open", invitationId);
    }

    private AccountMismatchException(String message, InvitationId invitationId) {
        super(ErrorCode.ACCOUNT_MISMATCH, message);
        this.invitationId = invitationId;
    }

    /**
     * Creates the refusal of a join through a shareable link whose typed email is another than the
     * address the joiner is signed in with ({@code JoinRequest.acceptingAs()}). Nothing was stored,
     * no seat or use of the link taken, no account made. The message names neither address.
     *
     * @return the exception, without an invitation id
     * @since 1.2
     */
    public static AccountMismatchException onJoin() {
        return new AccountMismatchException("the email address typed to join through the shareable link is another"
                + " than the one you are signed in with (acceptingAs); join with the address you are signed in"
                + " with, or sign in with the typed one — nothing was stored", null);
    }

    /**
     * Returns the invitation the acceptance was refused for.
     *
     * @return the invitation's id, or {@code null} for a refused join through a shareable link
     *         ({@link #onJoin()})
     */
    public InvitationId invitationId() {
        return invitationId;
    }
}
