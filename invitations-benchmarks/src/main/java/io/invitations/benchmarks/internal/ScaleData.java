package io.invitations.benchmarks.internal;

import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.WriteBatch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bulk-loads a large invitation table into PostgreSQL for the scale figures, in the database, not
 * through the engine: one invitation is written through the store as a template, then
 * {@code INSERT ... SELECT ... FROM generate_series} copies it {@code n} times with its own id,
 * tenant, invitee, status and times, and every sent invitation gets a delivered outbox message.
 *
 * <p>Invitation {@code g} (1 to {@code n}) is {@code inv-g} in tenant
 * {@code tenant-((g / 100) mod tenants)} (so every tenant holds whole runs of 100 and every status),
 * for {@code person-g@example.com}; by {@code g mod 100}: 0–59 ACCEPTED, 60–74 PENDING, 75–84
 * EXPIRED, 85–91 REVOKED, 92–96 DECLINED, 97–99 PROVISIONED. Due work, each about 1 % or less:
 * <ul>
 *   <li>{@code g mod 100 = 60}: PENDING with an outbox message due now ({@code n / 100} messages);</li>
 *   <li>{@code g mod 100 = 61} and {@code (g / 100) mod 5 = 0}: PENDING past its expiry
 *       ({@code n / 500}).</li>
 * </ul>
 */
public final class ScaleData {
    /** The instant the data is built around; run the engine with a clock fixed here. */
    public static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final DataSource dataSource;
    private final String prefix;

    /**
     * Prepares a loader.
     *
     * @param dataSource where the tables are
     * @param prefix     the store's table prefix
     */
    public ScaleData(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.prefix = prefix;
    }

    /**
     * Names the tenant of invitation {@code g}.
     *
     * @param g       the invitation's number
     * @param tenants how many tenants
     * @return the tenant
     */
    public static TenantId tenant(long g, int tenants) {
        return TenantId.of("tenant-" + ((g / 100) % tenants));
    }

    /**
     * Loads the data and analyses the tables.
     *
     * @param store   a migrated store on {@code dataSource} with {@code prefix}
     * @param n       how many invitations
     * @param tenants over how many tenants
     * @throws SQLException when a statement fails
     */
    public void load(JdbcInvitationStore store, int n, int tenants) throws SQLException {
        Invitation template = new SampleInvitations().next();
        store.write(WriteBatch.builder().insert(template).build());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> columns = columns(c, prefix + "invitation");
            String email = template.invitee().emailOrNull().value();
            Map<String, String> overrides = Map.ofEntries(
                    Map.entry("id", "'inv-' || g"),
                    Map.entry("tenant_id", "'tenant-' || ((g / 100) % " + tenants + ")"),
                    Map.entry("contact_value", "replace(t.contact_value, '" + email + "', 'person-' || g || '@example.com')"),
                    Map.entry("invitee_key", "replace(t.invitee_key, '" + email + "', 'person-' || g || '@example.com')"),
                    Map.entry("status", "CASE WHEN g % 100 < 60 THEN 'ACCEPTED' WHEN g % 100 < 75 THEN 'PENDING'"
                            + " WHEN g % 100 < 85 THEN 'EXPIRED' WHEN g % 100 < 92 THEN 'REVOKED'"
                            + " WHEN g % 100 < 97 THEN 'DECLINED' ELSE 'PROVISIONED' END"),
                    Map.entry("created_at", "t.created_at - make_interval(secs => g % 86400)"),
                    Map.entry("updated_at", "t.created_at - make_interval(secs => g % 86400)"),
                    Map.entry("invited_at", "t.created_at - make_interval(secs => g % 86400)"),
                    Map.entry("expires_at", "CASE WHEN g % 100 = 61 AND (g / 100) % 5 = 0"
                            + " THEN t.created_at - interval '1 hour'"
                            + " ELSE t.created_at - make_interval(secs => g % 86400) + interval '7 days' END"));
            String select = columns.stream().map(col -> overrides.getOrDefault(col, "t." + col))
                    .collect(Collectors.joining(", "));
            s.execute("INSERT INTO " + prefix + "invitation (" + String.join(", ", columns) + ") SELECT " + select
                    + " FROM " + prefix + "invitation t CROSS JOIN generate_series(1, " + n + ") AS g"
                    + " WHERE t.tenant_id = '" + template.tenantId().value() + "' AND t.id = '" + template.id().value()
                    + "'");
            s.execute("INSERT INTO " + prefix + "outbox (id, tenant_id, invitation_id, kind, send_number, status,"
                    + " attempts, next_attempt_at, last_error, created_at, updated_at)"
                    + " SELECT i.id || '#1', i.tenant_id, i.id, 'INVITATION', 1,"
                    + " CASE WHEN i.status = 'PENDING' AND substr(i.id, 5)::bigint % 100 = 60 THEN 'PENDING'"
                    + " ELSE 'DELIVERED' END,"
                    + " CASE WHEN i.status = 'PENDING' AND substr(i.id, 5)::bigint % 100 = 60 THEN 0 ELSE 1 END,"
                    + " i.created_at, NULL, i.created_at, i.created_at FROM " + prefix + "invitation i"
                    + " WHERE i.id LIKE 'inv-%' AND i.status <> 'PROVISIONED'");
            s.execute("VACUUM ANALYZE " + prefix + "invitation");
            s.execute("VACUUM ANALYZE " + prefix + "outbox");
        }
    }

    /**
     * Counts rows of a table that match a condition.
     *
     * @param table the table name without prefix
     * @param where the condition
     * @return the count
     * @throws SQLException when the query fails
     */
    public long count(String table, String where) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + prefix + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * One column of the first {@code count} invitations of one tenant (by id), e.g. the invitees'
     * match keys ({@code invitee_key}) or addresses ({@code contact_value}).
     *
     * @param tenant the tenant
     * @param column the column
     * @param count  how many
     * @return the values
     * @throws SQLException when the query fails
     */
    public List<String> column(TenantId tenant, String column, int count) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + column + " FROM " + prefix + "invitation WHERE tenant_id = ? ORDER BY id LIMIT ?")) {
            ps.setString(1, tenant.value());
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /**
     * Finds the open invitations of many invitees of one tenant and target in one statement: the
     * SQL a batch lookup runs (the store SPI has one lookup per invitee so far).
     *
     * @param c          the connection
     * @param tenant     the tenant
     * @param targetType the target's type
     * @param targetId   the target's id
     * @param keys       the invitees' match keys
     * @return how many open invitations were found
     * @throws SQLException when the query fails
     */
    public int findOpen(Connection c, TenantId tenant, String targetType, String targetId, List<String> keys)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(openLookupSql())) {
            ps.setString(1, tenant.value());
            ps.setString(2, targetType);
            ps.setString(3, targetId);
            ps.setArray(4, c.createArrayOf("varchar", keys.toArray()));
            int found = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            return found;
        }
    }

    /**
     * The SQL of {@link #findOpen}: one statement for all invitees, served by the partial unique
     * index on open invitations.
     *
     * @return the SQL text
     */
    public String openLookupSql() {
        return "SELECT * FROM " + prefix + "invitation WHERE tenant_id = ? AND target_type = ? AND target_id = ?"
                + " AND invitee_key = ANY (?) AND status IN ('PROVISIONED', 'PENDING', 'AWAITING_APPROVAL')";
    }

    /**
     * How long since a start, in milliseconds.
     *
     * @param startNanos from {@link System#nanoTime()}
     * @return the milliseconds
     */
    public static double millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e6;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
