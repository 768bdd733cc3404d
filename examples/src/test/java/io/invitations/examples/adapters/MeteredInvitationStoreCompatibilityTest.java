package io.invitations.examples.adapters;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;

/** The host-written wrapper keeps the whole storage contract. */
class MeteredInvitationStoreCompatibilityTest extends InvitationStoreCompatibilityKit {
    @Override
    protected InvitationStore createStore() {
        return new MeteredInvitationStore(new InMemoryInvitationStore());
    }
}
