package io.invitations.core.stories;

import io.invitations.core.ClaimIncompleteException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.ClaimStep;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.Invitation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workplace's claim step "Selecting default groups": "members will be able to select groups to be
 * members of from a small selective pool, or by searching for a specific name". A group found by
 * search comes from the identity directory's full list, when the tenant allows it.
 */
@DisplayName("Workplace: a group found by search may be chosen at claim")
class WorkplaceGroupFoundBySearchTest {
    private final Fixture f = new Fixture();

    private ClaimRequest choosing(Invitation invitation, String group) {
        return ClaimRequest.builder(f.token(invitation)).password(PASSWORD.toCharArray()).chooseGroups(group).build();
    }

    @Test
    @DisplayName("with the tenant's consent, any group the directory lists may be chosen")
    void aGroupFromTheDirectoryMayBeChosen() {
        f.configure(s -> s.defaultGroupPool(Set.of("General")).claimGroupsFromDirectory(true));
        f.directory.addGroups(ACME, "Paris office", "Berlin office");

        Invitation invitation = f.invite("jane@example.com");
        var accepted = f.service.invitee().accept(choosing(invitation, "Paris office"));

        assertThat(accepted.invitation().grant().groups()).contains("Paris office");
        assertThat(f.accountRequests().get(0).grant().groups()).contains("Paris office");
    }

    @Test
    @DisplayName("without it, only the offered pool may be chosen, as before")
    void withoutConsentOnlyThePool() {
        f.configure(s -> s.defaultGroupPool(Set.of("General")));
        f.directory.addGroups(ACME, "Paris office");
        Invitation invitation = f.invite("jane@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) Fixture.refused(() ->
                f.service.invitee().accept(choosing(invitation, "Paris office")));

        assertThat(e.steps()).contains(ClaimStep.GROUPS);
        assertThat(e.missing()).anySatisfy(m -> assertThat(m).contains("Paris office").contains("General"));
        assertThat(f.accountRequests()).isEmpty();
    }

    @Test
    @DisplayName("a group neither offered nor listed by the directory is refused, naming both sources")
    void aGroupUnknownToTheDirectoryIsRefused() {
        f.configure(s -> s.defaultGroupPool(Set.of("General")).claimGroupsFromDirectory(true));
        f.directory.addGroups(ACME, "Paris office");
        Invitation invitation = f.invite("jane@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) Fixture.refused(() ->
                f.service.invitee().accept(choosing(invitation, "Secret board")));

        assertThat(e.missing()).anySatisfy(m -> assertThat(m).contains("Secret board").contains("directory"));
    }
}
