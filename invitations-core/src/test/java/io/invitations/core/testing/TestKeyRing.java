package io.invitations.core.testing;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A key ring tests can rotate: the first key is current, the others are still accepted. */
public final class TestKeyRing implements KeyRing {
    private final List<SigningKey> keys = new CopyOnWriteArrayList<>();

    public static TestKeyRing withKey(String id) {
        TestKeyRing ring = new TestKeyRing();
        ring.rotateTo(id);
        return ring;
    }

    public static SigningKey key(String id) {
        byte[] material = ("test material for key " + id + " padded to 32+ bytes").getBytes(StandardCharsets.UTF_8);
        return SigningKey.of(id, material);
    }

    /** Makes a new key current; the older ones stay accepted. */
    public void rotateTo(String id) {
        keys.add(0, key(id));
    }

    /** Stops accepting a key. */
    public void retire(String id) {
        keys.removeIf(k -> k.id().equals(id));
    }

    @Override
    public SigningKey current() {
        if (keys.isEmpty()) {
            throw new InvitationException(ErrorCode.KEY_UNAVAILABLE, "the test ring has no key");
        }
        return keys.get(0);
    }

    @Override
    public Optional<SigningKey> find(String keyId) {
        return keys.stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    @Override
    public List<SigningKey> accepted() {
        current();
        return List.copyOf(keys);
    }
}
