package io.invitations.examples.adapters;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;

/**
 * The storage compatibility kit, pointed at the host-written {@link MeteredInvitationStore}: every
 * rule of the storage contract, checked against the wrapper. The tour runs it through the JUnit
 * Platform Launcher; the build runs it as {@code MeteredInvitationStoreCompatibilityTest}.
 */
public class MeteredInvitationStoreCompatibility extends InvitationStoreCompatibilityKit {
    /** Creates the kit; JUnit calls this once per check. */
    public MeteredInvitationStoreCompatibility() {
    }

    @Override
    protected InvitationStore createStore() {
        return new MeteredInvitationStore(new InMemoryInvitationStore());
    }
}
