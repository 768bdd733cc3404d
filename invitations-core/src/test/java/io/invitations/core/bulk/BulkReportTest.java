package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("BulkReport")
class BulkReportTest {
    private final BulkReport report = new BulkReport(BatchId.of("b-1"), BulkMode.BEST_EFFORT, BulkAction.INVITE, List.of(
            new BulkReport.Line(2, BulkOutcome.CREATED, InvitationId.of("i-1"), List.of()),
            new BulkReport.Line(3, BulkOutcome.INVALID, null, List.of(new RowProblem("email", "no @"))),
            new BulkReport.Line(4, BulkOutcome.CREATED, InvitationId.of("i-2"), List.of()),
            new BulkReport.Line(5, BulkOutcome.DENIED, null,
                    List.of(new RowProblem("role", "above you", ErrorCode.ROLE_ABOVE_INVITER)))));

    @Test
    void totals_count_every_outcome_including_the_ones_that_did_not_occur() {
        assertThat(report.totals()).hasSize(BulkOutcome.values().length)
                .containsEntry(BulkOutcome.CREATED, 2)
                .containsEntry(BulkOutcome.INVALID, 1)
                .containsEntry(BulkOutcome.DENIED, 1)
                .containsEntry(BulkOutcome.ALREADY_MEMBER, 0);
        assertThat(report.totals().keySet()).containsExactly(BulkOutcome.values());
        assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(2);
    }

    @Test
    void lists_the_created_ids_in_row_order_and_finds_a_line_by_row_number() {
        assertThat(report.createdIds()).containsExactly(InvitationId.of("i-1"), InvitationId.of("i-2"));
        assertThat(report.written()).isTrue();
        assertThat(report.line(5)).get().extracting(l -> l.reasons().get(0).code()).isEqualTo(ErrorCode.ROLE_ABOVE_INVITER);
        assertThat(report.line(99)).isEmpty();
        assertThat(report.line(3).orElseThrow().invitation()).isEmpty();
    }

    @Test
    void is_an_immutable_copy_of_its_lines() {
        List<BulkReport.Line> lines = new ArrayList<>(report.lines());
        BulkReport copy = new BulkReport(BatchId.of("b-2"), BulkMode.DRY_RUN, BulkAction.PROVISION, lines);
        lines.clear();

        assertThat(copy.lines()).hasSize(4);
        assertThat(copy.isDryRun()).isTrue();
        assertThatThrownBy(() -> copy.totals().put(BulkOutcome.CREATED, 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_problem_made_without_a_code_is_an_invalid_request() {
        assertThat(new RowProblem("email", "no @").code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(new RowProblem("email", "no @")).hasToString("email: no @");
    }
}
