package io.invitations.jdbc;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database of one dialect for one test class: a new database on the shared embedded
 * PostgreSQL server, or a new in-memory H2 database. Hands out independent connection pools (one per
 * simulated application instance) and stores under fresh table prefixes; closing it disposes the
 * pools and drops the database.
 */
final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private final JdbcDialect dialect;
    private final String name;
    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private final AtomicInteger prefixes = new AtomicInteger();
    private final DataSource main;

    private TestDatabase(JdbcDialect dialect, String name) {
        this.dialect = dialect;
        this.name = name;
        this.main = newPool();
    }

    static TestDatabase create(JdbcDialect dialect) {
        return dialect == JdbcDialect.POSTGRESQL
                ? new TestDatabase(dialect, EmbeddedPostgresServer.createDatabase())
                : new TestDatabase(dialect, "inv_test_" + H2_DATABASES.incrementAndGet());
    }

    JdbcDialect dialect() {
        return dialect;
    }

    /** The pool most tests use. */
    DataSource dataSource() {
        return main;
    }

    /** Another pool on the same database, as a second application instance would have. */
    synchronized DataSource newPool() {
        JdbcConnectionPool pool = dialect == JdbcDialect.POSTGRESQL
                ? EmbeddedPostgresServer.pool(name)
                : JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(20);
        pools.add(pool);
        return pool;
    }

    /** The JDBC URL of this PostgreSQL database, for a process of its own; user {@code postgres}. */
    String jdbcUrl() {
        if (dialect != JdbcDialect.POSTGRESQL) {
            throw new IllegalStateException("only the PostgreSQL database is reachable from another process");
        }
        return EmbeddedPostgresServer.get().getJdbcUrl("postgres", name);
    }

    /** A new, unused table prefix. */
    String freshPrefix() {
        return "t" + prefixes.incrementAndGet() + "_";
    }

    /** A migrated store on its own tables, so that cross-tenant reads see only this test's rows. */
    JdbcInvitationStore freshStore() {
        JdbcInvitationStore store = JdbcInvitationStore.builder(main).tablePrefix(freshPrefix()).build();
        store.migrate();
        return store;
    }

    /** Runs one statement outside the store, e.g. to prove a constraint lives in the database. */
    void execute(String sql) throws SQLException {
        try (Connection c = main.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public synchronized void close() {
        if (dialect == JdbcDialect.H2) {
            try {
                execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        }
        pools.forEach(JdbcConnectionPool::dispose);
        pools.clear();
        if (dialect == JdbcDialect.POSTGRESQL) {
            EmbeddedPostgresServer.dropDatabase(name);
        }
    }
}
