package io.invitations.jdbc.internal;

import org.apiguardian.api.API;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL text the store runs, written once per table prefix. Portable between PostgreSQL and H2:
 * standard {@code FETCH FIRST}, {@code OFFSET ... ROWS}, {@code FOR UPDATE SKIP LOCKED}.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Statements {
    /** The open statuses, as an SQL list. */
    public static final String OPEN_STATUSES = "('PROVISIONED', 'PENDING', 'AWAITING_APPROVAL')";

    private final Tables tables;
    private final String invitationColumns;
    private final String insertInvitation;
    private final String updateInvitation;
    private final String linkColumns;
    private final String insertLink;
    private final String updateLink;
    private final String insertOutbox;
    private final String insertHistory;

    /**
     * Writes the statements for a set of tables.
     *
     * @param tables the table names
     */
    public Statements(Tables tables) {
        this.tables = tables;
        invitationColumns = "id, tenant_id, " + String.join(", ", Rows.INVITATION_VALUES);
        insertInvitation = insert(tables.invitation(), invitationColumns, Rows.INVITATION_VALUES.size() + 2);
        updateInvitation = "UPDATE " + tables.invitation() + " SET " + assignments(Rows.INVITATION_VALUES)
                + " WHERE id = ? AND tenant_id = ? AND version = ?";
        linkColumns = "id, tenant_id, " + String.join(", ", Rows.LINK_VALUES);
        insertLink = insert(tables.link(), linkColumns, Rows.LINK_VALUES.size() + 2);
        updateLink = "UPDATE " + tables.link() + " SET " + assignments(Rows.LINK_VALUES)
                + " WHERE id = ? AND tenant_id = ? AND version = ?";
        insertOutbox = insert(tables.outbox(), String.join(", ", Rows.OUTBOX), Rows.OUTBOX.size());
        insertHistory = insert(tables.history(), String.join(", ", Rows.HISTORY), Rows.HISTORY.size());
    }

    /**
     * Returns the table names.
     *
     * @return the tables
     */
    public Tables tables() {
        return tables;
    }

    /**
     * {@code SELECT <invitation columns> FROM <invitation table>}, to be followed by a WHERE clause.
     *
     * @return the SQL text
     */
    public String selectInvitations() {
        return "SELECT " + invitationColumns + " FROM " + tables.invitation();
    }

    /**
     * Inserts one invitation: {@code id, tenant_id}, then {@link Rows#INVITATION_VALUES}.
     *
     * @return the SQL text
     */
    public String insertInvitation() {
        return insertInvitation;
    }

    /**
     * Compare-and-set update: {@link Rows#INVITATION_VALUES}, then {@code id, tenant_id} and the expected version.
     *
     * @return the SQL text
     */
    public String updateInvitation() {
        return updateInvitation;
    }

    /**
     * {@code SELECT <link columns> FROM <link table>}, to be followed by a WHERE clause.
     *
     * @return the SQL text
     */
    public String selectLinks() {
        return "SELECT " + linkColumns + " FROM " + tables.link();
    }

    /**
     * Inserts one link: {@code id, tenant_id}, then {@link Rows#LINK_VALUES}.
     *
     * @return the SQL text
     */
    public String insertLink() {
        return insertLink;
    }

    /**
     * Compare-and-set update: {@link Rows#LINK_VALUES}, then {@code id, tenant_id} and the expected version.
     *
     * @return the SQL text
     */
    public String updateLink() {
        return updateLink;
    }

    /**
     * {@code SELECT <outbox columns> FROM <outbox table>}, to be followed by a WHERE clause.
     *
     * @return the SQL text
     */
    public String selectOutbox() {
        return "SELECT " + String.join(", ", Rows.OUTBOX) + " FROM " + tables.outbox();
    }

    /**
     * Inserts one outbox message: {@link Rows#OUTBOX}.
     *
     * @return the SQL text
     */
    public String insertOutbox() {
        return insertOutbox;
    }

    /**
     * Records a claimed message's outcome if it is still PENDING with the same attempts: status,
     * attempts, next attempt, last error, updated, provider message id, sent; then id, tenant and the
     * expected attempts.
     *
     * @return the SQL text
     */
    public String updateOutboxOutcome() {
        return "UPDATE " + tables.outbox() + " SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                + " updated_at = ?, provider_message_id = ?, sent_at = ?"
                + " WHERE id = ? AND tenant_id = ? AND status = 'PENDING' AND attempts = ?";
    }

    /**
     * Records one step of delivery feedback on a message, column by column so that concurrent reports
     * both stay: the step's column (the first report counts, a soft bounce the latest) and the
     * detail; parameters instant and detail, then id and tenant.
     *
     * @param step DELIVERED, SOFT_BOUNCED, HARD_BOUNCED or COMPLAINED
     * @return the SQL text
     */
    public String recordFeedback(io.invitations.spi.storage.OutboxMessage.DeliveryStep step) {
        String set = switch (step) {
            case DELIVERED -> "delivered_at = COALESCE(delivered_at, ?), feedback_detail = COALESCE(feedback_detail, ?)";
            case SOFT_BOUNCED -> "soft_bounced_at = ?, feedback_detail = ?";
            case HARD_BOUNCED -> "hard_bounced_at = COALESCE(hard_bounced_at, ?), feedback_detail = ?";
            case COMPLAINED -> "complained_at = COALESCE(complained_at, ?), feedback_detail = ?";
            default -> throw new IllegalArgumentException("not a feedback step: " + step);
        };
        return "UPDATE " + tables.outbox() + " SET " + set + " WHERE id = ? AND tenant_id = ?";
    }

    /**
     * Selects the outbox message with an id or a provider message id: the reference twice.
     *
     * @return the SQL text
     */
    public String selectOutboxByReference() {
        return selectOutbox() + " WHERE id = ? UNION ALL " + selectOutbox()
                + " WHERE provider_message_id = ? AND id <> ?";
    }

    /**
     * Selects the funnel facts of a tenant's invitations sent in a period: tenant, from, until.
     * Served by the {@code (tenant_id, invited_at)} index; the first OPEN entry by the history's
     * {@code (tenant_id, invitation_id, seq)} index.
     *
     * @return the SQL text
     */
    public String selectFunnel() {
        return "SELECT i.id, i.invited_by, i.source_kind, i.source_ref, i.contact_type, i.invited_at,"
                + " i.delivery_delivered_at, i.delivery_status, i.status, i.responded_at,"
                + " (SELECT MIN(h.occurred_at) FROM " + tables.history() + " h WHERE h.tenant_id = i.tenant_id"
                + " AND h.invitation_id = i.id AND h.action = 'OPEN') AS opened_at"
                + " FROM " + tables.invitation() + " i"
                + " WHERE i.tenant_id = ? AND i.invited_at IS NOT NULL AND i.invited_at >= ? AND i.invited_at < ?";
    }

    /**
     * Selects due PENDING messages and locks them, skipping those another worker holds: the instant
     * and the limit.
     *
     * @return the SQL text
     */
    public String lockDueOutbox() {
        return selectOutbox() + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    }

    /**
     * Selects due PENDING messages without locking them (a statement over every tenant, which a
     * distributed PostgreSQL cannot lock in): the instant and the limit.
     *
     * @return the SQL text
     */
    public String readDueOutbox() {
        return selectOutbox() + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Locks named due outbox messages of one tenant, skipping rows other workers hold: parameters
     * tenant id, the {@code count} ids, now.
     *
     * @param count how many ids, at least 1
     * @return the SQL text
     */
    public String lockDueOutbox(int count) {
        return selectOutbox() + " WHERE tenant_id = ? AND id IN (" + String.join(", ", Collections.nCopies(count, "?"))
                + ") AND status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id FOR UPDATE SKIP LOCKED";
    }

    /**
     * Claims one message if no one else did: attempts, next attempt, updated; then tenant, id and
     * the attempts it had when selected.
     *
     * @return the SQL text
     */
    public String claimOutbox() {
        return "UPDATE " + tables.outbox() + " SET attempts = ?, next_attempt_at = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'PENDING' AND attempts = ?";
    }

    /**
     * Inserts one history entry: {@link Rows#HISTORY}.
     *
     * @return the SQL text
     */
    public String insertHistory() {
        return insertHistory;
    }

    /**
     * Reads one invitation's history in order: tenant and invitation id.
     *
     * @return the SQL text
     */
    public String selectHistory() {
        return "SELECT " + String.join(", ", Rows.HISTORY) + " FROM " + tables.history()
                + " WHERE tenant_id = ? AND invitation_id = ? ORDER BY seq";
    }

    /**
     * Lists {@code n} question marks separated by commas, for an IN list.
     *
     * @param n how many
     * @return the text, e.g. {@code ?, ?, ?}
     */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String insert(String table, String columns, int count) {
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks(count) + ")";
    }

    private static String assignments(List<String> columns) {
        return columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    }
}
