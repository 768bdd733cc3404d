package io.invitations.jdbc;

import io.invitations.jdbc.internal.Lease;
import io.invitations.jdbc.internal.Params;
import io.invitations.jdbc.internal.SqlFailures;
import io.invitations.jdbc.internal.Tables;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An {@link AttemptThrottle} in the database, shared by every node that uses it: by default 5
 * failures per key within a 15-minute window lock the key for the rest of that window, counted
 * together by all nodes. This is the default throttle of a service whose store is a
 * {@link JdbcInvitationStore} (see {@link JdbcInvitationStore#attemptThrottle()}).
 *
 * <p>Each key has one row in {@code <prefix>attempt_throttle} (created by
 * {@link JdbcInvitationStore#migrate()}): the SHA-256 of the key (so identifiers are not stored in
 * clear), the start of its window and its failures. Every count is one atomic statement: on
 * PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}, on H2 an
 * {@code UPDATE} read back through {@code FINAL TABLE} (or an {@code INSERT} for a new key).
 * {@link #tryAttempt(String, Instant)} therefore admits exactly the attempts left in a window,
 * however many threads and nodes race, and nothing is ever evicted: a flood of other keys frees no
 * guess. Rows of ended windows are removed by {@link #sweep(Instant)}; call it now and then (e.g.
 * hourly, from one node or all).
 *
 * <p>Counts must survive the caller's rollback (a failed guess is still a guess), so the throttle
 * commits on its own and refuses a connection that {@link JdbcConnections#joinsTransaction joins}
 * the caller's transaction: give it connections over the plain data source.
 *
 * <p>Thread-safe; it holds no connection between calls.
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class JdbcAttemptThrottle implements AttemptThrottle {
    /** Failures allowed per window unless configured otherwise. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** The window unless configured otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final JdbcConnections connections;
    private final JdbcDialect dialect;
    private final int maxFailures;
    private final Duration window;
    private final String table;
    private final String count;
    private final String insertFirst;

    private JdbcAttemptThrottle(Builder b, JdbcDialect dialect) {
        this.connections = b.connections;
        this.dialect = dialect;
        this.maxFailures = b.maxFailures;
        this.window = b.window;
        this.table = Tables.withPrefix(b.tablePrefix).attemptThrottle();
        // parameters: window ended at or before, window ended at or before, cap; the key's row as "w"
        String assignments = " window_start = CASE WHEN w.window_start <= ? THEN %s ELSE w.window_start END,"
                + " failures = CASE WHEN w.window_start <= ? THEN 1 ELSE LEAST(w.failures + 1, ?) END";
        if (dialect == JdbcDialect.POSTGRESQL) {
            count = "INSERT INTO " + table + " AS w (key_hash, window_start, failures) VALUES (?, ?, 1)"
                    + " ON CONFLICT (key_hash) DO UPDATE SET" + assignments.formatted("EXCLUDED.window_start")
                    + " RETURNING failures";
        } else {
            count = "SELECT failures FROM FINAL TABLE (UPDATE " + table + " w SET" + assignments.formatted("?")
                    + " WHERE w.key_hash = ?)";
        }
        insertFirst = "INSERT INTO " + table + " (key_hash, window_start, failures) VALUES (?, ?, 1)";
    }

    /**
     * Starts building a throttle on a data source; it commits every count on its own.
     *
     * @param dataSource the data source, not {@code null}
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(JdbcConnections.of(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /**
     * Starts building a throttle on a connection source that never joins a caller's transaction
     * when the throttle is used.
     *
     * @param connections where connections come from, not {@code null}
     * @return a new builder
     */
    public static Builder builder(JdbcConnections connections) {
        return new Builder(Objects.requireNonNull(connections, "connections"));
    }

    @Override
    public boolean tryAttempt(String key, Instant now) {
        return countFailure(key, now) <= maxFailures;
    }

    @Override
    public void recordFailure(String key, Instant now) {
        countFailure(key, now);
    }

    @Override
    public boolean isLocked(String key, Instant now) {
        String hash = hash(key);
        Objects.requireNonNull(now, "now");
        return run("read a throttled key", "SELECT COUNT(*) FROM " + table
                + " WHERE key_hash = ? AND failures >= ? AND window_start > ?", ps -> {
            new Params(ps).text(hash).integer(maxFailures).instant(now.minus(window));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    @Override
    public void forgive(String key, Instant now) {
        String hash = hash(key);
        Objects.requireNonNull(now, "now");
        run("forgive an attempt", "UPDATE " + table + " SET failures = LEAST(failures, ?) - 1"
                + " WHERE key_hash = ? AND failures > 0 AND window_start > ?", ps -> {
            new Params(ps).integer(maxFailures).text(hash).instant(now.minus(window));
            return ps.executeUpdate();
        });
    }

    @Override
    public void reset(String key) {
        String hash = hash(key);
        run("reset a throttled key", "DELETE FROM " + table + " WHERE key_hash = ?", ps -> {
            new Params(ps).text(hash);
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes the rows of windows that ended at or before an instant; they lock nothing any more.
     *
     * @param now the instant, not {@code null}
     * @return how many rows were deleted
     */
    public int sweep(Instant now) {
        Objects.requireNonNull(now, "now");
        return run("sweep ended throttle windows", "DELETE FROM " + table + " WHERE window_start <= ?", ps -> {
            new Params(ps).instant(now.minus(window));
            return ps.executeUpdate();
        });
    }

    /**
     * Returns how many failures a key may have per window.
     *
     * @return the limit
     */
    public int maxFailures() {
        return maxFailures;
    }

    /**
     * Returns the window's length.
     *
     * @return the window
     */
    public Duration window() {
        return window;
    }

    @Override
    public String toString() {
        return "JdbcAttemptThrottle[" + dialect + ", table " + table + ", maxFailures=" + maxFailures + ", window="
                + window + "]";
    }

    /** Counts one failure atomically; returns the key's failures after it, capped one above the limit. */
    private int countFailure(String key, Instant now) {
        String hash = hash(key);
        Objects.requireNonNull(now, "now");
        Instant ended = now.minus(window);
        return run("count a failed attempt", count, ps -> {
            while (true) {
                Params p = new Params(ps);
                if (dialect == JdbcDialect.POSTGRESQL) {
                    p.text(hash).instant(now).instant(ended).instant(ended).integer(maxFailures + 1);
                } else {
                    p.instant(ended).instant(now).instant(ended).integer(maxFailures + 1).text(hash);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                // H2, a key without a row: insert it, unless another caller just did (then count again)
                try (PreparedStatement insert = ps.getConnection().prepareStatement(insertFirst)) {
                    new Params(insert).text(hash).instant(now);
                    insert.executeUpdate();
                    return 1;
                } catch (SQLException e) {
                    if (!SqlFailures.isUniqueViolation(SqlFailures.state(e))) {
                        throw e;
                    }
                }
            }
        });
    }

    /** Work on one prepared statement. */
    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String what, String sql, Work<T> work) {
        try (Lease lease = Lease.of(connections)) {
            if (lease.joined()) {
                throw new IllegalStateException("JdbcAttemptThrottle got a connection of the caller's transaction;"
                        + " its counts must commit on their own (a rolled-back failure would free a guess): build it"
                        + " on the DataSource or on JdbcConnections.of(dataSource)");
            }
            if (!lease.connection().getAutoCommit()) {
                return lease.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        return work.run(ps);
                    }
                });
            }
            try (PreparedStatement ps = lease.connection().prepareStatement(sql)) {
                return work.run(ps);
            }
        } catch (SQLException e) {
            throw new StorageException("could not " + what + " in " + table + ": the database failed (SQLState "
                    + SqlFailures.state(e) + ")", e);
        }
    }

    private static String hash(String key) {
        Objects.requireNonNull(key, "key");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /**
     * Configures a {@link JdbcAttemptThrottle}. Not thread-safe.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private final JdbcConnections connections;
        private JdbcDialect dialect;
        private String tablePrefix = JdbcSchema.DEFAULT_TABLE_PREFIX;
        private int maxFailures = DEFAULT_MAX_FAILURES;
        private Duration window = DEFAULT_WINDOW;

        private Builder(JdbcConnections connections) {
            this.connections = connections;
        }

        /**
         * Chooses the dialect instead of detecting it from the database's metadata.
         *
         * @param value the dialect, or {@code null} to detect it
         * @return this builder
         */
        public Builder dialect(JdbcDialect value) {
            dialect = value;
            return this;
        }

        /**
         * Chooses the table prefix; use the store's (default {@value JdbcSchema#DEFAULT_TABLE_PREFIX}).
         *
         * @param value empty, or a letter followed by at most 23 letters, digits or underscores
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if the prefix is not allowed
         */
        public Builder tablePrefix(String value) {
            Tables.withPrefix(Objects.requireNonNull(value, "tablePrefix"));
            tablePrefix = value;
            return this;
        }

        /**
         * Sets how many failures a key may have in one window before it is locked.
         *
         * @param max at least 1
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if {@code max} is below 1
         */
        public Builder maxFailures(int max) {
            if (max < 1) {
                throw InvitationException.invalidValue("maxFailures must be at least 1, got " + max);
            }
            maxFailures = max;
            return this;
        }

        /**
         * Sets the window's length.
         *
         * @param length positive, not {@code null}
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if it is zero or negative
         */
        public Builder window(Duration length) {
            Objects.requireNonNull(length, "window");
            if (length.isZero() || length.isNegative()) {
                throw InvitationException.invalidValue("the window must be positive, got " + length);
            }
            window = length;
            return this;
        }

        /**
         * Builds the throttle. Without a chosen dialect this opens one connection to detect it.
         *
         * @return the throttle
         * @throws StorageException if the dialect must be detected and cannot be
         */
        public JdbcAttemptThrottle build() {
            return new JdbcAttemptThrottle(this, dialect != null ? dialect : JdbcDialect.detect(connections));
        }
    }
}
