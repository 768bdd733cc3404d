package io.invitations.jdbc.internal;

import io.invitations.jdbc.JdbcDialect;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The versioned migration scripts shipped in the jar, one folder per dialect, and how to turn one
 * into statements: replace {@code ${prefix}}, drop comment lines, split at a {@code ;} that ends a
 * line. The scripts hold no other semicolons.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class SchemaScripts {
    /** The placeholder for the table prefix inside the scripts. */
    public static final String PREFIX_PLACEHOLDER = "${prefix}";

    /**
     * One migration.
     *
     * @param version     its number, from 1 up without gaps
     * @param description a short description, stored in the version table
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Migration(int version, String description) {
        /**
         * Returns the script's file name, e.g. {@code V1__invitations.sql}.
         *
         * @return the file name
         */
        public String fileName() {
            return "V" + version + "__" + description + ".sql";
        }
    }

    /** Every migration, oldest first. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(1, "invitations"),
            new Migration(2, "tenant_keys_throttle_append_only"), new Migration(3, "tenant_guard"),
            new Migration(4, "reference_checks_per_statement"), new Migration(5, "delivery_feedback"),
            new Migration(6, "reminders"), new Migration(7, "erasure"),
            new Migration(8, "opt_outs_and_send_limits"), new Migration(9, "accepting_address"),
            new Migration(10, "reference_checks_planned_per_statement"),
            new Migration(11, "send_record_purge_index"));

    private SchemaScripts() {
    }

    /**
     * Returns the classpath resource of a migration.
     *
     * @param dialect   the dialect
     * @param migration the migration
     * @return the resource path, e.g. {@code io/invitations/jdbc/schema/h2/V1__invitations.sql}
     */
    public static String resource(JdbcDialect dialect, Migration migration) {
        return dialect.scriptFolder() + "/" + migration.fileName();
    }

    /**
     * Reads a migration's script as shipped, with the placeholder.
     *
     * @param dialect   the dialect
     * @param migration the migration
     * @return the script text
     * @throws IllegalStateException if the jar lacks the script
     */
    public static String template(JdbcDialect dialect, Migration migration) {
        String resource = resource(dialect, migration);
        try (InputStream in = SchemaScripts.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the invitations-jdbc jar lacks " + resource + "; is it complete?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    /**
     * Returns a checksum of a script as shipped, independent of the prefix.
     *
     * @param template the script text with the placeholder
     * @return the CRC-32 of its UTF-8 bytes
     */
    public static long checksum(String template) {
        CRC32 crc = new CRC32();
        crc.update(template.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Replaces the placeholder with the prefix.
     *
     * @param template the script text
     * @param tables   the table names
     * @return the script for those tables
     */
    public static String render(String template, Tables tables) {
        return template.replace(PREFIX_PLACEHOLDER, tables.prefix());
    }

    /**
     * Splits a script into statements, dropping comment lines.
     *
     * @param script the script text
     * @return the statements, without their terminating semicolons
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * The statement that creates the version table.
     *
     * @param tables the table names
     * @return the SQL text
     */
    public static String createVersionTable(Tables tables) {
        return "CREATE TABLE IF NOT EXISTS " + tables.schemaVersion() + " (\n"
                + "    version     INTEGER      NOT NULL,\n"
                + "    description VARCHAR(200) NOT NULL,\n"
                + "    checksum    BIGINT       NOT NULL,\n"
                + "    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "    CONSTRAINT " + tables.schemaVersion() + "_pk PRIMARY KEY (version)\n"
                + ")";
    }

    /**
     * A statement that records a migration unless it is recorded already, with literal values, for
     * the exported DDL.
     *
     * @param tables    the table names
     * @param migration the migration
     * @param checksum  its checksum
     * @return the SQL text
     */
    public static String recordVersionLiterally(Tables tables, Migration migration, long checksum) {
        return "INSERT INTO " + tables.schemaVersion() + " (version, description, checksum, applied_at)\n"
                + "    SELECT " + migration.version() + ", '" + migration.description() + "', " + checksum
                + ", CURRENT_TIMESTAMP\n    WHERE NOT EXISTS (SELECT 1 FROM " + tables.schemaVersion()
                + " WHERE version = " + migration.version() + ")";
    }
}
