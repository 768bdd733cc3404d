package io.invitations.jdbc.internal;

import io.invitations.jdbc.JdbcConnections;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * One connection from a {@link JdbcConnections} for one operation, given back on {@link #close()}.
 * Runs work as a transaction of its own, or, when the connection belongs to the caller's
 * transaction, inside it under a savepoint, without ever committing, rolling back the whole
 * transaction, or changing the auto-commit mode.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Lease implements AutoCloseable {
    private final JdbcConnections source;
    private final Connection connection;
    private final boolean joined;

    private Lease(JdbcConnections source, Connection connection) {
        this.source = source;
        this.connection = connection;
        this.joined = source.joinsTransaction(connection);
    }

    /**
     * Acquires a connection.
     *
     * @param source where from
     * @return the lease
     * @throws SQLException if no connection can be had
     */
    public static Lease of(JdbcConnections source) throws SQLException {
        return new Lease(source, source.acquire());
    }

    /**
     * Returns the connection.
     *
     * @return the connection
     */
    public Connection connection() {
        return connection;
    }

    /**
     * Tells whether the connection belongs to the caller's transaction.
     *
     * @return {@code true} when the caller's transaction owns it
     */
    public boolean joined() {
        return joined;
    }

    /**
     * Runs work atomically: in a transaction of its own (committed when it returns), or within the
     * caller's transaction under a savepoint that is rolled back when the work fails.
     *
     * @param work the work
     * @param <T>  what it returns
     * @return what the work returned
     * @throws SQLException if the work or the commit fails; its writes are undone
     */
    public <T> T inTransaction(Transaction.Work<T> work) throws SQLException {
        if (!joined) {
            return Transaction.run(connection, work);
        }
        if (connection.getAutoCommit()) {
            // a caller's "transaction" in auto-commit mode: each statement commits as the caller chose
            return work.run(connection);
        }
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return result;
    }

    @Override
    public void close() throws SQLException {
        source.release(connection);
    }
}
