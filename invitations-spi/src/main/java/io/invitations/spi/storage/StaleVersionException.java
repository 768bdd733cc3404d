package io.invitations.spi.storage;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown by a store when a compare-and-set update finds another version than expected (someone
 * else changed the record first), or no record at all. Nothing of the write was stored.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class StaleVersionException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final String recordId;
    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param kind            what record, e.g. {@code "invitation"}, {@code "link"}, {@code "outbox message"}
     * @param recordId        its id
     * @param expectedVersion the version the writer expected
     */
    public StaleVersionException(String kind, String recordId, long expectedVersion) {
        super(ErrorCode.CONCURRENT_MODIFICATION, kind + " " + recordId + " is no longer at version "
                + expectedVersion + "; read it again and retry");
        this.recordId = recordId;
        this.expectedVersion = expectedVersion;
    }

    /**
     * Returns the id of the record that changed.
     *
     * @return the id
     */
    public String recordId() {
        return recordId;
    }

    /**
     * Returns the version the writer expected.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }
}
