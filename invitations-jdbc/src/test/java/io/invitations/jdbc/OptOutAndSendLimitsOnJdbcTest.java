package io.invitations.jdbc;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.optout.OptOutScope;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.settings.SendLimits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4 on the JDBC store: two service instances with their own pools on one database
 * honour an opt-out recorded through either, and the per-recipient and per-inviter send limits hold
 * exactly under racing threads, because the count and the write are one step under the tenant's
 * guard row.
 */
@DisplayName("Opt-outs and send limits on two nodes sharing one database")
class OptOutAndSendLimitsOnJdbcTest {
    private static final int RACERS = 16;
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryKeyRing keys = InMemoryKeyRing.of(SigningKey.of("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final RecordingMailer mailer = new RecordingMailer();
    private final TenantId tenant = Samples.newTenant();

    private List<InvitationService> twoNodes(TestDatabase database) {
        String prefix = database.freshPrefix();
        List<InvitationService> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool()).tablePrefix(prefix).build();
            store.migrate();
            nodes.add(node(store, CLOCK));
        }
        return nodes;
    }

    private InvitationService node(JdbcInvitationStore store, Clock clock) {
        return InvitationService.builder().store(store).identityDirectory(directory)
                .seatLedger(InMemorySeatLedger.countingMembersOf(directory)).settings(settings).keyRing(keys)
                .mailer(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN).clock(clock).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDialect.class, names = {"H2", "POSTGRESQL"})
    @DisplayName("an opt-out through one node blocks invitations on the other, in every tenant when asked")
    void optOutHoldsOnBothNodes(JdbcDialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect)) {
            List<InvitationService> nodes = twoNodes(database);
            nodes.get(0).administration(ADMIN, tenant).invite(request("jane@example.com", "d0"));
            nodes.get(0).maintenance().deliverDueMessages();
            MailMessage message = mailer.sent().get(mailer.sent().size() - 1);
            String header = message.headers().get("List-Unsubscribe");
            String token = header.substring(header.lastIndexOf('/') + 1, header.length() - 1);

            nodes.get(1).invitee().optOut(token, OptOutScope.ALL_TENANTS);
            nodes.get(0).invitee().optOut(token, OptOutScope.ALL_TENANTS);

            for (TenantId t : List.of(tenant, Samples.newTenant())) {
                assertThat(code(() -> nodes.get(1).administration(ADMIN, t).invite(request("Jane@example.com", "d1"))))
                        .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDialect.class, names = {"H2", "POSTGRESQL"})
    @DisplayName("16 racers on two nodes inviting one address (limit 3 a week) and by one inviter (limit 5 an hour):"
            + " exactly 3 and 5 go through")
    void limitsAreExactUnderRacing(JdbcDialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect)) {
            settings.update(tenant, s -> s.toBuilder().sendLimits(SendLimits.NONE.perContact(3, Duration.ofDays(7))
                    .perInviter(5, Duration.ofHours(1))).build());
            List<InvitationService> nodes = twoNodes(database);

            List<Object> sameAddress = Racing.race(RACERS, n -> () -> outcome(() -> nodes.get(n % 2)
                    .administration(ADMIN, tenant).invite(request("target@example.com", "r" + n))));
            assertThat(sameAddress).filteredOn(Invitation.class::isInstance).hasSize(3);
            assertThat(sameAddress).filteredOn(ErrorCode.ALREADY_INVITED_OR_MEMBER::equals).hasSize(RACERS - 3);

            Inviter hasty = Inviter.of("hasty", "Hasty Harry", PermissionLevel.ADMIN_TENANT);
            List<Object> oneInviter = Racing.race(RACERS, n -> () -> outcome(() -> nodes.get(n % 2)
                    .administration(hasty, tenant).invite(request("p" + n + "@example.com", "d"))));
            assertThat(oneInviter).filteredOn(Invitation.class::isInstance).hasSize(5);
            assertThat(oneInviter).filteredOn(ErrorCode.QUOTA_EXCEEDED::equals).hasSize(RACERS - 5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDialect.class, names = {"H2", "POSTGRESQL"})
    @DisplayName("the expiry sweep deletes send records older than the tenant's longest window"
            + " and keeps the ones inside it")
    void sweepPurgesSendRecords(JdbcDialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect)) {
            // the window is longer than the 31 days every record is kept for anyway
            settings.update(tenant, s -> s.toBuilder().sendLimits(SendLimits.NONE.perContact(3, Duration.ofDays(40))
                    .perInviter(50, Duration.ofHours(1))).build());
            io.invitations.tck.support.MutableClock clock = new io.invitations.tck.support.MutableClock(
                    CLOCK.instant());
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool())
                    .tablePrefix(database.freshPrefix()).build();
            store.migrate();
            InvitationService node = node(store, clock);
            node.administration(ADMIN, tenant).invite(request("old@example.com", "d0"));
            clock.advance(Duration.ofDays(3));
            node.administration(ADMIN, tenant).invite(request("recent@example.com", "d0"));
            clock.advance(Duration.ofDays(37).plusSeconds(1));

            node.maintenance().expireDue();

            assertThat(store.countSends(tenant, null, null, CLOCK.instant())).isEqualTo(1);
            assertThat(store.countSends(tenant, null, ADMIN.userId(), CLOCK.instant().plus(Duration.ofDays(3))))
                    .as("the record inside the window").isEqualTo(1);
            assertThat(store.tenantsWithSends()).contains(tenant);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDialect.class, names = {"H2", "POSTGRESQL"})
    @DisplayName("removing a tenant's limits keeps its send records for 31 days, so restoring them hands out no"
            + " fresh quota; the purge deletes through the (tenant_id, sent_at) index of V11")
    void removingLimitsKeepsRecentHistory(JdbcDialect dialect) throws java.sql.SQLException {
        try (TestDatabase database = TestDatabase.create(dialect)) {
            SendLimits limits = SendLimits.NONE.perContact(1, Duration.ofDays(30));
            settings.update(tenant, s -> s.toBuilder().sendLimits(limits).build());
            io.invitations.tck.support.MutableClock clock = new io.invitations.tck.support.MutableClock(
                    CLOCK.instant());
            String prefix = database.freshPrefix();
            javax.sql.DataSource pool = database.newPool();
            JdbcInvitationStore store = JdbcInvitationStore.builder(pool).tablePrefix(prefix).build();
            store.migrate();
            InvitationService node = node(store, clock);
            node.administration(ADMIN, tenant).invite(request("jane@example.com", "d0"));
            clock.advance(Duration.ofDays(10));
            settings.update(tenant, s -> s.toBuilder().sendLimits(SendLimits.NONE).build());

            node.maintenance().expireDue();

            assertThat(store.countSends(tenant, null, null, CLOCK.instant())).isEqualTo(1);
            settings.update(tenant, s -> s.toBuilder().sendLimits(limits).build());
            assertThat(code(() -> node.administration(ADMIN, tenant).invite(request("jane@example.com", "d1"))))
                    .as("the restored limit still counts the send of 10 days ago")
                    .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);

            settings.update(tenant, s -> s.toBuilder().sendLimits(SendLimits.NONE).build());
            clock.advance(Duration.ofDays(21).plusSeconds(1));
            node.maintenance().expireDue();
            assertThat(store.countSends(tenant, null, null, CLOCK.instant())).isZero();
            assertThat(store.tenantsWithSends()).doesNotContain(tenant);
            assertThat(indexColumns(pool, prefix + "send_record_sent_ix")).containsExactly("tenant_id", "sent_at");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDialect.class, names = {"H2", "POSTGRESQL"})
    @DisplayName("a store failing to list the tenants with sends does not fail the sweep: the expired"
            + " invitations are stored and counted")
    void aFailingPurgeKeepsTheExpiryCount(JdbcDialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect)) {
            settings.update(tenant, s -> s.toBuilder().sendLimits(SendLimits.NONE.perContact(3, Duration.ofDays(1)))
                    .build());
            io.invitations.tck.support.MutableClock clock = new io.invitations.tck.support.MutableClock(
                    CLOCK.instant());
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool())
                    .tablePrefix(database.freshPrefix()).build();
            store.migrate();
            io.invitations.spi.storage.InvitationStore failing = org.mockito.Mockito.mock(
                    io.invitations.spi.storage.InvitationStore.class, org.mockito.AdditionalAnswers.delegatesTo(store));
            org.mockito.Mockito.doThrow(new io.invitations.spi.storage.StorageException("database away", null))
                    .when(failing).tenantsWithSends();
            InvitationService node = InvitationService.builder().store(failing).identityDirectory(directory)
                    .seatLedger(InMemorySeatLedger.countingMembersOf(directory)).settings(settings).keyRing(keys)
                    .mailer(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN).clock(clock).build();
            node.administration(ADMIN, tenant).invite(request("jane@example.com", "d0"));
            clock.advance(Duration.ofDays(8));

            assertThat(node.maintenance().expireDue()).isEqualTo(1);
            assertThat(store.countSends(tenant, null, null, CLOCK.instant())).isEqualTo(1);
        }
    }

    /** The columns of an index, lower-cased, in order (through the driver's metadata). */
    private static List<String> indexColumns(javax.sql.DataSource pool, String index) throws java.sql.SQLException {
        try (java.sql.Connection c = pool.getConnection()) {
            java.util.TreeMap<Integer, String> columns = new java.util.TreeMap<>();
            for (String table : List.of(index.replace("_sent_ix", ""), index.replace("_sent_ix", "").toUpperCase(
                    java.util.Locale.ROOT))) {
                try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            columns.put((int) rs.getShort("ORDINAL_POSITION"),
                                    rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
            return List.copyOf(columns.values());
        }
    }

    private static InviteRequest request(String email, String doc) {
        return InviteRequest.builder().email(email).role("member").target(Target.resource("doc", doc)).build();
    }

    private static Object outcome(java.util.concurrent.Callable<Object> call) {
        try {
            return call.call();
        } catch (InvitationException e) {
            return e.code();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorCode code(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a refusal");
        } catch (InvitationException e) {
            return e.code();
        }
    }
}
