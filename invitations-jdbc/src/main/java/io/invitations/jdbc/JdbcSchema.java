package io.invitations.jdbc;

import io.invitations.jdbc.internal.SchemaScripts;
import io.invitations.jdbc.internal.Tables;
import org.apiguardian.api.API;

import java.util.List;

/**
 * The database schema of {@link JdbcInvitationStore}, for hosts that run DDL themselves (a DBA, a
 * Flyway or Liquibase pipeline of their own) instead of calling {@link JdbcInvitationStore#migrate()}.
 *
 * <p>The schema is built by versioned migration scripts shipped in the jar, one folder per dialect
 * ({@link #scriptResources(JdbcDialect)}); each script uses {@code ${prefix}} for the table prefix.
 * The applied versions are recorded in the table {@code <prefix>schema_version}, so a host that ran
 * {@link #ddl(JdbcDialect, String)} can later call {@code migrate()} and it finds nothing to do.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class JdbcSchema {
    /** The table prefix used when none is chosen. */
    public static final String DEFAULT_TABLE_PREFIX = "inv_";

    private JdbcSchema() {
    }

    /**
     * Returns the newest schema version this library ships.
     *
     * @return the version, 1 or more
     */
    public static int currentVersion() {
        return SchemaScripts.MIGRATIONS.get(SchemaScripts.MIGRATIONS.size() - 1).version();
    }

    /**
     * Returns the full DDL under the default prefix {@value #DEFAULT_TABLE_PREFIX}, see
     * {@link #ddl(JdbcDialect, String)}.
     *
     * @param dialect the database, not {@code null}
     * @return the SQL text
     */
    public static String ddl(JdbcDialect dialect) {
        return ddl(dialect, DEFAULT_TABLE_PREFIX);
    }

    /**
     * Returns the full DDL of the newest schema: the version table, every migration in order, and
     * the statements that record them as applied. Statements end with {@code ;} and a line break;
     * every statement may be run again without harm.
     *
     * @param dialect     the database, not {@code null}
     * @param tablePrefix the prefix of every table and index name: empty, or a letter followed by at
     *                    most 23 letters, digits or underscores
     * @return the SQL text
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if the prefix is not allowed
     */
    public static String ddl(JdbcDialect dialect, String tablePrefix) {
        Tables tables = Tables.withPrefix(tablePrefix);
        StringBuilder out = new StringBuilder("-- Invitations schema version ").append(currentVersion())
                .append(" for ").append(dialect).append(", tables ").append(tables.prefix()).append("*\n\n");
        out.append(SchemaScripts.createVersionTable(tables)).append(";\n\n");
        for (SchemaScripts.Migration m : SchemaScripts.MIGRATIONS) {
            String template = SchemaScripts.template(dialect, m);
            for (String statement : SchemaScripts.statements(SchemaScripts.render(template, tables))) {
                out.append(statement).append(";\n\n");
            }
            out.append(SchemaScripts.recordVersionLiterally(tables, m, SchemaScripts.checksum(template)))
                    .append(";\n\n");
        }
        return out.toString();
    }

    /**
     * Returns the classpath resources of a dialect's migration scripts, oldest first, e.g.
     * {@code io/invitations/jdbc/schema/postgresql/V1__invitations.sql}. Their {@code ${prefix}}
     * placeholder must be replaced before running them.
     *
     * @param dialect the database, not {@code null}
     * @return the resource paths
     */
    public static List<String> scriptResources(JdbcDialect dialect) {
        return SchemaScripts.MIGRATIONS.stream().map(m -> SchemaScripts.resource(dialect, m)).toList();
    }
}
