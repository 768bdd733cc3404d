package io.invitations.core.memory;

import io.invitations.spi.security.KeyRing;
import io.invitations.tck.KeyRingCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

import java.util.concurrent.atomic.AtomicInteger;

/** Runs the key ring kit against the in-memory ring, rotating to and retiring random keys. */
@DisplayName("InMemoryKeyRing keeps the key ring contract")
class InMemoryKeyRingCompatibilityTest extends KeyRingCompatibilityKit {
    private final AtomicInteger generation = new AtomicInteger();

    @Override
    protected KeyRing createRing() {
        return InMemoryKeyRing.random();
    }

    @Override
    protected void rotate(KeyRing ring) {
        ((InMemoryKeyRing) ring).rotate(InMemoryKeyRing.randomKey("gen-" + generation.incrementAndGet()));
    }

    @Override
    protected void retire(KeyRing ring, String keyId) {
        ((InMemoryKeyRing) ring).retire(keyId);
    }
}
