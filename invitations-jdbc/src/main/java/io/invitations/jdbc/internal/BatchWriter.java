package io.invitations.jdbc.internal;

import io.invitations.jdbc.JdbcConnections;
import io.invitations.jdbc.JdbcDialect;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxFeedback;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import io.invitations.spi.storage.WriteCondition;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a {@link WriteBatch} as one transaction. Inserts, history and outbox rows go in multi-row
 * {@code INSERT} statements, one per table for a bulk of 500 (on PostgreSQL one array per column,
 * {@code INSERT ... SELECT * FROM unnest(...)}; elsewhere {@code VALUES} lists); updates go through JDBC batching as
 * compare-and-set ({@code WHERE id = ? AND tenant_id = ? AND version = ?})
 * and a row count other than one means a stale version. The database's constraints are the
 * authority (the open-invitation unique index, primary keys, and the reference checks of history
 * and outbox rows: foreign keys on H2, one check per statement on PostgreSQL, schema version 10);
 * when one refuses a row,
 * the transaction is rolled back and the batch is compared with the stored rows to name what
 * conflicted. Failures caused only by concurrent transactions (deadlock, serialization) are retried.
 * A batch with {@linkplain WriteBatch#guards() guards} first locks each guarded tenant's row of the
 * guard table (an upsert), then runs the conditions with counts on the same transaction.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final int IN_LIST_CHUNK = 200;
    /** Parameters per multi-row insert: below PostgreSQL's wire limit of 32,767 (and any H2 limit). */
    private static final int MAX_PARAMETERS = 30_000;
    /** Rows per multi-row insert, whatever the number of columns. */
    private static final int MAX_ROWS_PER_INSERT = 1000;

    /** Binds one item's parameters. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(Params p, T item) throws SQLException;
    }

    private final JdbcConnections connections;
    private final Statements sql;
    private final String lockGuard;
    /** PostgreSQL: multi-row inserts send one array per column ({@code unnest}), not one parameter per value. */
    private final boolean insertArrays;

    /**
     * Creates a writer.
     *
     * @param connections where to write
     * @param sql         the statements for the store's tables
     * @param dialect     the database's dialect
     */
    public BatchWriter(JdbcConnections connections, Statements sql, JdbcDialect dialect) {
        this.connections = connections;
        this.sql = sql;
        this.insertArrays = dialect == JdbcDialect.POSTGRESQL;
        String guard = sql.tables().tenantGuard();
        // an upsert that leaves the tenant's guard row locked until the transaction ends
        this.lockGuard = dialect == JdbcDialect.POSTGRESQL
                ? "INSERT INTO " + guard + " AS g (tenant_id, guarded_writes) VALUES (?, 1)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET guarded_writes = g.guarded_writes + 1"
                : "MERGE INTO " + guard + " AS g USING (VALUES CAST(? AS VARCHAR(128))) AS s(tenant_id)"
                + " ON g.tenant_id = s.tenant_id WHEN MATCHED THEN UPDATE SET guarded_writes = g.guarded_writes + 1"
                + " WHEN NOT MATCHED THEN INSERT (tenant_id, guarded_writes) VALUES (s.tenant_id, 1)";
    }

    /**
     * Applies a batch: all of it, or nothing.
     *
     * @param batch the batch
     * @throws DuplicateInvitationException if it would make a second open invitation
     * @throws StaleVersionException        if a compare-and-set finds another version
     * @throws StorageException             for an unknown reference, a reused id, or a database failure
     */
    public void write(WriteBatch batch) {
        SQLException lastConflict = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Lease lease = Lease.of(connections)) {
                Connection c = lease.connection();
                try {
                    lease.inTransaction(tx -> {
                        try {
                            apply(tx, batch);
                        } catch (GuardCountFailed failed) {
                            throw (SQLException) failed.getCause();
                        }
                        return null;
                    });
                    return;
                } catch (SQLException e) {
                    // rolled back: now compare the batch with what is stored to name the conflict
                    InvitationException refusal = explain(c, batch, e, SqlFailures.state(e));
                    if (refusal != null) {
                        throw refusal;
                    }
                    lastConflict = e;
                    LOG.debug("writing {} met a concurrent transaction (SQLState {}); attempt {} of {}", batch,
                            SqlFailures.state(e), attempt, MAX_ATTEMPTS);
                }
            } catch (SQLException e) {
                throw new StorageException("could not write " + batch + ": the database failed (SQLState "
                        + SqlFailures.state(e) + "); nothing was stored", e);
            }
        }
        throw new StorageException("could not write " + batch + ": concurrent transactions kept conflicting after "
                + MAX_ATTEMPTS + " attempts; nothing was stored, try again", lastConflict);
    }

    private void apply(Connection c, WriteBatch b) throws SQLException {
        checkGuards(c, b);
        // Closing updates first, so that a batch which closes one invitation and opens another
        // for the same invitee never trips the unique index half-way; ids in a fixed order so that
        // concurrent batches lock rows in the same order.
        List<Invitation> updates = b.updates().stream()
                .sorted(Comparator.comparing((Invitation i) -> i.status().isOpen())
                        .thenComparing(i -> i.id().value()))
                .toList();
        compareAndSet(c, sql.updateInvitation(), updates, (p, i) -> {
            Rows.bindInvitationValues(p, i);
            p.text(i.id().value()).text(i.tenantId().value()).number(i.version() - 1);
        }, i -> new StaleVersionException("invitation", i.id().value(), i.version() - 1));
        // Inserts in open-key order: two batches inviting overlapping lists wait for each other
        // instead of deadlocking.
        List<Invitation> inserts = inOpenKeyOrder(b.inserts());
        insertRows(c, sql.insertInvitation(), inserts, (p, i) -> {
            p.text(i.id().value()).text(i.tenantId().value());
            Rows.bindInvitationValues(p, i);
        });
        insertRows(c, sql.insertLink(), b.linkInserts(), (p, l) -> {
            p.text(l.id().value()).text(l.tenantId().value());
            Rows.bindLinkValues(p, l);
        });
        List<ShareableLink> linkUpdates = b.linkUpdates().stream()
                .sorted(Comparator.comparing(l -> l.id().value())).toList();
        compareAndSet(c, sql.updateLink(), linkUpdates, (p, l) -> {
            Rows.bindLinkValues(p, l);
            p.text(l.id().value()).text(l.tenantId().value()).number(l.version() - 1);
        }, l -> new StaleVersionException("link", l.id().value(), l.version() - 1));
        insertRows(c, sql.insertHistory(), b.history(), Rows::bindHistory);
        insertRows(c, sql.insertOutbox(), b.enqueued(), Rows::bindOutbox);
        insertRows(c, "INSERT INTO " + sql.tables().sendRecord() + " (tenant_id, contact_key, inviter, sent_at)"
                + " VALUES (?, ?, ?, ?)", b.sends(), (p, r) -> p.text(r.tenantId().value()).text(r.contactKey())
                .text(r.inviter()).instant(r.at()));
        compareAndSet(c, sql.updateOutboxOutcome(), b.outboxOutcomes(), (p, m) -> p.name(m.status())
                .integer(m.attempts()).instant(m.nextAttemptAt()).text(m.lastError()).instant(m.updatedAt())
                .text(m.providerMessageId()).instant(m.sentAt())
                .text(m.id()).text(m.tenantId().value()).integer(m.attempts()),
                m -> new StaleVersionException("outbox message", m.id(), m.attempts()));
        for (OutboxFeedback f : b.feedback()) {
            try (PreparedStatement ps = c.prepareStatement(sql.recordFeedback(f.step()))) {
                new Params(ps).instant(f.at()).text(f.detail()).text(f.messageId()).text(f.tenantId().value());
                if (ps.executeUpdate() != 1) {
                    throw new StorageException("delivery feedback refers to unknown outbox message " + f.messageId()
                            + " in tenant " + f.tenantId() + "; nothing was stored", null);
                }
            }
        }
    }

    /**
     * Locks the guard row of every guarded tenant (in tenant-id order, so that two writes guarding
     * the same tenants never deadlock), then runs the conditions with counts on this transaction:
     * under READ COMMITTED each count sees every write committed before the lock was granted, and
     * every other guarded write of the tenant waits for this transaction to end.
     */
    private void checkGuards(Connection c, WriteBatch b) throws SQLException {
        if (b.guards().isEmpty()) {
            return;
        }
        Set<String> tenants = new java.util.TreeSet<>();
        b.guards().forEach(g -> tenants.add(g.tenantId().value()));
        try (PreparedStatement ps = c.prepareStatement(lockGuard)) {
            for (String tenant : tenants) {
                new Params(ps).text(tenant);
                ps.executeUpdate();
            }
        }
        WriteCondition.TenantCounts counts = new WriteCondition.TenantCounts() {
            @Override
            public long count(InvitationQuery query) {
                return BatchWriter.this.count(c, query);
            }

            @Override
            public Map<String, Long> countPerInvitee(InvitationQuery query, Collection<? extends Contact> invitees) {
                return BatchWriter.this.countPerInvitee(c, query, invitees);
            }
        };
        for (WriteCondition.Guard guard : b.guards()) {
            guard.check(new WriteCondition.TenantCounts() {
                @Override
                public long count(InvitationQuery query) {
                    return counts.count(query);
                }

                @Override
                public Map<String, Long> countPerInvitee(InvitationQuery query,
                                                         Collection<? extends Contact> invitees) {
                    return counts.countPerInvitee(query, invitees);
                }

                @Override
                public long countSends(String contactKey, String inviter, java.time.Instant since) {
                    try {
                        return countSendRecords(c, sql, guard.tenantId().value(), contactKey, inviter, since);
                    } catch (SQLException e) {
                        throw new GuardCountFailed(e);
                    }
                }
            });
        }
    }

    /**
     * Counts a tenant's recorded sends since an instant, to one contact, by one inviter, or both, on
     * the indexes leading with (tenant, contact) and (tenant, inviter).
     *
     * @param c          the connection (inside a guarded write, or not)
     * @param sql        the statements
     * @param tenantId   the tenant
     * @param contactKey the contact's opt-out key, or {@code null} for any
     * @param inviter    the inviter, or {@code null} for any
     * @param since      the window's start, inclusive
     * @return the count
     * @throws SQLException if the database fails
     */
    public static long countSendRecords(Connection c, Statements sql, String tenantId, String contactKey,
                                        String inviter, java.time.Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + sql.tables().sendRecord()
                + " WHERE tenant_id = ?" + (contactKey == null ? "" : " AND contact_key = ?")
                + (inviter == null ? "" : " AND inviter = ?") + " AND sent_at >= ?")) {
            Params p = new Params(ps).text(tenantId);
            if (contactKey != null) {
                p.text(contactKey);
            }
            if (inviter != null) {
                p.text(inviter);
            }
            p.instant(since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One grouped count per chunk of invitees, on the index leading with tenant and invitee key. */
    private Map<String, Long> countPerInvitee(Connection c, InvitationQuery query,
                                              Collection<? extends Contact> invitees) {
        Map<String, Long> counts = new HashMap<>();
        invitees.forEach(i -> counts.put(i.matchKey(), 0L));
        InvitationFilter filter = InvitationFilter.of(query.toBuilder().invitee(null).build());
        for (List<String> chunk : chunks(List.copyOf(counts.keySet()))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT invitee_key, COUNT(*) FROM "
                    + sql.tables().invitation() + filter.clause() + " AND invitee_key IN ("
                    + Statements.marks(chunk.size()) + ") GROUP BY invitee_key")) {
                Params p = new Params(ps);
                filter.bind(p);
                for (String key : chunk) {
                    p.text(key);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            } catch (SQLException e) {
                throw new GuardCountFailed(e);
            }
        }
        return Map.copyOf(counts);
    }

    private long count(Connection c, InvitationQuery query) {
        InvitationFilter filter = InvitationFilter.of(query);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + sql.tables().invitation()
                + filter.clause())) {
            filter.bind(new Params(ps));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new GuardCountFailed(e);
        }
    }

    /** Carries a failed count out of a condition; unwrapped in {@link #write}. */
    private static final class GuardCountFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuardCountFailed(SQLException cause) {
            super(cause);
        }
    }

    /**
     * Inserts rows in as few statements as possible. On PostgreSQL: one
     * {@code INSERT ... SELECT * FROM unnest(?::varchar[], ...)} with one array per column, whatever
     * the number of rows; elsewhere: multi-row {@code INSERT ... VALUES (..), (..)} statements of up to
     * {@value #MAX_PARAMETERS} parameters (a bulk of 500 invitations is one statement per table). Either
     * way the database parses, plans and executes once per statement instead of once per row.
     *
     * @param statement the single-row insert, ending with its {@code VALUES (?, ...)} group
     */
    private <T> void insertRows(Connection c, String statement, List<T> items, Binder<T> binder)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        int values = statement.lastIndexOf(" VALUES (");
        String group = statement.substring(values + " VALUES ".length());
        int columns = (int) group.chars().filter(ch -> ch == '?').count();
        if (insertArrays && items.size() > 1) {
            insertArrays(c, statement.substring(0, values), columns, items, binder);
            return;
        }
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / columns));
        String full = null;
        for (int from = 0; from < items.size(); from += perStatement) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + perStatement));
            String text;
            if (chunk.size() == perStatement && full != null) {
                text = full;
            } else {
                StringBuilder sb = new StringBuilder(values + 8 + chunk.size() * (group.length() + 2))
                        .append(statement, 0, values).append(" VALUES ");
                for (int k = 0; k < chunk.size(); k++) {
                    sb.append(k == 0 ? "" : ", ").append(group);
                }
                text = sb.toString();
                if (chunk.size() == perStatement) {
                    full = text;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(text)) {
                Params p = new Params(ps);
                for (T item : chunk) {
                    binder.bind(p, item);
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * One insert of every row, one array parameter per column: the rows are collected column by
     * column ({@link Params#columns}), each column sent as the text of an array and cast to an array
     * of its SQL type.
     *
     * @param head the insert up to its column list, without {@code VALUES}
     */
    private static <T> void insertArrays(Connection c, String head, int columns, List<T> items, Binder<T> binder)
            throws SQLException {
        Params collected = Params.columns(columns, items.size());
        for (T item : items) {
            binder.bind(collected, item);
        }
        StringBuilder sb = new StringBuilder(head.length() + 32 + columns * 20).append(head)
                .append(" SELECT * FROM unnest(");
        for (int k = 0; k < columns; k++) {
            sb.append(k == 0 ? "" : ", ").append("?::").append(collected.type(k)).append("[]");
        }
        try (PreparedStatement ps = c.prepareStatement(sb.append(')').toString())) {
            for (int k = 0; k < columns; k++) {
                ps.setString(k + 1, collected.column(k));
            }
            ps.executeUpdate();
        }
    }

    private static <T> int[] batch(Connection c, String statement, List<T> items, Binder<T> binder)
            throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (T item : items) {
                binder.bind(new Params(ps), item);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    private static <T> void compareAndSet(Connection c, String statement, List<T> items, Binder<T> binder,
                                          Function<T, StaleVersionException> stale) throws SQLException {
        int[] counts = batch(c, statement, items, binder);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == Statement.SUCCESS_NO_INFO) {
                throw new StorageException("the JDBC driver reports no row counts for batched updates, so a"
                        + " compare-and-set cannot be checked; turn off batch rewriting for updates", null);
            }
            if (counts[k] != 1) {
                throw stale.apply(items.get(k));
            }
        }
    }

    /**
     * Names what a refused batch conflicted with, reading in auto-commit mode after the rollback;
     * {@code null} when trying again may succeed.
     */
    private InvitationException explain(Connection c, WriteBatch batch, SQLException e, String state)
            throws SQLException {
        if (SqlFailures.isUniqueViolation(state)) {
            Optional<DuplicateInvitationException> duplicate = duplicateWithin(batch);
            if (duplicate.isEmpty()) {
                duplicate = duplicateOfStored(c, batch);
            }
            if (duplicate.isPresent()) {
                duplicate.get().initCause(e);
                return duplicate.get();
            }
            // The row we collided with may have been closed since: then trying again is right.
            return reusedId(c, batch, e).orElse(null);
        }
        if (SqlFailures.isForeignKeyViolation(state)) {
            return unknownReference(c, batch, e).orElseGet(() -> new StorageException("could not write " + batch
                    + ": a history entry or outbox message refers to an unknown invitation; nothing was stored", e));
        }
        if (SqlFailures.isTransient(state)) {
            return null;
        }
        return new StorageException("could not write " + batch + ": the database refused it (SQLState " + state
                + "); nothing was stored", e);
    }

    /** Two invitations of the batch itself would both be open for one invitee. */
    private static Optional<DuplicateInvitationException> duplicateWithin(WriteBatch batch) {
        Map<String, Invitation> open = new HashMap<>();
        for (Invitation i : afterBatch(batch)) {
            if (i.status().isOpen() && open.putIfAbsent(openKey(i), i) != null) {
                return Optional.of(duplicate(i));
            }
        }
        return Optional.empty();
    }

    /** An invitation of the batch would be open next to a stored open one that the batch leaves open. */
    private Optional<DuplicateInvitationException> duplicateOfStored(Connection c, WriteBatch batch)
            throws SQLException {
        Set<String> rewritten = new HashSet<>();
        batch.updates().forEach(i -> rewritten.add(i.id().value()));
        List<Invitation> candidates = afterBatch(batch).stream().filter(i -> i.status().isOpen()).toList();
        Map<String, List<Invitation>> byTenant = new HashMap<>();
        candidates.forEach(i -> byTenant.computeIfAbsent(i.tenantId().value(), t -> new ArrayList<>()).add(i));
        Map<String, String> storedOpen = new HashMap<>();
        for (Map.Entry<String, List<Invitation>> tenant : byTenant.entrySet()) {
            List<String> keys = tenant.getValue().stream().map(Invitation::inviteeKey).distinct().toList();
            for (List<String> chunk : chunks(keys)) {
                String query = "SELECT id, tenant_id, target_type, target_id, invitee_key FROM "
                        + sql.tables().invitation() + " WHERE status IN " + Statements.OPEN_STATUSES
                        + " AND tenant_id = ? AND invitee_key IN (" + Statements.marks(chunk.size()) + ")";
                try (PreparedStatement ps = c.prepareStatement(query)) {
                    Params p = new Params(ps).text(tenant.getKey());
                    for (String key : chunk) {
                        p.text(key);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            storedOpen.put(openKey(rs.getString("tenant_id"), rs.getString("target_type"),
                                    rs.getString("target_id"), rs.getString("invitee_key")), rs.getString("id"));
                        }
                    }
                }
            }
        }
        for (Invitation i : candidates) {
            String stored = storedOpen.get(openKey(i));
            if (stored != null && !stored.equals(i.id().value()) && !rewritten.contains(stored)) {
                return Optional.of(duplicate(i));
            }
        }
        return Optional.empty();
    }

    /** An insert reuses the id of a stored invitation, link or outbox message. */
    private Optional<InvitationException> reusedId(Connection c, WriteBatch batch, SQLException cause)
            throws SQLException {
        Set<String> invitations = existing(c, sql.tables().invitation(),
                batch.inserts().stream().map(i -> i.id().value()).toList());
        for (Invitation i : batch.inserts()) {
            if (invitations.contains(i.id().value())) {
                return Optional.of(reused("invitation " + i.id(), cause));
            }
        }
        Set<String> links = existing(c, sql.tables().link(),
                batch.linkInserts().stream().map(l -> l.id().value()).toList());
        for (ShareableLink l : batch.linkInserts()) {
            if (links.contains(l.id().value())) {
                return Optional.of(reused("link " + l.id(), cause));
            }
        }
        Set<String> messages = existing(c, sql.tables().outbox(),
                batch.enqueued().stream().map(OutboxMessage::id).toList());
        Set<String> inBatch = new HashSet<>();
        for (OutboxMessage m : batch.enqueued()) {
            if (messages.contains(m.id()) || !inBatch.add(m.id())) {
                return Optional.of(reused("outbox message " + m.id(), cause));
            }
        }
        Set<String> linksInBatch = new HashSet<>();
        for (ShareableLink l : batch.linkInserts()) {
            if (!linksInBatch.add(l.id().value())) {
                return Optional.of(reused("link " + l.id(), cause));
            }
        }
        return Optional.empty();
    }

    /** A history entry or message names an invitation that is neither stored nor inserted, in its tenant. */
    private Optional<InvitationException> unknownReference(Connection c, WriteBatch batch, SQLException cause)
            throws SQLException {
        // invitation id -> tenant, for the invitations inserted by the batch or found in the tenant that names them
        Map<String, String> tenantOf = new HashMap<>();
        batch.inserts().forEach(i -> tenantOf.put(i.id().value(), i.tenantId().value()));
        Map<String, Set<String>> lookUp = new HashMap<>();
        batch.history().forEach(h -> lookUp.computeIfAbsent(h.tenantId().value(), t -> new HashSet<>())
                .add(h.invitationId().value()));
        batch.enqueued().forEach(m -> lookUp.computeIfAbsent(m.tenantId().value(), t -> new HashSet<>())
                .add(m.invitationId().value()));
        for (Map.Entry<String, Set<String>> tenant : lookUp.entrySet()) {
            List<String> ids = tenant.getValue().stream().filter(id -> !tenantOf.containsKey(id)).sorted().toList();
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id FROM "
                        + sql.tables().invitation() + " WHERE tenant_id = ? AND id IN ("
                        + Statements.marks(chunk.size()) + ")")) {
                    Params p = new Params(ps).text(tenant.getKey());
                    for (String id : chunk) {
                        p.text(id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tenantOf.put(rs.getString("id"), rs.getString("tenant_id"));
                        }
                    }
                }
            }
        }
        for (HistoryEntry h : batch.history()) {
            if (!h.tenantId().value().equals(tenantOf.get(h.invitationId().value()))) {
                return Optional.of(unknown("a history entry", h.invitationId().value(), h.tenantId().value(), cause));
            }
        }
        for (OutboxMessage m : batch.enqueued()) {
            if (!m.tenantId().value().equals(tenantOf.get(m.invitationId().value()))) {
                return Optional.of(unknown("outbox message " + m.id(), m.invitationId().value(),
                        m.tenantId().value(), cause));
            }
        }
        return Optional.empty();
    }

    private static Set<String> existing(Connection c, String table, List<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE id IN ("
                    + Statements.marks(chunk.size()) + ")")) {
                Params p = new Params(ps);
                for (String id : chunk) {
                    p.text(id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    private static List<Invitation> afterBatch(WriteBatch batch) {
        List<Invitation> all = new ArrayList<>(batch.inserts());
        all.addAll(batch.updates());
        return all;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += IN_LIST_CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + IN_LIST_CHUNK)));
        }
        return chunks;
    }

    /** Invitations sorted by open key, then id; each key made once, not once per comparison. */
    private static List<Invitation> inOpenKeyOrder(List<Invitation> invitations) {
        record Keyed(String key, String id, Invitation invitation) {
        }
        List<Keyed> keyed = new ArrayList<>(invitations.size());
        for (Invitation i : invitations) {
            keyed.add(new Keyed(openKey(i), i.id().value(), i));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(Keyed::id));
        List<Invitation> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.invitation());
        }
        return sorted;
    }

    private static String openKey(Invitation i) {
        return openKey(i.tenantId().value(), i.target().type(), i.target().id(), i.inviteeKey());
    }

    private static String openKey(String tenant, String targetType, String targetId, String inviteeKey) {
        return tenant + '\u0000' + targetType + '\u0000' + targetId + '\u0000' + inviteeKey;
    }

    private static DuplicateInvitationException duplicate(Invitation i) {
        return new DuplicateInvitationException(i.tenantId(), i.target(), i.inviteeKey());
    }

    private static StorageException reused(String what, SQLException cause) {
        return new StorageException(what + " already exists; ids must be unique. Nothing of the write was stored",
                cause);
    }

    private static StorageException unknown(String what, String invitation, String tenant, SQLException cause) {
        return new StorageException(what + " refers to unknown invitation " + invitation + " in tenant " + tenant
                + "; write the invitation first or in the same batch. Nothing of the write was stored", cause);
    }
}
