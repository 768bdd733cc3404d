package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;

/**
 * One invitation message queued for a recipient, kept so that the tenant's send limits
 * ({@link io.invitations.spi.settings.SendLimits}) can count the messages a contact received and an
 * inviter sent within a window, on every node. It holds no personal data: the contact is a one-way
 * key ({@code contactKey}), the inviter a user id.
 *
 * @param tenantId   the tenant, not {@code null}
 * @param contactKey the recipient's opt-out key (a one-way hash of its match key), not blank
 * @param inviter    the user id counted for the per-inviter windows, not blank
 * @param at         when the message was queued, not {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record SendRecord(TenantId tenantId, String contactKey, String inviter, Instant at) {
    /**
     * Checks that nothing is missing.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the missing field
     */
    public SendRecord {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(at, "at");
        if (contactKey == null || contactKey.isBlank()) {
            throw InvitationException.invalidValue("contactKey must not be blank: give the recipient's opt-out key");
        }
        if (inviter == null || inviter.isBlank()) {
            throw InvitationException.invalidValue("inviter must not be blank: give the sending user's id");
        }
    }
}
