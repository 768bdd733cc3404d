package io.invitations.jdbc;

import io.invitations.jdbc.internal.Lease;
import io.invitations.jdbc.internal.SqlFailures;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL databases {@link JdbcInvitationStore} knows how to use. Each has its own schema scripts
 * (see {@link JdbcSchema}); the statements the store runs at run time are the same on both.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum JdbcDialect {
    /**
     * PostgreSQL 12 or later: a partial unique index keeps one open invitation per invitee, an
     * advisory lock serializes migrations, {@code FOR UPDATE SKIP LOCKED} spreads outbox claims.
     */
    POSTGRESQL("postgresql"),
    /**
     * H2 2.2 or later, embedded or in server mode: a generated column stands in for the partial
     * unique index; migration scripts are idempotent because H2 commits DDL at once.
     */
    H2("h2");

    private final String resourceFolder;

    JdbcDialect(String resourceFolder) {
        this.resourceFolder = resourceFolder;
    }

    /**
     * Returns the dialect for a product name as reported by
     * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}.
     *
     * @param productName the product name, e.g. {@code "PostgreSQL"} or {@code "H2"}; not {@code null}
     * @return the dialect, or empty when the product is not supported
     */
    public static Optional<JdbcDialect> forProductName(String productName) {
        String name = productName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /**
     * Detects the dialect of a database from its metadata, opening one connection.
     *
     * @param connections where connections come from, not {@code null}
     * @return the dialect
     * @throws StorageException if the database cannot be reached or is neither PostgreSQL nor H2
     */
    public static JdbcDialect detect(JdbcConnections connections) {
        String product;
        try (Lease lease = Lease.of(connections)) {
            product = lease.connection().getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StorageException("could not detect the database's dialect: the database failed (SQLState "
                    + SqlFailures.state(e) + ")", e);
        }
        return forProductName(product).orElseThrow(() -> new StorageException("database '" + product
                + "' is not supported; use PostgreSQL or H2, or choose a dialect with Builder.dialect(..) if the"
                + " database is compatible with one", null));
    }

    /**
     * Returns the classpath folder that holds this dialect's migration scripts, e.g.
     * {@code io/invitations/jdbc/schema/postgresql}.
     *
     * @return the folder, without leading or trailing slash
     */
    public String scriptFolder() {
        return "io/invitations/jdbc/schema/" + resourceFolder;
    }
}
