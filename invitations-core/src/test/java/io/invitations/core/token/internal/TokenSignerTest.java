package io.invitations.core.token.internal;

import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Link tokens are HMACs that verify without storage")
class TokenSignerTest {
    private static final TenantId ACME = TenantId.of("acme");
    private final InMemoryKeyRing keys = InMemoryKeyRing.of(key("k1"));
    private final TokenSigner signer = new TokenSigner(keys);

    private static SigningKey key(String id) {
        return SigningKey.of(id, (id + "-0123456789abcdef0123456789abcdef").getBytes(StandardCharsets.US_ASCII));
    }

    private String issue(String subject, int version) {
        return Secrets.issued(signer.issue(TokenPurpose.INVITATION_LINK, ACME, subject, version));
    }

    @Test
    void a_token_verifies_and_says_tenant_subject_version_and_key() {
        String token = issue("inv-1", 3);
        assertThat(token).startsWith("inv1.k1.").matches(Secrets.TOKEN_SHAPE);
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, token))
                .contains(new TokenClaims(TokenPurpose.INVITATION_LINK, ACME, "inv-1", 3, "k1"));
    }

    @Test
    void the_same_inputs_give_the_same_token_and_any_other_input_another() {
        String token = issue("inv-1", 1);
        assertThat(issue("inv-1", 1)).isEqualTo(token);
        assertThat(issue("inv-1", 2)).isNotEqualTo(token);
        assertThat(issue("inv-2", 1)).isNotEqualTo(token);
        assertThat(signer.issue(TokenPurpose.INVITATION_LINK, TenantId.of("other"), "inv-1", 1)).isNotEqualTo(token);
    }

    @Test
    void a_token_for_one_purpose_never_verifies_as_another() {
        String link = signer.issue(TokenPurpose.SHAREABLE_LINK, ACME, "inv-1", 1);
        Secrets.issued(link);
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, link)).isEmpty();
        String relabelled = "inv1" + link.substring(4);
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, relabelled)).isEmpty();
    }

    @Test
    void changing_any_part_of_a_token_makes_it_invalid() {
        String token = issue("inv-1", 1);
        String[] parts = token.split("\\.");
        String otherTenant = Base64.getUrlEncoder().withoutPadding().encodeToString("globex".getBytes(StandardCharsets.UTF_8));
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString("inv-2".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, String.join(".", parts[0], parts[1], otherTenant,
                parts[3], parts[4], parts[5]))).isEmpty();
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, String.join(".", parts[0], parts[1], parts[2],
                otherSubject, parts[4], parts[5]))).isEmpty();
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, String.join(".", parts[0], parts[1], parts[2],
                parts[3], "2", parts[5]))).isEmpty();
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, String.join(".", parts[0], parts[1], parts[2],
                parts[3], "01", parts[5]))).as("versions have one spelling").isEmpty();
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, String.join(".", parts[0], "k9", parts[2],
                parts[3], parts[4], parts[5]))).isEmpty();
    }

    @Test
    void thousands_of_random_mutations_never_verify_and_never_throw() {
        long seed = Long.getLong("token.seed", System.nanoTime());
        Random random = new Random(seed);
        String token = issue("inv-1", 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        for (int i = 0; i < 5_000; i++) {
            char[] chars = token.toCharArray();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String mutated = new String(chars);
            if (!mutated.strip().equals(token)) {
                assertThat(signer.verify(TokenPurpose.INVITATION_LINK, mutated))
                        .as("mutation %d; replay with -Dtoken.seed=%d", i, seed).isEmpty();
            }
        }
    }

    @Test
    void a_mac_spelled_differently_in_its_spare_bits_is_refused_so_each_claim_has_one_token() {
        String token = issue("inv-1", 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String sameBytes = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(Base64.getUrlDecoder().decode(sameBytes.substring(sameBytes.lastIndexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, sameBytes)).isEmpty();
    }

    @Test
    void garbage_is_simply_invalid() {
        for (String s : new String[]{null, "", ".", ".....", "inv1.k1.....", "inv1.k1.%%.%%.1.%%",
                "inv1.k1.YWNtZQ.aW52LTE.1.", "x".repeat(5000)}) {
            assertThat(signer.verify(TokenPurpose.INVITATION_LINK, s)).isEmpty();
        }
    }

    @Test
    void older_keys_verify_until_retired_while_new_tokens_use_the_current_key() {
        String old = issue("inv-1", 1);
        keys.rotate(key("k2"));
        String fresh = issue("inv-1", 1);
        assertThat(fresh).startsWith("inv1.k2.");
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, old)).isPresent();
        keys.retire("k1");
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, old)).isEmpty();
        assertThat(signer.verify(TokenPurpose.INVITATION_LINK, fresh)).isPresent();
    }

    @Test
    void a_token_signed_by_another_key_with_the_same_id_is_invalid() {
        String token = issue("inv-1", 1);
        TokenSigner impostor = new TokenSigner(InMemoryKeyRing.of(SigningKey.of("k1",
                "another-secret-another-secret-xx".getBytes(StandardCharsets.US_ASCII))));
        assertThat(impostor.verify(TokenPurpose.INVITATION_LINK, token)).isEmpty();
    }

    @Test
    void the_mac_is_32_bytes_and_separates_its_inputs() {
        byte[] a = TokenSigner.mac(key("k1"), TokenPurpose.ACCESS_CODE, TenantId.of("ab"), "c", 1);
        byte[] b = TokenSigner.mac(key("k1"), TokenPurpose.ACCESS_CODE, TenantId.of("a"), "bc", 1);
        assertThat(a).hasSize(32).isNotEqualTo(b);
    }
}
