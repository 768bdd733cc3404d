package io.invitations.jdbc;

import io.invitations.jdbc.internal.BatchWriter;
import io.invitations.jdbc.internal.InvitationFilter;
import io.invitations.jdbc.internal.JdbcErasure;
import io.invitations.jdbc.internal.Lease;
import io.invitations.jdbc.internal.Migrator;
import io.invitations.jdbc.internal.Params;
import io.invitations.jdbc.internal.Rows;
import io.invitations.jdbc.internal.SqlFailures;
import io.invitations.jdbc.internal.Statements;
import io.invitations.jdbc.internal.Tables;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spi.storage.FunnelEntry;
import io.invitations.spi.storage.Erasure;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link InvitationStore} on a SQL database through plain JDBC: PostgreSQL, or H2 as an embedded
 * option. Several application instances may share one database; the guarantees of the storage
 * contract hold across them because the database enforces them:
 * <ul>
 *   <li>{@link #write(WriteBatch)} is one transaction, with multi-row {@code INSERT}s for invitations,
 *       history and outbox rows (one statement per table for a bulk of 500) and JDBC batching for
 *       updates; any failure rolls all of it back.</li>
 *   <li>A unique index allows one open invitation per tenant, target and invitee match key
 *       (PostgreSQL: a partial index; H2: an index over a generated column that is NULL once closed).</li>
 *   <li>Updates are compare-and-set: {@code UPDATE ... WHERE id = ? AND tenant_id = ? AND version = ?}.</li>
 *   <li>Foreign keys tie history and outbox rows to their invitation in the same tenant.</li>
 *   <li>Outbox claims lock rows with {@code FOR UPDATE SKIP LOCKED} and re-check each row's attempt
 *       count, so two workers never claim one message; on a distributed PostgreSQL, where a statement
 *       spanning shards cannot lock rows, {@link Builder#lockingOutboxClaims(boolean)
 *       lockingOutboxClaims(false)} reads due messages without locks and relies on the attempt-count
 *       check alone.</li>
 *   <li>A batch's {@linkplain WriteBatch#guards() conditions} (seat limits, quotas) run after the
 *       tenant's row of {@code inv_tenant_guard} is locked by an upsert in the write's transaction,
 *       with counts on that transaction, so the check and the write are one step for every node.</li>
 *   <li>{@link #findOpen(TenantId, java.util.Collection)} reads the open invitations of many invitees
 *       in one statement.</li>
 * </ul>
 *
 * <p>Instants are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC at microsecond precision: finer
 * digits are truncated when written, so a snapshot read back equals the one written whenever its
 * instants have at most microsecond precision (whole seconds and milliseconds always do). Groups,
 * metadata and allowed domains are stored as JSON text; locales as language tags.
 *
 * <p>The store does not create its tables: call {@link #migrate()} at start-up, or run
 * {@link JdbcSchema#ddl(JdbcDialect, String)} yourself. Thread-safe; it holds no connection between
 * calls and keeps no state besides its configuration.
 *
 * <p>Connections come from a {@link JdbcConnections}: built from a {@code DataSource}, every write is
 * a transaction of its own; built from a connection source that {@linkplain
 * JdbcConnections#joinsTransaction(Connection) joins} the caller's transaction, writes become part of
 * it (a refused write rolls back to its own savepoint) and the caller commits or rolls back. Its
 * {@linkplain #attemptThrottle() attempt throttle} shares the database and is the default throttle
 * of a service built on this store. Every primary key leads with {@code tenant_id} and every
 * statement but the cross-tenant sweeps filters by it, so the tables can be distributed by tenant.
 *
 * <pre>{@code
 * JdbcInvitationStore store = JdbcInvitationStore.builder(dataSource).build();
 * store.migrate();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class JdbcInvitationStore implements InvitationStore {
    private final JdbcConnections connections;
    private final JdbcDialect dialect;
    private final Tables tables;
    private final Statements sql;
    /** Opt-out keys asked in one statement. */
    private static final int OPT_OUT_CHUNK = 500;
    private final BatchWriter writer;
    private final JdbcErasure erasure;
    private final JdbcAttemptThrottle throttle;
    private final boolean lockingOutboxClaims;

    private JdbcInvitationStore(JdbcConnections connections, JdbcDialect dialect, Tables tables,
                                JdbcConnections throttleConnections, boolean lockingOutboxClaims) {
        this.connections = connections;
        this.lockingOutboxClaims = lockingOutboxClaims;
        this.throttle = JdbcAttemptThrottle.builder(throttleConnections).dialect(dialect).tablePrefix(tables.prefix())
                .build();
        this.dialect = dialect;
        this.tables = tables;
        this.sql = new Statements(tables);
        this.writer = new BatchWriter(connections, sql, dialect);
        this.erasure = new JdbcErasure(connections, tables, sql);
    }

    /**
     * Starts building a store on a host's data source. Use a pooled data source in production; the
     * store borrows one connection per call and returns it before the call ends.
     *
     * @param dataSource the data source, not {@code null}
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        JdbcConnections own = JdbcConnections.of(Objects.requireNonNull(dataSource, "dataSource"));
        return new Builder(own).attemptThrottleConnections(own);
    }

    /**
     * Starts building a store on a connection source of the host's, e.g. one that joins the
     * caller's transaction when there is one (see {@link JdbcConnections}).
     *
     * @param connections where connections come from, not {@code null}
     * @return a new builder
     */
    public static Builder builder(JdbcConnections connections) {
        return new Builder(Objects.requireNonNull(connections, "connections"));
    }

    /**
     * Returns where the store gets its connections.
     *
     * @return the connection source
     */
    public JdbcConnections connections() {
        return connections;
    }

    /**
     * Tells whether cross-tenant outbox claims lock the rows they read (see
     * {@link Builder#lockingOutboxClaims(boolean)}).
     *
     * @return {@code true} unless switched off for a distributed PostgreSQL
     * @since 1.1
     */
    public boolean lockingOutboxClaims() {
        return lockingOutboxClaims;
    }

    /**
     * Returns the dialect in use, chosen or detected.
     *
     * @return the dialect
     */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * Returns the prefix of the store's table names.
     *
     * @return the prefix, lower case, possibly empty
     */
    public String tablePrefix() {
        return tables.prefix();
    }

    /**
     * Creates or upgrades the store's tables to {@link JdbcSchema#currentVersion()}. Safe to call
     * from several instances at once: on PostgreSQL the migration runs in one transaction under an
     * advisory lock, so later callers wait and then find nothing to do; on H2 the scripts are
     * idempotent. Calling it when the schema is current does nothing.
     *
     * @return how many migrations this call applied
     * @throws StorageException if the database fails, or a migration recorded as applied differs
     *                          from the script shipped in the jar
     */
    public int migrate() {
        return Migrator.migrate(connections, dialect, tables);
    }

    /**
     * Returns the attempt throttle on this store's database and tables (5 failures per 15 minutes),
     * shared by every node using the same database. A service built on this store uses it unless
     * the host sets a throttle of its own; {@link #migrate()} creates its table.
     *
     * @return the throttle
     */
    public JdbcAttemptThrottle attemptThrottle() {
        return throttle;
    }

    @Override
    public Optional<AttemptThrottle> sharedAttemptThrottle() {
        return Optional.of(throttle);
    }

    @Override
    public void optOut(io.invitations.spi.storage.OptOut optOut) {
        Objects.requireNonNull(optOut, "optOut");
        String tenant = optOut.tenant().map(TenantId::value).orElse("");
        if (optedOut(tenant, optOut.contactKey())) {
            return;
        }
        // under a savepoint when joined to the caller's transaction, so a lost race leaves it usable
        try (Lease lease = Lease.of(connections)) {
            lease.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.optOut()
                        + " (contact_key, tenant_id, opted_out_at) VALUES (?, ?, ?)")) {
                    new Params(ps).text(optOut.contactKey()).text(tenant).instant(optOut.at());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(SqlFailures.state(e))) {
                throw failed("record an opt-out", e);
            }
            // another node recorded the same opt-out first: the first one stays
        }
    }

    @Override
    public boolean optedOut(TenantId tenantId, String contactKey) {
        Objects.requireNonNull(tenantId, "tenantId");
        return optedOut(tenantId.value(), contactKey);
    }

    private boolean optedOut(String tenant, String contactKey) {
        Objects.requireNonNull(contactKey, "contactKey");
        return !list("read opt-outs", "SELECT 1 FROM " + tables.optOut()
                + " WHERE (tenant_id = ? OR tenant_id = '') AND contact_key = ?",
                p -> p.text(tenant).text(contactKey), rs -> 1).isEmpty();
    }

    @Override
    public java.util.Set<String> optedOutAmong(TenantId tenantId, java.util.Collection<String> contactKeys) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contactKeys, "contactKeys");
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(contactKeys));
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int from = 0; from < keys.size(); from += OPT_OUT_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + OPT_OUT_CHUNK));
            out.addAll(list("read opt-outs", "SELECT contact_key FROM " + tables.optOut()
                    + " WHERE (tenant_id = ? OR tenant_id = '') AND contact_key IN ("
                    + Statements.marks(chunk.size()) + ")", p -> {
                        p.text(tenantId.value());
                        for (String key : chunk) {
                            p.text(key);
                        }
                    }, rs -> rs.getString(1)));
        }
        return java.util.Set.copyOf(out);
    }

    @Override
    public long countSends(TenantId tenantId, String contactKey, String inviter, Instant since) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(since, "since");
        try (Lease lease = Lease.of(connections)) {
            return BatchWriter.countSendRecords(lease.connection(), sql, tenantId.value(), contactKey, inviter, since);
        } catch (SQLException e) {
            throw failed("count sends", e);
        }
    }

    @Override
    public java.util.Set<TenantId> tenantsWithSends() {
        return java.util.Set.copyOf(list("list tenants with sends", "SELECT DISTINCT tenant_id FROM "
                + tables.sendRecord(), p -> { }, rs -> TenantId.of(rs.getString(1))));
    }

    @Override
    public int purgeSends(TenantId tenantId, Instant before) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(before, "before");
        try (Lease lease = Lease.of(connections); PreparedStatement ps = lease.connection().prepareStatement(
                "DELETE FROM " + tables.sendRecord() + " WHERE tenant_id = ? AND sent_at < ?")) {
            new Params(ps).text(tenantId.value()).instant(before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("purge sends", e);
        }
    }

    @Override
    public void write(WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        if (!batch.isEmpty()) {
            writer.write(batch);
        }
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return first(list("read invitation " + id, sql.selectInvitations() + " WHERE id = ? AND tenant_id = ?",
                p -> p.text(id.value()).text(tenantId.value()), Rows::invitation));
    }

    @Override
    public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(contact, "contact");
        return first(list("read the open invitation of an invitee", sql.selectInvitations()
                        + " WHERE tenant_id = ? AND target_type = ? AND target_id = ? AND invitee_key = ?"
                        + " AND status IN " + Statements.OPEN_STATUSES,
                p -> p.text(tenantId.value()).text(target.type()).text(target.id()).text(contact.matchKey()),
                Rows::invitation));
    }

    /**
     * Reads the open invitations of many invitees in one statement ({@code invitee_key = ANY(?)} on
     * PostgreSQL, an array parameter on H2 too), using the open-invitation index.
     */
    @Override
    public List<Invitation> findOpen(TenantId tenantId, Collection<? extends Contact> contacts) {
        Objects.requireNonNull(tenantId, "tenantId");
        Object[] keys = contacts.stream().map(Contact::matchKey).distinct().toArray();
        if (keys.length == 0) {
            return List.of();
        }
        return list("read the open invitations of " + keys.length + " invitees", sql.selectInvitations()
                        + " WHERE tenant_id = ? AND invitee_key = ANY(?) AND status IN " + Statements.OPEN_STATUSES,
                p -> p.text(tenantId.value()).textArray(keys), Rows::invitation);
    }

    @Override
    public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contact, "contact");
        return list("read the invitations of an invitee", sql.selectInvitations()
                        + " WHERE tenant_id = ? AND invitee_key = ? ORDER BY created_at, id",
                p -> p.text(tenantId.value()).text(contact.matchKey()), Rows::invitation);
    }

    @Override
    public Page<Invitation> query(InvitationQuery query) {
        InvitationFilter filter = InvitationFilter.of(Objects.requireNonNull(query, "query"));
        List<Invitation> rows = list("query invitations", sql.selectInvitations() + filter.clause()
                        + " ORDER BY created_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                p -> {
                    filter.bind(p);
                    // one more than the page, to tell whether more follow
                    p.integer(query.offset()).integer(query.limit() + 1);
                }, Rows::invitation);
        boolean hasMore = rows.size() > query.limit();
        return new Page<>(hasMore ? rows.subList(0, query.limit()) : rows, query.offset(), hasMore);
    }

    @Override
    public long count(InvitationQuery query) {
        InvitationFilter filter = InvitationFilter.of(Objects.requireNonNull(query, "query"));
        return list("count invitations", "SELECT COUNT(*) FROM " + tables.invitation() + filter.clause(),
                filter::bind, rs -> rs.getLong(1)).get(0);
    }

    @Override
    public List<Invitation> dueForExpiry(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        requirePositive(limit);
        return list("read invitations due for expiry", sql.selectInvitations()
                        + " WHERE status = 'PENDING' AND expires_at <= ? ORDER BY expires_at, id FETCH FIRST ? ROWS ONLY",
                p -> p.instant(now).integer(limit), Rows::invitation);
    }

    /**
     * Erases in one transaction that locks the invitation row; the history trigger lets through only
     * the erasure's one update of a row's reason (schema version 6).
     */
    @Override
    public boolean erase(Erasure request) {
        return erasure.erase(request);
    }

    /** Reads the due invitations with one query on the tenant's rows. */
    @Override
    public List<Invitation> dueForRetention(TenantId tenantId, Instant before, int limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(before, "before");
        requirePositive(limit);
        return list("read invitations due for retention", sql.selectInvitations()
                        + " WHERE tenant_id = ? AND status IN ('EXPIRED', 'DECLINED', 'REVOKED', 'REJECTED')"
                        + " AND updated_at < ? AND (contact_kind IS NULL OR contact_kind <> ?)"
                        + " ORDER BY updated_at, id FETCH FIRST ? ROWS ONLY",
                p -> p.text(tenantId.value()).instant(before).text(Erasure.TOMBSTONE_KIND.name()).integer(limit),
                Rows::invitation);
    }

    @Override
    public List<Invitation> dueForReminder(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        requirePositive(limit);
        return list("read invitations due for a reminder", sql.selectInvitations()
                        + " WHERE status = 'PENDING' AND next_reminder_at <= ?"
                        + " AND (expires_at IS NULL OR expires_at > ?)"
                        + " ORDER BY next_reminder_at, id FETCH FIRST ? ROWS ONLY",
                p -> p.instant(now).instant(now).integer(limit), Rows::invitation);
    }

    @Override
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return list("read the history of invitation " + id, sql.selectHistory(),
                p -> p.text(tenantId.value()).text(id.value()), Rows::history);
    }

    @Override
    public Optional<ShareableLink> findLink(TenantId tenantId, LinkId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return first(list("read link " + id, sql.selectLinks() + " WHERE id = ? AND tenant_id = ?",
                p -> p.text(id.value()).text(tenantId.value()), Rows::link));
    }

    @Override
    public List<ShareableLink> links(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return list("read the links of tenant " + tenantId, sql.selectLinks()
                + " WHERE tenant_id = ? ORDER BY created_at, seq", p -> p.text(tenantId.value()), Rows::link);
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        requirePositive(limit);
        requirePositive(lease);
        Instant hiddenUntil = now.plus(lease);
        try (Lease borrowed = Lease.of(connections)) {
            return borrowed.inTransaction(tx -> claim(tx, now, limit, hiddenUntil));
        } catch (SQLException e) {
            throw failed("claim outbox messages", e);
        }
    }

    @Override
    public List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now, Duration lease) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        requirePositive(lease);
        List<String> wanted = List.copyOf(ids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Instant hiddenUntil = now.plus(lease);
        try (Lease borrowed = Lease.of(connections)) {
            return borrowed.inTransaction(tx -> claim(tx, sql.lockDueOutbox(wanted.size()), p -> {
                p.text(tenantId.value());
                for (String id : wanted) {
                    p.text(id);
                }
                p.instant(now);
            }, now, hiddenUntil));
        } catch (SQLException e) {
            throw failed("claim outbox messages of tenant " + tenantId, e);
        }
    }

    private List<OutboxMessage> claim(Connection c, Instant now, int limit, Instant hiddenUntil) throws SQLException {
        return claim(c, lockingOutboxClaims ? sql.lockDueOutbox() : sql.readDueOutbox(),
                p -> p.instant(now).integer(limit), now, hiddenUntil);
    }

    /**
     * Reads due rows (locking them and skipping rows other workers hold, unless locks are off), then
     * claims each one whose attempts did not move: of two workers that read one row, one claims it.
     */
    private List<OutboxMessage> claim(Connection c, String lockQuery, Binder binder, Instant now, Instant hiddenUntil)
            throws SQLException {
        List<OutboxMessage> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(lockQuery)) {
            binder.bind(new Params(ps));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(Rows.outbox(rs));
                }
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        List<OutboxMessage> claimed = new ArrayList<>(due.size());
        try (PreparedStatement ps = c.prepareStatement(sql.claimOutbox())) {
            for (OutboxMessage m : due) {
                new Params(ps).integer(m.attempts() + 1).instant(hiddenUntil).instant(now).text(m.tenantId().value())
                        .text(m.id())
                        .integer(m.attempts());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == Statement.SUCCESS_NO_INFO) {
                    throw new StorageException("the JDBC driver reports no row counts for batched updates, so"
                            + " outbox claims cannot be checked; turn off batch rewriting for updates", null);
                }
                if (counts[k] == 1) {
                    OutboxMessage m = due.get(k);
                    claimed.add(m.toBuilder()
                            .attempts(m.attempts() + 1)
                            .nextAttemptAt(truncated(hiddenUntil))
                            .updatedAt(truncated(now))
                            .build());
                }
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        return list("read the outbox of invitation " + invitationId, sql.selectOutbox()
                        + " WHERE tenant_id = ? AND invitation_id = ? ORDER BY send_number, seq",
                p -> p.text(tenantId.value()).text(invitationId.value()), Rows::outbox);
    }

    @Override
    public Optional<OutboxMessage> findOutboxMessage(String reference) {
        Objects.requireNonNull(reference, "reference");
        return first(list("find an outbox message by reference", sql.selectOutboxByReference(),
                p -> p.text(reference).text(reference).text(reference), Rows::outbox));
    }

    @Override
    public List<FunnelEntry> funnel(TenantId tenantId, Instant from, Instant until) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return list("read the conversion funnel of tenant " + tenantId, sql.selectFunnel(),
                p -> p.text(tenantId.value()).instant(from).instant(until), Rows::funnel);
    }

    @Override
    public String toString() {
        return "JdbcInvitationStore[" + dialect + ", tables " + tables.prefix() + "*]";
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(Params p) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String what, String query, Binder binder, RowReader<T> reader) {
        try (Lease lease = Lease.of(connections); PreparedStatement ps = lease.connection().prepareStatement(query)) {
            binder.bind(new Params(ps));
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return List.copyOf(rows);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static Instant truncated(Instant instant) {
        return Params.toDatabase(instant).toInstant();
    }

    /** Refuses a limit below 1 with INVALID_REQUEST naming {@code limit} (ADR 0018). */
    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw InvitationException.invalidValue("limit must be at least 1, was " + limit
                    + "; pass how many rows to read, e.g. 100");
        }
    }

    /** Refuses a zero or negative lease with INVALID_REQUEST naming {@code lease} (ADR 0018). */
    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw InvitationException.invalidValue("lease must be positive, was " + lease
                    + "; pass how long claimed messages stay hidden, e.g. Duration.ofMinutes(5)");
        }
    }

    private static StorageException failed(String what, SQLException e) {
        return new StorageException("could not " + what + ": the database failed (SQLState " + SqlFailures.state(e)
                + ")", e);
    }

    /**
     * Builds a {@link JdbcInvitationStore}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private final JdbcConnections connections;
        private JdbcDialect dialect;
        private String tablePrefix = JdbcSchema.DEFAULT_TABLE_PREFIX;

        private JdbcConnections throttleConnections;
        private boolean lockingOutboxClaims = true;

        private Builder(JdbcConnections connections) {
            this.connections = connections;
        }

        /**
         * Chooses where the {@linkplain #attemptThrottle() shared throttle} gets its connections.
         * They must commit on their own (a failed guess must stay counted when the caller rolls
         * back): when the store's connections join callers' transactions, pass
         * {@code JdbcConnections.of(dataSource)} here. Defaults to the data source of
         * {@link #builder(DataSource)}, or else to the store's connections.
         *
         * @param value the connection source, not {@code null}
         * @return this builder
         */
        public Builder attemptThrottleConnections(JdbcConnections value) {
            throttleConnections = Objects.requireNonNull(value, "attemptThrottleConnections");
            return this;
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
         * Chooses the prefix of every table and index name (default {@value JdbcSchema#DEFAULT_TABLE_PREFIX}),
         * e.g. to keep two stores apart in one schema.
         *
         * @param value empty, or a letter followed by at most 23 letters, digits or underscores
         * @return this builder
         * @throws IllegalArgumentException if the prefix is not allowed
         */
        public Builder tablePrefix(String value) {
            Tables.withPrefix(Objects.requireNonNull(value, "tablePrefix"));
            tablePrefix = value;
            return this;
        }

        /**
         * Chooses how {@link JdbcInvitationStore#claimOutbox(Instant, int, Duration)} finds due
         * messages across tenants. By default ({@code true}) it locks the rows it reads with
         * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers read different messages. With
         * {@code false} it reads them without locks, for a distributed PostgreSQL such as Citus, where
         * a statement spanning shards cannot lock rows: the claim that follows is still a
         * compare-and-set on each message's tenant, id and attempt count, so a message is claimed by
         * one worker only, but workers polling at once may read the same messages and claim fewer
         * each. Claims of one tenant's named messages ({@link JdbcInvitationStore#claimOutbox(TenantId,
         * java.util.Collection, Instant, Duration)}) are single-shard statements and always lock.
         *
         * @param value whether cross-tenant claims lock the rows they read
         * @return this builder
         * @since 1.1
         */
        public Builder lockingOutboxClaims(boolean value) {
            lockingOutboxClaims = value;
            return this;
        }

        /**
         * Builds the store. Without a chosen dialect this opens one connection to read the
         * database's product name.
         *
         * @return the store
         * @throws StorageException if the dialect must be detected and the database cannot be
         *                          reached or is neither PostgreSQL nor H2
         */
        public JdbcInvitationStore build() {
            return new JdbcInvitationStore(connections, dialect != null ? dialect : JdbcDialect.detect(connections),
                    Tables.withPrefix(tablePrefix), throttleConnections != null ? throttleConnections : connections,
                    lockingOutboxClaims);
        }
    }
}
