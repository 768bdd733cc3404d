package io.invitations.core.audience;

import io.invitations.core.Acceptance;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InviteRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.GLOBEX;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The facade serves each audience through its own type")
class FacadeByAudienceTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration acme = f.service.administration(ADMIN, ACME);
    private final InvitationAdministration globex = f.service.administration(ADMIN, GLOBEX);

    @Nested
    @DisplayName("an invitee controller")
    class InviteeController {
        private final InviteeOnlyController controller = new InviteeOnlyController(f.service.invitee());

        @Test
        void depends_on_the_invitee_actions_alone_to_inspect_and_accept_a_claim_link() {
            Invitation inv = acme.invite(InviteRequest.builder().email("jane@example.com").role("member").build());
            String token = Secrets.issued(acme.revealClaimLink(inv.id()).token());

            assertThat(controller.showClaimPage(token).status()).isEqualTo(InvitationStatus.PENDING);
            Acceptance done = controller.submitClaim(token, PASSWORD.toCharArray());
            assertThat(done.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        }

        @Test
        void depends_on_the_invitee_actions_alone_to_join_through_a_shareable_link() {
            f.configure(s -> s.linkInvitationsEnabled(true));
            RevealedShareableLink link = acme.createShareableLink(ShareableLinkRequest.builder().role("member").build());
            Secrets.issued(link.token());

            assertThat(controller.showJoinPage(link.token()).tenantId()).isEqualTo(ACME);
            assertThat(controller.join(link.token(), "jo@example.com", PASSWORD.toCharArray()).invitation().tenantId())
                    .isEqualTo(ACME);
        }

        @Test
        void is_handed_the_same_instance_every_time() {
            assertThat(f.service.invitee()).isSameAs(f.service.invitee());
            assertThat(f.service.maintenance()).isSameAs(f.service.maintenance());
        }
    }

    @Nested
    @DisplayName("an administration bound to one tenant")
    class BoundToOneTenant {
        private final Invitation atAcme = acme.invite(InviteRequest.builder().email("jane@example.com").role("member")
                .build());

        @Test
        void knows_its_actor_and_tenant_and_shows_no_more_than_their_names() {
            assertThat(acme.actor()).isEqualTo(ADMIN);
            assertThat(acme.tenantId()).isEqualTo(ACME);
            assertThat(acme.toString()).isEqualTo("InvitationAdministration[actor=admin-1, tenantId=acme]");
        }

        @Test
        void finds_nothing_of_another_tenant_by_its_id() {
            assertThat(acme.find(atAcme.id())).isPresent();
            assertThat(globex.find(atAcme.id())).isEmpty();
            assertThat(globex.seats().pending()).isZero();
            assertThat(globex.query(InvitationQuery.builder(GLOBEX).build()).items()).isEmpty();
        }

        @Test
        void refuses_to_act_on_an_invitation_of_another_tenant() {
            assertThat(refused(() -> globex.revoke(atAcme.id(), "not yours")).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(refused(() -> globex.revealClaimLink(atAcme.id())).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(refused(() -> globex.history(atAcme.id())).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(f.stored(atAcme).status()).isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        void refuses_a_query_for_another_tenant_naming_the_field_and_the_fix() {
            InvitationException e = refused(() -> globex.query(InvitationQuery.builder(ACME).build()));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(((InvalidRequestException) e).fields()).containsExactly("query.tenantId");
            assertThat(e.getMessage()).contains("bound to tenant globex", "administration(actor, acme)");
        }

        @Test
        void creates_in_its_own_tenant_whatever_the_request() {
            Invitation atGlobex = globex.invite(InviteRequest.builder().email("jane@example.com").role("member")
                    .build());
            assertThat(atGlobex.tenantId()).isEqualTo(GLOBEX);
            assertThat(List.of(acme.find(atGlobex.id()), globex.find(atAcme.id()))).allMatch(java.util.Optional::isEmpty);
        }
    }
}
