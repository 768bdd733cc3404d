package io.invitations.spi.storage;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown by a store for a failure other than a duplicate or a stale version: the database is down,
 * a constraint failed, a write referred to a record that does not exist. Nothing of the write was
 * stored.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class StorageException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   the underlying failure, or {@code null}
     */
    public StorageException(String message, Throwable cause) {
        super(ErrorCode.STORAGE_FAILURE, message, cause);
    }
}
