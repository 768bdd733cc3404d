package io.invitations.jdbc;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-statement reference check of history and outbox rows (a trigger on PostgreSQL) must not
 * keep a plan made while the invitation table was small: such a plan scans the table, or a whole
 * tenant, once per new row, and a bulk then costs time quadratic in the table's size. The check's
 * plan is read with {@code auto_explain} (nested statements, with row counts) on the connection that
 * inserts: first one history row while the table holds one invitation, then one per invitation
 * once the tenant holds {@value #ROWS}.
 */
@DisplayName("The reference check of history rows is planned for the table as it is now")
class ReferenceCheckPlanTest {
    private static final int ROWS = 1_000;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Test
    @DisplayName("after the table grew on the same connection, the check looks each row up by its id, filtering none out")
    void checkFollowsTheTableSize() throws SQLException {
        TestDatabase db = DATABASES.get(JdbcDialect.POSTGRESQL);
        JdbcInvitationStore store = db.freshStore();
        String invitations = store.tablePrefix() + "invitation";
        String history = store.tablePrefix() + "invitation_history";
        TenantId tenant = Samples.newTenant();
        Invitation first = Samples.pending(tenant, "first@example.com");
        store.write(WriteBatch.builder().insert(first).build());
        String appendAll = "INSERT INTO " + history + " (tenant_id, invitation_id, occurred_at, actor, action,"
                + " to_status) SELECT tenant_id, id, created_at, invited_by, 'INVITE', status FROM " + invitations
                + " WHERE tenant_id = ?";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("LOAD 'auto_explain'");
            s.execute("SET auto_explain.log_min_duration = 0");
            s.execute("SET auto_explain.log_nested_statements = on");
            s.execute("SET auto_explain.log_analyze = on");
            s.execute("SET auto_explain.log_level = notice");
            // the first check on this connection, while the table holds one invitation
            assertThat(insertAndExplain(c, appendAll, tenant)).isNotEmpty();

            WriteBatch.Builder more = WriteBatch.builder();
            for (int n = 0; n < ROWS; n++) {
                more.insert(Samples.pending(tenant, "person" + n + "@example.com"));
            }
            store.write(more.build());
            List<String> plans = insertAndExplain(c, appendAll + " AND id <> '" + first.id().value() + "'", tenant);

            assertThat(plans).as("the reference check's plan").isNotEmpty().allSatisfy(plan -> assertThat(plan)
                    .contains("Index Scan using " + invitations + "_id_uq").doesNotContain("Seq Scan on " + invitations)
                    .doesNotContain("Rows Removed by Join Filter").doesNotContain("Materialize"));
        }
        assertThat(store.history(tenant, first.id())).hasSize(1);
    }

    /** Runs the insert and returns the plans auto_explain reported for the reference check. */
    private static List<String> insertAndExplain(Connection c, String sql, TenantId tenant) throws SQLException {
        List<String> plans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.executeUpdate();
            for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                if (w.getMessage().contains("new_rows")) {
                    plans.add(w.getMessage());
                }
            }
        }
        return plans;
    }
}
