package io.invitations.jdbc.internal;

import org.apiguardian.api.API;
import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's trigger on the history table: refuses every UPDATE and DELETE, so history stays append-only
 * in the database, whoever connects. (PostgreSQL uses a PL/pgSQL function instead.) If personal data
 * in history must one day be blanked for erasure, that will be a narrowly allowed update, checked
 * here and in the PostgreSQL function alike.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class AppendOnlyTrigger implements Trigger {
    /** SQLState of the refusal: insufficient privilege, as on PostgreSQL. */
    public static final String REFUSED = "42501";

    /** Creates the trigger; H2 calls this. */
    public AppendOnlyTrigger() {
        // nothing to set up
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("invitation history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", REFUSED);
    }
}
