package io.invitations.core.optout;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;

/**
 * What an opt-out did, for the host's confirmation page. It names neither the contact nor the token.
 *
 * @param tenantId the tenant whose message carried the link, not {@code null}
 * @param scope    what the opt-out covers, not {@code null}
 * @param at       when it was recorded, not {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record OptOutConfirmation(TenantId tenantId, OptOutScope scope, Instant at) {
    /**
     * Checks that nothing is missing.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the missing field
     */
    public OptOutConfirmation {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(scope, "scope");
        InvitationException.requireValue(at, "at");
    }
}
