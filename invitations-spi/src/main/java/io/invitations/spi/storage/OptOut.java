package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Optional;

/**
 * A recipient's request to receive no more invitations: from one tenant, or from every tenant of the
 * host. Stored by {@link InvitationStore#optOut(OptOut)}; it holds no personal data, only the
 * contact's one-way key.
 *
 * @param contactKey the contact's opt-out key (a one-way hash of its match key), not blank
 * @param tenantId   the tenant opted out of, or {@code null} for every tenant of the host
 * @param at         when the recipient opted out, not {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record OptOut(String contactKey, TenantId tenantId, Instant at) {
    /**
     * Checks that nothing is missing.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the missing field
     */
    public OptOut {
        InvitationException.requireValue(at, "at");
        if (contactKey == null || contactKey.isBlank()) {
            throw InvitationException.invalidValue("contactKey must not be blank: give the contact's opt-out key");
        }
    }

    /**
     * The tenant opted out of.
     *
     * @return the tenant, or empty when the opt-out covers every tenant
     */
    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenantId);
    }

    /**
     * Describes the opt-out without its key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "OptOut[tenant=" + (tenantId == null ? "(all)" : tenantId) + ", at=" + at + "]";
    }
}
