package io.invitations.core.stories;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.LinkClosedException;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.ShareableLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talkspirit: "a deactivated link stays dead; reactivating it creates a new one". Switching the
 * tenant's link invitations off must retire every existing link, so a leaked URL never comes back.
 */
@DisplayName("Talkspirit: switching link invitations off retires every link for good")
class TalkspiritDeactivatedLinkStaysDeadTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @BeforeEach
    void linksOn() {
        f.configure(s -> s.linkInvitationsEnabled(true));
    }

    private RevealedShareableLink link() {
        RevealedShareableLink created = admin.createShareableLink(ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(created.token());
        return created;
    }

    private static JoinRequest join(String token, String email) {
        return JoinRequest.of(email, ClaimRequest.builder(token).name("Jo", "Ner").password(PASSWORD.toCharArray())
                .build());
    }

    private ErrorCode joinRefusal(String token, String email) {
        return refused(() -> f.service.invitee().joinShareableLink(join(token, email))).code();
    }

    @Test
    @DisplayName("off then on again: every link made before stays dead; reactivating gives a new URL")
    void switchingLinksOffAndOnAgainLeavesEveryOldLinkDead() {
        RevealedShareableLink leaked = link();
        RevealedShareableLink other = link();

        assertThat(admin.switchShareableLinks(false)).isEqualTo(2);
        assertThat(f.settings.settingsFor(ACME).linkInvitationsEnabled()).isFalse();
        assertThat(admin.switchShareableLinks(true)).isZero();
        assertThat(f.settings.settingsFor(ACME).linkInvitationsEnabled()).isTrue();

        assertThat(joinRefusal(leaked.token(), "mallory@example.com")).isEqualTo(ErrorCode.LINK_INACTIVE);
        assertThat(joinRefusal(other.token(), "mallory@example.com")).isEqualTo(ErrorCode.LINK_INACTIVE);
        assertThat(admin.shareableLinks()).extracting(ShareableLink::active).containsExactly(false, false);

        RevealedShareableLink renewed = admin.reactivateShareableLink(leaked.link().id());
        Secrets.issued(renewed.token());
        assertThat(renewed.url()).isNotEqualTo(leaked.url());
        assertThat(f.service.invitee().joinShareableLink(join(renewed.token(), "jo@example.com")).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        RevealedShareableLink fresh = link();
        assertThat(f.service.invitee().joinShareableLink(join(fresh.token(), "max@example.com")).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
    }

    @Test
    @DisplayName("each retired link is recorded as deactivated by the administrator who switched links off")
    void retiringIsRecordedPerLink() {
        RevealedShareableLink one = link();
        admin.deactivateShareableLink(one.link().id());
        RevealedShareableLink two = link();
        f.events.clear();

        assertThat(admin.switchShareableLinks(false)).isEqualTo(1);

        assertThat(f.events).singleElement().isInstanceOfSatisfying(InvitationEvent.LinkDeactivated.class, e -> {
            assertThat(e.linkId()).isEqualTo(two.link().id());
            assertThat(e.actor()).isEqualTo(ADMIN.userId());
        });
    }

    @Test
    @DisplayName("a host that switches the setting in its own settings: a link tried while off stays dead")
    void aLinkTriedWhileLinksAreOffStaysDeadOnceOnAgain() {
        RevealedShareableLink leaked = link();
        f.configure(s -> s.linkInvitationsEnabled(false));

        assertThat(joinRefusal(leaked.token(), "mallory@example.com")).isEqualTo(ErrorCode.LINKS_DISABLED);
        f.configure(s -> s.linkInvitationsEnabled(true));

        assertThat(joinRefusal(leaked.token(), "mallory@example.com")).isEqualTo(ErrorCode.LINK_INACTIVE);
        assertThat(refused(() -> f.service.invitee().inspectShareableLink(leaked.token())).code())
                .isEqualTo(ErrorCode.LINK_INACTIVE);
    }

    @Test
    @DisplayName("only a tenant administrator switches link invitations; a refusal changes nothing")
    void onlyATenantAdministratorSwitchesLinks() {
        RevealedShareableLink kept = link();
        InvitationAdministration local = f.service.administration(
                Fixture.user("a-1", PermissionLevel.ADMIN_LOCAL, Fixture.PARIS), ACME);

        assertThat(refused(() -> local.switchShareableLinks(false)).code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);

        assertThat(f.settings.settingsFor(ACME).linkInvitationsEnabled()).isTrue();
        assertThat(f.service.invitee().inspectShareableLink(kept.token()).linkId()).isEqualTo(kept.link().id());
    }

    @Test
    @DisplayName("LinkClosedException says which link and why, never the token")
    void theRefusalNamesNoToken() {
        RevealedShareableLink leaked = link();
        admin.switchShareableLinks(false);

        LinkClosedException e = (LinkClosedException) refused(() ->
                f.service.invitee().joinShareableLink(join(leaked.token(), "mallory@example.com")));
        assertThat(e.getMessage()).doesNotContain(leaked.token());
    }
}
