package io.invitations.core;

import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review: a shareable link is posted widely, so the email typed to join through it is
 * unverified. Only a join whose host-given signed-in address ({@code acceptingAs}) is the typed one
 * may close the person's open invitation; an unproven join can neither revoke an administrator's
 * invitation nor make the identity directory create or link an account for that address.
 */
@DisplayName("A shareable-link join cannot hijack another person's address")
class LinkJoinCannotHijackTest {
    private static final String VICTIM = "victim@corp.com";

    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);
    private RevealedShareableLink link;

    @BeforeEach
    void tenantWithALink() {
        f.configure(s -> s.linkInvitationsEnabled(true));
        link = admin.createShareableLink(ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(link.token());
    }

    private Acceptance join(String typed, String signedIn) {
        return f.service.invitee().joinShareableLink(JoinRequest.of(typed, ClaimRequest.builder(link.token())
                .name("Mallory", "X").password(PASSWORD.toCharArray()).acceptTerms()
                .acceptingAs(signedIn == null ? null : EmailAddress.of(signedIn)).build()));
    }

    private long invitations() {
        return f.store.count(InvitationQuery.builder(ACME).build());
    }

    private int linkUses() {
        return f.store.findLink(ACME, link.link().id()).orElseThrow().uses();
    }

    @Test
    @DisplayName("an unproven join of an address with an admin invitation is refused neutrally; the invitation stays and no account is made")
    void unprovenJoinLeavesTheAdminInvitationAlone() {
        Invitation adminIssued = admin.invite(f.request(VICTIM).role("admin").build());
        int eventsBefore = f.events.size();

        InvitationException e = refused(() -> join(VICTIM, null));

        assertThat(e).isInstanceOf(AlreadyInvitedException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(e.getMessage()).doesNotContain(adminIssued.id().value()).doesNotContain(PASSWORD);
        assertThat(f.stored(adminIssued).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.stored(adminIssued).grant().role()).isEqualTo("admin");
        assertThat(f.accountRequests()).isEmpty();
        assertThat(f.directory.isMember(ACME, EmailAddress.of(VICTIM))).isFalse();
        assertThat(linkUses()).isZero();
        assertThat(f.events.subList(eventsBefore, f.events.size())).isEmpty();
        assertThat(admin.history(adminIssued.id())).noneMatch(h -> h.reason() != null
                && h.reason().contains("superseded by link join"));
    }

    @Test
    @DisplayName("an unproven join reads alike for an address with an open invitation and for a member")
    void unprovenJoinAnswersLikeAMember() {
        admin.invite(f.request(VICTIM).build());
        f.directory.addMember(ACME, new EmailAddress("member@corp.com"));

        InvitationException invited = refused(() -> join(VICTIM, null));
        InvitationException member = refused(() -> join("member@corp.com", null));

        assertThat(invited.code()).isEqualTo(member.code());
        assertThat(invited.getMessage().replace(VICTIM, "x")).isEqualTo(member.getMessage().replace("member@corp.com", "x"));
    }

    @Test
    @DisplayName("a provisioned invitation is not closed by an unproven join either")
    void unprovenJoinLeavesAProvisionedInvitationAlone() {
        Invitation provisioned = admin.provision(f.request(VICTIM).build());

        assertThat(refused(() -> join(VICTIM, null)).code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);

        assertThat(f.stored(provisioned).status()).isEqualTo(InvitationStatus.PROVISIONED);
        assertThat(f.accountRequests()).isEmpty();
    }

    @Test
    @DisplayName("an unproven join of an address without an open invitation still works, as before")
    void unprovenJoinOfAFreshAddressWorks() {
        Acceptance joined = join("new@corp.com", null);

        assertThat(joined.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(f.accountRequests()).singleElement()
                .satisfies(r -> assertThat(r.contact()).isEqualTo(EmailAddress.of("new@corp.com")));
    }

    @Test
    @DisplayName("a proven join (signed in with the typed address, in another case) supersedes the open invitation as before")
    void provenJoinSupersedes() {
        Invitation lost = admin.invite(f.request(VICTIM).build());

        Acceptance joined = join("Victim@Corp.com", "VICTIM@corp.com");

        assertThat(joined.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(f.stored(lost).status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(admin.history(lost.id())).last()
                .satisfies(h -> assertThat(h.reason()).contains("superseded by link join"));
        assertThat(f.accountRequests()).hasSize(1);
        assertThat(admin.history(joined.invitation().id())).last()
                .satisfies(h -> assertThat(h.acceptingAddress()).isEqualTo(EmailAddress.of("VICTIM@corp.com")));
    }

    @Test
    @DisplayName("a tenant requiring the accepting address refuses a join without it; nothing stored, no account")
    void requiredAddressMissingIsRefused() {
        f.configure(s -> s.acceptingAddressRequired(true));
        long invitationsBefore = invitations();

        InvitationException e = refused(() -> join("new@corp.com", null));

        assertThat(e.code()).isEqualTo(ErrorCode.ACCEPTING_ADDRESS_REQUIRED);
        assertThat(invitations()).isEqualTo(invitationsBefore);
        assertThat(f.accountRequests()).isEmpty();
        assertThat(linkUses()).isZero();
        // with it, the same join works
        assertThat(join("new@corp.com", "new@corp.com").invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
    }

    @Test
    @DisplayName("a signed-in address other than the typed one is refused with ACCOUNT_MISMATCH, whatever the other-account policy")
    void mismatchIsRefused() {
        f.configure(s -> s.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation adminIssued = admin.invite(f.request(VICTIM).role("admin").build());

        InvitationException e = refused(() -> join(VICTIM, "mallory@evil.example"));

        assertThat(e).isInstanceOf(AccountMismatchException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_MISMATCH);
        assertThat(e.getMessage()).doesNotContain(VICTIM).doesNotContain("mallory");
        assertThat(((AccountMismatchException) e).invitationId()).isNull();
        assertThat(f.stored(adminIssued).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.accountRequests()).isEmpty();
        assertThat(linkUses()).isZero();
    }
}
