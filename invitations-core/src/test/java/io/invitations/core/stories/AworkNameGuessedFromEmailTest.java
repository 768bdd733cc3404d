package io.invitations.core.stories;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.testing.Fixture;
import io.invitations.core.memory.InMemoryIdentityDirectory.Account;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.claim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * awork: "awork tries to recognize the name from the email address", and a person may be invited
 * from a task ("Invite by email" in the popup assigning a user to a task). The directory gets the
 * name shown everywhere, and the task, so the host can assign it.
 */
@DisplayName("awork: the name guessed from the email, and the task invited from, reach the directory")
class AworkNameGuessedFromEmailTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    private Account account(String email) {
        return f.directory.accounts(ACME).stream()
                .filter(a -> a.contact().equals(EmailAddress.of(email))).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("jane.doe@ invited and accepting without names: the directory gets Jane, Doe and \"Jane Doe\"")
    void theGuessedNameIsHandedToTheDirectory() {
        Invitation invitation = f.invite("jane.doe@example.com");
        assertThat(invitation.invitee().displayName()).isEqualTo("Jane Doe");

        f.service.invitee().accept(claim(f.token(invitation)));

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.firstName()).isEqualTo("Jane");
        assertThat(request.lastName()).isEqualTo("Doe");
        assertThat(request.displayName()).isEqualTo("Jane Doe");
        assertThat(account("jane.doe@example.com").firstName()).isEqualTo("Jane");
        assertThat(account("jane.doe@example.com").lastName()).isEqualTo("Doe");
    }

    @Test
    @DisplayName("a name the inviter typed, or the invitee gave, wins over the guess")
    void aGivenNameWinsOverTheGuess() {
        Invitation typed = admin.invite(f.request("jane.doe@example.com").name("Janet", "Doe-Smith").build());
        f.service.invitee().accept(claim(f.token(typed)));
        Invitation own = f.invite("max.muster@example.com");
        f.service.invitee().accept(ClaimRequest.builder(f.token(own)).name("Maximilian", "Muster")
                .password(PASSWORD.toCharArray()).build());

        assertThat(f.accountRequests()).extracting(AccountRequest::displayName)
                .containsExactly("Janet Doe-Smith", "Maximilian Muster");
    }

    @Test
    @DisplayName("a single-word address gives a first name only")
    void aSingleWordGivesAFirstNameOnly() {
        f.service.invitee().accept(claim(f.token(f.invite("jane@example.com"))));

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.firstName()).isEqualTo("Jane");
        assertThat(request.lastName()).isNull();
        assertThat(request.displayName()).isEqualTo("Jane");
    }

    @Test
    @DisplayName("invited from a task: the directory is told the task, and the person becomes a member")
    void invitedFromATaskTheDirectoryIsToldTheTask() {
        Target task = Target.resource("task", "t-42");
        Invitation invitation = admin.invite(f.request("jane.doe@example.com").target(task).build());

        f.service.invitee().accept(claim(f.token(invitation)));

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.target()).isEqualTo(task);
        assertThat(request.membershipType()).isEqualTo(MembershipType.MEMBER);
        assertThat(request.toString()).contains("t-42").doesNotContain(PASSWORD);
        assertThat(f.directory.isMember(ACME, EmailAddress.of("jane.doe@example.com"))).isTrue();
    }
}
