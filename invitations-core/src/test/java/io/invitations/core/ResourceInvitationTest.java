package io.invitations.core;

import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Invitations to a resource inside the tenant (event, group, project, task)")
class ResourceInvitationTest {
    private static final Target GALA = Target.resource("event", "gala-2026");
    private static final Target TASK = Target.resource("task", "T-42");

    private final Fixture f = new Fixture();

    @Test
    void an_existing_member_can_be_invited_to_an_event_but_not_to_the_tenant_again() {
        f.directory.addMember(ACME, new EmailAddress("member@example.com"));

        Invitation toEvent = f.service.administration(ADMIN, ACME).invite(f.request("member@example.com").target(GALA).build());

        assertThat(toEvent.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(toEvent.target()).isEqualTo(GALA);
        assertThat(refused(() -> f.invite("member@example.com")).code()).isEqualTo(ErrorCode.ALREADY_MEMBER);
    }

    @Test
    void resource_and_membership_invitations_of_one_person_live_side_by_side_and_are_accepted_separately() {
        Invitation membership = f.invite("jane@example.com");
        Invitation task = f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(TASK).build());

        Acceptance taskAccepted = f.service.invitee().accept(claim(f.token(task)));

        assertThat(taskAccepted.invitation().target()).isEqualTo(TASK);
        assertThat(f.stored(membership).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(TASK).build()).status())
                .as("once accepted, the same resource may be offered again").isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void the_same_resource_twice_is_already_invited() {
        f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(GALA).build());

        assertThat(refused(() -> f.service.administration(ADMIN, ACME).invite(f.request("JANE@example.com").target(GALA).build())).code())
                .isEqualTo(ErrorCode.ALREADY_INVITED);
        assertThat(f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").target(TASK).build()).status())
                .as("another resource").isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void a_guest_is_invited_to_the_resource_only() {
        Invitation guest = f.service.administration(ADMIN, ACME).invite(f.request("guest@partner.org").guest().target(GALA).build());

        Acceptance accepted = f.service.invitee().accept(claim(f.token(guest)));

        assertThat(accepted.invitation().grant().membershipType()).isEqualTo(MembershipType.GUEST);
        // a guest of a resource is kept apart from the tenant's members
        assertThat(f.directory.accounts(ACME)).isEmpty();
        assertThat(f.directory.guests(ACME)).singleElement()
                .satisfies(a -> assertThat(a.grant().membershipType()).isEqualTo(MembershipType.GUEST));
    }

    @Test
    void a_shareable_link_can_be_for_one_group() {
        f.configure(s -> s.linkInvitationsEnabled(true));
        Target design = Target.resource("group", "design");
        RevealedShareableLink link = f.service.administration(ADMIN, ACME).createShareableLink(ShareableLinkRequest.builder().role("member").target(design)
                .build());
        Secrets.issued(link.token());
        f.directory.addMember(ACME, new EmailAddress("member@example.com"));

        Acceptance joined = f.service.invitee().joinShareableLink(ShareableLinkTest.join(link.token(), "member@example.com"));

        assertThat(joined.invitation().target()).isEqualTo(design);
        assertThat(joined.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
    }
}
