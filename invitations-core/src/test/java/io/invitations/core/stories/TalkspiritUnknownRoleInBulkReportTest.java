package io.invitations.core.stories;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talkspirit's Excel bulk import: a row whose role the tenant does not have is reported under one
 * outcome, and README's table of outcomes lists {@code UNKNOWN_ROLE} under that same outcome.
 */
@DisplayName("Talkspirit: a bulk row with an unknown role is reported where README says")
class TalkspiritUnknownRoleInBulkReportTest {
    private final Fixture f = new Fixture();

    private BulkReport.Line unknownRoleRow() {
        BulkReport report = f.service.administration(ADMIN, ACME).bulk(BulkRequest.builder(List.of(
                        InvitationRow.builder(2).set(RowField.EMAIL, "jane@example.com").set(RowField.ROLE, "wizard")
                                .build(),
                        InvitationRow.builder(3).set(RowField.EMAIL, "max@example.com").build()))
                .defaultRole("member").build());
        assertThat(report.line(3).orElseThrow().outcome()).isEqualTo(BulkOutcome.CREATED);
        return report.line(2).orElseThrow();
    }

    @Test
    @DisplayName("the row is DENIED with UNKNOWN_ROLE on the role field, naming the tenant's roles")
    void anUnknownRoleIsDenied() {
        BulkReport.Line line = unknownRoleRow();

        assertThat(line.outcome()).isEqualTo(BulkOutcome.DENIED);
        assertThat(line.reasons()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.UNKNOWN_ROLE);
            assertThat(p.field()).isEqualTo("role");
            assertThat(p.message()).contains("wizard").contains("member");
        });
    }

    @Test
    @DisplayName("README lists UNKNOWN_ROLE under the outcome the report gives, and under no other")
    void readmeListsUnknownRoleUnderTheSameOutcome() throws IOException {
        BulkOutcome outcome = unknownRoleRow().outcome();
        List<String> outcomeRows = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("| `") && BulkOutcomeRow.isOutcomeRow(l)).toList();

        assertThat(outcomeRows).filteredOn(l -> l.contains("UNKNOWN_ROLE"))
                .singleElement().satisfies(l -> assertThat(l).startsWith("| `" + outcome.name() + "`"));
    }

    /** Tells the rows of README's bulk outcome table from other tables'. */
    private static final class BulkOutcomeRow {
        static boolean isOutcomeRow(String line) {
            for (BulkOutcome o : BulkOutcome.values()) {
                if (line.startsWith("| `" + o.name() + "`")) {
                    return true;
                }
            }
            return false;
        }
    }
}
