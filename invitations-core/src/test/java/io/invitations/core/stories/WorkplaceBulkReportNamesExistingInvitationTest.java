package io.invitations.core.stories;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workplace's upload report lets a manager act on the rows of people already invited: each such line
 * carries the existing invitation's id as a field, not only in the message text. A low-level
 * inviter keeps the neutral answer, with no id.
 */
@DisplayName("Workplace: the bulk report names the existing invitation to managers")
class WorkplaceBulkReportNamesExistingInvitationTest {
    private final Fixture f = new Fixture();
    private Invitation existing;

    @BeforeEach
    void aPendingInvitationAndAMember() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).manageLevel(PermissionLevel.HR_TENANT));
        existing = f.invite("jane@example.com");
        f.directory.addMember(ACME, EmailAddress.of("member@example.com"));
    }

    private BulkReport upload(Inviter inviter) {
        return f.service.administration(inviter, ACME).bulk(BulkRequest.builder(List.of(
                InvitationRow.builder(2).set(RowField.EMAIL, "Jane@example.com").build(),
                InvitationRow.builder(3).set(RowField.EMAIL, "member@example.com").build(),
                InvitationRow.builder(4).set(RowField.EMAIL, "new@example.com").build()))
                .defaultRole("member").build());
    }

    @Test
    @DisplayName("a manager's line for an already-invited row carries the existing invitation's id")
    void managersSeeTheId() {
        BulkReport report = upload(ADMIN);

        BulkReport.Line jane = report.line(2).orElseThrow();
        assertThat(jane.outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED);
        assertThat(jane.existingInvitationId()).isEqualTo(existing.id());
        assertThat(jane.existingInvitation()).contains(existing.id());
        assertThat(jane.invitationId()).isNull();
        assertThat(report.line(3).orElseThrow().outcome()).isEqualTo(BulkOutcome.ALREADY_MEMBER);
        assertThat(report.line(3).orElseThrow().existingInvitationId()).isNull();
        assertThat(report.line(4).orElseThrow().existingInvitationId()).isNull();
        assertThat(report.createdIds()).hasSize(1).doesNotContain(existing.id());
    }

    @Test
    @DisplayName("a low-level inviter gets the neutral answer and no id for invited and member rows alike")
    void lowLevelsGetNoId() {
        BulkReport report = upload(user("u", PermissionLevel.USER));

        for (int row : new int[] {2, 3}) {
            BulkReport.Line line = report.line(row).orElseThrow();
            assertThat(line.outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED_OR_MEMBER);
            assertThat(line.existingInvitationId()).isNull();
            assertThat(line.reasons().get(0).message()).doesNotContain(existing.id().value());
        }
    }
}
