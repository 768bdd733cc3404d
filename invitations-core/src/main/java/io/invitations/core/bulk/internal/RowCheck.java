package io.invitations.core.bulk.internal;

import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.RowProblem;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

/**
 * What validation found for one row, before any policy or storage check.
 *
 * @param rowNumber   the row's number as the user sees it
 * @param request     the valid request, or {@code null} when the row has problems
 * @param problems    every problem of the row with its field; empty when valid
 * @param duplicateOf the number of the earlier row with the same email or identifier, or 0
 * @param duplicate   the reason naming that earlier row, or {@code null} when not a duplicate
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record RowCheck(int rowNumber, InviteRequest request, List<RowProblem> problems, int duplicateOf,
                       RowProblem duplicate) {
    /**
     * Copies the problems.
     *
     * @throws NullPointerException if {@code problems} is null
     */
    public RowCheck {
        problems = List.copyOf(problems);
    }

    /**
     * Tells whether the row may go on to the policy checks.
     *
     * @return {@code true} when valid and not a duplicate
     */
    public boolean isCandidate() {
        return request != null && problems.isEmpty() && duplicate == null;
    }

    /**
     * Returns the outcome validation alone decides, for rows that are not candidates.
     *
     * @return {@link BulkOutcome#INVALID} with problems (even when also a duplicate),
     *         {@link BulkOutcome#DUPLICATE_IN_INPUT} for a valid duplicate, or {@code null} for a candidate
     */
    public BulkOutcome outcome() {
        if (!problems.isEmpty()) {
            return BulkOutcome.INVALID;
        }
        return duplicate != null ? BulkOutcome.DUPLICATE_IN_INPUT : null;
    }

    /**
     * Returns every reason the row is not a candidate: its problems, then the duplicate.
     *
     * @return the reasons; empty for a candidate
     */
    public List<RowProblem> reasons() {
        if (duplicate == null) {
            return problems;
        }
        List<RowProblem> all = new ArrayList<>(problems);
        all.add(duplicate);
        return List.copyOf(all);
    }
}
