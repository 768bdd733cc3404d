package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * Identifies a local scope inside a tenant (a site or department); *_LOCAL levels act only in their own units.
 *
 * @param value the id as the host knows it; not blank, at most 128 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record UnitId(String value) {
    /**
     * Validates the id.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code value} is missing,
     *         blank or longer than 128 characters
     */
    public UnitId {
        Values.requireText(value, "UnitId", 128);
    }

    /**
     * Creates an id from its text.
     *
     * @param value the id, not blank
     * @return the id
     */
    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
