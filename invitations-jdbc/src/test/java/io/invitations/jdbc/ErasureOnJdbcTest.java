package io.invitations.jdbc;

import io.invitations.core.ErasureReport;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.jdbc.internal.Tables;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import io.invitations.tck.support.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Erasure and the retention sweep end to end on H2 and PostgreSQL, judged column by column. */
@DisplayName("Erasure and retention on a database")
class ErasureOnJdbcTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final KeyRing KEYS = InMemoryKeyRing.of(InMemoryKeyRing.randomKey("k1"));

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final List<InvitationEvent> events = new CopyOnWriteArrayList<>();

    private InvitationService node(JdbcInvitationStore store) {
        return InvitationService.builder().store(store).mailer(new RecordingMailer()).clock(clock).keyRing(KEYS)
                .settings(settings).deliveryMode(DeliveryMode.HOST_DRIVEN).listener(events::add).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("after an erasure no column of any table holds the address, a name or the message")
    void noColumnKeepsThePerson(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        InvitationService service = node(store);
        TenantId tenant = Samples.newTenant();
        InvitationAdministration admin = service.administration(ADMIN, tenant);
        Invitation open = admin.invite(InviteRequest.builder().email("Jane.Doe@example.com").name("Jane", "Doe")
                .personalMessage("Looking forward, Jane").role("member").build());
        Invitation revoked = admin.invite(InviteRequest.builder().email("jane.doe@example.com").name("Jane", "Doe")
                .role("member").target(io.invitations.spi.invitation.Target.resource("project", "p1")).build());
        service.maintenance().deliverDueMessages();
        admin.revoke(revoked.id(), "Jane Doe left");
        String messageId = store.outbox(tenant, open.id()).get(0).id();
        service.deliveryFeedback().record(new DeliveryReport("test", List.of(messageId), DeliveryStep.HARD_BOUNCED,
                clock.instant(), "550 jane.doe@example.com: no such user (Jane Doe)"));
        Invitation bob = admin.invite(InviteRequest.builder().email("bob@example.com").role("member").build());
        assertThat(cellsOf(db, store)).as("the person is stored before").contains("jane.doe@example.com");

        ErasureReport report = admin.erase(EmailAddress.of("JANE.DOE@example.com"));

        assertThat(report.erased()).containsExactlyInAnyOrder(open.id(), revoked.id());
        String cells = cellsOf(db, store);
        assertThat(cells).doesNotContain("jane", "doe", "looking forward");
        assertThat(cells).contains("bob@example.com", "left", "no such user");
        assertThat(admin.erasedInvitationsOf(EmailAddress.of("jane.doe@example.com"))).hasSize(2);
        assertThat(admin.history(open.id())).extracting(h -> h.action()).endsWith(Action.REVOKE, Action.ERASE);
        assertThat(admin.erase(EmailAddress.of("jane.doe@example.com")).alreadyErased()).hasSize(2);
        assertThat(admin.find(bob.id()).orElseThrow().invitee().contact().toString()).isEqualTo("bob@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("the history trigger lets through only the erasure's one update of a reason")
    void historyStaysAppendOnlyButForErasure(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        InvitationService service = node(store);
        TenantId tenant = Samples.newTenant();
        InvitationAdministration admin = service.administration(ADMIN, tenant);
        Invitation i = admin.invite(InviteRequest.builder().email("ann@example.com").role("member").build());
        admin.revoke(i.id(), "ann@example.com asked");
        admin.erase(EmailAddress.of("ann@example.com"));
        String history = Tables.withPrefix(store.tablePrefix()).history();

        for (String refused : List.of(
                "UPDATE " + history + " SET reason = 'x'",
                "UPDATE " + history + " SET reason = 'x', erased_at = CURRENT_TIMESTAMP WHERE erased_at IS NOT NULL",
                "UPDATE " + history + " SET actor = 'x', erased_at = CURRENT_TIMESTAMP WHERE erased_at IS NULL",
                "DELETE FROM " + history)) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> db.execute(refused));
            assertThat((Throwable) e).as(refused).isNotNull();
        }
        assertThat(admin.history(i.id())).extracting(h -> h.reason()).containsExactly(null, "[erased] asked",
                "erasure requested");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("two nodes sweeping the retention period at once erase each invitation exactly once")
    void twoNodesSweepOnce(JdbcDialect dialect) throws Exception {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore first = db.freshStore();
        JdbcInvitationStore second = JdbcInvitationStore.builder(db.newPool()).dialect(dialect)
                .tablePrefix(first.tablePrefix()).build();
        TenantId tenant = Samples.newTenant();
        settings.put(tenant, TenantSettings.builder().retention(Duration.ofDays(30)).build());
        InvitationService a = node(first);
        InvitationService b = node(second);
        InvitationAdministration admin = a.administration(ADMIN, tenant);
        int total = 130;
        for (int n = 0; n < total; n++) {
            Invitation i = admin.invite(InviteRequest.builder().email("p" + n + "@example.com").role("member").build());
            admin.revoke(i.id(), null);
        }
        Invitation pending = admin.invite(InviteRequest.builder().email("stays@example.com").role("member").build());
        clock.advance(Duration.ofDays(31));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            runs.add(pool.submit(() -> a.maintenance().applyRetention(tenant)));
            runs.add(pool.submit(() -> b.maintenance().applyRetention(tenant)));
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events).filteredOn(e -> e instanceof InvitationEvent.Erased er && er.retention()).hasSize(total);
        assertThat(cellsOf(db, first)).doesNotContain("p7@example.com").contains("stays@example.com");
        assertThat(admin.find(pending.id()).orElseThrow().invitee().contact().toString())
                .as("still PENDING in storage (expired only in effect): not due").isEqualTo("stays@example.com");
        assertThat(a.maintenance().applyRetention(tenant)).isZero();
    }

    /** Every cell of every table of the store, lower-cased, one row a line. */
    private static String cellsOf(TestDatabase db, JdbcInvitationStore store) throws SQLException {
        Tables t = Tables.withPrefix(store.tablePrefix());
        StringBuilder all = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of(t.invitation(), t.history(), t.outbox(), t.link(), t.attemptThrottle(),
                    t.tenantGuard())) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int col = 1; col <= md.getColumnCount(); col++) {
                            all.append(rs.getString(col)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
