package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.message.Branding;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership platform: "the invitation email includes the organization name and branding". A
 * tenant that chose no branding is named by its id, never by a generic "Invitations".
 */
@DisplayName("Membership platform: without branding, the email names the tenant by its id")
class MembershipPlatformEmailNamesTheOrganizationTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @Test
    @DisplayName("the email, its preview and the claim page say \"acme\", not \"Invitations\"")
    void defaultBrandingIsTheTenantId() {
        Invitation invitation = f.invite("jane@example.com");

        MailMessage email = admin.preview(invitation.id(), Kind.INVITATION);
        assertThat(email.html()).contains(">acme</h1>").doesNotContain(">Invitations</h1>");
        assertThat(f.service.invitee().inspect(f.token(invitation)).tenantName()).isEqualTo("acme");
        assertThat(TenantSettings.defaults().brandingFor(TenantId.of("globex")).tenantName()).isEqualTo("globex");
    }

    @Test
    @DisplayName("a shareable link's page names the tenant by its id too")
    void theLinkPageNamesTheTenant() {
        f.configure(s -> s.linkInvitationsEnabled(true));
        String token = admin.createShareableLink(ShareableLinkRequest.builder().role("member").build()).token();
        Secrets.issued(token);

        assertThat(f.service.invitee().inspectShareableLink(token).tenantName()).isEqualTo("acme");
    }

    @Test
    @DisplayName("a branding the tenant chose wins, and survives toBuilder()")
    void aChosenBrandingWins() {
        f.configure(s -> s.branding(Branding.named("Acme Club")));
        Invitation invitation = f.invite("jane@example.com");

        assertThat(admin.preview(invitation.id(), Kind.INVITATION).html()).contains(">Acme Club</h1>");
        TenantSettings chosen = TenantSettings.builder().branding(Branding.named("Acme Club")).build();
        assertThat(chosen.toBuilder().build().brandingFor(ACME).tenantName()).isEqualTo("Acme Club");
        assertThat(TenantSettings.defaults().toBuilder().build().brandingFor(ACME).tenantName()).isEqualTo("acme");
    }
}
