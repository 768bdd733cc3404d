package io.invitations.jdbc.internal;

import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on a connection as one transaction: commit when it returns, roll back when it throws,
 * and give the connection back with the auto-commit mode it had.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Transaction {
    /**
     * Work done inside the transaction.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    @API(status = API.Status.INTERNAL, since = "1.0")
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param c the connection, with auto-commit off
         * @return the result
         * @throws SQLException if the database fails
         */
        T run(Connection c) throws SQLException;
    }

    private Transaction() {
    }

    /**
     * Runs the work in one transaction.
     *
     * @param c    the connection
     * @param work the work
     * @param <T>  what it returns
     * @return what the work returned, after commit
     * @throws SQLException if the work or the commit fails; everything is rolled back
     */
    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            // restoring auto-commit on a broken connection must not hide why the work failed
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return result;
    }
}
