package io.invitations.jdbc;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;

import static io.invitations.jdbc.Samples.created;
import static io.invitations.jdbc.Samples.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("History is append-only in the database")
class HistoryAppendOnlyTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("a trigger refuses UPDATE and DELETE on the history table, whoever connects; appending still works")
    void refusesUpdateAndDelete(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation i = pending(tenant, "ana@example.com");
        String history = written(store, i, created(i));

        SQLException update = catchThrowableOfType(SQLException.class,
                () -> db.execute("UPDATE " + history + " SET actor = 'someone else'"));
        SQLException delete = catchThrowableOfType(SQLException.class,
                () -> db.execute("DELETE FROM " + history + " WHERE tenant_id = '" + tenant.value() + "'"));

        assertThat((Throwable) update).isNotNull();
        assertThat((Throwable) delete).isNotNull();
        assertThat(rootMessage(update)).contains("append-only");
        assertThat(rootMessage(delete)).contains("append-only");
        Invitation revoked = Samples.moved(i, InvitationStatus.REVOKED);
        store.write(WriteBatch.builder().update(revoked).append(created(revoked)).build());
        assertThat(store.history(tenant, i.id())).hasSize(2).first().extracting(h -> h.actor()).isEqualTo("u-admin");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("the one erasure update may blank the accepting address of an entry, never rewrite it")
    void erasureBlanksButNeverRewritesTheAcceptingAddress(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation i = pending(tenant, "ana@example.com");
        String history = written(store, i, created(i).toBuilder()
                .acceptingAddress(io.invitations.spi.invitation.EmailAddress.of("ana.private@mail.example")).build());

        SQLException rewrite = catchThrowableOfType(SQLException.class, () -> db.execute("UPDATE " + history
                + " SET accepting_address = 'mallory@evil.example', erased_at = CURRENT_TIMESTAMP"));
        assertThat((Throwable) rewrite).isNotNull();
        assertThat(rootMessage(rewrite)).contains("append-only");

        db.execute("UPDATE " + history + " SET accepting_address = NULL, erased_at = CURRENT_TIMESTAMP");
        assertThat(store.history(tenant, i.id())).singleElement()
                .satisfies(h -> assertThat(h.acceptingAddress()).isNull());
    }

    @ParameterizedTest
    @EnumSource(value = JdbcDialect.class, names = "POSTGRESQL")
    @DisplayName("on PostgreSQL TRUNCATE is refused too")
    void refusesTruncate(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();

        SQLException truncate = catchThrowableOfType(SQLException.class,
                () -> db.execute("TRUNCATE " + store.tablePrefix() + "invitation_history"));

        assertThat((Throwable) truncate).isNotNull();
        assertThat(truncate.getSQLState()).isEqualTo("42501");
    }

    /** Stores the invitation with its entry and returns the history table's name. */
    private static String written(JdbcInvitationStore store, Invitation i,
                                  io.invitations.spi.invitation.HistoryEntry entry) {
        store.write(WriteBatch.builder().insert(i).append(entry).build());
        return store.tablePrefix() + "invitation_history";
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
