package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.BERLIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Who may do what: the ladder USER < HR_LOCAL < HR_TENANT < ADMIN_LOCAL < ADMIN_TENANT")
class PermissionLadderTest {
    private final Fixture f = new Fixture();

    static Stream<Arguments> everyRungAgainstEveryMinimum() {
        return Arrays.stream(PermissionLevel.values()).flatMap(min -> Arrays.stream(PermissionLevel.values())
                .map(level -> Arguments.of(min, level)));
    }

    /** An inviter at a level; local levels act in Paris. */
    private static Inviter at(PermissionLevel level) {
        return level.isLocal() ? user("u-" + level, level, PARIS) : user("u-" + level, level);
    }

    @ParameterizedTest(name = "minimum {0}, inviter {1}")
    @MethodSource("everyRungAgainstEveryMinimum")
    void an_inviter_may_invite_exactly_when_at_or_above_the_tenants_minimum(PermissionLevel min, PermissionLevel level) {
        f.configure(s -> s.minimumInviteLevel(min));
        InviteRequest request = InviteRequest.builder().email("a@example.com").role("member").build();
        if (level.atLeast(min)) {
            assertThat(f.service.administration(at(level), ACME).invite(request).grant().unit()).isEqualTo(level.isLocal() ? PARIS : null);
        } else {
            assertThat(refused(() -> f.service.administration(at(level), ACME).invite(request)).code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }
    }

    @ParameterizedTest(name = "role needs {0}, inviter {1}")
    @MethodSource("everyRungAgainstEveryMinimum")
    void an_inviter_grants_only_roles_at_or_below_their_own_level(PermissionLevel needed, PermissionLevel level) {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).role("special", needed));
        InviteRequest request = InviteRequest.builder().email("a@example.com").role("special").build();
        if (level.atLeast(needed)) {
            assertThat(f.service.administration(at(level), ACME).invite(request).grant().role()).isEqualTo("special");
        } else {
            assertThat(refused(() -> f.service.administration(at(level), ACME).invite(request)).code()).isEqualTo(ErrorCode.ROLE_ABOVE_INVITER);
        }
    }

    @Test
    void members_invite_when_the_minimum_level_is_user() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        Invitation inv = f.service.administration(user("m-1", PermissionLevel.USER), ACME).invite(InviteRequest.builder()
                .email("friend@example.com").role("member").build());
        assertThat(inv.invitedBy()).isEqualTo("m-1");
    }

    @Nested
    @DisplayName("local levels act only in their units")
    class UnitConfinement {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = PermissionLevel.class, names = {"HR_LOCAL", "ADMIN_LOCAL"})
        void a_local_inviter_invites_into_their_unit_and_not_into_another(PermissionLevel level) {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.HR_LOCAL));
            Inviter local = user("u-1", level, PARIS);
            assertThat(f.service.administration(local, ACME).invite(InviteRequest.builder().email("a@example.com").role("member")
                    .unit(PARIS).build()).grant().unit()).isEqualTo(PARIS);
            InvitationException e = refused(() -> f.service.administration(local, ACME).invite(InviteRequest.builder()
                    .email("b@example.com").role("member").unit(BERLIN).build()));
            assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_UNIT);
        }

        @Test
        void a_local_inviter_with_several_units_must_name_one() {
            Inviter local = user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS, BERLIN);
            InvitationException e = refused(() -> f.service.administration(local, ACME).invite(InviteRequest.builder()
                    .email("a@example.com").role("member").build()));
            assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_UNIT);
            assertThat(e.getMessage()).contains("no unit was given");
        }

        @Test
        void a_local_inviter_without_units_may_not_invite_at_all() {
            Inviter local = user("u-1", PermissionLevel.ADMIN_LOCAL);
            assertThat(refused(() -> f.service.administration(local, ACME).invite(InviteRequest.builder().email("a@example.com")
                    .role("member").unit(PARIS).build())).code()).isEqualTo(ErrorCode.OUTSIDE_UNIT);
        }

        @Test
        void tenant_wide_levels_invite_into_any_unit() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.HR_TENANT));
            Inviter hr = user("u-1", PermissionLevel.HR_TENANT);
            assertThat(f.service.administration(hr, ACME).invite(InviteRequest.builder().email("a@example.com").role("member")
                    .unit(BERLIN).build()).grant().unit()).isEqualTo(BERLIN);
        }

        @Test
        void a_local_manager_manages_others_invitations_only_in_their_units() {
            Invitation paris = f.service.administration(ADMIN, ACME).invite(f.request("a@example.com").unit(PARIS).build());
            Invitation berlin = f.service.administration(ADMIN, ACME).invite(f.request("b@example.com").unit(BERLIN).build());
            Inviter parisAdmin = user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS);
            f.clock.advance(Duration.ofHours(1));

            assertThat(f.service.administration(parisAdmin, ACME).resend(paris.id()).resendCount()).isEqualTo(1);
            // another unit's invitation is not theirs to read: it is not found, as a missing one (ADR 0030)
            assertThat(refused(() -> f.service.administration(parisAdmin, ACME).resend(berlin.id())).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(refused(() -> f.service.administration(parisAdmin, ACME).revoke(berlin.id(), null)).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(refused(() -> f.service.administration(parisAdmin, ACME).revealClaimLink(berlin.id())).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(f.service.administration(parisAdmin, ACME).revealClaimLink(paris.id())).isNotNull();
        }

        @Test
        void a_local_approver_decides_only_in_their_units() {
            f.configure(s -> s.approvalRequired(true));
            Invitation berlin = f.service.administration(ADMIN, ACME).invite(f.request("b@example.com").unit(BERLIN).build());
            f.service.invitee().accept(Fixture.claim(f.token(berlin)));
            assertThat(refused(() -> f.service.administration(user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS), ACME)
                    .approve(berlin.id())).code()).as("not theirs to read: not found").isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(f.service.administration(user("u-2", PermissionLevel.ADMIN_LOCAL, BERLIN), ACME).approve(berlin.id())
                    .status()).isEqualTo(io.invitations.spi.invitation.InvitationStatus.ACCEPTED);
        }
    }

    @Nested
    @DisplayName("group administrators")
    class GroupAdmins {
        private final Inviter groupAdmin = user("g-1", PermissionLevel.USER)
                .withAdministeredGroups(Set.of("design", "ux"));

        @Test
        void invite_into_the_groups_they_administer_when_the_tenant_allows_it() {
            f.configure(s -> s.groupAdminsMayInvite(true));
            assertThat(f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder().email("a@example.com")
                    .role("member").groups("design", "ux").build()).grant().groups()).containsOnly("design", "ux");
            assertThat(f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder().email("b@example.com")
                    .role("member").target(Target.resource("group", "design")).build())).isNotNull();
        }

        @Test
        void are_refused_when_the_tenant_does_not_allow_it() {
            assertThat(refused(() -> f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder().email("a@example.com")
                    .role("member").groups("design").build())).code()).isEqualTo(ErrorCode.NOT_GROUP_ADMIN);
        }

        @Test
        void are_at_their_own_level_outside_groups() {
            f.configure(s -> s.groupAdminsMayInvite(true));
            assertThat(refused(() -> f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder().email("a@example.com")
                    .role("member").build())).code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }

        @Test
        void still_grant_no_role_above_their_level() {
            f.configure(s -> s.groupAdminsMayInvite(true));
            assertThat(refused(() -> f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder().email("a@example.com")
                    .role("admin").groups("design").build())).code()).isEqualTo(ErrorCode.ROLE_ABOVE_INVITER);
        }
    }

    @Nested
    @DisplayName("revealing claim links")
    class Reveal {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = PermissionLevel.class, names = {"USER", "HR_LOCAL", "HR_TENANT"})
        void is_for_administrator_levels_only(PermissionLevel level) {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Inviter actor = user("u-1", level, PARIS);
            Invitation own = f.service.administration(actor, ACME).invite(f.request("a@example.com").unit(PARIS).build());
            assertThat(refused(() -> f.service.administration(actor, ACME).revealClaimLink(own.id())).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }

        @Test
        void gives_a_link_in_the_tenants_url_template_whose_text_hides_it() {
            f.configure(s -> s.claimUrlTemplate("https://app.example.com/{tenant}/join/{token}"));
            Invitation inv = f.invite("a@example.com");
            var link = f.service.administration(ADMIN, ACME).revealClaimLink(inv.id());
            io.invitations.core.testing.Secrets.issued(link.token());
            assertThat(link.url()).isEqualTo("https://app.example.com/acme/join/" + link.token());
            assertThat(link.toString()).doesNotContain(link.token());
            assertThat(f.service.invitee().inspect(link.token()).invitationId()).isEqualTo(inv.id());
        }
    }
}
