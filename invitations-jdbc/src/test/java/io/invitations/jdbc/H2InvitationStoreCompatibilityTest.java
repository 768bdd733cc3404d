package io.invitations.jdbc;

import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The storage compatibility kit, unchanged, on an in-memory H2 database: one fresh database for the
 * whole kit, migrated once, shared by every check (the kit isolates its checks by tenant).
 */
@DisplayName("JdbcInvitationStore on H2 passes the storage compatibility kit")
class H2InvitationStoreCompatibilityTest extends InvitationStoreCompatibilityKit {
    private static TestDatabase database;
    private static JdbcInvitationStore store;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(JdbcDialect.H2);
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
