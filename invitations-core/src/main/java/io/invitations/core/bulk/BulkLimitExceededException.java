package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * Thrown when a bulk call has more rows than the tenant's bulk limit. It is thrown before anything
 * is checked or written; split the rows into waves with {@link Batches#split(java.util.List, int)}
 * and send them one by one. Code {@link ErrorCode#BULK_LIMIT_EXCEEDED}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class BulkLimitExceededException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int limit;

    /**
     * Creates the exception; the message states both numbers and how to split.
     *
     * @param rows  how many rows the call had
     * @param limit the tenant's bulk limit
     */
    public BulkLimitExceededException(int rows, int limit) {
        super(ErrorCode.BULK_LIMIT_EXCEEDED, "batch has " + rows + " rows; the limit is " + limit
                + " — split it with Batches.split(rows, " + limit + ") and send the waves one by one");
        this.rows = rows;
        this.limit = limit;
    }

    /**
     * Returns how many rows the refused call had.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the tenant's bulk limit.
     *
     * @return the most rows one call may have
     */
    public int limit() {
        return limit;
    }
}
