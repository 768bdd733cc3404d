package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Matching people who signed up another way to their invitations")
class SignUpMatchingTest {
    private final Fixture f = new Fixture();

    @Test
    void a_verified_email_accepts_every_pending_invitation_of_that_person_for_them() {
        Invitation membership = f.service.administration(ADMIN, ACME).invite(f.request("Jane@Example.com").groups("news").build());
        Invitation event = f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(Target.resource("event", "gala"))
                .build());
        f.invite("someone.else@example.com");

        List<Invitation> matched = f.service.administration(ADMIN, ACME).matchSignUp(SignUp.verified(ACME, "JANE@example.com")
                .withName("Jane", "Doe"));

        assertThat(matched).extracting(Invitation::id).containsExactly(membership.id(), event.id());
        assertThat(matched).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(i.accountId()).isNotNull();
            assertThat(f.stored(i)).isEqualTo(i);
        });
        assertThat(f.directory.accounts(ACME)).singleElement().satisfies(a -> {
            assertThat(a.firstName()).isEqualTo("Jane");
            assertThat(a.hasPassword()).as("they signed in another way").isFalse();
            assertThat(a.invitedBy()).isEqualTo(ADMIN.userId());
        });
        assertThat(f.eventTypes()).endsWith("invitation.accepted", "invitation.accepted");
        assertThat(f.service.administration(ADMIN, ACME).history(membership.id())).last()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("matched to a sign-up"));
    }

    @Test
    void an_unverified_email_is_refused_and_nothing_changes() {
        Invitation inv = f.invite("jane@example.com");

        InvalidRequestException e = (InvalidRequestException) refused(() -> f.service.administration(ADMIN, ACME).matchSignUp(SignUp.builder()
                        .tenantId(ACME)
                        .email("jane@example.com")
                        .emailVerified(false)
                        .firstName(null)
                        .lastName(null)
                        .termsAccepted(false)
                        .build()));

        assertThat(e.fields()).containsExactly("emailVerified");
        assertThat(f.stored(inv).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void expired_revoked_and_other_tenants_invitations_are_not_matched() {
        Invitation expired = f.invite("jane@example.com");
        f.clock.advance(Duration.ofDays(8));
        Invitation revoked = f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(Target.resource("group", "g"))
                .build());
        f.service.administration(ADMIN, ACME).revoke(revoked.id(), null);
        f.service.administration(ADMIN, Fixture.GLOBEX).invite(InviteRequest.builder().email("jane@example.com").role("member")
                .build());

        assertThat(f.service.administration(ADMIN, ACME).matchSignUp(SignUp.verified(ACME, "jane@example.com"))).isEmpty();
        assertThat(f.service.administration(ADMIN, ACME).find(expired.id()).orElseThrow().status()).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void with_approval_required_matched_invitations_await_approval() {
        f.configure(s -> s.approvalRequired(true));
        f.invite("jane@example.com");

        assertThat(f.service.administration(ADMIN, ACME).matchSignUp(SignUp.verified(ACME, "jane@example.com")))
                .singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL));
    }

    @Test
    void the_host_can_ask_whether_a_tenant_allows_self_registration() {
        f.configure(s -> s.selfRegistration(true));

        assertThat(f.service.invitee().selfRegistrationAllowed(ACME)).isTrue();
        assertThat(f.service.invitee().selfRegistrationAllowed(Fixture.GLOBEX)).isFalse();
    }
}
