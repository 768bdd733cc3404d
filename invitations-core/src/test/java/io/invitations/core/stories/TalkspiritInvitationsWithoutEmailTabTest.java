package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.ContactType;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Talkspirit's administration has an "Invitations without email" tab beside the usual list. */
@DisplayName("Talkspirit: the \"Invitations without email\" tab")
class TalkspiritInvitationsWithoutEmailTabTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @Test
    @DisplayName("a query by contact type lists the invitations by identifier apart from those by email")
    void withoutEmailTab() {
        Invitation byEmail = f.invite("jane@example.com");
        Invitation byNumber = admin.invite(f.request(null).identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042")
                .build());
        Invitation byPhone = admin.provision(f.request(null).identifier(IdentifierKind.PHONE, "+33612345678")
                .build());

        InvitationQuery withoutEmail = InvitationQuery.builder(ACME).contactType(ContactType.IDENTIFIER).build();
        InvitationQuery withEmail = InvitationQuery.builder(ACME).contactType(ContactType.EMAIL).build();
        InvitationQuery pendingWithoutEmail = withoutEmail.toBuilder().statuses(InvitationStatus.PENDING).build();

        assertThat(admin.query(withoutEmail).items()).extracting(Invitation::id)
                .containsExactly(byNumber.id(), byPhone.id());
        assertThat(admin.query(withEmail).items()).extracting(Invitation::id).containsExactly(byEmail.id());
        assertThat(admin.query(pendingWithoutEmail).items()).extracting(Invitation::id)
                .containsExactly(byNumber.id());
        assertThat(f.store.count(withoutEmail)).isEqualTo(2);
        assertThat(ContactType.of(byPhone.invitee().contact())).isEqualTo(ContactType.IDENTIFIER);
    }
}
