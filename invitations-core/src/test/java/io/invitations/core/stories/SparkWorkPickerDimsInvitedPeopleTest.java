package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark.work's people picker dims the people already invited: it asks for one person's invitations
 * by email or identifier instead of paging through every invitation of the tenant.
 */
@DisplayName("Spark.work: the picker dims people already invited")
class SparkWorkPickerDimsInvitedPeopleTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @Test
    @DisplayName("a person's invitations are found by email, whatever its case, over every target, oldest first")
    void byEmailOverEveryTarget() {
        Invitation member = f.invite("Jane.Doe@Example.com");
        f.clock.advance(Duration.ofMinutes(1));
        Invitation project = admin.invite(f.request("jane.doe@example.com")
                .target(Target.resource("project", "p-7")).build());
        f.invite("someone.else@example.com");

        assertThat(admin.invitationsOf(EmailAddress.of("JANE.DOE@example.COM")))
                .extracting(Invitation::id).containsExactly(member.id(), project.id());
    }

    @Test
    @DisplayName("statuses read as now, so an expired invitation is not dimmed as open")
    void statusesReadAsNow() {
        Invitation jane = f.invite("jane@example.com");
        f.clock.advance(Duration.ofDays(30));

        assertThat(admin.invitationsOf(EmailAddress.of("jane@example.com")))
                .singleElement().satisfies(i -> {
                    assertThat(i.id()).isEqualTo(jane.id());
                    assertThat(i.status()).isEqualTo(InvitationStatus.EXPIRED);
                });
    }

    @Test
    @DisplayName("people without email are found by identifier kind and value")
    void byIdentifier() {
        Invitation clerk = admin.invite(f.request(null).identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042").build());

        assertThat(admin.invitationsOf(new Identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042")))
                .extracting(Invitation::id).containsExactly(clerk.id());
        assertThat(admin.invitationsOf(new Identifier(IdentifierKind.PHONE, "E-1042"))).isEmpty();
    }

    @Test
    @DisplayName("a page of the picker asks once for the open invitations of all its people")
    void aPageOfPeopleAtOnce() {
        Invitation clerk = admin.provision(f.request(null).identifier(IdentifierKind.PERSONNEL_NUMBER, "E-7").build());
        f.invite("expired@example.com");
        f.clock.advance(Duration.ofDays(30));
        Invitation jane = f.invite("jane@example.com");
        Invitation revoked = f.invite("revoked@example.com");
        admin.revoke(revoked.id(), "changed my mind");

        List<Invitation> open = admin.openInvitationsOf(List.of(EmailAddress.of("JANE@example.com"),
                new Identifier(IdentifierKind.PERSONNEL_NUMBER, "E-7"), EmailAddress.of("expired@example.com"),
                EmailAddress.of("revoked@example.com"), EmailAddress.of("never@example.com")));

        assertThat(open).extracting(Invitation::id).containsExactlyInAnyOrder(jane.id(), clerk.id());
        assertThat(admin.openInvitationsOf(List.of())).isEmpty();
    }

    @Test
    @DisplayName("someone never invited, or invited in another tenant only, is not dimmed")
    void neverInvitedIsEmpty() {
        f.service.administration(ADMIN, GLOBEX).invite(f.request("jane@example.com").build());

        assertThat(admin.invitationsOf(EmailAddress.of("jane@example.com"))).isEmpty();
        assertThat(f.service.administration(ADMIN, GLOBEX).invitationsOf(EmailAddress.of("jane@example.com")))
                .hasSize(1);
    }
}
