package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.settings.TargetRules;
import io.invitations.spi.settings.TenantSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The membership platform: only HR invites new members, while any member may invite guests to an
 * event. One tenant-wide minimum level cannot say that; rules per target kind can.
 */
@DisplayName("Membership platform: the inviting level and guest/member rules per target kind")
class MembershipPlatformLevelPerTargetTest {
    private static final Target GALA = Target.resource("event", "gala-2026");
    private final Fixture f = new Fixture();
    private final Inviter member = Fixture.user("u-1", PermissionLevel.USER);
    private final Inviter hr = Fixture.user("hr-1", PermissionLevel.HR_TENANT);

    private void hrForMembersAnyoneForEventGuests() {
        f.configure(s -> s.targetRules(Target.MEMBERSHIP_TYPE, TargetRules.level(PermissionLevel.HR_TENANT))
                .targetRules("Event", TargetRules.guestsOnly(PermissionLevel.USER)));
    }

    private InvitationAdministration as(Inviter actor) {
        return f.service.administration(actor, ACME);
    }

    @Test
    @DisplayName("only HR invites new members, while any member invites guests to an event")
    void onlyHrInvitesMembersAnyMemberInvitesEventGuests() {
        hrForMembersAnyoneForEventGuests();

        Invitation guest = as(member).invite(f.request("guest@example.com").target(GALA).guest().build());
        assertThat(guest.grant().membershipType()).isEqualTo(MembershipType.GUEST);
        assertThat(refused(() -> as(member).invite(f.request("new@example.com").build())).code())
                .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        assertThat(as(hr).invite(f.request("new@example.com").build()).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    @DisplayName("an event's invitations make guests only: a member invitation to it is refused, saying how to fix it")
    void eventInvitationsMakeGuestsOnly() {
        hrForMembersAnyoneForEventGuests();

        InvitationException refusal = refused(() -> as(member).invite(f.request("x@example.com").target(GALA).build()));
        assertThat(refusal.code()).isEqualTo(ErrorCode.MEMBERS_NOT_ALLOWED);
        assertThat(refusal.getMessage()).contains("event").contains("GUEST");
        f.configure(s -> s.linkInvitationsEnabled(true));
        assertThat(refused(() -> as(ADMIN).createShareableLink(ShareableLinkRequest.builder().role("member")
                .target(GALA).build())).code()).isEqualTo(ErrorCode.MEMBERS_NOT_ALLOWED);
    }

    @Test
    @DisplayName("the level named in a refusal is the target kind's")
    void theRefusalNamesTheTargetKindsLevel() {
        hrForMembersAnyoneForEventGuests();

        assertThat(refused(() -> as(member).invite(f.request("new@example.com").build())).getMessage())
                .contains("HR_TENANT");
    }

    @Test
    @DisplayName("without rules per target kind, the tenant-wide level and guest rule apply to events too")
    void withoutRulesTheTenantWideOnesApply() {
        assertThat(refused(() -> as(member).invite(f.request("x@example.com").target(GALA).guest().build())).code())
                .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        f.configure(s -> s.guestsAllowed(false));
        assertThat(refused(() -> as(ADMIN).invite(f.request("x@example.com").target(GALA).guest().build())).code())
                .isEqualTo(ErrorCode.GUESTS_NOT_ALLOWED);
        TenantSettings defaults = TenantSettings.defaults();
        assertThat(defaults.minimumInviteLevel(GALA)).isEqualTo(defaults.minimumInviteLevel());
        assertThat(defaults.targetRules()).isEmpty();
    }

    @Test
    @DisplayName("rules allowing no membership type are refused when the settings are built")
    void rulesMustAllowSomething() {
        assertThatThrownBy(() -> new TargetRules(PermissionLevel.USER, Set.of()))
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.getMessage()).contains("membershipTypes"));
    }
}
