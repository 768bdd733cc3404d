package io.invitations.core.memory;

import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the storage compatibility kit against the embedded default store, a new one per check. */
@DisplayName("InMemoryInvitationStore keeps the storage contract")
class InMemoryInvitationStoreCompatibilityTest extends InvitationStoreCompatibilityKit {
    @Override
    protected InvitationStore createStore() {
        return new InMemoryInvitationStore();
    }
}
