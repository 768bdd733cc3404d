package io.invitations.spring.boot.internal;

import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import io.invitations.spring.boot.InvitationsProperties;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the key ring from {@code invitations.signing.*}: inline keys and the secret-key entries of
 * a key store, one of them active. Every problem is a CONFIGURATION error naming the property and
 * the key id, never the secret.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class KeyRings {
    private KeyRings() {
    }

    /**
     * Builds the ring.
     *
     * @param signing the properties
     * @return the ring: the active key current, the others older keys that still verify
     * @throws InvitationException with CONFIGURATION when a key cannot be read or the active one is missing
     */
    public static KeyRing fromProperties(InvitationsProperties.Signing signing) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        int i = 0;
        for (InvitationsProperties.Signing.Key k : signing.getKeys()) {
            String where = "invitations.signing.keys[" + i++ + "]";
            if (k.getId() == null || k.getSecret() == null) {
                throw configuration(where + " needs both an id and a base64 secret");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(k.getSecret().strip());
            } catch (IllegalArgumentException e) {
                throw configuration(where + ".secret (key '" + k.getId() + "') is not base64; encode at least 32"
                        + " random bytes, e.g. `openssl rand -base64 32`");
            }
            put(keys, where, k.getId(), secret);
        }
        InvitationsProperties.Signing.KeyStore store = signing.getKeyStore();
        if (store.getLocation() != null) {
            loadKeyStore(store, keys);
        }
        if (keys.isEmpty()) {
            throw configuration("invitations.signing.active is '" + signing.getActive() + "' but no key is"
                    + " configured; set invitations.signing.keys[0].id/secret or invitations.signing.key-store.*");
        }
        SigningKey active = signing.getActive() == null ? null : keys.get(signing.getActive());
        if (active == null) {
            throw configuration("invitations.signing.active must name one of the configured keys " + keys.keySet()
                    + ", was '" + signing.getActive() + "'");
        }
        List<SigningKey> older = new ArrayList<>(keys.values());
        older.remove(active);
        return InMemoryKeyRing.of(active, older.toArray(new SigningKey[0]));
    }

    private static void loadKeyStore(InvitationsProperties.Signing.KeyStore store, Map<String, SigningKey> keys) {
        String where = "invitations.signing.key-store";
        char[] password = store.getPassword() == null ? null : store.getPassword().toCharArray();
        char[] keyPassword = store.getKeyPassword() != null ? store.getKeyPassword().toCharArray() : password;
        try (InputStream in = store.getLocation().getInputStream()) {
            KeyStore ks = KeyStore.getInstance(store.getType());
            ks.load(in, password);
            List<String> aliases = store.getAliases().isEmpty() ? Collections.list(ks.aliases())
                    : new ArrayList<>(store.getAliases());
            for (String alias : aliases) {
                if (!ks.containsAlias(alias)) {
                    throw configuration(where + ".aliases names '" + alias + "', which " + store.getLocation()
                            + " does not hold; it holds " + Collections.list(ks.aliases()));
                }
                if (!ks.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    if (store.getAliases().isEmpty()) {
                        continue;
                    }
                    throw configuration(where + ": entry '" + alias + "' is not a secret key; store HMAC keys"
                            + " (keytool -importpass or -genseckey -keyalg HmacSHA256 -keysize 256)");
                }
                KeyStore.Entry entry = ks.getEntry(alias, new KeyStore.PasswordProtection(keyPassword));
                put(keys, where + " entry '" + alias + "'", alias,
                        ((KeyStore.SecretKeyEntry) entry).getSecretKey().getEncoded());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new InvitationException(ErrorCode.CONFIGURATION, where + ": cannot read " + store.getLocation()
                    + " as " + store.getType() + " (" + e.getClass().getSimpleName() + "); check the location, type"
                    + " and password", e);
        }
    }

    private static void put(Map<String, SigningKey> keys, String where, String id, byte[] secret) {
        try {
            SigningKey key;
            try {
                key = SigningKey.of(id, secret);
            } catch (InvitationException e) {
                throw configuration(where + " (key '" + id + "'): " + e.getMessage());
            }
            if (keys.putIfAbsent(id, key) != null) {
                throw configuration(where + ": key id '" + id + "' is configured twice");
            }
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    private static InvitationException configuration(String message) {
        return new InvitationException(ErrorCode.CONFIGURATION, message);
    }
}
