package io.invitations.core.memory;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import org.apiguardian.api.API;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeyRing} held in memory: one current key for new tokens plus older keys that still verify
 * until {@link #retire(String) retired}. {@link #random()} makes a ring with one random key, the
 * embedded default: links made under it die with the process.
 *
 * <p>Thread-safe. Never logs key material.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemoryKeyRing implements KeyRing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SigningKey> keys = new LinkedHashMap<>();
    private SigningKey current;

    private InMemoryKeyRing(SigningKey current) {
        this.current = current;
        keys.put(current.id(), current);
    }

    /**
     * Creates a ring whose current key is {@code current}, with older keys that still verify.
     *
     * @param current the key for new tokens, not {@code null}
     * @param older   keys whose tokens still verify
     * @return the ring
     */
    public static InMemoryKeyRing of(SigningKey current, SigningKey... older) {
        InMemoryKeyRing ring = new InMemoryKeyRing(Objects.requireNonNull(current, "current"));
        for (SigningKey k : older) {
            ring.keys.putIfAbsent(k.id(), k);
        }
        return ring;
    }

    /**
     * Creates a ring with one random 256-bit key.
     *
     * @return the ring
     */
    public static InMemoryKeyRing random() {
        return new InMemoryKeyRing(randomKey("k" + Long.toHexString(RANDOM.nextLong() >>> 4)));
    }

    /**
     * Creates a random 256-bit key.
     *
     * @param id the key's id
     * @return the key
     */
    public static SigningKey randomKey(String id) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return SigningKey.of(id, material);
    }

    @Override
    public synchronized SigningKey current() {
        if (current == null) {
            throw new InvitationException(ErrorCode.KEY_UNAVAILABLE,
                    "the key ring has no current key; rotate to a new key before issuing links");
        }
        return current;
    }

    @Override
    public synchronized Optional<SigningKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /**
     * {@inheritDoc} The current key first, then the older keys that still verify, oldest first.
     *
     * @throws InvitationException with KEY_UNAVAILABLE when the current key was retired
     */
    @Override
    public synchronized List<SigningKey> accepted() {
        List<SigningKey> accepted = new ArrayList<>(keys.size());
        accepted.add(current());
        keys.values().stream().filter(k -> !k.id().equals(current.id())).forEach(accepted::add);
        return List.copyOf(accepted);
    }

    /**
     * Makes a key current; the previous current key keeps verifying until retired.
     *
     * @param key the new current key, not {@code null}
     */
    public synchronized void rotate(SigningKey key) {
        keys.put(key.id(), key);
        current = key;
    }

    /**
     * Retires a key: tokens made under it stop verifying. Retiring the current key leaves the ring
     * without one until the next {@link #rotate}.
     *
     * @param keyId the key's id
     */
    public synchronized void retire(String keyId) {
        keys.remove(keyId);
        if (current != null && current.id().equals(keyId)) {
            current = null;
        }
    }

    /**
     * Returns the ids of the keys that still verify.
     *
     * @return the ids, oldest first
     */
    public synchronized List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public synchronized String toString() {
        return "InMemoryKeyRing" + keys.keySet();
    }
}
