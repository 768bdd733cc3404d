package io.invitations.core;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The result of a successful claim.
 *
 * @param invitation the invitation as stored after the claim, not {@code null}
 * @param accountId  the account the identity directory created or linked, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record Acceptance(Invitation invitation, String accountId) {
    /**
     * Validates the result.
     *
     * @throws NullPointerException if a component is null
     */
    public Acceptance {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(accountId, "accountId");
    }

    /**
     * Tells whether membership still waits for an approval (the tenant requires one).
     *
     * @return {@code true} when AWAITING_APPROVAL
     */
    public boolean awaitingApproval() {
        return invitation.status() == InvitationStatus.AWAITING_APPROVAL;
    }
}
