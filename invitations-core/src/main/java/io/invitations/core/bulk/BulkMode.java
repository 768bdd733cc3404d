package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * How a bulk call treats rows that cannot be created.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum BulkMode {
    /**
     * Validate only: every row is checked exactly as it would be, the report says what would happen,
     * and nothing is written, sent or published.
     */
    DRY_RUN,
    /** The rows that can be created are written; the others are reported with their reasons. */
    BEST_EFFORT,
    /**
     * Either every row is created or nothing is written: a single row that cannot be created
     * (invalid, denied, a duplicate, already invited or already a member) stops the whole batch,
     * and the creatable rows are reported as {@link BulkOutcome#NOT_WRITTEN}.
     */
    ALL_OR_NOTHING
}
