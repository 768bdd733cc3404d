package io.invitations.jdbc;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.invitations.jdbc.Samples.created;
import static io.invitations.jdbc.Samples.message;
import static io.invitations.jdbc.Samples.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection seam, without Spring: a test {@link JdbcConnections} that simulates a host's outer
 * transaction on one connection, the way Spring's {@code DataSourceUtils} hands out the
 * transaction's connection.
 */
@DisplayName("JdbcConnections: the store joins a caller's transaction, or commits on its own")
class JoinedTransactionTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    /** The caller's transaction on one connection; records what the store did to it. */
    static final class OuterTransaction implements JdbcConnections, AutoCloseable {
        final Connection real;
        final Connection handedOut;
        final List<String> forbiddenCalls = new CopyOnWriteArrayList<>();
        int acquired;
        int released;

        OuterTransaction(DataSource dataSource) throws SQLException {
            real = dataSource.getConnection();
            real.setAutoCommit(false);
            Set<String> forbidden = Set.of("commit", "rollback", "close", "setAutoCommit");
            handedOut = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        // rollback(Savepoint) is allowed: it undoes only the store's own failed step
                        if (forbidden.contains(method.getName()) && (args == null || args.length == 0
                                || method.getName().equals("setAutoCommit"))) {
                            forbiddenCalls.add(method.getName());
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public synchronized Connection acquire() {
            acquired++;
            return handedOut;
        }

        @Override
        public boolean joinsTransaction(Connection connection) {
            return connection == handedOut;
        }

        @Override
        public synchronized void release(Connection connection) {
            released++;
        }

        void rollback() throws SQLException {
            real.rollback();
        }

        void commit() throws SQLException {
            real.commit();
        }

        @Override
        public void close() throws SQLException {
            real.close();
        }
    }

    private static long rows(TestDatabase db, String table, TenantId tenant) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = '"
                     + tenant.value() + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long[] rowsOf(TestDatabase db, JdbcInvitationStore store, TenantId tenant) throws SQLException {
        String p = store.tablePrefix();
        return new long[] {rows(db, p + "invitation", tenant), rows(db, p + "invitation_history", tenant),
                rows(db, p + "outbox", tenant)};
    }

    private static WriteBatch invite(Invitation i) {
        return WriteBatch.builder().insert(i).append(created(i)).enqueue(message(i)).build();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("an outer rollback leaves no invitation, history or outbox row, and the store never commits,"
            + " rolls back, closes or switches auto-commit on the caller's connection")
    void outerRollbackLeavesNothing(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshStore().tablePrefix();
        TenantId tenant = Samples.newTenant();
        Invitation first = pending(tenant, "ana@example.com");
        Invitation second = pending(tenant, "bo@example.com");
        try (OuterTransaction outer = new OuterTransaction(db.dataSource())) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(outer).dialect(dialect).tablePrefix(prefix)
                    .attemptThrottleConnections(JdbcConnections.of(db.dataSource())).build();

            store.write(invite(first));
            store.write(invite(second));
            assertThat(store.find(tenant, first.id())).as("visible inside the transaction").isPresent();
            assertThat(rowsOf(db, store, tenant)).as("invisible outside before the outer commit")
                    .containsExactly(0, 0, 0);

            outer.rollback();

            assertThat(rowsOf(db, store, tenant)).containsExactly(0, 0, 0);
            assertThat(outer.forbiddenCalls).isEmpty();
            assertThat(outer.released).isEqualTo(outer.acquired).isPositive();
            assertThat(outer.real.isClosed()).isFalse();
            assertThat(outer.real.getAutoCommit()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("a refused write inside the caller's transaction undoes only itself; the caller may still commit")
    void refusedWriteKeepsTheCallersWork(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshStore().tablePrefix();
        TenantId tenant = Samples.newTenant();
        Invitation first = pending(tenant, "ana@example.com");
        try (OuterTransaction outer = new OuterTransaction(db.dataSource())) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(outer).dialect(dialect).tablePrefix(prefix)
                    .attemptThrottleConnections(JdbcConnections.of(db.dataSource())).build();
            store.write(invite(first));

            assertThatThrownBy(() -> store.write(invite(pending(tenant, "ana@example.com"))))
                    .isInstanceOf(DuplicateInvitationException.class);
            outer.commit();

            assertThat(rowsOf(db, store, tenant)).containsExactly(1, 1, 1);
            assertThat(outer.forbiddenCalls).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("without an outer transaction each write commits on its own, and migrate() joins too")
    void withoutOuterTransactionWritesCommitAlone(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        TenantId tenant = Samples.newTenant();
        JdbcInvitationStore store = JdbcInvitationStore.builder(JdbcConnections.of(db.dataSource()))
                .tablePrefix(db.freshPrefix()).build();
        assertThat(store.migrate()).as("every migration applied")
                .isEqualTo(io.invitations.jdbc.internal.SchemaScripts.MIGRATIONS.size());

        store.write(invite(pending(tenant, "ana@example.com")));

        assertThat(rowsOf(db, store, tenant)).containsExactly(1, 1, 1);
    }
}
