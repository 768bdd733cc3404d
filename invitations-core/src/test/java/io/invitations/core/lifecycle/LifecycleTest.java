package io.invitations.core.lifecycle;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static io.invitations.spi.invitation.InvitationStatus.ACCEPTED;
import static io.invitations.spi.invitation.InvitationStatus.AWAITING_APPROVAL;
import static io.invitations.spi.invitation.InvitationStatus.DECLINED;
import static io.invitations.spi.invitation.InvitationStatus.EXPIRED;
import static io.invitations.spi.invitation.InvitationStatus.PENDING;
import static io.invitations.spi.invitation.InvitationStatus.PROVISIONED;
import static io.invitations.spi.invitation.InvitationStatus.REJECTED;
import static io.invitations.spi.invitation.InvitationStatus.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The state machine is exactly the documented transition table")
class LifecycleTest {
    /** The lifecycle's transition table, written out: (from, action) -> to; every other pair is refused. */
    private static Map<InvitationStatus, Map<Action, InvitationStatus>> table(boolean approval) {
        Map<InvitationStatus, Map<Action, InvitationStatus>> t = new EnumMap<>(InvitationStatus.class);
        for (InvitationStatus s : InvitationStatus.values()) {
            t.put(s, new EnumMap<>(Action.class));
        }
        t.get(PROVISIONED).put(Action.INVITE, PENDING);
        t.get(PENDING).put(Action.RESEND, PENDING);
        t.get(EXPIRED).put(Action.REINVITE, PENDING);
        t.get(PENDING).put(Action.ACCEPT, approval ? AWAITING_APPROVAL : ACCEPTED);
        t.get(AWAITING_APPROVAL).put(Action.APPROVE, ACCEPTED);
        t.get(AWAITING_APPROVAL).put(Action.REJECT, REJECTED);
        t.get(PENDING).put(Action.DECLINE, DECLINED);
        t.get(PROVISIONED).put(Action.REVOKE, REVOKED);
        t.get(PENDING).put(Action.REVOKE, REVOKED);
        t.get(EXPIRED).put(Action.REVOKE, REVOKED);
        t.get(PENDING).put(Action.EXPIRE, EXPIRED);
        return t;
    }

    @Test
    void every_status_and_action_pair_leads_where_the_table_says_or_nowhere() {
        for (boolean approval : new boolean[]{false, true}) {
            var table = table(approval);
            for (InvitationStatus from : InvitationStatus.values()) {
                for (Action action : Action.values()) {
                    assertThat(Lifecycle.next(from, action, approval))
                            .as("%s --%s--> (approval %s)", from, action, approval)
                            .isEqualTo(java.util.Optional.ofNullable(table.get(from).get(action)));
                }
            }
        }
    }

    @Test
    void only_provision_and_invite_create_an_invitation() {
        assertThat(Lifecycle.next(null, Action.PROVISION, false)).contains(PROVISIONED);
        assertThat(Lifecycle.next(null, Action.INVITE, false)).contains(PENDING);
        for (Action a : Action.values()) {
            if (a != Action.PROVISION && a != Action.INVITE) {
                assertThat(Lifecycle.next(null, a, false)).as("%s", a).isEmpty();
            }
        }
    }

    @Test
    void final_states_have_no_way_out() {
        for (InvitationStatus s : InvitationStatus.values()) {
            if (s.isFinal()) {
                for (Action a : Action.values()) {
                    assertThat(Lifecycle.next(s, a, true)).as("%s %s", s, a).isEmpty();
                }
            }
        }
    }

    @Test
    void a_refused_move_names_the_state_and_the_action() {
        assertThatThrownBy(() -> Lifecycle.require(InvitationId.of("inv-9"), DECLINED, Action.RESEND, false))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                    assertThat(e.status()).isEqualTo(DECLINED);
                    assertThat(e.action()).isEqualTo(Action.RESEND);
                    assertThat(e.getMessage()).contains("inv-9", "DECLINED", "RESEND");
                });
    }

    @Test
    void the_sources_of_revoke_are_provisioned_pending_and_expired() {
        assertThat(Lifecycle.sourcesOf(Action.REVOKE)).containsExactlyInAnyOrder(PROVISIONED, PENDING, EXPIRED);
        assertThat(Lifecycle.sourcesOf(Action.PROVISION)).isEmpty();
    }
}
