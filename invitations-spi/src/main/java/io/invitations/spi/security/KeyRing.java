package io.invitations.spi.security;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Optional;

/**
 * The keys link tokens and access codes are derived under. New tokens use {@link #current()};
 * tokens made under an older key still verify while {@link #find(String)} returns it. Retiring a
 * key (no longer returning it) kills every token made under it.
 *
 * <p>Implementations must be safe for use by many threads at once and must never log key material.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface KeyRing {
    /**
     * Returns the key for new tokens.
     *
     * @return the current key, never {@code null}
     * @throws io.invitations.spi.InvitationException with code KEY_UNAVAILABLE when no key can be had
     */
    SigningKey current();

    /**
     * Returns a key by id, if it is still accepted.
     *
     * @param keyId the id a token names, not {@code null}
     * @return the key, or empty when unknown or retired
     */
    Optional<SigningKey> find(String keyId);

    /**
     * Returns every key that still verifies, the current one first. Access codes carry no key id,
     * so they are checked against each of these in turn; a ring that keeps older keys for rotation
     * should override this to list them. The default lists only {@link #current()}, so a code
     * revealed under an older key stops working as soon as the current key changes.
     *
     * @return the accepted keys, current first, never empty, never {@code null}
     * @throws io.invitations.spi.InvitationException with code KEY_UNAVAILABLE when no key can be had
     * @since 0.1.0
     */
    default List<SigningKey> accepted() {
        return List.of(current());
    }
}
