package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.RecordingDataSource;
import io.invitations.benchmarks.internal.ScaleData;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGConnectionPoolDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements behind the scale figures use an index: on a small table of the same shape as
 * {@link ScaleRunner}'s (20,000 invitations, 20 tenants), every statement each operation runs is
 * planned with {@code enable_seqscan = off}, which makes PostgreSQL take any index that can serve
 * it, and the plan must not scan a whole table. (On a table this small PostgreSQL would rightly
 * prefer a sequential scan otherwise; at 1,000,000 rows ScaleRunner shows the plans as chosen.)
 */
@DisplayName("The scale operations' statements are served by indexes")
class ScalePlanTest {
    private static final String PREFIX = "plan_";
    private static final int TENANTS = 20;

    private static EmbeddedPostgres postgres;
    private static JdbcConnectionPool pool;
    private static RecordingDataSource recording;
    private static JdbcInvitationStore store;
    private static ScaleData data;

    @BeforeAll
    static void load() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
        pool = JdbcConnectionPool.create(source);
        recording = new RecordingDataSource(pool);
        store = JdbcInvitationStore.builder(recording).tablePrefix(PREFIX).build();
        store.migrate();
        data = new ScaleData(pool, PREFIX);
        data.load(store, 20_000, TENANTS);
        recording.drain();
    }

    @AfterAll
    static void stop() throws Exception {
        pool.dispose();
        postgres.close();
    }

    @Test
    @DisplayName("a page by status of one tenant")
    void pageByStatus() throws Exception {
        store.query(InvitationQuery.builder(tenant()).statuses(InvitationStatus.PENDING).page(0, 50).build());
        assertIndexed(recording.drain());
    }

    @Test
    @DisplayName("open invitations of 500 invitees: one statement, and one findOpen")
    void openInvitationsOfManyInvitees() throws Exception {
        List<String> keys = data.column(tenant(), "invitee_key", 500);
        try (Connection c = recording.getConnection()) {
            assertThat(data.findOpen(c, tenant(), Target.membership().type(), Target.membership().id(), keys)).isPositive();
        }
        store.findOpen(tenant(), Target.membership(),
                EmailAddress.of(data.column(tenant(), "contact_value", 1).get(0)));
        assertIndexed(recording.drain());
    }

    @Test
    @DisplayName("due for expiry, across tenants")
    void dueForExpiry() throws Exception {
        assertThat(store.dueForExpiry(ScaleData.NOW, 100)).isNotEmpty();
        assertIndexed(recording.drain());
    }

    @Test
    @DisplayName("claiming due outbox messages, across tenants and by id")
    void claimingDueMessages() throws Exception {
        assertThat(store.claimOutbox(ScaleData.NOW, 100, Duration.ofMinutes(5))).isNotEmpty();
        store.claimOutbox(tenant(), List.of("inv-60#1", "inv-2060#1"), ScaleData.NOW, Duration.ofMinutes(5));
        assertIndexed(recording.drain());
    }

    private static TenantId tenant() {
        return ScaleData.tenant(0, TENANTS);
    }

    private static void assertIndexed(List<RecordingDataSource.Recorded> statements) throws Exception {
        assertThat(statements).isNotEmpty();
        for (RecordingDataSource.Recorded statement : statements) {
            if (!statement.sql().startsWith("SELECT") && !statement.sql().startsWith("UPDATE")) {
                continue;
            }
            String plan = recording.explain(statement, true);
            assertThat(plan).as("plan of %s", statement.sql()).doesNotContain("Seq Scan").contains("Index");
        }
    }
}
