package io.invitations.jdbc;

import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The storage compatibility kit, unchanged, on a real PostgreSQL server: one fresh database for the
 * whole kit, migrated once, shared by every check (the kit isolates its checks by tenant).
 */
@DisplayName("JdbcInvitationStore on PostgreSQL passes the storage compatibility kit")
class PostgresInvitationStoreCompatibilityTest extends InvitationStoreCompatibilityKit {
    private static TestDatabase database;
    private static JdbcInvitationStore store;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(JdbcDialect.POSTGRESQL);
        store = database.freshStore();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Override
    protected InvitationStore createStore() {
        return store;
    }
}
