package io.invitations.core.code.internal;

import io.invitations.core.code.AccessCode;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Access codes")
class AccessCodesTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final InvitationId INVITATION = InvitationId.of("inv-1");

    private final InMemoryKeyRing keys = InMemoryKeyRing.of(key("k1"));
    private final AccessCodes codes = AccessCodes.using(keys);

    @Nested
    @DisplayName("are derived")
    class Derivation {
        @Test
        @DisplayName("the same way every time, from the alphabet, at full length")
        void deterministicAndWellFormed() {
            AccessCode code = codes.derive(ACME, INVITATION, 1);

            assertThat(codes.derive(ACME, INVITATION, 1)).isEqualTo(code);
            assertThat(code.value()).hasSize(AccessCode.LENGTH);
            assertThat(code.value().chars()).allMatch(c -> AccessCode.ALPHABET.indexOf(c) >= 0);
        }

        @Test
        @DisplayName("differently for another tenant, invitation, token version or key")
        void differByEveryInput() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                InvitationId id = InvitationId.of("inv-" + i);
                seen.add(codes.derive(ACME, id, 1).value());
                seen.add(codes.derive(GLOBEX, id, 1).value());
                seen.add(codes.derive(ACME, id, 2).value());
                seen.add(AccessCodes.using(InMemoryKeyRing.of(key("other"))).derive(ACME, id, 1).value());
            }

            assertThat(seen).hasSize(2_000);
        }

        @Test
        @DisplayName("apart from link tokens: the same inputs for a link give other bits")
        void separatedFromLinkTokens() {
            AccessCode code = codes.derive(ACME, INVITATION, 1);
            for (TokenPurpose other : List.of(TokenPurpose.INVITATION_LINK, TokenPurpose.SHAREABLE_LINK)) {
                byte[] mac = TokenSigner.mac(key("k1"), other, ACME, INVITATION.value(), 1);
                AccessCode sameBitsOfTheLink = AccessCodes.fromBits(ByteBuffer.wrap(mac).getLong() >>> 14);

                assertThat(sameBitsOfTheLink).as("bits of %s", other).isNotEqualTo(code);
            }
        }

        @Test
        @DisplayName("with no two inputs sharing an encoding, even when ids run into each other")
        void fieldsAreSeparated() {
            AccessCode a = codes.derive(TenantId.of("ab"), InvitationId.of("c"), 1);
            AccessCode b = codes.derive(TenantId.of("a"), InvitationId.of("bc"), 1);

            assertThat(a).isNotEqualTo(b);
        }

        @Test
        @DisplayName("with every symbol about equally likely at every position")
        void symbolsAreUniform() {
            int samples = 20_000;
            long[][] counts = new long[AccessCode.LENGTH][AccessCode.ALPHABET.length()];
            for (int i = 0; i < samples; i++) {
                String value = codes.derive(ACME, InvitationId.of("inv-" + i), 1).value();
                for (int p = 0; p < value.length(); p++) {
                    counts[p][AccessCode.ALPHABET.indexOf(value.charAt(p))]++;
                }
            }

            double expected = (double) samples / AccessCode.ALPHABET.length();
            for (int p = 0; p < AccessCode.LENGTH; p++) {
                double chiSquare = 0;
                for (long observed : counts[p]) {
                    chiSquare += (observed - expected) * (observed - expected) / expected;
                }
                // 31 degrees of freedom: above 70 happens by chance less than once in 10,000
                assertThat(chiSquare).as("chi-square at position %d", p).isLessThan(70.0);
            }
        }

        @Test
        @DisplayName("only while the ring has a key")
        void needAKey() {
            keys.retire("k1");

            assertThatThrownBy(() -> codes.derive(ACME, INVITATION, 1))
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
        }

        @Test
        @DisplayName("only for token versions from 1, with a message that never holds a code")
        void refuseTokenVersionZero() {
            String code = codes.derive(ACME, INVITATION, 1).value();

            assertThatThrownBy(() -> codes.derive(ACME, INVITATION, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tokenVersion");
            assertThatThrownBy(() -> codes.verify(ACME, INVITATION, 0, code))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tokenVersion")
                    .hasMessageNotContaining(code);
        }
    }

    @Nested
    @DisplayName("verify")
    class Verification {
        @Test
        @DisplayName("the invitation's code however it is typed")
        void acceptTheRightCode() {
            AccessCode code = codes.derive(ACME, INVITATION, 1);

            assertThat(codes.verify(ACME, INVITATION, 1, code.value())).isTrue();
            assertThat(codes.verify(ACME, INVITATION, 1, code.formatted())).isTrue();
            assertThat(codes.verify(ACME, INVITATION, 1, code.formatted().toLowerCase(Locale.ROOT))).isTrue();
        }

        @Test
        @DisplayName("no other invitation's code, no other tenant's, and no code of an older token version")
        void refuseOtherCodes() {
            AccessCode code = codes.derive(ACME, INVITATION, 1);

            assertThat(codes.verify(ACME, InvitationId.of("inv-2"), 1, code.value())).isFalse();
            assertThat(codes.verify(GLOBEX, INVITATION, 1, code.value())).isFalse();
            assertThat(codes.verify(ACME, INVITATION, 2, code.value())).isFalse();
            assertThat(codes.verify(ACME, INVITATION, 1, null)).isFalse();
            assertThat(codes.verify(ACME, INVITATION, 1, "not a code")).isFalse();
        }

        @Test
        @DisplayName("a code revealed before a key rotation while the ring still accepts the old key")
        void surviveRotationUntilRetired() {
            AccessCode before = codes.derive(ACME, INVITATION, 1);

            keys.rotate(key("k2"));
            AccessCode after = codes.derive(ACME, INVITATION, 1);

            assertThat(after).isNotEqualTo(before);
            assertThat(codes.verify(ACME, INVITATION, 1, before.value())).isTrue();
            assertThat(codes.verify(ACME, INVITATION, 1, after.value())).isTrue();

            keys.retire("k1");

            assertThat(codes.verify(ACME, INVITATION, 1, before.value())).isFalse();
            assertThat(codes.verify(ACME, INVITATION, 1, after.value())).isTrue();
        }

        @Test
        @DisplayName("none of 10,000 random guesses")
        void randomGuessesNeverMatch() {
            long seed = new Random().nextLong();
            Random random = new Random(seed);
            int successes = 0;
            for (int i = 0; i < 10_000; i++) {
                if (codes.verify(ACME, INVITATION, 1, randomCode(random))) {
                    successes++;
                }
            }

            assertThat(successes).as("successful guesses with seed %d", seed).isZero();
        }
    }

    /** A fixed key, so that derived codes are the same at every run. */
    static SigningKey key(String id) {
        return SigningKey.of(id, ("fixed test material of key " + id + ", 32 bytes or more")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String randomCode(Random random) {
        StringBuilder guess = new StringBuilder(AccessCode.LENGTH);
        for (int i = 0; i < AccessCode.LENGTH; i++) {
            guess.append(AccessCode.ALPHABET.charAt(random.nextInt(AccessCode.ALPHABET.length())));
        }
        return guess.toString();
    }
}
