package io.invitations.core;

import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.spi.settings.InvalidSettingsException;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.BERLIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every refusal has its stable code")
class PolicyRefusalTest {
    private final Fixture f = new Fixture();

    private static PolicyViolationException violation(InvitationException e) {
        assertThat(e).isInstanceOf(PolicyViolationException.class);
        return (PolicyViolationException) e;
    }

    @Test
    void invitations_switched_off_refuse_inviting_sending_resending_and_reinviting_but_not_revoking() {
        Invitation pending = f.invite("a@example.com");
        Invitation provisioned = f.service.administration(ADMIN, ACME).provision(f.request("b@example.com").build());
        f.configure(s -> s.invitationsEnabled(false));

        assertThat(refused(() -> f.invite("c@example.com")).code()).isEqualTo(ErrorCode.INVITATIONS_DISABLED);
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).send(provisioned.id())).code())
                .isEqualTo(ErrorCode.INVITATIONS_DISABLED);
        f.clock.advance(Duration.ofHours(1));
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).resend(pending.id())).code())
                .isEqualTo(ErrorCode.INVITATIONS_DISABLED);
        assertThat(f.service.administration(ADMIN, ACME).revoke(pending.id(), null).status())
                .isEqualTo(io.invitations.spi.invitation.InvitationStatus.REVOKED);
    }

    @Test
    void an_inviter_below_the_minimum_level_is_refused_as_level_too_low() {
        PolicyViolationException e = violation(refused(() -> f.service.administration(user("u-1", PermissionLevel.HR_TENANT), ACME).invite(InviteRequest.builder().email("a@example.com").role("member").build())));
        assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        assertThat(e.getMessage()).contains("HR_TENANT", "ADMIN_LOCAL");
    }

    @Test
    void a_local_inviter_outside_their_units_is_refused_as_outside_unit() {
        Inviter local = user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS);
        InvitationException e = refused(() -> f.service.administration(local, ACME).invite(InviteRequest.builder()
                .email("a@example.com").role("member").unit(BERLIN).build()));
        assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_UNIT);
        assertThat(e.getMessage()).contains("berlin", "paris");
    }

    @Test
    void a_group_admin_inviting_into_a_group_they_do_not_administer_is_refused_as_not_group_admin() {
        f.configure(s -> s.groupAdminsMayInvite(true));
        Inviter groupAdmin = user("u-1", PermissionLevel.USER).withAdministeredGroups(java.util.Set.of("design"));
        InvitationException e = refused(() -> f.service.administration(groupAdmin, ACME).invite(InviteRequest.builder()
                .email("a@example.com").role("member").groups("design", "finance").build()));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_GROUP_ADMIN);
        assertThat(e.getMessage()).contains("finance");
    }

    @Test
    void granting_a_role_above_ones_own_level_is_refused_as_role_above_inviter() {
        Inviter hr = user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS);
        InvitationException e = refused(() -> f.service.administration(hr, ACME).invite(InviteRequest.builder().email("a@example.com")
                .role("admin").build()));
        assertThat(e.code()).isEqualTo(ErrorCode.ROLE_ABOVE_INVITER);
    }

    @Test
    void a_role_the_tenant_does_not_have_is_refused_as_unknown_role() {
        InvitationException e = refused(() -> f.service.administration(ADMIN, ACME).invite(f.request("a@example.com").role("wizard").build()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ROLE);
        assertThat(e.getMessage()).contains("wizard", "member", "admin");
    }

    @Test
    void roles_match_ignoring_case_and_are_stored_as_the_tenant_spells_them() {
        assertThat(f.service.administration(ADMIN, ACME).invite(f.request("a@example.com").role("MEMBER").build()).grant().role())
                .isEqualTo("member");
    }

    @Test
    void a_guest_in_a_tenant_without_guests_is_refused_as_guests_not_allowed() {
        f.configure(s -> s.guestsAllowed(false));
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).invite(f.request("a@example.com").guest().build())).code())
                .isEqualTo(ErrorCode.GUESTS_NOT_ALLOWED);
    }

    @Test
    void a_member_outside_the_allowed_domains_is_refused_as_domain_not_allowed_but_guests_are_not_bound() {
        f.configure(s -> s.allowedDomains("example.com", "bücher.example"));
        assertThat(refused(() -> f.invite("a@gmail.com")).code()).isEqualTo(ErrorCode.DOMAIN_NOT_ALLOWED);
        assertThat(f.invite("b@Example.COM").status()).isEqualTo(io.invitations.spi.invitation.InvitationStatus.PENDING);
        assertThat(f.invite("c@BÜCHER.example").status())
                .isEqualTo(io.invitations.spi.invitation.InvitationStatus.PENDING);
        assertThat(f.service.administration(ADMIN, ACME).invite(f.request("d@gmail.com").guest().build()).status())
                .isEqualTo(io.invitations.spi.invitation.InvitationStatus.PENDING);
    }

    @Test
    void no_seat_left_is_refused_as_seat_limit_reached_and_pending_invitations_count() {
        f.seats.setLimit(ACME, 3);
        f.directory.addMember(ACME, EmailAddress.of("member@example.com"));
        f.invite("a@example.com");
        f.service.administration(ADMIN, ACME).provision(f.request("b@example.com").build());

        InvitationException e = refused(() -> f.invite("c@example.com"));
        assertThat(e.code()).isEqualTo(ErrorCode.SEAT_LIMIT_REACHED);
        assertThat(e.getMessage()).contains("3 seats", "1 taken by members", "2 by open invitations");
        assertThat(f.service.administration(ADMIN, ACME).seats().remaining()).hasValue(0);
    }

    @Test
    void an_inviter_over_their_quota_is_refused_as_quota_exceeded_until_the_window_slides() {
        f.configure(s -> s.quota(InviteQuota.of(2, Duration.ofDays(1))));
        f.invite("a@example.com");
        f.clock.advance(Duration.ofHours(12));
        f.invite("b@example.com");
        assertThat(refused(() -> f.invite("c@example.com")).code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(f.service.administration(Inviter.system("directory-sync"), ACME).invite(InviteRequest.builder()
                .email("d@example.com").role("member").build())).as("system actors have no quota").isNotNull();
        f.clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(f.invite("c@example.com")).isNotNull();
    }

    @Test
    void resending_more_often_than_allowed_is_refused_as_resend_limit() {
        f.configure(s -> s.resendLimit(2).resendCooldown(Duration.ZERO));
        Invitation inv = f.invite("a@example.com");
        f.service.administration(ADMIN, ACME).resend(inv.id());
        f.service.administration(ADMIN, ACME).resend(inv.id());
        InvitationException e = refused(() -> f.service.administration(ADMIN, ACME).resend(inv.id()));
        assertThat(e.code()).isEqualTo(ErrorCode.RESEND_LIMIT);
        assertThat(e.getMessage()).contains("resent 2 times", "limit is 2");
    }

    @Test
    void resending_within_the_cooldown_is_refused_as_resend_cooldown() {
        f.configure(s -> s.resendCooldown(Duration.ofMinutes(30)));
        Invitation inv = f.invite("a@example.com");
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).resend(inv.id())).code()).isEqualTo(ErrorCode.RESEND_COOLDOWN);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.service.administration(ADMIN, ACME).resend(inv.id()).resendCount()).isEqualTo(1);
    }

    @Test
    void managing_someone_elses_invitation_below_the_manage_level_finds_no_such_invitation() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).manageLevel(PermissionLevel.HR_TENANT));
        Inviter alice = user("alice", PermissionLevel.USER);
        Inviter bob = user("bob", PermissionLevel.USER);
        Invitation inv = f.service.administration(alice, ACME).invite(InviteRequest.builder().email("a@example.com").role("member")
                .build());
        f.clock.advance(Duration.ofHours(1));

        // not bob's to read: not found, as a missing id, rather than a refusal that names alice's invitation
        assertThat(refused(() -> f.service.administration(bob, ACME).resend(inv.id())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refused(() -> f.service.administration(bob, ACME).revoke(inv.id(), null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(f.service.administration(alice, ACME).resend(inv.id()).resendCount()).as("the inviter may").isEqualTo(1);
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.service.administration(user("hr", PermissionLevel.HR_TENANT), ACME).resend(inv.id()).resendCount())
                .as("the manage level may").isEqualTo(2);
        assertThat(refused(() -> f.service.administration(alice, ACME).sendAllProvisioned()).code())
                .as("invite-all needs the manage level").isEqualTo(ErrorCode.NOT_ALLOWED_TO_MANAGE);
    }

    @Test
    void the_same_invitee_twice_is_already_invited_and_a_member_is_already_member() {
        f.invite("a@example.com");
        assertThat(refused(() -> f.invite("A@example.com")).code()).isEqualTo(ErrorCode.ALREADY_INVITED);
        f.directory.addMember(ACME, EmailAddress.of("m@example.com"));
        assertThat(refused(() -> f.invite("m@example.com")).code()).isEqualTo(ErrorCode.ALREADY_MEMBER);
    }

    @Test
    void a_member_may_still_be_invited_to_a_resource_inside_the_tenant() {
        f.directory.addMember(ACME, EmailAddress.of("m@example.com"));
        Invitation inv = f.service.administration(ADMIN, ACME).invite(f.request("m@example.com")
                .target(io.invitations.spi.invitation.Target.resource("event", "gala-2026")).build());
        assertThat(inv.target().toString()).isEqualTo("event:gala-2026");
    }

    @Test
    void an_unknown_invitation_is_not_found() {
        InvitationException e = refused(() -> f.service.administration(ADMIN, ACME).resend(InvitationId.of("nope")));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).history(InvitationId.of("nope"))).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void another_tenants_invitation_is_not_found() {
        Invitation inv = f.invite("a@example.com");
        assertThat(refused(() -> f.service.administration(ADMIN, Fixture.GLOBEX).revoke(inv.id(), null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(f.service.administration(ADMIN, Fixture.GLOBEX).find(inv.id())).isEmpty();
    }

    @Test
    void a_forged_or_mangled_token_is_invalid_token() {
        Invitation inv = f.invite("a@example.com");
        String token = f.token(inv);
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(refused(() -> f.service.invitee().inspect(flipped)).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(refused(() -> f.service.invitee().accept(claim("not-a-token"))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(refused(() -> f.service.invitee().decline("")).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        assertThat(refused(() -> f.service.invitee().inspect(null)).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
    }

    @Test
    void a_move_the_state_machine_does_not_allow_is_illegal_transition_naming_state_and_action() {
        Invitation inv = f.invite("a@example.com");
        IllegalTransitionException e = (IllegalTransitionException) refused(
                () -> f.service.administration(ADMIN, ACME).send(inv.id()));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.getMessage()).contains("PENDING", "INVITE");
        assertThat(e.invitationId()).isEqualTo(inv.id());
    }

    @Test
    void claims_of_expired_revoked_and_accepted_invitations_have_their_own_codes() {
        Invitation expired = f.invite("a@example.com");
        Invitation revoked = f.invite("b@example.com");
        Invitation accepted = f.invite("c@example.com");
        String expiredToken = f.token(expired);
        String revokedToken = f.token(revoked);
        String acceptedToken = f.token(accepted);
        f.service.administration(ADMIN, ACME).revoke(revoked.id(), null);
        f.service.invitee().accept(claim(acceptedToken));
        f.clock.advance(Duration.ofDays(7));

        assertThat(refused(() -> f.service.invitee().accept(claim(expiredToken))).code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(refused(() -> f.service.invitee().accept(claim(revokedToken))).code()).isEqualTo(ErrorCode.REVOKED);
        assertThat(refused(() -> f.service.invitee().accept(claim(acceptedToken))).code()).isEqualTo(ErrorCode.ALREADY_ACCEPTED);
        assertThat(refused(() -> f.service.invitee().decline(expiredToken)).code()).isEqualTo(ErrorCode.EXPIRED);
    }

    @Test
    void approving_without_an_acceptance_waiting_is_approval_not_required() {
        Invitation inv = f.invite("a@example.com");
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).reject(inv.id(), null)).code())
                .isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
    }

    @Test
    void a_claim_without_a_password_is_claim_incomplete() {
        Invitation inv = f.invite("a@example.com");
        assertThat(refused(() -> f.service.invitee().accept(ClaimRequest.builder(f.token(inv)).build())).code())
                .isEqualTo(ErrorCode.CLAIM_INCOMPLETE);
    }

    @Test
    void a_malformed_request_is_invalid_request() {
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).invite(f.request("not an email").build())).code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void revealing_a_link_when_the_key_ring_has_no_current_key_is_key_unavailable() {
        Invitation inv = f.invite("a@example.com");
        f.keys.retire("k1");
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).revealClaimLink(inv.id())).code())
                .isEqualTo(ErrorCode.KEY_UNAVAILABLE);
    }

    @Test
    void settings_that_cannot_work_are_a_configuration_error_listing_every_problem() {
        InvalidSettingsException e = (InvalidSettingsException) refused(() -> TenantSettings.builder()
                .resendLimit(-1).bulkLimit(0).claimUrlTemplate("https://x/claim").invitationTtl(Duration.ZERO)
                .allowedDomains("not a domain").build());
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.problems()).hasSize(5);
    }

    @Test
    void every_refusal_of_one_request_is_reported_at_once() {
        f.configure(s -> s.guestsAllowed(false).allowedDomains("example.com")
                .quota(InviteQuota.of(1, Duration.ofDays(1))));
        f.seats.setLimit(ACME, 0);
        Inviter local = user("u-1", PermissionLevel.ADMIN_LOCAL, PARIS, BERLIN);
        PolicyViolationException e = violation(refused(() -> f.service.administration(local, ACME).invite(InviteRequest.builder()
                .email("a@gmail.com").role("admin").guest().build())));
        assertThat(e.refusals()).extracting(Refusal::code).containsExactlyInAnyOrder(ErrorCode.OUTSIDE_UNIT,
                ErrorCode.ROLE_ABOVE_INVITER, ErrorCode.GUESTS_NOT_ALLOWED, ErrorCode.SEAT_LIMIT_REACHED);
        assertThat(e.refusals()).extracting(Refusal::field).doesNotHaveDuplicates();
    }
}
