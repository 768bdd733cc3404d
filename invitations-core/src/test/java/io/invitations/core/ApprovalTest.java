package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@DisplayName("Approval (adhesion) after acceptance")
class ApprovalTest {
    private final Fixture f = new Fixture();
    private Invitation waiting;

    @BeforeEach
    void acceptWithApprovalRequired() {
        f.configure(s -> s.approvalRequired(true));
        Invitation inv = f.invite("jane@example.com");
        waiting = f.service.invitee().accept(claim(f.token(inv))).invitation();
    }

    @Test
    void approving_completes_the_membership_with_history_and_event() {
        Invitation approved = f.service.administration(ADMIN, ACME).approve(waiting.id());

        assertThat(waiting.status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(approved.status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(f.service.administration(ADMIN, ACME).history(waiting.id())).extracting(HistoryEntry::action, HistoryEntry::to,
                HistoryEntry::actor).containsExactly(
                tuple(Action.INVITE, InvitationStatus.PENDING, ADMIN.userId()),
                tuple(Action.ACCEPT, InvitationStatus.AWAITING_APPROVAL, waiting.accountId()),
                tuple(Action.APPROVE, InvitationStatus.ACCEPTED, ADMIN.userId()));
        assertThat(f.eventTypes()).endsWith("invitation.approval_requested", "invitation.approved");
    }

    @Test
    void rejecting_closes_it_for_good_with_the_reason_in_history() {
        Invitation rejected = f.service.administration(ADMIN, ACME).reject(waiting.id(), "not a member of the association");

        assertThat(rejected.status()).isEqualTo(InvitationStatus.REJECTED);
        assertThat(f.service.administration(ADMIN, ACME).history(waiting.id())).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo(Action.REJECT);
            assertThat(h.reason()).isEqualTo("not a member of the association");
        });
        assertThat(f.eventTypes()).endsWith("invitation.rejected");
        assertThat(refused(() -> f.service.administration(ADMIN, ACME).approve(waiting.id())).code())
                .isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
    }

    @Test
    void only_the_manage_level_decides_not_even_the_inviter_below_it() {
        var member = user("u-1", PermissionLevel.USER);
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        Invitation own = f.service.administration(member, ACME).invite(f.request("own@example.com").build());
        Invitation ownWaiting = f.service.invitee().accept(claim(f.token(own))).invitation();

        assertThat(refused(() -> f.service.administration(member, ACME).approve(ownWaiting.id())).code())
                .as("the inviter reads it, yet may not decide").isEqualTo(ErrorCode.NOT_ALLOWED_TO_MANAGE);
        assertThat(refused(() -> f.service.administration(member, ACME).approve(waiting.id())).code())
                .as("another one's invitation is not theirs to read: not found").isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refused(() -> f.service.administration(user("hr", PermissionLevel.HR_TENANT), ACME).reject(waiting.id(), null))
                .code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(f.stored(waiting).status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(f.stored(ownWaiting).status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }

    @Test
    void a_local_manager_decides_only_in_their_units() {
        assertThat(refused(() -> f.service.administration(user("l", PermissionLevel.ADMIN_LOCAL, PARIS), ACME).approve(waiting.id())).code())
                .as("outside their units: not found, as a missing one").isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void an_acceptance_awaiting_approval_takes_a_seat() {
        f.seats.setLimit(ACME, 1);

        assertThat(refused(() -> f.invite("second@example.com")).code()).isEqualTo(ErrorCode.SEAT_LIMIT_REACHED);
    }
}
