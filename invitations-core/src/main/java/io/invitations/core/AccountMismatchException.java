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
        super(ErrorCode.ACCOUNT_MISMATCH, "invitation " + invitationId + " was sent to another email address than"
                + " the one you are accepting with (acceptingAs); sign in with the address the invitation was"
                + " sent to, or ask the inviter to invite this address — the invitation stays open");
        this.invitationId = invitationId;
    }

    /**
     * Returns the invitation the acceptance was refused for.
     *
     * @return the invitation's id
     */
    public InvitationId invitationId() {
        return invitationId;
    }
}
