package io.invitations.jdbc;

import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Where the JDBC classes of this module ({@link JdbcInvitationStore}, its migrations,
 * {@link JdbcAttemptThrottle}) get their connections, and whether a connection belongs to a
 * transaction of the caller.
 *
 * <p>The default, {@link #of(DataSource)}, borrows a connection from the data source for each
 * operation, runs the operation's writes as a transaction of their own, commits and closes it.
 *
 * <p>A host whose own transactions should include the store's writes implements this interface the
 * way Spring's {@code DataSourceUtils} behaves:
 * <pre>{@code
 * JdbcConnections spring = new JdbcConnections() {
 *     public Connection acquire() { return DataSourceUtils.getConnection(dataSource); }
 *     public boolean joinsTransaction(Connection c) { return DataSourceUtils.isConnectionTransactional(c, dataSource); }
 *     public void release(Connection c) { DataSourceUtils.releaseConnection(c, dataSource); }
 * };
 * }</pre>
 * When {@link #joinsTransaction(Connection)} answers {@code true}, the module never commits, rolls
 * back, closes or changes the auto-commit mode of that connection: the caller's transaction decides.
 * An operation that fails inside it rolls back to a savepoint it set, so the caller's earlier work
 * survives and the caller may still commit; a host rollback discards every invitation, history
 * entry and outbox message written in the transaction.
 *
 * <p>Implementations must be safe for use by many threads at once.
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface JdbcConnections {
    /**
     * Gets a connection for one operation.
     *
     * @return an open connection, not {@code null}
     * @throws SQLException if none can be had
     */
    Connection acquire() throws SQLException;

    /**
     * Tells whether a connection from {@link #acquire()} takes part in a transaction of the caller.
     *
     * @param connection the connection, not {@code null}
     * @return {@code true} when the caller's transaction owns it: the module then leaves commit,
     *         rollback, closing and auto-commit alone
     */
    boolean joinsTransaction(Connection connection);

    /**
     * Gives back a connection from {@link #acquire()} at the end of an operation.
     *
     * @param connection the connection, not {@code null}
     * @throws SQLException if giving it back fails
     */
    void release(Connection connection) throws SQLException;

    /**
     * Connections borrowed from a data source for each operation and closed after it; no operation
     * ever joins another transaction.
     *
     * @param dataSource the data source, not {@code null}; pooled in production
     * @return the connection source
     */
    static JdbcConnections of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcConnections() {
            @Override
            public Connection acquire() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public boolean joinsTransaction(Connection connection) {
                return false;
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }

            @Override
            public String toString() {
                return "JdbcConnections.of(" + dataSource.getClass().getSimpleName() + ")";
            }
        };
    }
}
