package io.invitations.core.token.internal;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import org.apiguardian.api.API;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and verifies tokens: {@code prefix.keyId.tenant.subject.version.mac}, where tenant and
 * subject are base64url and the MAC is HMAC-SHA256 under the named key over the purpose, tenant,
 * subject and version. Verification needs only the key ring, so it runs before any storage is read;
 * it compares in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Thread-safe. Never logs.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class TokenSigner {
    /** The longest token {@link #verify} considers; longer input is refused unread. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyRing keyRing;

    /**
     * Creates a signer over a key ring.
     *
     * @param keyRing the keys, not {@code null}
     */
    public TokenSigner(KeyRing keyRing) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
    }

    /**
     * Returns the key ring it signs with; erasure derives tenant keys from it.
     *
     * @return the key ring
     */
    public KeyRing keyRing() {
        return keyRing;
    }

    /**
     * Issues a token under the key ring's current key.
     *
     * @param purpose   what the token is for, not {@code null}
     * @param tenantId  the tenant, not {@code null}
     * @param subjectId what it opens, not blank
     * @param version   the token version, at least 1
     * @return the token; a secret
     * @throws io.invitations.spi.InvitationException with KEY_UNAVAILABLE if the ring has no key
     */
    public String issue(TokenPurpose purpose, TenantId tenantId, String subjectId, int version) {
        SigningKey key = keyRing.current();
        byte[] mac = mac(key, purpose, tenantId, subjectId, version);
        return purpose.prefix() + '.' + key.id() + '.' + encode(tenantId.value()) + '.' + encode(subjectId) + '.'
                + version + '.' + ENCODER.encodeToString(mac);
    }

    /**
     * Verifies a token: its shape, its purpose, that its key is still in the ring, and its MAC.
     *
     * @param purpose the purpose the token must have, not {@code null}
     * @param token   the token as received, may be {@code null}
     * @return what the token says, or empty when it is not valid for any reason
     */
    public Optional<TokenClaims> verify(TokenPurpose purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 6 || !parts[0].equals(purpose.prefix())) {
            return Optional.empty();
        }
        try {
            String tenant = decode(parts[2]);
            String subject = decode(parts[3]);
            int version = parseVersion(parts[4]);
            byte[] presented = DECODER.decode(parts[5]);
            if (!ENCODER.encodeToString(presented).equals(parts[5])) {
                return Optional.empty();
            }
            if (tenant.isBlank() || tenant.length() > 128 || subject.isBlank() || version < 1) {
                return Optional.empty();
            }
            Optional<SigningKey> key = keyRing.find(parts[1]);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            TenantId tenantId = TenantId.of(tenant);
            byte[] expected = mac(key.get(), purpose, tenantId, subject, version);
            if (!MessageDigest.isEqual(expected, presented)) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(purpose, tenantId, subject, version, parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Computes the MAC a token or access code is derived from: HMAC-SHA256 under {@code key} over
     * the purpose, tenant, subject and version, each length-prefixed so no two inputs collide.
     *
     * @param key       the key, not {@code null}
     * @param purpose   what the secret is for, not {@code null}
     * @param tenantId  the tenant, not {@code null}
     * @param subjectId what it opens, not {@code null}
     * @param version   the version
     * @return 32 bytes; a secret
     */
    public static byte[] mac(SigningKey key, TokenPurpose purpose, TenantId tenantId, String subjectId, int version) {
        byte[] p = purpose.name().getBytes(StandardCharsets.UTF_8);
        byte[] t = tenantId.value().getBytes(StandardCharsets.UTF_8);
        byte[] s = subjectId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(16 + p.length + t.length + s.length);
        input.putInt(p.length).put(p).putInt(t.length).put(t).putInt(s.length).put(s).putInt(version);
        return KEYED_MAC.get().macFor(key).doFinal(input.array());
    }

    /**
     * Each thread keeps the {@link Mac} of the key it used last: keying a {@code Mac} costs several
     * times the HMAC itself, and a service signs under one current key almost always.
     */
    private static final ThreadLocal<KeyedMac> KEYED_MAC = ThreadLocal.withInitial(KeyedMac::new);

    /** One thread's keyed {@code Mac}; never shared between threads. */
    private static final class KeyedMac {
        private SigningKey key;
        private Mac mac;

        Mac macFor(SigningKey wanted) {
            if (mac == null || !wanted.equals(key)) {
                try {
                    Mac fresh = Mac.getInstance(ALGORITHM);
                    fresh.init(new SecretKeySpec(wanted.material(), ALGORITHM));
                    mac = fresh;
                    key = wanted;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
                }
            }
            return mac;
        }
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes base64url text, refusing non-canonical spellings (the decoder ignores the spare bits of
     * the last character) so that each claim has exactly one token.
     */
    private static String decode(String part) {
        String text = new String(DECODER.decode(part), StandardCharsets.UTF_8);
        if (!encode(text).equals(part)) {
            throw new IllegalArgumentException("not canonical");
        }
        return text;
    }

    private static int parseVersion(String part) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                || part.charAt(0) == '0') {
            throw new IllegalArgumentException("bad version");
        }
        return Integer.parseInt(part);
    }
}
