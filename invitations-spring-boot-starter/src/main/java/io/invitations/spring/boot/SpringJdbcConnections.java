package io.invitations.spring.boot;

import io.invitations.jdbc.JdbcConnections;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;

/**
 * The JDBC store's connections with Spring's {@link DataSourceUtils} semantics: inside a Spring
 * transaction ({@code @Transactional}, {@code TransactionTemplate}) on the same {@link DataSource},
 * the store's writes use the transaction's connection and commit or roll back with it; outside one,
 * each operation borrows a connection and commits on its own.
 *
 * <p>Wired by {@link InvitationsJdbcAutoConfiguration}; a host that builds its own
 * {@code JdbcInvitationStore} passes {@code new SpringJdbcConnections(dataSource)} to
 * {@code JdbcInvitationStore.builder(JdbcConnections)}, and
 * {@code JdbcConnections.of(dataSource)} to {@code attemptThrottleConnections} (a failed guess must
 * stay counted when the host rolls back). Thread-safe.
 *
 * @since 0.2.0
 */
public final class SpringJdbcConnections implements JdbcConnections {
    private final DataSource dataSource;

    /**
     * Creates the connection source.
     *
     * @param dataSource the application's data source, the one its transaction manager uses
     */
    public SpringJdbcConnections(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection acquire() {
        return DataSourceUtils.getConnection(dataSource);
    }

    @Override
    public boolean joinsTransaction(Connection connection) {
        return DataSourceUtils.isConnectionTransactional(connection, dataSource);
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    @Override
    public String toString() {
        return "SpringJdbcConnections(" + dataSource.getClass().getSimpleName() + ")";
    }
}
