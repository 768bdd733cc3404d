package io.invitations.jdbc;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.tck.support.Race;
import io.invitations.jdbc.internal.Rows;
import io.invitations.jdbc.internal.SchemaScripts;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The schema is built by versioned migrations, and its constraints live in the database")
class SchemaTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("migrate() applies every migration once; calling it again does nothing")
    void migrateIsIdempotent(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = JdbcInvitationStore.builder(db.dataSource()).tablePrefix(db.freshPrefix()).build();

        assertThat(store.migrate()).as("every migration once").isEqualTo(SchemaScripts.MIGRATIONS.size());
        assertThat(store.migrate()).isZero();
        assertThat(store.dialect()).isEqualTo(dialect);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("eight instances migrating one database at once apply each migration exactly once")
    void concurrentMigrationsApplyOnce(JdbcDialect dialect) throws Exception {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshPrefix();
        int instances = 8;
        List<JdbcInvitationStore> stores = new ArrayList<>();
        for (int n = 0; n < instances; n++) {
            stores.add(JdbcInvitationStore.builder(db.newPool()).tablePrefix(prefix).build());
        }
        try (Race race = new Race(instances)) {
            List<Integer> applied = race.collect(n -> stores.get(n)::migrate);
            assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(SchemaScripts.MIGRATIONS.size());
        }
        JdbcInvitationStore store = JdbcInvitationStore.builder(db.dataSource()).tablePrefix(prefix).build();
        Invitation i = Samples.pending(Samples.newTenant(), "after@example.com");
        store.write(WriteBatch.builder().insert(i).build());
        assertThat(store.find(i.tenantId(), i.id())).contains(i);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("the exported DDL builds a working schema that migrate() then finds current, and may run twice")
    void exportedDdlBuildsTheSchema(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshPrefix();
        String ddl = JdbcSchema.ddl(dialect, prefix);
        runScript(db, ddl);
        runScript(db, ddl);

        JdbcInvitationStore store = JdbcInvitationStore.builder(db.dataSource()).tablePrefix(prefix).dialect(dialect)
                .build();
        assertThat(store.migrate()).isZero();
        Invitation i = Samples.pending(Samples.newTenant(), "ddl@example.com");
        store.write(WriteBatch.builder().insert(i).append(Samples.created(i)).build());
        assertThat(store.find(i.tenantId(), i.id())).contains(i);
        assertThat(ddl).contains(prefix + "invitation_open_uq").doesNotContain("${prefix}");
        assertThat(JdbcSchema.scriptResources(dialect)).allSatisfy(r ->
                assertThat(getClass().getClassLoader().getResource(r)).as(r).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a recorded migration that differs from the shipped script stops migrate()")
    void changedScriptIsDetected(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        db.execute("UPDATE " + store.tablePrefix() + "schema_version SET checksum = 1 WHERE version = 1");

        assertThatThrownBy(store::migrate).isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 1").hasMessageContaining("checksum 1");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("stores under two prefixes share one database without seeing each other")
    void prefixesKeepStoresApart(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore one = db.freshStore();
        JdbcInvitationStore two = db.freshStore();
        Invitation i = Samples.pending(Samples.newTenant(), "prefix@example.com");

        one.write(WriteBatch.builder().insert(i).build());
        two.write(WriteBatch.builder().insert(i).build());

        assertThat(one.find(i.tenantId(), i.id())).contains(i);
        assertThat(two.find(i.tenantId(), i.id())).contains(i);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("the database itself refuses a second open invitation and an orphan history row written around the store")
    void constraintsLiveInTheDatabase(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation i = Samples.pending(tenant, "raw@example.com");
        store.write(WriteBatch.builder().insert(i).build());
        String table = store.tablePrefix() + "invitation";
        List<String> columns = new ArrayList<>(List.of("id", "tenant_id"));
        columns.addAll(Rows.INVITATION_VALUES);
        String second = copyOf(table, columns, i, "'copy-1'", "status");
        String closedCopy = copyOf(table, columns, i, "'copy-2'", "'REVOKED'");

        assertThatThrownBy(() -> db.execute(second)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        db.execute(closedCopy);
        assertThatThrownBy(() -> db.execute("INSERT INTO " + store.tablePrefix() + "invitation_history"
                + " (tenant_id, invitation_id, occurred_at, actor, action, to_status)"
                + " VALUES ('other-tenant', '" + i.id() + "', CURRENT_TIMESTAMP, 'u', 'INVITE', 'PENDING')"))
                .isInstanceOf(SQLException.class);
        assertThat(store.findByInvitee(tenant, i.invitee().contact())).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("references of history rows are checked by the database for every row of a multi-row insert, and an "
            + "invitation that history names cannot be deleted (schema V4: one check per statement on PostgreSQL)")
    void referencesAreCheckedPerStatement(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation i = Samples.pending(tenant, "named@example.com");
        store.write(WriteBatch.builder().insert(i).append(Samples.created(i)).build());
        String history = "INSERT INTO " + store.tablePrefix() + "invitation_history"
                + " (tenant_id, invitation_id, occurred_at, actor, action, to_status) VALUES ";
        String good = "('" + tenant + "', '" + i.id() + "', CURRENT_TIMESTAMP, 'u', 'INVITE', 'PENDING')";
        String orphan = "('" + tenant + "', 'nobody', CURRENT_TIMESTAMP, 'u', 'INVITE', 'PENDING')";

        db.execute(history + good + ", " + good);
        assertThatThrownBy(() -> db.execute(history + good + ", " + orphan + ", " + good))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("23503", "23506"));
        assertThatThrownBy(() -> db.execute("DELETE FROM " + store.tablePrefix() + "invitation WHERE id = '" + i.id()
                + "'")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("23503", "23506"));
        assertThat(store.history(tenant, i.id())).hasSize(3);
    }

    @Test
    @DisplayName("H2 in PostgreSQL compatibility mode is detected as H2 and keeps the open-invitation rule")
    void h2InPostgresModeWorks() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:pg_mode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        try {
            JdbcInvitationStore store = JdbcInvitationStore.builder(pool).build();
            store.migrate();
            TenantId tenant = Samples.newTenant();
            Invitation i = Samples.pending(tenant, "mode@example.com");
            store.write(WriteBatch.builder().insert(i).append(Samples.created(i)).build());

            assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
            assertThat(store.find(tenant, i.id())).contains(i);
            assertThatThrownBy(() -> store.write(WriteBatch.builder()
                    .insert(Samples.pending(tenant, "MODE@example.com")).build()))
                    .isInstanceOf(DuplicateInvitationException.class);
        } finally {
            pool.dispose();
        }
    }

    @Test
    @DisplayName("the dialect is detected from the database's product name")
    void dialectIsDetected() {
        assertThat(JdbcDialect.forProductName("PostgreSQL")).contains(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.forProductName("H2")).contains(JdbcDialect.H2);
        assertThat(JdbcDialect.forProductName("MySQL")).isEmpty();
        assertThatThrownBy(() -> JdbcInvitationStore.builder(DATABASES.get(JdbcDialect.H2).dataSource())
                .tablePrefix("1bad;")).isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("1bad;");
    }

    /** Copies a stored row under another id and status with plain SQL, around the store. */
    private static String copyOf(String table, List<String> columns, Invitation i, String id, String status) {
        String values = columns.stream().map(c -> c.equals("id") ? id : c.equals("status") ? status : c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
                + " WHERE id = '" + i.id() + "'";
    }

    /** Runs a script the way a host's SQL tool would: comment lines dropped, statements split at ";". */
    private static void runScript(TestDatabase db, String ddl) throws SQLException {
        String withoutComments = ddl.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : withoutComments.split(";\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }
}
