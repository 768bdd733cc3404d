package io.invitations.core.bulk;

import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a bulk call: one {@link Line line} per input row, in input order, with the row's
 * number, its {@link BulkOutcome outcome}, the created invitation's id where one was created, and
 * every reason (with its field) where none was.
 *
 * @param batchId the id every created invitation carries ({@code InvitationSource.bulk(batchId)}), not {@code null}
 * @param mode    the mode the call ran in, not {@code null}
 * @param action  invite now or provision, not {@code null}
 * @param lines   one line per input row, in input order, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record BulkReport(BatchId batchId, BulkMode mode, BulkAction action, List<Line> lines) {
    /**
     * Validates and copies the arguments.
     *
     * @throws NullPointerException if a component is null, or {@code lines} holds null
     */
    public BulkReport {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(action, "action");
        lines = List.copyOf(lines);
    }

    /**
     * Counts the lines of each outcome; every outcome is present, with 0 where none occurred.
     *
     * @return outcome → number of lines, in the order of {@link BulkOutcome}; unmodifiable
     */
    public Map<BulkOutcome, Integer> totals() {
        EnumMap<BulkOutcome, Integer> totals = new EnumMap<>(BulkOutcome.class);
        for (BulkOutcome o : BulkOutcome.values()) {
            totals.put(o, 0);
        }
        lines.forEach(l -> totals.merge(l.outcome(), 1, Integer::sum));
        return Collections.unmodifiableMap(totals);
    }

    /**
     * Counts the lines with one outcome.
     *
     * @param outcome the outcome, not {@code null}
     * @return the number of lines
     */
    public int count(BulkOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /**
     * Finds the line of one row.
     *
     * @param rowNumber the row's number as the user sees it
     * @return the line, or empty when no row had that number
     */
    public Optional<Line> line(int rowNumber) {
        return lines.stream().filter(l -> l.rowNumber() == rowNumber).findFirst();
    }

    /**
     * Returns the ids of the invitations this call created, in row order.
     *
     * @return the ids; empty for a dry run or when nothing was written
     */
    public List<InvitationId> createdIds() {
        return lines.stream().filter(l -> l.outcome().isCreated()).map(Line::invitationId).filter(Objects::nonNull)
                .toList();
    }

    /**
     * Returns the ids of the provisioned invitations this call sent ({@link BulkAction#SEND_PROVISIONED}),
     * in row order.
     *
     * @return the ids; empty for a dry run or another action
     */
    public List<InvitationId> sentIds() {
        return lines.stream().filter(l -> l.outcome() == BulkOutcome.SENT).map(Line::invitationId)
                .filter(Objects::nonNull).toList();
    }

    /**
     * Tells whether this call wrote anything.
     *
     * @return {@code true} when at least one invitation was created
     */
    public boolean written() {
        return lines.stream().anyMatch(l -> l.invitationId() != null);
    }

    /**
     * Tells whether this was a dry run (then nothing was written, and CREATED or PROVISIONED lines
     * say what would have happened).
     *
     * @return {@code true} for {@link BulkMode#DRY_RUN}
     */
    public boolean isDryRun() {
        return mode == BulkMode.DRY_RUN;
    }

    /**
     * What happened to one input row.
     *
     * @param rowNumber    the row's number as the user sees it in the file
     * @param outcome      what happened, not {@code null}
     * @param invitationId the created invitation (with {@link BulkAction#SEND_PROVISIONED}, the sent
     *                     one), or {@code null} when none was (always {@code null} in a dry run)
     * @param reasons      why the row was not created, each with its field and code; empty for
     *                     created rows; not {@code null}
     * @param existingInvitationId for an {@link BulkOutcome#ALREADY_INVITED} row, the person's open
     *                     invitation, so that a manager can resend, send or revoke it from the report;
     *                     {@code null} otherwise, and always {@code null} for inviters below the tenant's
     *                     manage level (they get {@link BulkOutcome#ALREADY_INVITED_OR_MEMBER}, which
     *                     says neither which invitation nor whether the person is a member)
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public record Line(int rowNumber, BulkOutcome outcome, InvitationId invitationId, List<RowProblem> reasons,
                       InvitationId existingInvitationId) {
        /**
         * Validates and copies the arguments.
         *
         * @throws NullPointerException if {@code outcome} or {@code reasons} is null
         */
        public Line {
            Objects.requireNonNull(outcome, "outcome");
            reasons = List.copyOf(reasons);
        }

        /**
         * Creates a line that names no existing invitation.
         *
         * @param rowNumber    the row's number as the user sees it in the file
         * @param outcome      what happened, not {@code null}
         * @param invitationId the created invitation, or {@code null}
         * @param reasons      why the row was not created; not {@code null}
         */
        public Line(int rowNumber, BulkOutcome outcome, InvitationId invitationId, List<RowProblem> reasons) {
            this(rowNumber, outcome, invitationId, reasons, null);
        }

        /**
         * Returns the person's open invitation that made this row {@link BulkOutcome#ALREADY_INVITED},
         * reported to managers only.
         *
         * @return the id, or empty when none is reported
         */
        public Optional<InvitationId> existingInvitation() {
            return Optional.ofNullable(existingInvitationId);
        }

        /**
         * Returns the created invitation.
         *
         * @return the id, or empty when none was created
         */
        public Optional<InvitationId> invitation() {
            return Optional.ofNullable(invitationId);
        }
    }
}
