package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.settings.DepartedInviterPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Leaving members: a departed inviter's open invitations are revoked or handed over")
class LeavingMembersTest {
    private final Fixture f = new Fixture();
    private final Inviter alice = user("alice", PermissionLevel.USER);
    private final Inviter bob = user("bob", PermissionLevel.USER);
    private Invitation pending;
    private Invitation provisioned;
    private Invitation accepted;
    private Invitation bobs;

    @BeforeEach
    void aliceInvitedThreePeople() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        InvitationAdministration asAlice = f.service.administration(alice, ACME);
        pending = asAlice.invite(f.request("p@example.com").build());
        provisioned = asAlice.provision(f.request("q@example.com").build());
        accepted = asAlice.invite(f.request("r@example.com").build());
        f.service.invitee().accept(claim(f.token(accepted)));
        bobs = f.service.administration(bob, ACME).invite(f.request("s@example.com").build());
    }

    private InvitationStatus statusOf(Invitation i) {
        return f.stored(i).status();
    }

    @Test
    void by_default_an_administrator_revokes_their_pending_and_provisioned_invitations_and_nothing_else() {
        String link = f.token(pending);

        DepartureReport report = f.service.administration(ADMIN, ACME).handleDeparture("alice", null, "left Acme");

        assertThat(report.policy()).isEqualTo(DepartedInviterPolicy.REVOKE);
        assertThat(report.revoked()).containsExactlyInAnyOrder(pending.id(), provisioned.id());
        assertThat(report.reassigned()).isEmpty();
        assertThat(statusOf(pending)).isEqualTo(InvitationStatus.REVOKED);
        assertThat(statusOf(provisioned)).isEqualTo(InvitationStatus.REVOKED);
        assertThat(statusOf(accepted)).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(statusOf(bobs)).isEqualTo(InvitationStatus.PENDING);
        HistoryEntry last = lastHistory(pending);
        assertThat(last.action()).isEqualTo(Action.REVOKE);
        assertThat(last.actor()).isEqualTo(ADMIN.userId());
        assertThat(last.reason()).contains("alice", "left Acme");
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Revoked).hasSize(2);
        assertThat(f.service.invitee().inspect(link).status()).as("the link is dead").isEqualTo(InvitationStatus.REVOKED);
        assertThat(f.service.invitee().inspect(link).claimable()).isFalse();
        assertThat(f.service.administration(ADMIN, ACME).handleDeparture("alice", null, "again").changed())
                .as("idempotent").isZero();
    }

    @Test
    void under_reassign_a_successor_takes_them_over_with_history_and_events() {
        f.configure(s -> s.departedInviters(DepartedInviterPolicy.REASSIGN));
        Inviter carol = user("carol", PermissionLevel.HR_TENANT);

        DepartureReport report = f.service.administration(ADMIN, ACME).handleDeparture("alice", carol, "left Acme");

        assertThat(report.successor()).isEqualTo("carol");
        assertThat(report.reassigned()).containsExactlyInAnyOrder(pending.id(), provisioned.id());
        assertThat(f.stored(pending).invitedBy()).isEqualTo("carol");
        assertThat(f.stored(pending).inviterName()).isEqualTo(carol.displayName());
        assertThat(statusOf(pending)).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.stored(accepted).invitedBy()).as("accepted ones keep their inviter").isEqualTo("alice");
        HistoryEntry last = lastHistory(provisioned);
        assertThat(last.action()).isEqualTo(Action.REASSIGN);
        assertThat(last.reason()).contains("from alice to carol");
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Reassigned r
                && r.fromInviter().equals("alice") && r.toInviter().equals("carol")).hasSize(2);
        assertThat(f.service.administration(ADMIN, ACME).referrals("carol", null, null).sent()).isEqualTo(1);
    }

    @Test
    void the_directory_hook_applies_the_policy_when_a_member_leaves_or_drops_below_the_inviting_level() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.HR_LOCAL));
        assertThat(f.service.membershipEvents().levelChanged(ACME, "alice", PermissionLevel.HR_TENANT, null)).isZero();
        assertThat(statusOf(pending)).isEqualTo(InvitationStatus.PENDING);

        assertThat(f.service.membershipEvents().levelChanged(ACME, "alice", PermissionLevel.USER, null)).isEqualTo(2);

        assertThat(statusOf(pending)).isEqualTo(InvitationStatus.REVOKED);
        assertThat(lastHistory(pending).actor()).isEqualTo("system:directory");
        assertThat(lastHistory(pending).reason()).contains("dropped to USER");
        assertThat(f.service.membershipEvents().memberLeft(ACME, "bob", null)).isEqualTo(1);
        assertThat(statusOf(bobs)).isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void reassign_without_a_successor_from_the_directory_revokes_and_keep_changes_nothing() {
        f.configure(s -> s.departedInviters(DepartedInviterPolicy.REASSIGN));
        assertThat(f.service.membershipEvents().memberLeft(ACME, "bob", null)).isEqualTo(1);
        assertThat(statusOf(bobs)).isEqualTo(InvitationStatus.REVOKED);

        f.configure(s -> s.departedInviters(DepartedInviterPolicy.KEEP));
        assertThat(f.service.membershipEvents().memberLeft(ACME, "alice", null)).isZero();
        assertThat(statusOf(pending)).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void expired_invitations_are_left_alone_and_only_administrators_may_call_it() {
        f.clock.advance(Duration.ofDays(8));
        assertThat(f.service.administration(ADMIN, ACME).handleDeparture("alice", null, null).revoked())
                .as("the provisioned one is still open; the pending one expired").containsExactly(provisioned.id());
        assertThat(refused(() -> f.service.administration(bob, ACME).handleDeparture("alice", null, null)).code())
                .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
    }

    private HistoryEntry lastHistory(Invitation i) {
        List<HistoryEntry> h = f.store.history(ACME, i.id());
        return h.get(h.size() - 1);
    }
}
