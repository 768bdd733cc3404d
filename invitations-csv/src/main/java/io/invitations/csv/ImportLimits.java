package io.invitations.csv;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * How much an importer reads before it refuses a file: a size in bytes and a number of rows (data
 * rows, cards or entries; blank lines do not count). A file over either limit is refused with
 * {@link io.invitations.spi.ErrorCode#IMPORT_LIMIT_EXCEEDED} before any row is returned. Importers
 * hold at most {@code maxBytes} of the file in memory.
 *
 * <pre>{@code
 * ImportLimits limits = ImportLimits.of(2 * 1024 * 1024, 5_000);   // 2 MB, 5,000 rows
 * }</pre>
 *
 * @param maxBytes the most bytes read, from 1 to {@link #MAX_BYTES}
 * @param maxRows  the most rows read, at least 1
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ImportLimits(long maxBytes, int maxRows) {
    /** The default size limit: 10 MB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** The default row limit: 100,000 rows. */
    public static final int DEFAULT_MAX_ROWS = 100_000;
    /** The largest size limit that can be set: 1 GB (the file is held in memory). */
    public static final long MAX_BYTES = 1024L * 1024 * 1024;

    private static final ImportLimits DEFAULTS = new ImportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);

    /**
     * Validates the limits.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if a limit is out of range
     */
    public ImportLimits {
        if (maxBytes < 1 || maxBytes > MAX_BYTES) {
            throw InvitationException.invalidValue("maxBytes must be between 1 and " + MAX_BYTES + ", was " + maxBytes);
        }
        if (maxRows < 1) {
            throw InvitationException.invalidValue("maxRows must be at least 1, was " + maxRows);
        }
    }

    /**
     * Returns the default limits: 10 MB and 100,000 rows.
     *
     * @return the defaults
     */
    public static ImportLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Returns limits.
     *
     * @param maxBytes the most bytes read
     * @param maxRows  the most rows read
     * @return the limits
     * @throws InvitationException with {@code INVALID_REQUEST} if a limit is out of range
     */
    public static ImportLimits of(long maxBytes, int maxRows) {
        return new ImportLimits(maxBytes, maxRows);
    }
}
