package io.invitations.spi.security;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.regex.Pattern;

/**
 * A secret key for HMAC-SHA256, with the id that tokens carry. {@link #toString()} shows only the id.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class SigningKey {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String id;
    private final byte[] material;

    private SigningKey(String id, byte[] material) {
        this.id = id;
        this.material = material;
    }

    /**
     * Creates a key.
     *
     * @param id       the key id carried in tokens: 1 to 32 of {@code [A-Za-z0-9_-]}
     * @param material the secret, at least 32 bytes; copied
     * @return the key
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if an argument is missing, the id
     *         has other characters or the secret is too short
     */
    public static SigningKey of(String id, byte[] material) {
        InvitationException.requireValue(id, "key id");
        InvitationException.requireValue(material, "key material");
        if (!ID.matcher(id).matches()) {
            throw InvitationException.invalidValue("key id must be 1 to 32 of A-Z a-z 0-9 _ -: rename the key");
        }
        if (material.length < 32) {
            throw InvitationException.invalidValue("a signing key needs at least 32 bytes, got " + material.length
                    + ": generate 32 random bytes, e.g. `openssl rand -base64 32`");
        }
        return new SigningKey(id, material.clone());
    }

    /**
     * Returns the key id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns a copy of the secret.
     *
     * @return the key material
     */
    public byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && id.equals(k.id) && java.security.MessageDigest.isEqual(material, k.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Shows the id only. */
    @Override
    public String toString() {
        return "SigningKey[id=" + id + "]";
    }
}
