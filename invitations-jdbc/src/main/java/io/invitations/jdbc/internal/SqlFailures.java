package io.invitations.jdbc.internal;

import org.apiguardian.api.API;

import java.sql.SQLException;
import java.util.Set;

/**
 * Reads what kind of failure a {@link SQLException} reports, by SQLState, the same way on
 * PostgreSQL and H2. Batch failures wrap the statement's own exception, so the chain is searched.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class SqlFailures {
    /** Serialization failure, deadlock (PostgreSQL), lock timeout and concurrent update (H2). */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");

    private SqlFailures() {
    }

    /**
     * Returns the first SQLState found on the exception, its next exceptions or its causes.
     *
     * @param e the exception
     * @return the state, or {@code "unknown"}
     */
    public static String state(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SQLException s) {
                if (s.getSQLState() != null) {
                    return s.getSQLState();
                }
                t = s.getNextException() != null ? s.getNextException() : s.getCause();
            } else {
                t = t.getCause();
            }
        }
        return "unknown";
    }

    /**
     * Tells whether a unique constraint or index refused a row.
     *
     * @param state the SQLState
     * @return {@code true} for 23505
     */
    public static boolean isUniqueViolation(String state) {
        return "23505".equals(state);
    }

    /**
     * Tells whether a foreign key refused a row.
     *
     * @param state the SQLState
     * @return {@code true} for 23503 (and H2's 23506 for a missing parent)
     */
    public static boolean isForeignKeyViolation(String state) {
        return "23503".equals(state) || "23506".equals(state);
    }

    /**
     * Tells whether the failure came from concurrent transactions and the same work may succeed if
     * tried again.
     *
     * @param state the SQLState
     * @return {@code true} for serialization failures, deadlocks and lock timeouts
     */
    public static boolean isTransient(String state) {
        return TRANSIENT.contains(state);
    }
}
