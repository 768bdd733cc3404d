package io.invitations.jdbc;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 4 across nodes: two services, each on a store of its own over a pool of its own,
 * sharing one set of tables (H2, and PostgreSQL as hosts run it), race to open invitations of one
 * identifier for many events. The cap of open invitations per identifier is a condition of the
 * write, counted under the tenant's guard row, so exactly {@link AccessCodeGate#MAX_OPEN_PER_IDENTIFIER}
 * are stored and every other racer is refused with {@code OPEN_INVITATIONS_LIMIT}.
 */
@DisplayName("The cap of open invitations per identifier holds across two nodes on one database")
class OpenCodesCapTest {
    private static final int RACERS = 32;
    private static final int ROUNDS = 10;
    private static final int CAP = AccessCodeGate.MAX_OPEN_PER_IDENTIFIER;
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final IdentifierKind BADGE = IdentifierKind.of("badge");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("32 racers inviting and bulk-provisioning one identifier on two nodes store exactly 5, 10 rounds")
    void exactlyTheCapIsStored(JdbcDialect dialect) {
        TestDatabase database = DATABASES.get(dialect);
        String prefix = database.freshPrefix();
        List<InvitationService> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool()).tablePrefix(prefix).build();
            store.migrate();
            nodes.add(InvitationService.builder().store(store).clock(CLOCK).deliveryMode(DeliveryMode.HOST_DRIVEN)
                    .build());
        }
        JdbcInvitationStore reader = JdbcInvitationStore.builder(database.dataSource()).tablePrefix(prefix).build();
        for (int round = 0; round < ROUNDS; round++) {
            TenantId tenant = Samples.newTenant();
            String badge = "B-" + round;
            List<Object> outcomes = Racing.race(RACERS, t -> () -> {
                InvitationService node = nodes.get(t % 2);
                Target event = Target.resource("event", "e-" + t);
                if (t % 4 < 2) {
                    return node.administration(ADMIN, tenant).invite(InviteRequest.builder().identifier(BADGE, badge)
                            .role("member").target(event).build());
                }
                return node.administration(ADMIN, tenant).bulk(BulkRequest.builder(List.of(InvitationRow.builder(2)
                                .set(RowField.IDENTIFIER, badge).set(RowField.IDENTIFIER_KIND, "badge").build()))
                        .target(event).defaultRole("member").mode(BulkMode.BEST_EFFORT).build());
            });

            String context = dialect + " round " + round;
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
            assertThat(refused + deniedRows).as(context + ": " + outcomes).isEqualTo(RACERS - CAP);
            assertThat(reader.count(InvitationQuery.builder(tenant).statuses(InvitationStatus.PROVISIONED,
                    InvitationStatus.PENDING).asOf(CLOCK.instant()).invitee(new Identifier(BADGE, badge)).build()))
                    .as(context).isEqualTo(CAP);
        }
    }
}
