package io.invitations.jdbc.internal;

import io.invitations.jdbc.JdbcConnections;
import io.invitations.jdbc.JdbcDialect;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Brings a database's tables up to the newest schema version, safely when several instances start
 * at once.
 *
 * <p>PostgreSQL: one transaction under a transaction-scoped advisory lock keyed by the table
 * prefix; DDL is transactional there, so a failed migration leaves nothing behind, and a second
 * instance waits, then finds everything applied. H2 commits each DDL statement at once, so its
 * scripts are idempotent ({@code IF NOT EXISTS}), calls within one JVM are serialized, and
 * recording a version that another process recorded first is not an error.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final Object H2_LOCK = new Object();

    private Migrator() {
    }

    /**
     * Applies every migration not yet recorded in the version table.
     *
     * @param connections where
     * @param dialect     the database's dialect
     * @param tables      the table names
     * @return the number of migrations applied by this call
     * @throws StorageException if the database fails, or a recorded migration's checksum differs
     *                          from the shipped script
     */
    public static int migrate(JdbcConnections connections, JdbcDialect dialect, Tables tables) {
        try (Lease lease = Lease.of(connections)) {
            if (dialect == JdbcDialect.POSTGRESQL) {
                return lease.inTransaction(tx -> {
                    lock(tx, tables);
                    return applyPending(tx, dialect, tables);
                });
            }
            synchronized (H2_LOCK) {
                // H2 commits DDL at once; a caller's transaction is left as it is
                return lease.joined() ? applyPending(lease.connection(), dialect, tables)
                        : migrateStepByStep(lease.connection(), dialect, tables);
            }
        } catch (SQLException e) {
            throw new StorageException("could not migrate the invitations schema (tables " + tables.prefix()
                    + "*): the database failed (SQLState " + SqlFailures.state(e) + ")", e);
        }
    }

    private static void lock(Connection tx, Tables tables) throws SQLException {
        try (PreparedStatement lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey(tables));
            lock.execute();
        }
    }

    private static int migrateStepByStep(Connection c, JdbcDialect dialect, Tables tables) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            return applyPending(c, dialect, tables);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int applyPending(Connection c, JdbcDialect dialect, Tables tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(SchemaScripts.createVersionTable(tables));
        }
        Map<Integer, Long> recorded = recorded(c, tables);
        int applied = 0;
        for (SchemaScripts.Migration m : SchemaScripts.MIGRATIONS) {
            String template = SchemaScripts.template(dialect, m);
            long checksum = SchemaScripts.checksum(template);
            Long found = recorded.get(m.version());
            if (found != null) {
                if (found != checksum) {
                    throw new StorageException("schema version " + m.version() + " in " + tables.schemaVersion()
                            + " was applied from another script than " + SchemaScripts.resource(dialect, m)
                            + " (checksum " + found + ", shipped " + checksum + "); restore the original script"
                            + " or repair the version table", null);
                }
                continue;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : SchemaScripts.statements(SchemaScripts.render(template, tables))) {
                    s.execute(statement);
                }
            }
            if (record(c, tables, m, checksum)) {
                applied++;
                LOG.info("applied invitations schema version {} ({}) to tables {}*", m.version(), m.description(),
                        tables.prefix());
            }
        }
        return applied;
    }

    private static Map<Integer, Long> recorded(Connection c, Tables tables) throws SQLException {
        Map<Integer, Long> recorded = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + tables.schemaVersion())) {
            while (rs.next()) {
                recorded.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return recorded;
    }

    /** Records a migration; {@code false} when another process recorded it first (H2 only). */
    private static boolean record(Connection c, Tables tables, SchemaScripts.Migration m, long checksum)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.schemaVersion()
                + " (version, description, checksum, applied_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            new Params(ps).integer(m.version()).text(m.description()).number(checksum);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (c.getAutoCommit() && SqlFailures.isUniqueViolation(SqlFailures.state(e))) {
                return false;
            }
            throw e;
        }
    }

    private static long lockKey(Tables tables) {
        CRC32 crc = new CRC32();
        crc.update(("io.invitations.jdbc:" + tables.prefix()).getBytes(StandardCharsets.UTF_8));
        return 0x1A7E_0000_0000_0000L | crc.getValue();
    }
}
