package io.invitations.core;

import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.memory.InMemoryIdentityDirectory.Account;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The identity directory grants a membership that needs approval only once it is approved")
class ApprovalGrantTest {
    private static final String EMAIL = "jane@example.com";
    private static final EmailAddress JANE = EmailAddress.of(EMAIL);

    private final Fixture f = new Fixture();

    private Acceptance acceptChoosingNews() {
        f.configure(s -> s.defaultGroupPool(Set.of("news")));
        Invitation inv = f.service.administration(ADMIN, ACME).invite(f.request(EMAIL).groups("design").build());
        return f.service.invitee().accept(ClaimRequest.builder(f.token(inv)).password(PASSWORD.toCharArray())
                .name("Jane", "Doe").chooseGroups("news").build());
    }

    private Acceptance joinLinkChoosingNews() {
        f.configure(s -> s.linkInvitationsEnabled(true).defaultGroupPool(Set.of("news")));
        RevealedShareableLink link = f.service.administration(ADMIN, ACME).createShareableLink(ShareableLinkRequest.builder().role("member").groups("design")
                .build());
        Secrets.issued(link.token());
        return f.service.invitee().joinShareableLink(JoinRequest.of(EMAIL, ClaimRequest.builder(link.token())
                .name("Jane", "Doe").password(PASSWORD.toCharArray()).chooseGroups("news").build()));
    }

    private void assertNotAMember() {
        assertThat(f.directory.isMember(ACME, JANE)).isFalse();
        assertThat(f.directory.accounts(ACME)).isEmpty();
        assertThat(f.directory.memberCount(ACME)).isZero();
    }

    private void assertMemberWithChosenGroups(String accountId) {
        assertThat(f.directory.isMember(ACME, JANE)).isTrue();
        assertThat(f.directory.awaitingApproval(ACME)).isEmpty();
        assertThat(f.directory.accounts(ACME)).singleElement().satisfies(a -> {
            assertThat(a.accountId()).isEqualTo(accountId);
            assertThat(a.grant().role()).isEqualTo("member");
            assertThat(a.grant().groups()).containsExactlyInAnyOrder("design", "news");
            assertThat(a.hasPassword()).isTrue();
        });
    }

    @Test
    void after_an_acceptance_awaiting_approval_the_invitee_is_registered_but_holds_no_membership() {
        f.configure(s -> s.approvalRequired(true));
        Acceptance accepted = acceptChoosingNews();

        assertThat(accepted.awaitingApproval()).isTrue();
        assertNotAMember();
        assertThat(f.directory.awaitingApproval(ACME)).extracting(Account::accountId)
                .containsExactly(accepted.accountId());
    }

    @Test
    void approving_applies_the_stored_grant_with_the_chosen_groups() {
        f.configure(s -> s.approvalRequired(true));
        Acceptance accepted = acceptChoosingNews();

        f.service.administration(ADMIN, ACME).approve(accepted.invitation().id());

        assertMemberWithChosenGroups(accepted.accountId());
    }

    @Test
    void rejecting_withdraws_the_registration_and_grants_nothing() {
        f.configure(s -> s.approvalRequired(true));
        Acceptance accepted = acceptChoosingNews();

        Invitation rejected = f.service.administration(ADMIN, ACME).reject(accepted.invitation().id(), "not in the association");

        assertThat(rejected.status()).isEqualTo(InvitationStatus.REJECTED);
        assertNotAMember();
        assertThat(f.directory.awaitingApproval(ACME)).isEmpty();
    }

    @Test
    void a_link_join_awaiting_approval_grants_nothing_until_approved() {
        f.configure(s -> s.approvalRequired(true));
        Acceptance joined = joinLinkChoosingNews();

        assertThat(joined.awaitingApproval()).isTrue();
        assertNotAMember();

        f.service.administration(ADMIN, ACME).approve(joined.invitation().id());

        assertMemberWithChosenGroups(joined.accountId());
    }

    @Test
    void a_rejected_link_join_leaves_no_membership() {
        f.configure(s -> s.approvalRequired(true));
        Acceptance joined = joinLinkChoosingNews();

        f.service.administration(ADMIN, ACME).reject(joined.invitation().id(), null);

        assertNotAMember();
        assertThat(f.directory.awaitingApproval(ACME)).isEmpty();
    }

    @Test
    void a_sign_up_matched_while_approval_is_required_grants_nothing_until_approved() {
        f.configure(s -> s.approvalRequired(true));
        Invitation inv = f.service.administration(ADMIN, ACME).invite(f.request(EMAIL).groups("design").build());

        Invitation matched = f.service.administration(ADMIN, ACME).matchSignUp(SignUp.verified(ACME, EMAIL).withName("Jane", "Doe"))
                .get(0);

        assertThat(matched.status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertNotAMember();
        f.service.administration(ADMIN, ACME).approve(inv.id());
        assertThat(f.directory.accounts(ACME)).singleElement()
                .satisfies(a -> assertThat(a.grant().groups()).containsExactly("design"));
    }

    @Test
    void without_approval_the_grant_is_applied_at_acceptance_as_before() {
        Acceptance accepted = acceptChoosingNews();

        assertThat(accepted.awaitingApproval()).isFalse();
        assertMemberWithChosenGroups(accepted.accountId());
    }

    @Test
    void without_approval_a_link_join_is_granted_at_once() {
        Acceptance joined = joinLinkChoosingNews();

        assertThat(joined.awaitingApproval()).isFalse();
        assertMemberWithChosenGroups(joined.accountId());
    }
}
