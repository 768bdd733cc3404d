package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.SignUp;
import io.invitations.core.testing.Fixture;
import io.invitations.core.memory.InMemoryIdentityDirectory.Account;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership platform: "allow members to invite guests to specific events (separate from full
 * membership)". Accepting an event invitation as a guest must not make the person a member.
 */
@DisplayName("Membership platform: an event guest is kept apart from the members")
class MembershipPlatformEventGuestStaysApartTest {
    private static final Target GALA = Target.resource("event", "gala-2026");
    private static final EmailAddress GUEST = EmailAddress.of("guest@example.com");
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @Test
    @DisplayName("the gala's guest is no member, and may later be invited to full membership with the same account")
    void anEventGuestCanLaterBecomeAMember() {
        Invitation toGala = admin.invite(f.request("guest@example.com").target(GALA).guest().build());
        String guestAccount = f.service.invitee().accept(claim(f.token(toGala))).accountId();

        assertThat(f.directory.isMember(ACME, GUEST)).isFalse();
        assertThat(f.directory.guests(ACME)).extracting(Account::accountId).containsExactly(guestAccount);
        assertThat(admin.seats().inUse()).isZero();

        Invitation membership = f.invite("guest@example.com");
        assertThat(membership.status()).isEqualTo(InvitationStatus.PENDING);
        String memberAccount = f.service.invitee().accept(claim(f.token(membership))).accountId();

        assertThat(memberAccount).isEqualTo(guestAccount);
        assertThat(f.directory.isMember(ACME, GUEST)).isTrue();
        assertThat(f.directory.guests(ACME)).isEmpty();
    }

    @Test
    @DisplayName("the directory is told the event and that the person comes as a guest")
    void theAccountRequestSaysTheTargetAndTheMembershipType() {
        Invitation toGala = admin.invite(f.request("guest@example.com").target(GALA).guest().build());
        f.service.invitee().accept(claim(f.token(toGala)));

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.target()).isEqualTo(GALA);
        assertThat(request.membershipType()).isEqualTo(MembershipType.GUEST);
        assertThat(request.grant().membershipType()).isEqualTo(MembershipType.GUEST);
    }

    @Test
    @DisplayName("a guest who signs up on their own is matched to the gala invitation and stays a guest")
    void aGuestMatchedBySignUpStaysAGuest() {
        admin.invite(f.request("guest.star@example.com").target(GALA).guest().build());

        assertThat(f.service.administration(Inviter.system("sso"), ACME)
                .matchSignUp(SignUp.verified(ACME, "guest.star@example.com"))).hasSize(1);

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.target()).isEqualTo(GALA);
        assertThat(request.displayName()).isEqualTo("Guest Star");
        assertThat(f.directory.isMember(ACME, EmailAddress.of("guest.star@example.com"))).isFalse();
    }

    @Test
    @DisplayName("a member invited to an event stays a member with the same account")
    void aMemberInvitedToAnEventStaysAMember() {
        String account = f.service.invitee().accept(claim(f.token(f.invite("guest@example.com")))).accountId();

        Invitation toGala = admin.invite(f.request("guest@example.com").target(GALA).guest().build());
        assertThat(f.service.invitee().accept(claim(f.token(toGala))).accountId()).isEqualTo(account);

        assertThat(f.directory.isMember(ACME, GUEST)).isTrue();
        assertThat(f.directory.guests(ACME)).isEmpty();
    }

    @Test
    @DisplayName("an invitation to the tenant says so: the target is the membership")
    void aMembershipInvitationNamesTheMembership() {
        f.service.invitee().accept(claim(f.token(f.invite("member@example.com"))));

        AccountRequest request = f.accountRequests().get(0);
        assertThat(request.target()).isEqualTo(Target.membership());
        assertThat(request.membershipType()).isEqualTo(MembershipType.MEMBER);
    }
}
