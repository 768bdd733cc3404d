package io.invitations.tck;

import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The contract of {@link KeyRing} as JUnit 5 checks: one stable current key that is also found by
 * its id; rotation makes a new key current while the old ones keep verifying (found by id and
 * listed by {@link KeyRing#accepted()}, current first); a retired key is found no more; no key
 * material shows in the ring's {@code toString()}.
 *
 * <p>The SPI only reads keys; the kit changes them through {@link #rotate(KeyRing)} and
 * {@link #retire(KeyRing, String)}, which an adapter implements with its own administration:
 *
 * <pre>{@code
 * class VaultKeyRingCompatibilityTest extends KeyRingCompatibilityKit {
 *     protected KeyRing createRing() {
 *         return VaultKeyRing.connect(TestVault.client(), "tck-" + UUID.randomUUID());
 *     }
 *     protected void rotate(KeyRing ring) {
 *         ((VaultKeyRing) ring).rotate();
 *     }
 * }
 * }</pre>
 *
 * <p>A ring that cannot retire keys keeps the default {@link #retire}; the retirement checks are
 * then skipped, not failed.
 *
 * @since 0.1.0
 */
public abstract class KeyRingCompatibilityKit {
    /** How many threads read the current key at once. */
    protected static final int RACERS = 64;

    /** The ring under test, new for each check. */
    protected KeyRing ring;

    /**
     * Creates a ring with a current key. Called once before each check.
     *
     * @return a ring, ready to use
     */
    protected abstract KeyRing createRing();

    /**
     * Makes a new key current; the previous current key must keep verifying.
     *
     * @param ring the ring {@link #createRing()} returned
     */
    protected abstract void rotate(KeyRing ring);

    /**
     * Retires a key, so that tokens made under it stop verifying. The default aborts the calling
     * check (it is reported as skipped): override it if the ring can retire keys.
     *
     * @param ring  the ring {@link #createRing()} returned
     * @param keyId the key to retire, never the current one
     */
    protected void retire(KeyRing ring, String keyId) {
        abort("this ring cannot retire keys");
    }

    @BeforeEach
    void createTheRing() {
        ring = createRing();
    }

    @Nested
    @DisplayName("the current key")
    class Current {
        @Test
        @DisplayName("is the same key at every call until a rotation")
        void currentIsStable() {
            SigningKey first = ring.current();

            assertThat(first).isNotNull();
            assertThat(ring.current()).isEqualTo(first);
            assertThat(ring.current().material()).isEqualTo(first.material());
        }

        @Test
        @DisplayName("is found by its id, with the same material")
        void currentIsFoundById() {
            SigningKey current = ring.current();

            assertThat(ring.find(current.id())).contains(current);
            assertThat(ring.find(current.id()).orElseThrow().material()).isEqualTo(current.material());
        }

        @Test
        @DisplayName("is listed first by accepted(), and no key is listed twice")
        void acceptedStartsWithTheCurrentKey() {
            List<SigningKey> accepted = ring.accepted();

            assertThat(accepted).isNotEmpty().doesNotHaveDuplicates();
            assertThat(accepted.get(0)).isEqualTo(ring.current());
            assertThat(accepted).extracting(SigningKey::id).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("an unknown id is not found")
        void unknownIdIsNotFound() {
            assertThat(ring.find("tck-no-such-key")).isEmpty();
        }

        @Test
        @DisplayName("64 threads reading the current key at once all get the same key")
        void racingReadsAgree() {
            SigningKey expected = ring.current();
            List<SigningKey> seen;
            try (Race race = new Race(RACERS)) {
                seen = race.collect(n -> ring::current);
            }

            assertThat(seen).containsOnly(expected);
        }
    }

    @Nested
    @DisplayName("rotation")
    class Rotation {
        @Test
        @DisplayName("makes a key with a new id and new material current")
        void rotationChangesTheCurrentKey() {
            SigningKey before = ring.current();

            rotate(ring);

            SigningKey after = ring.current();
            assertThat(after.id()).isNotEqualTo(before.id());
            assertThat(after.material()).isNotEqualTo(before.material());
        }

        @Test
        @DisplayName("keeps the previous key verifiable: found by id with the same material")
        void previousKeyIsStillFound() {
            SigningKey before = ring.current();

            rotate(ring);

            assertThat(ring.find(before.id())).as("the previous key").contains(before);
            assertThat(ring.find(before.id()).orElseThrow().material()).isEqualTo(before.material());
        }

        @Test
        @DisplayName("lists the current key first and every previous key after it in accepted()")
        void acceptedListsEveryVerifyingKey() {
            List<SigningKey> keys = new ArrayList<>();
            keys.add(ring.current());
            for (int n = 0; n < 3; n++) {
                rotate(ring);
                keys.add(ring.current());
            }

            List<SigningKey> accepted = ring.accepted();
            assertThat(accepted.get(0)).isEqualTo(keys.get(keys.size() - 1));
            assertThat(accepted).doesNotHaveDuplicates().containsAll(keys);
            assertThat(keys).extracting(SigningKey::id).doesNotHaveDuplicates();
            assertThat(keys).allSatisfy(k -> assertThat(ring.find(k.id())).as("%s", k).contains(k));
        }
    }

    @Nested
    @DisplayName("retirement")
    class Retirement {
        @Test
        @DisplayName("a retired key is found no more and no longer accepted, while the others still are")
        void retiredKeyStopsVerifying() {
            SigningKey old = ring.current();
            rotate(ring);
            SigningKey middle = ring.current();
            rotate(ring);

            retire(ring, old.id());

            assertThat(ring.find(old.id())).as("the retired key").isEmpty();
            assertThat(ring.accepted()).as("accepted").doesNotContain(old).contains(middle, ring.current());
            assertThat(ring.find(middle.id())).as("the key in between").contains(middle);
        }
    }

    @Nested
    @DisplayName("secrecy")
    class Secrecy {
        @Test
        @DisplayName("no key material shows in the ring's toString(), raw, hex or Base64")
        void toStringShowsNoMaterial() {
            rotate(ring);
            String shown = String.valueOf(ring);

            for (SigningKey key : ring.accepted()) {
                byte[] material = key.material();
                assertThat(shown).as("toString of the ring")
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(material))
                        .doesNotContain(Base64.getEncoder().encodeToString(material))
                        .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(material))
                        .doesNotContain(new String(material, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }
}
