package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * Identifies the organization an invitation belongs to; everything is scoped by tenant.
 *
 * @param value the id as the host knows it; not blank, at most 128 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record TenantId(String value) {
    /**
     * Validates the id.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code value} is missing,
     *         blank or longer than 128 characters
     */
    public TenantId {
        Values.requireText(value, "TenantId", 128);
    }

    /**
     * Creates an id from its text.
     *
     * @param value the id, not blank
     * @return the id
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
