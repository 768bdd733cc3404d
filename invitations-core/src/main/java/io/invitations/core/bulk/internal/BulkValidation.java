package io.invitations.core.bulk.internal;

import io.invitations.core.bulk.BulkLimitExceededException;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.internal.RequestValidator;
import io.invitations.core.bulk.RowProblem;
import io.invitations.spi.invitation.BatchId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first stage of a bulk call, which needs neither storage nor policies: the limit check, then
 * every row read and checked, then duplicates within the input found (the first occurrence of an
 * email or identifier wins; later ones name it).
 */
public final class BulkValidation {
    /** The bulk limit when the tenant sets none. */
    public static final int DEFAULT_LIMIT = 500;

    private BulkValidation() {
    }

    /**
     * Refuses a call with more rows than the limit, before anything else happens.
     *
     * @param rows  how many rows the call has
     * @param limit the tenant's bulk limit
     * @throws BulkLimitExceededException when {@code rows > limit}
     */
    public static void requireWithinLimit(int rows, int limit) {
        if (rows > limit) {
            throw new BulkLimitExceededException(rows, limit);
        }
    }

    /**
     * Checks the limit, then reads and checks every row.
     *
     * @param request the call, not {@code null}
     * @param batchId the batch the call's invitations belong to, not {@code null}
     * @param limit   the tenant's bulk limit
     * @param requests the validator of each invitation's constraints
     * @return one check per row, in input order
     * @throws BulkLimitExceededException when the call has more rows than the limit
     */
    public static List<RowCheck> check(BulkRequest request, BatchId batchId, int limit,
                                       RequestValidator requests) {
        requireWithinLimit(request.rows().size(), limit);
        RowReader reader = new RowReader(request, batchId, requests);
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<RowCheck> checks = new ArrayList<>(request.rows().size());
        for (InvitationRow row : request.rows()) {
            RowReader.Reading reading = reader.read(row);
            int duplicateOf = 0;
            RowProblem duplicate = null;
            if (reading.key() != null) {
                Integer first = firstRowOf.putIfAbsent(reading.key(), row.rowNumber());
                if (first != null) {
                    duplicateOf = first;
                    duplicate = new RowProblem(reading.keyField(), "the same " + reading.keyField() + " is in row "
                            + first + "; the first row is used and this one is skipped");
                }
            }
            checks.add(new RowCheck(row.rowNumber(), reading.request(), reading.problems(), duplicateOf, duplicate));
        }
        return checks;
    }
}
