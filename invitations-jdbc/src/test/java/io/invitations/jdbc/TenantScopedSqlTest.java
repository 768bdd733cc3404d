package io.invitations.jdbc;

import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole storage kit on PostgreSQL through a connection proxy that records every SQL text
 * the store prepares, then checks that each one is scoped by tenant, so that the schema can be
 * distributed by {@code tenant_id}: every SELECT, UPDATE and DELETE filters on {@code tenant_id = ?},
 * every INSERT writes the column. The few statements that must span tenants are listed by name with
 * the reason, and nothing else may; none of them locks rows (a distributed PostgreSQL locks rows only
 * in single-shard statements), so the store runs as on Citus, with
 * {@link JdbcInvitationStore.Builder#lockingOutboxClaims(boolean) lockingOutboxClaims(false)}.
 */
@DisplayName("Every statement the store runs during the storage kit is scoped by tenant_id")
class TenantScopedSqlTest extends InvitationStoreCompatibilityKit {
    /** Cross-tenant by design: what each one is for; see docs/adr/0008-distributed-postgresql.md. */
    private static final Map<Pattern, String> CROSS_TENANT = Map.of(
            Pattern.compile("^select .* from \\w+invitation where status = 'pending' and expires_at <= \\?.*"),
            "the expiry sweep reads due invitations of every tenant (a multi-shard read)",
            Pattern.compile("^select .* from \\w+invitation where status = 'pending' and next_reminder_at <= \\?.*"),
            "the reminder sweep reads due invitations of every tenant (a multi-shard read)",
            Pattern.compile("^select .* from \\w+outbox where status = 'pending' and next_attempt_at <= \\?.*"),
            "the outbox worker finds due messages of every tenant without locking them; each claim then names"
                    + " its tenant and id and compares the attempt count",
            Pattern.compile("^select id from \\w+(invitation|link|outbox) where id in \\(.*"),
            "naming a reused id after the single-node *_id_uq guard refused it (a failure path only)",
            Pattern.compile("^select distinct tenant_id from \\w+send_record$"),
            "the expiry sweep lists the tenants with send records (a multi-shard read); each purge then names"
                    + " its tenant",
            Pattern.compile("^select .* from \\w+outbox where id = \\? union all select .* from \\w+outbox"
                    + " where provider_message_id = \\? and id <> \\?$"),
            "delivery feedback names a message by its id or the provider's, never by tenant (webhooks carry"
                    + " none); everything after the lookup is confined to the message's tenant");

    private static final Set<String> PREPARED = new ConcurrentSkipListSet<>();
    private static TestDatabase database;
    private static JdbcInvitationStore store;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(JdbcDialect.POSTGRESQL);
        String prefix = database.freshStore().tablePrefix();
        store = JdbcInvitationStore.builder(recording(database.dataSource())).dialect(JdbcDialect.POSTGRESQL)
                .tablePrefix(prefix).lockingOutboxClaims(false).build();
    }

    @AfterAll
    static void checkEveryStatement() {
        try {
            assertThat(PREPARED).as("the kit ran through the proxy").hasSizeGreaterThan(10);
            Set<String> unscoped = PREPARED.stream().map(TenantScopedSqlTest::normalized)
                    .filter(sql -> !isScoped(sql))
                    .filter(sql -> CROSS_TENANT.keySet().stream().noneMatch(p -> p.matcher(sql).matches()))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(unscoped).as("statements that neither filter nor write tenant_id").isEmpty();
            Set<String> lockingAcrossTenants = PREPARED.stream().map(TenantScopedSqlTest::normalized)
                    .filter(sql -> !isScoped(sql) && sql.contains(" for update"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(lockingAcrossTenants).as("statements over every tenant that lock rows").isEmpty();
        } finally {
            database.close();
        }
    }

    @Test
    @DisplayName("the check itself: spots a statement without tenant_id, accepts scoped ones")
    void theCheckSpotsUnscopedStatements() {
        assertThat(isScoped(normalized("SELECT id FROM inv_invitation WHERE id = ?"))).isFalse();
        assertThat(isScoped(normalized("UPDATE inv_outbox SET attempts = ? WHERE id = ?"))).isFalse();
        assertThat(isScoped(normalized("SELECT tenant_id FROM inv_link"))).isFalse();
        assertThat(isScoped(normalized("INSERT INTO inv_link (id) VALUES (?)"))).isFalse();
        assertThat(isScoped(normalized("SELECT id FROM inv_invitation WHERE id = ? AND tenant_id = ?"))).isTrue();
        assertThat(isScoped(normalized("INSERT INTO inv_link (id, tenant_id) VALUES (?, ?)"))).isTrue();
        assertThat(isScoped(normalized("INSERT INTO inv_link (id) SELECT * FROM unnest(?::varchar[])"))).isFalse();
        assertThat(isScoped(normalized("INSERT INTO inv_link (id, tenant_id) SELECT * FROM unnest(?::varchar[],"
                + " ?::varchar[])"))).isTrue();
    }

    @Override
    protected InvitationStore createStore() {
        return store;
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isScoped(String sql) {
        if (sql.startsWith("insert into")) {
            // the column list: up to VALUES, or up to SELECT for an insert of arrays (unnest)
            int values = sql.indexOf(" values");
            return sql.substring(0, values >= 0 ? values : sql.indexOf(" select")).contains("tenant_id");
        }
        int where = sql.indexOf(" where ");
        return where >= 0 && Pattern.compile("\\btenant_id = \\?").matcher(sql.substring(where)).find();
    }

    /** A data source whose connections record the SQL text of every statement prepared on them. */
    private static JdbcConnections recording(DataSource real) {
        return new JdbcConnections() {
            @Override
            public Connection acquire() throws SQLException {
                Connection c = real.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                                    && args != null && args[0] instanceof String sql) {
                                PREPARED.add(sql);
                            }
                            if (method.getName().equals("createStatement")) {
                                throw new AssertionError("the store must prepare every statement it runs");
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public boolean joinsTransaction(Connection connection) {
                return false;
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }
        };
    }
}
