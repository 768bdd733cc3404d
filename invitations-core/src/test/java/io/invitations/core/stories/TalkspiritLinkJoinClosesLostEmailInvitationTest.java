package io.invitations.core.stories;

import io.invitations.core.Acceptance;
import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talkspirit: someone whose email invitation never arrived (a spam filter ate it) is sent the
 * tenant's shareable link instead. Signed in with that address, the join works and closes the lost
 * invitation; the link never tells its holder whether such an invitation existed, and members are
 * still refused neutrally. (A join whose address is not proven leaves the invitation open:
 * {@code LinkJoinCannotHijackTest}.)
 */
@DisplayName("Talkspirit: a shareable link is the fallback for an email invitation that never arrived")
class TalkspiritLinkJoinClosesLostEmailInvitationTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);
    private RevealedShareableLink link;

    @BeforeEach
    void tenantWithALink() {
        f.configure(s -> s.linkInvitationsEnabled(true));
        link = admin.createShareableLink(ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(link.token());
    }

    /** A join by the person themself: the host passes the address they are signed in with. */
    private Acceptance join(String email) {
        return f.service.invitee().joinShareableLink(JoinRequest.of(email, ClaimRequest.builder(link.token())
                .name("Jane", "Doe").password(PASSWORD.toCharArray()).acceptingAs(EmailAddress.of(email)).build()));
    }

    @Test
    @DisplayName("the join succeeds and the pending email invitation is closed, its history saying why")
    void joinClosesThePendingInvitation() {
        Invitation lost = f.invite("jane@example.com");
        String lostToken = f.token(lost);
        int eventsBefore = f.events.size();

        Acceptance joined = join("Jane@example.com");

        assertThat(joined.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(joined.invitation().source()).isEqualTo(InvitationSource.link(link.link().id()));
        assertThat(f.stored(lost).status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(admin.history(lost.id())).last().satisfies((HistoryEntry h) -> {
            assertThat(h.action()).isEqualTo(Action.REVOKE);
            assertThat(h.from()).isEqualTo(InvitationStatus.PENDING);
            assertThat(h.to()).isEqualTo(InvitationStatus.REVOKED);
            assertThat(h.reason()).contains("superseded by link join", link.link().id().value());
        });
        assertThat(f.events.subList(eventsBefore, f.events.size()))
                .filteredOn(e -> e instanceof InvitationEvent.Revoked).singleElement()
                .satisfies(e -> assertThat(((InvitationEvent.Revoked) e).invitationId()).isEqualTo(lost.id()));
        assertThat(f.directory.isMember(ACME, EmailAddress.of("jane@example.com"))).isTrue();
        assertThat(refused(() -> f.service.invitee().accept(Fixture.claim(lostToken))).code())
                .isEqualTo(ErrorCode.REVOKED);
    }

    @Test
    @DisplayName("the joiner's answer reads the same whether or not an invitation was waiting")
    void theAnswerDoesNotTellWhetherOneExisted() {
        f.invite("jane@example.com");

        Acceptance withPending = join("jane@example.com");
        Acceptance without = join("joe@example.com");

        assertThat(withPending.invitation().status()).isEqualTo(without.invitation().status());
        assertThat(withPending.invitation().grant()).isEqualTo(without.invitation().grant());
        assertThat(withPending.accountId()).isNotNull();
        assertThat(withPending.invitation().inviterName()).isEqualTo(without.invitation().inviterName());
    }

    @Test
    @DisplayName("a provisioned invitation to the same target is closed the same way")
    void aProvisionedInvitationIsClosedToo() {
        Invitation provisioned = admin.provision(f.request("jane@example.com").build());

        join("jane@example.com");

        assertThat(f.stored(provisioned).status()).isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    @DisplayName("an existing member is still refused, neutrally, and nothing is closed or spent")
    void membersAreStillRefusedNeutrally() {
        f.directory.addMember(ACME, new EmailAddress("member@example.com"));
        Invitation another = admin.invite(f.request("member@example.com")
                .target(io.invitations.spi.invitation.Target.resource("event", "e-1")).build());

        InvitationException e = refused(() -> join("member@example.com"));

        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(((AlreadyInvitedException) e).existingInvitationId()).isEmpty();
        assertThat(f.stored(another).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.store.findLink(ACME, link.link().id()).orElseThrow().uses()).isZero();
    }

    @Test
    @DisplayName("someone whose invitation already awaits approval is refused with the same neutral answer")
    void awaitingApprovalIsRefusedNeutrally() {
        f.configure(s -> s.approvalRequired(true));
        Invitation jane = f.invite("jane@example.com");
        f.service.invitee().accept(Fixture.claim(f.token(jane)));

        InvitationException e = refused(() -> join("jane@example.com"));

        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(e.getMessage()).doesNotContain(jane.id().value());
        assertThat(f.stored(jane).status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }
}
