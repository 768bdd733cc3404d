package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * How far a bulk call has got: handed to a {@link BulkProgressListener} as rows are processed.
 *
 * @param batchId   the batch being processed, not {@code null}
 * @param processed how many rows have been processed so far, from 1 to {@code total}
 * @param total     how many rows the call has
 * @param rowNumber the number of the row just processed, as the user sees it in the file
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record BulkProgress(BatchId batchId, int processed, int total, int rowNumber) {
    /**
     * Validates the progress.
     *
     * @throws NullPointerException     if {@code batchId} is null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code processed} is not between 1 and {@code
     *         total}
     */
    public BulkProgress {
        Objects.requireNonNull(batchId, "batchId");
        if (processed < 1 || processed > total) {
            throw InvitationException.invalidValue("processed must be between 1 and " + total + ", not " + processed);
        }
    }

    /**
     * Tells whether every row has been processed.
     *
     * @return {@code true} for the last call of a run
     */
    public boolean isLast() {
        return processed == total;
    }
}
