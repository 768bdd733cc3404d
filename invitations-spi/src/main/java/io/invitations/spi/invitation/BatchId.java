package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * Identifies a bulk run; every invitation a bulk call creates carries it.
 *
 * @param value the id as the host knows it; not blank, at most 128 characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record BatchId(String value) {
    /**
     * Validates the id.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code value} is missing,
     *         blank or longer than 128 characters
     */
    public BatchId {
        Values.requireText(value, "BatchId", 128);
    }

    /**
     * Creates an id from its text.
     *
     * @param value the id, not blank
     * @return the id
     */
    public static BatchId of(String value) {
        return new BatchId(value);
    }

    /**
     * Creates a fresh random id.
     *
     * @return a new id, never {@code null}
     */
    public static BatchId random() {
        return new BatchId(java.util.UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
