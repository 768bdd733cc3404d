package io.invitations.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL databases {@link JdbcInvitationStore} knows how to use. Each has its own schema scripts
 * (see {@link JdbcSchema}); the statements the store runs at run time are the same on both.
 *
 * @since 0.1.0
 */
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
     * Returns the classpath folder that holds this dialect's migration scripts, e.g.
     * {@code io/invitations/jdbc/schema/postgresql}.
     *
     * @return the folder, without leading or trailing slash
     */
    public String scriptFolder() {
        return "io/invitations/jdbc/schema/" + resourceFolder;
    }
}
