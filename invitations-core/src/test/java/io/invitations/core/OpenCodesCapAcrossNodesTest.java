package io.invitations.core;

import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.tck.support.MutableClock;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 4: the cap of open invitations per identifier
 * ({@link AccessCodeGate#MAX_OPEN_PER_IDENTIFIER}) is a condition of the store write, so it holds
 * for two service instances sharing one store as it would for two nodes sharing one database: the
 * check before the write alone let racers through.
 */
@DisplayName("The cap of open invitations per identifier holds across service instances")
class OpenCodesCapAcrossNodesTest {
    private static final int RACERS = 32;
    private static final int ROUNDS = 10;
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final IdentifierKind BADGE = IdentifierKind.of("badge");
    private static final int CAP = AccessCodeGate.MAX_OPEN_PER_IDENTIFIER;

    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final InMemoryInvitationStore store = new InMemoryInvitationStore();
    private final List<InvitationService> nodes = List.of(node(), node());

    private InvitationService node() {
        return InvitationService.builder().store(store).clock(clock).deliveryMode(DeliveryMode.HOST_DRIVEN).build();
    }

    @Test
    @DisplayName("32 racers on two instances inviting and bulk-provisioning one identifier for 32 events: exactly "
            + "5 are stored and 27 are refused with OPEN_INVITATIONS_LIMIT, 10 rounds")
    void exactlyTheCapIsStored() {
        try (Race race = new Race(RACERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                TenantId tenant = TenantId.of("cap-" + round);
                String badge = "B-" + round;
                List<Object> outcomes = race.collect(t -> outcome(() -> {
                    InvitationService node = nodes.get(t % 2);
                    Target event = Target.resource("event", "e-" + t);
                    if (t % 4 < 2) {
                        return node.administration(ADMIN, tenant).invite(InviteRequest.builder()
                                .identifier(BADGE, badge).role("member").target(event).build());
                    }
                    return node.administration(ADMIN, tenant).bulk(BulkRequest.builder(List.of(InvitationRow.builder(2)
                                    .set(RowField.IDENTIFIER, badge).set(RowField.IDENTIFIER_KIND, "badge").build()))
                            .target(event).defaultRole("member").mode(BulkMode.BEST_EFFORT).build());
                }));

                String context = "round " + round;
                long invited = outcomes.stream().filter(Invitation.class::isInstance).count();
                long provisioned = outcomes.stream().filter(BulkReport.class::isInstance)
                        .mapToLong(o -> ((BulkReport) o).count(BulkOutcome.CREATED)).sum();
                long refused = outcomes.stream().filter(o -> o instanceof PolicyViolationException e
                        && e.refusals().stream().allMatch(r -> r.code() == ErrorCode.OPEN_INVITATIONS_LIMIT)).count();
                long deniedRows = outcomes.stream().filter(BulkReport.class::isInstance)
                        .flatMap(o -> ((BulkReport) o).lines().stream())
                        .filter(l -> l.outcome() == BulkOutcome.DENIED && l.reasons().stream()
                                .allMatch(p -> p.code() == ErrorCode.OPEN_INVITATIONS_LIMIT)).count();
                assertThat(invited + provisioned).as(context).isEqualTo(CAP);
                assertThat(refused + deniedRows).as(context).isEqualTo(RACERS - CAP);
                assertThat(openOf(tenant, badge)).as(context).isEqualTo(CAP);
            }
        }
    }

    @Test
    @DisplayName("re-inviting an expired invitation of an identifier that has 5 open ones is refused; the write "
            + "names the limit")
    void reinvitingPastTheCapIsRefused() {
        TenantId tenant = TenantId.of("cap-reinvite");
        Invitation first = invite(tenant, "B-R", 0);
        clock.advance(Duration.ofDays(400));
        for (int n = 1; n <= CAP; n++) {
            invite(tenant, "B-R", n);
        }

        assertThatThrownBy(() -> nodes.get(1).administration(ADMIN, tenant).reinvite(first.id()))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.refusals())
                        .singleElement().satisfies(r -> {
                            assertThat(r.code()).isEqualTo(ErrorCode.OPEN_INVITATIONS_LIMIT);
                            assertThat(r.field()).isEqualTo("identifier");
                            assertThat(r.message()).contains("most an access code is checked against is 5");
                        }));
        assertThat(store.find(tenant, first.id()).orElseThrow().effectiveStatus(clock.instant()))
                .isEqualTo(InvitationStatus.EXPIRED);
        assertThat(openOf(tenant, "B-R")).isEqualTo(CAP);
    }

    private Invitation invite(TenantId tenant, String badge, int n) {
        return nodes.get(n % 2).administration(ADMIN, tenant).invite(InviteRequest.builder().identifier(BADGE, badge)
                .role("member").target(Target.resource("event", "e-" + n)).build());
    }

    private long openOf(TenantId tenant, String badge) {
        return store.count(InvitationQuery.builder(tenant).statuses(InvitationStatus.PROVISIONED,
                InvitationStatus.PENDING).asOf(clock.instant()).invitee(new Identifier(BADGE, badge)).build());
    }

    private static Callable<Object> outcome(Callable<Object> step) {
        return () -> {
            try {
                return step.call();
            } catch (InvitationException e) {
                return e;
            }
        };
    }
}
