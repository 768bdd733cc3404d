package io.invitations.core;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.BERLIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A local manager learns nothing of another unit's invitation through \"already invited\"")
class AlreadyInvitedOutsideTheUnitTest {
    private static final Inviter PARIS_ADMIN = user("paris-admin", PermissionLevel.ADMIN_LOCAL, PARIS);
    private static final String BOB = "bob@example.com";
    private static final String ANA = "ana@example.com";

    private final Fixture f = new Fixture();
    private Invitation bobInBerlin;
    private Invitation anaInParis;

    @BeforeEach
    void invitationsInTwoUnits() {
        bobInBerlin = f.service.administration(ADMIN, ACME).invite(f.request(BOB).unit(BERLIN).build());
        anaInParis = f.service.administration(ADMIN, ACME).invite(f.request(ANA).unit(PARIS).build());
    }

    private InvitationAdministration paris() {
        return f.service.administration(PARIS_ADMIN, ACME);
    }

    @Test
    void inviting_someone_invited_in_another_unit_gets_the_neutral_answer_without_the_id() {
        for (InvitationException e : List.of(
                refused(() -> paris().invite(f.request(BOB).unit(PARIS).build())),
                refused(() -> paris().provision(f.request(BOB).unit(PARIS).build())),
                refused(() -> paris().provisionFromDirectory(f.request(BOB).unit(PARIS)
                        .source(InvitationSource.directory("azure")).build())))) {
            assertThat(e).isInstanceOf(AlreadyInvitedException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(((AlreadyInvitedException) e).existingInvitationId()).isEmpty();
            assertThat(e.getMessage()).isEqualTo(AlreadyInvitedException.neutralMessage(BOB))
                    .doesNotContain(bobInBerlin.id().value()).doesNotContain("berlin");
        }
    }

    @Test
    void inviting_someone_invited_in_their_own_unit_names_that_invitation() {
        AlreadyInvitedException e = (AlreadyInvitedException) refused(
                () -> paris().invite(f.request(ANA).unit(PARIS).build()));
        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED);
        assertThat(e.existingInvitationId()).contains(anaInParis.id());
    }

    @Test
    void a_bulk_row_for_someone_invited_in_another_unit_reads_neutral_without_the_id() {
        BulkReport report = paris().bulk(BulkRequest.builder(List.of(
                InvitationRow.builder(2).set(RowField.EMAIL, BOB).build(),
                InvitationRow.builder(3).set(RowField.EMAIL, ANA).build()))
                .defaultRole("member").unit(PARIS).build());

        BulkReport.Line bob = report.lines().get(0);
        assertThat(bob.outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED_OR_MEMBER);
        assertThat(bob.existingInvitation()).isEmpty();
        assertThat(bob.invitationId()).isNull();
        assertThat(bob.reasons()).allSatisfy(r -> assertThat(r.message()).isEqualTo(
                AlreadyInvitedException.neutralMessage(BOB)));
        BulkReport.Line ana = report.lines().get(1);
        assertThat(ana.outcome()).as("their own unit's reads detailed").isEqualTo(BulkOutcome.ALREADY_INVITED);
        assertThat(ana.existingInvitation()).contains(anaInParis.id());
    }

    @Test
    void a_tenant_administrator_still_learns_every_invitation() {
        AlreadyInvitedException e = (AlreadyInvitedException) refused(
                () -> f.service.administration(ADMIN, ACME).invite(f.request(BOB).unit(PARIS).build()));
        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED);
        assertThat(e.existingInvitationId()).contains(bobInBerlin.id());
    }
}
