package io.invitations.examples;

import io.invitations.core.Acceptance;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteeActions;
import io.invitations.core.InviteRequest;
import io.invitations.core.ClaimInspection;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start, kept compiling and working. */
class QuickStartTest {

    @Test
    void theReadmeQuickStartInvitesAndAcceptsOnTheEmbeddedDefault() {
        // --- README quick start (keep in sync) ---
        InvitationService invitations = InvitationService.builder().build();   // every part embedded

        // An administrator acting in one tenant:
        InvitationAdministration admin = invitations.administration(
                Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT), TenantId.of("acme"));
        Invitation sent = admin.invite(InviteRequest.builder()
                .email("jane.doe@example.com").role("member").groups("design")
                .personalMessage("Welcome aboard!").build());                   // PENDING, expires in 7 days
        String token = admin.revealClaimLink(sent.id()).token();                // what Jane's claim link carries

        // The invitee, anonymous, with the token from her claim link:
        InviteeActions invitee = invitations.invitee();
        ClaimInspection page = invitee.inspect(token);                           // what the claim needs; changes nothing
        Acceptance done = invitee.accept(ClaimRequest.builder(token)
                .password("correct horse battery staple".toCharArray()).acceptTerms().build());
        // --- end of quick start ---

        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(sent.invitee().displayName()).isEqualTo("Jane Doe");
        assertThat(page.inviterName()).isEqualTo("Ada Admin");
        assertThat(page.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(done.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(done.accountId()).isNotBlank();
        assertThat(admin.find(sent.id()).orElseThrow().status()).isEqualTo(InvitationStatus.ACCEPTED);
    }
}
