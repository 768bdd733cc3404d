package io.invitations.jdbc.internal;

import io.invitations.jdbc.JdbcConnections;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.storage.Erasure;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies an {@link Erasure} in one transaction: locks the invitation row, stops when it already has
 * the tombstone, otherwise rewrites its personal columns, scrubs the reasons of its history rows
 * (setting {@code erased_at}, the one update the history trigger allows) and the errors of its outbox
 * rows, and appends the erasure's history entry. Two nodes erasing the same invitation queue on the
 * row lock; the second finds the tombstone and changes nothing.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class JdbcErasure {
    private final JdbcConnections connections;
    private final Tables tables;
    private final Statements sql;

    /**
     * Creates the operation.
     *
     * @param connections the connections
     * @param tables      the table names
     * @param sql         the statements
     */
    public JdbcErasure(JdbcConnections connections, Tables tables, Statements sql) {
        this.connections = connections;
        this.tables = tables;
        this.sql = sql;
    }

    /**
     * Erases, as {@link io.invitations.spi.storage.InvitationStore#erase(Erasure)} describes.
     *
     * @param erasure what to erase
     * @return {@code true} if this call erased it
     */
    public boolean erase(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        try (Lease lease = Lease.of(connections)) {
            return lease.inTransaction(c -> apply(c, erasure));
        } catch (SQLException e) {
            throw new StorageException("could not erase invitation " + erasure.invitationId()
                    + ": the database failed (SQLState " + SqlFailures.state(e) + "); nothing was changed", e);
        }
    }

    private boolean apply(Connection c, Erasure e) throws SQLException {
        Invitation before;
        try (PreparedStatement ps = c.prepareStatement(sql.selectInvitations()
                + " WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            new Params(ps).text(e.tenantId().value()).text(e.invitationId().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StorageException("invitation " + e.invitationId() + " does not exist in tenant "
                            + e.tenantId(), null);
                }
                before = Rows.invitation(rs);
            }
        }
        if (before.inviteeKey().equals(e.tombstone().matchKey())) {
            return false;
        }
        List<String> texts = Erasure.personalTexts(before);
        Invitation after = e.apply(before);
        Instant at = e.entry().at();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.invitation()
                + " SET contact_type = 'IDENTIFIER', contact_kind = ?, contact_value = ?, invitee_key = ?,"
                + " first_name = NULL, last_name = NULL, display_name = NULL, personal_message = NULL,"
                + " delivery_error = ?, updated_at = ?, version = ? WHERE tenant_id = ? AND id = ?")) {
            new Params(ps).text(e.tombstone().kind().name()).text(e.tombstone().value()).text(after.inviteeKey())
                    .text(after.delivery().lastError()).instant(after.updatedAt()).number(after.version())
                    .text(e.tenantId().value()).text(e.invitationId().value());
            ps.executeUpdate();
        }
        scrubHistory(c, e, texts, at);
        scrubOutbox(c, e, texts);
        try (PreparedStatement ps = c.prepareStatement(sql.insertHistory())) {
            Rows.bindHistory(new Params(ps), e.entry());
            ps.executeUpdate();
        }
        return true;
    }

    private void scrubHistory(Connection c, Erasure e, List<String> texts, Instant at) throws SQLException {
        List<Object[]> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, reason, accepting_address FROM " + tables.history()
                + " WHERE tenant_id = ? AND invitation_id = ? AND (reason IS NOT NULL OR accepting_address IS NOT NULL)"
                + " AND erased_at IS NULL")) {
            new Params(ps).text(e.tenantId().value()).text(e.invitationId().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(2);
                    String scrubbed = reason == null ? null : Erasure.scrub(reason, texts);
                    if (!java.util.Objects.equals(scrubbed, reason) || rs.getString(3) != null) {
                        changes.add(new Object[] {rs.getLong(1), scrubbed});
                    }
                }
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.history()
                + " SET reason = ?, accepting_address = NULL, erased_at = ? WHERE tenant_id = ? AND seq = ?")) {
            for (Object[] change : changes) {
                new Params(ps).text((String) change[1]).instant(at).text(e.tenantId().value())
                        .number((Long) change[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void scrubOutbox(Connection c, Erasure e, List<String> texts) throws SQLException {
        List<String[]> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, last_error, feedback_detail FROM "
                + tables.outbox() + " WHERE tenant_id = ? AND invitation_id = ?"
                + " AND (last_error IS NOT NULL OR feedback_detail IS NOT NULL)")) {
            new Params(ps).text(e.tenantId().value()).text(e.invitationId().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new String[] {rs.getString(1), Erasure.scrub(rs.getString(2), texts),
                            Erasure.scrub(rs.getString(3), texts)});
                }
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.outbox()
                + " SET last_error = ?, feedback_detail = ? WHERE tenant_id = ? AND id = ?")) {
            for (String[] change : changes) {
                new Params(ps).text(change[1]).text(change[2]).text(e.tenantId().value()).text(change[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
