package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Told how far a bulk call has got, for long runs. The engine calls it once per row, in row order,
 * on the thread that made the bulk call, before anything is written; {@link #every(int)} thins the
 * calls out. An exception thrown by the listener ends the bulk call with nothing written.
 *
 * <p>Implementations need not be thread-safe: one bulk call never calls its listener from two
 * threads at once.
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "1.0")
public interface BulkProgressListener {
    /** A listener that does nothing. */
    BulkProgressListener NONE = progress -> { };

    /**
     * Receives the progress after a row was processed.
     *
     * @param progress the progress, never {@code null}
     */
    void onProgress(BulkProgress progress);

    /**
     * Returns a listener that passes on every {@code n}-th call and the last one, for hosts that
     * update a progress bar and do not need every row.
     *
     * @param n how many rows between two calls, at least 1
     * @return the thinned listener
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code n} is below 1
     */
    default BulkProgressListener every(int n) {
        if (n < 1) {
            throw InvitationException.invalidValue("n must be at least 1, not " + n);
        }
        BulkProgressListener self = this;
        return progress -> {
            if (progress.processed() % n == 0 || progress.isLast()) {
                self.onProgress(Objects.requireNonNull(progress, "progress"));
            }
        };
    }
}
