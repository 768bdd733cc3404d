package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workplace's "Invite Selected" from a file of people who are already provisioned: the bulk action
 * SEND_PROVISIONED sends their invitations and reports each row, instead of ALREADY_INVITED with
 * advice that does not work for provisioned invitations.
 */
@DisplayName("Workplace: \"Invite Selected\" from a file sends the provisioned invitations")
class WorkplaceInviteSelectedSendsProvisionedTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    private static InvitationRow row(int number, String email) {
        return InvitationRow.builder(number).set(RowField.EMAIL, email).build();
    }

    private static List<InvitationRow> file() {
        return List.of(row(2, "jane@example.com"), row(3, "JOE@example.com"), row(4, "pending@example.com"),
                row(5, "stranger@example.com"), InvitationRow.builder(6).set(RowField.EMAIL, "not an email").build());
    }

    @Test
    @DisplayName("provisioned rows are sent with the message; pending, unknown and invalid rows are reported")
    void sendsTheProvisionedRows() {
        Invitation jane = admin.provision(f.request("jane@example.com").build());
        Invitation joe = admin.provision(f.request("joe@example.com").build());
        Invitation pending = f.invite("pending@example.com");

        BulkReport report = admin.bulk(BulkRequest.builder(file()).action(BulkAction.SEND_PROVISIONED)
                .personalMessage("Our new intranet opens on Monday").build());

        assertThat(report.line(2).orElseThrow().outcome()).isEqualTo(BulkOutcome.SENT);
        assertThat(report.line(2).orElseThrow().invitationId()).isEqualTo(jane.id());
        assertThat(report.line(3).orElseThrow().outcome()).isEqualTo(BulkOutcome.SENT);
        assertThat(report.sentIds()).containsExactly(jane.id(), joe.id());
        assertThat(report.createdIds()).isEmpty();
        assertThat(report.line(4).orElseThrow()).satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED);
            assertThat(l.existingInvitationId()).isEqualTo(pending.id());
        });
        assertThat(report.line(5).orElseThrow()).satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(BulkOutcome.NOT_PROVISIONED);
            assertThat(l.reasons()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("email");
                assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(p.message()).contains("INVITE");
            });
        });
        assertThat(report.line(6).orElseThrow().outcome()).isEqualTo(BulkOutcome.INVALID);
        assertThat(f.stored(jane).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.stored(joe).personalMessage()).isEqualTo("Our new intranet opens on Monday");
        f.service.maintenance().deliverDueMessages();
        assertThat(f.mailer.sent()).hasSize(3)
                .filteredOn(m -> m.text().contains("Our new intranet opens on Monday")).hasSize(2);
    }

    @Test
    @DisplayName("a dry run says what would be sent and sends nothing")
    void dryRun() {
        Invitation jane = admin.provision(f.request("jane@example.com").build());

        BulkReport report = admin.bulk(BulkRequest.builder(List.of(row(2, "jane@example.com")))
                .action(BulkAction.SEND_PROVISIONED).mode(BulkMode.DRY_RUN).build());

        assertThat(report.line(2).orElseThrow().outcome()).isEqualTo(BulkOutcome.SENT);
        assertThat(report.written()).isFalse();
        assertThat(f.stored(jane).status()).isEqualTo(InvitationStatus.PROVISIONED);
    }

    @Test
    @DisplayName("all-or-nothing sends none when one row cannot be sent")
    void allOrNothing() {
        Invitation jane = admin.provision(f.request("jane@example.com").build());

        BulkReport report = admin.bulk(BulkRequest.builder(List.of(row(2, "jane@example.com"),
                row(3, "stranger@example.com"))).action(BulkAction.SEND_PROVISIONED).mode(BulkMode.ALL_OR_NOTHING)
                .build());

        assertThat(report.line(2).orElseThrow().outcome()).isEqualTo(BulkOutcome.NOT_WRITTEN);
        assertThat(report.line(2).orElseThrow().reasons().get(0).message()).contains("cannot be sent");
        assertThat(report.line(3).orElseThrow().outcome()).isEqualTo(BulkOutcome.NOT_PROVISIONED);
        assertThat(f.stored(jane).status()).isEqualTo(InvitationStatus.PROVISIONED);
    }

    @Test
    @DisplayName("an inviter who may not send someone's invitation gets that row denied, the others are sent")
    void perRowPermission() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        Invitation own = f.service.administration(user("u", PermissionLevel.USER), ACME)
                .provision(f.request("own@example.com").build());
        Invitation admins = admin.provision(f.request("jane@example.com").build());

        BulkReport report = f.service.administration(user("u", PermissionLevel.USER), ACME).bulk(
                BulkRequest.builder(List.of(row(2, "own@example.com"), row(3, "jane@example.com")))
                        .action(BulkAction.SEND_PROVISIONED).build());

        assertThat(report.line(2).orElseThrow().outcome()).isEqualTo(BulkOutcome.SENT);
        assertThat(report.line(3).orElseThrow().outcome()).isEqualTo(BulkOutcome.DENIED);
        assertThat(f.stored(own).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.stored(admins).status()).isEqualTo(InvitationStatus.PROVISIONED);
    }
}
