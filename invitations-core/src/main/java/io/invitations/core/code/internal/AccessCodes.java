package io.invitations.core.code.internal;

import io.invitations.core.code.AccessCode;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import org.apiguardian.api.API;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives and verifies the access codes of identifier invitations. A code is the MAC of
 * {@link TokenSigner#mac} under a key of the {@link KeyRing} over tenant, invitation id and token
 * version with the purpose {@link TokenPurpose#ACCESS_CODE}, which keeps it apart from link tokens;
 * its first {@value AccessCode#BITS} bits become the {@value AccessCode#LENGTH} symbols. Nothing
 * is stored: verifying recomputes the code and compares in constant time. Bumping the invitation's
 * token version changes its code.
 *
 * <p>A code cannot name the key it was made under, so {@link #verify} tries every key of
 * {@link KeyRing#accepted()}: a code revealed before a key rotation keeps working while the ring
 * still accepts the older key.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class AccessCodes {
    private final KeyRing keyRing;

    private AccessCodes(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /**
     * Creates the codes of a key ring.
     *
     * @param keyRing the keys to derive under, not {@code null}
     * @return the codes
     * @throws NullPointerException if {@code keyRing} is null
     */
    public static AccessCodes using(KeyRing keyRing) {
        return new AccessCodes(Objects.requireNonNull(keyRing, "keyRing"));
    }

    /**
     * Derives an invitation's code under the ring's current key.
     *
     * @param tenant       the invitation's tenant, not {@code null}
     * @param invitation   the invitation's id, not {@code null}
     * @param tokenVersion the invitation's token version, at least 1
     * @return the code
     * @throws IllegalArgumentException if the token version is below 1
     * @throws InvitationException      with KEY_UNAVAILABLE when the ring has no key
     */
    public AccessCode derive(TenantId tenant, InvitationId invitation, int tokenVersion) {
        check(tenant, invitation, tokenVersion);
        return derive(keyRing.current(), tenant, invitation, tokenVersion);
    }

    /**
     * Tells whether a typed code is the invitation's code under any accepted key. Input that cannot
     * be a code (see {@link AccessCode#parse(CharSequence)}) does not match.
     *
     * @param tenant       the invitation's tenant, not {@code null}
     * @param invitation   the invitation's id, not {@code null}
     * @param tokenVersion the invitation's current token version, at least 1
     * @param entered      what the invitee typed, may be {@code null}
     * @return {@code true} when it matches
     * @throws IllegalArgumentException if the token version is below 1
     * @throws InvitationException      with KEY_UNAVAILABLE when the ring has no key
     */
    public boolean verify(TenantId tenant, InvitationId invitation, int tokenVersion, CharSequence entered) {
        check(tenant, invitation, tokenVersion);
        Optional<AccessCode> typed = AccessCode.parse(entered);
        List<SigningKey> keys = keyRing.accepted();
        boolean matched = false;
        // every key is tried even after a match, so timing does not tell which key made the code
        for (SigningKey key : keys) {
            AccessCode expected = derive(key, tenant, invitation, tokenVersion);
            matched |= typed.isPresent() && expected.matches(typed.get());
        }
        return matched;
    }

    private static void check(TenantId tenant, InvitationId invitation, int tokenVersion) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(invitation, "invitation");
        if (tokenVersion < 1) {
            throw new IllegalArgumentException("tokenVersion starts at 1, got " + tokenVersion);
        }
    }

    private static AccessCode derive(SigningKey key, TenantId tenant, InvitationId invitation, int tokenVersion) {
        byte[] mac = TokenSigner.mac(key, TokenPurpose.ACCESS_CODE, tenant, invitation.value(), tokenVersion);
        try {
            return fromBits(ByteBuffer.wrap(mac).getLong() >>> (Long.SIZE - AccessCode.BITS));
        } finally {
            Arrays.fill(mac, (byte) 0);
        }
    }

    /**
     * Builds a code from {@value AccessCode#BITS} bits: the low {@value AccessCode#BITS} bits of {@code bits}, most
     * significant symbol first.
     *
     * @param bits the bits; higher bits are ignored
     * @return the code
     */
    public static AccessCode fromBits(long bits) {
        char[] symbols = new char[AccessCode.LENGTH];
        for (int i = AccessCode.LENGTH - 1; i >= 0; i--) {
            symbols[i] = AccessCode.ALPHABET.charAt((int) (bits & 0x1F));
            bits >>>= 5;
        }
        return AccessCode.parse(new String(symbols)).orElseThrow();
    }
}
