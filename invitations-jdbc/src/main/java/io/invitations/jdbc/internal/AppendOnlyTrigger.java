package io.invitations.jdbc.internal;

import org.apiguardian.api.API;
import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * H2's trigger on the history table: refuses every DELETE and every UPDATE but one, so history stays
 * append-only in the database, whoever connects. (PostgreSQL uses PL/pgSQL functions instead.) The
 * one allowed UPDATE is an erasure (schema version 6): it sets {@code erased_at} on a row that had
 * none and may change {@code reason} and blank {@code accepting_address} (schema version 9); every
 * other column must stay as it was.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class AppendOnlyTrigger implements Trigger {
    /** SQLState of the refusal: insufficient privilege, as on PostgreSQL. */
    public static final String REFUSED = "42501";

    private String schema;
    private String table;
    private volatile int reason = -1;
    private volatile int erasedAt = -1;
    private volatile int acceptingAddress = -1;

    /** Creates the trigger; H2 calls this. */
    public AppendOnlyTrigger() {
        // set up in init
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        schema = schemaName;
        table = tableName;
        findColumns(conn);
    }

    /** Finds the columns; again at an update when erased_at was added after the trigger was made. */
    private void findColumns(Connection conn) throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int index = rs.getInt("ORDINAL_POSITION") - 1;
                if (name.equals("reason")) {
                    reason = index;
                } else if (name.equals("erased_at")) {
                    erasedAt = index;
                } else if (name.equals("accepting_address")) {
                    acceptingAddress = index;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && (erasedAt < 0 || acceptingAddress < 0)) {
            findColumns(conn);
        }
        if (newRow != null && isErasure(oldRow, newRow)) {
            return;
        }
        throw new SQLException("invitation history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused" + (newRow == null ? "" : " (only one erasure of a reason is allowed)"), REFUSED);
    }

    private boolean isErasure(Object[] oldRow, Object[] newRow) {
        if (erasedAt < 0 || erasedAt >= oldRow.length || oldRow[erasedAt] != null || newRow[erasedAt] == null) {
            return false;
        }
        for (int i = 0; i < oldRow.length; i++) {
            boolean blanked = i == acceptingAddress && newRow[i] == null;
            if (i != reason && i != erasedAt && !blanked && !Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
