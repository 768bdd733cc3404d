package io.invitations.core;

import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.code.InvalidAccessCodeException;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 4: redeeming a code does the same work whether the identifier has 0, 1 or
 * {@link AccessCodeGate#MAX_OPEN_PER_IDENTIFIER} invitations. The work is counted, not timed: every
 * code comparison derives one HMAC per accepted key, and reads the accepted keys once, so a key ring
 * that counts {@code accepted()} calls times the keys it returns counts the HMACs exactly.
 */
@DisplayName("Constant-work code redemption")
class ConstantWorkRedemptionTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final String WRONG = "2222-2222-22";

    /** A key ring with two accepted keys (a rotation) that counts the HMACs code checks compute. */
    static final class CountingKeyRing implements KeyRing {
        private final InMemoryKeyRing ring = InMemoryKeyRing.of(
                SigningKey.of("k2", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII)),
                SigningKey.of("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        final AtomicInteger hmacs = new AtomicInteger();

        @Override
        public SigningKey current() {
            return ring.current();
        }

        @Override
        public Optional<SigningKey> find(String keyId) {
            return ring.find(keyId);
        }

        @Override
        public List<SigningKey> accepted() {
            List<SigningKey> keys = ring.accepted();
            hmacs.addAndGet(keys.size());
            return keys;
        }
    }

    private final CountingKeyRing keys = new CountingKeyRing();
    private final AtomicInteger ids = new AtomicInteger();
    private final InvitationService service = InvitationService.builder().keyRing(keys)
            .deliveryMode(DeliveryMode.HOST_DRIVEN)
            .idGenerator(() -> io.invitations.spi.invitation.InvitationId.of("inv-" + ids.incrementAndGet()))
            .build();

    private Invitation invite(String badge, int n) {
        Target target = n == 0 ? Target.membership() : Target.resource("event", "e-" + n);
        return service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.of("badge"), badge)
                .role("member").target(target).build());
    }

    /** The HMACs one wrong-code redemption of an identifier computes. */
    private int hmacsOfOneRedemption(String badge) {
        keys.hmacs.set(0);
        assertThatThrownBy(() -> service.invitee().redeemCode(CodeRedemption.of(ACME, "badge", badge, WRONG)))
                .isInstanceOf(InvalidAccessCodeException.class);
        return keys.hmacs.get();
    }

    @Test
    void an_unknown_identifier_one_invitation_and_the_cap_cost_exactly_the_same_hmacs() {
        invite("B-1", 0);
        for (int n = 0; n < AccessCodeGate.MAX_OPEN_PER_IDENTIFIER; n++) {
            invite("B-5", n);
        }
        int accepted = keys.ring.accepted().size();

        int none = hmacsOfOneRedemption("B-0");
        int one = hmacsOfOneRedemption("B-1");
        int cap = hmacsOfOneRedemption("B-5");

        System.out.printf("HMACs per redemption with %d keys: 0 invitations %d, 1 invitation %d, %d invitations %d%n",
                accepted, none, one, AccessCodeGate.MAX_OPEN_PER_IDENTIFIER, cap);
        assertThat(List.of(none, one, cap)).containsOnly(AccessCodeGate.MAX_OPEN_PER_IDENTIFIER * accepted);
    }

    @Test
    void a_right_code_costs_the_same_comparisons_as_a_wrong_one() {
        Invitation first = invite("B-7", 0);
        String code = service.administration(ADMIN, ACME).revealAccessCode(first.id()).formatted();
        int wrong = hmacsOfOneRedemption("B-7");

        keys.hmacs.set(0);
        service.invitee().redeemCode(CodeRedemption.of(ACME, "badge", "B-7", code));

        assertThat(keys.hmacs.get()).isEqualTo(wrong);
    }

    @Test
    void one_more_open_invitation_than_the_cap_is_refused_with_a_typed_error() {
        for (int n = 0; n < AccessCodeGate.MAX_OPEN_PER_IDENTIFIER; n++) {
            invite("B-9", n);
        }

        assertThatThrownBy(() -> invite("B-9", AccessCodeGate.MAX_OPEN_PER_IDENTIFIER))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
                    assertThat(e.refusals()).singleElement().satisfies(r -> {
                        assertThat(r.code()).isEqualTo(ErrorCode.OPEN_INVITATIONS_LIMIT);
                        assertThat(r.field()).isEqualTo("identifier");
                        assertThat(r.message()).contains("5 open invitations").contains("revoke one");
                    });
                });
    }

    @Test
    void a_closed_invitation_frees_its_place_under_the_cap() {
        Invitation first = invite("B-3", 0);
        for (int n = 1; n < AccessCodeGate.MAX_OPEN_PER_IDENTIFIER; n++) {
            invite("B-3", n);
        }
        service.administration(ADMIN, ACME).revoke(first.id(), "wrong event");

        assertThat(invite("B-3", AccessCodeGate.MAX_OPEN_PER_IDENTIFIER).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"revoked,REVOKED", "expired,EXPIRED", "accepted,ALREADY_ACCEPTED"})
    void redeemCode_issues_no_claim_token_for_a_closed_invitation(String how, ErrorCode expected) {
        java.time.Instant start = java.time.Instant.parse("2026-11-22T09:00:00Z");
        io.invitations.tck.support.MutableClock clock = io.invitations.tck.support.MutableClock.at(start.toString());
        InvitationService svc = InvitationService.builder().keyRing(keys).clock(clock)
                .deliveryMode(DeliveryMode.HOST_DRIVEN).build();
        Invitation inv = svc.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.of("badge"), "B-C")
                .role("member").build());
        String code = svc.administration(ADMIN, ACME).revealAccessCode(inv.id()).formatted();
        switch (how) {
            case "revoked" -> svc.administration(ADMIN, ACME).revoke(inv.id(), "left");
            case "expired" -> clock.advance(java.time.Duration.ofDays(365));
            default -> {
                RedeemedCode redeemed = svc.invitee().redeemCode(CodeRedemption.of(ACME, "badge", "B-C", code));
                svc.invitee().accept(ClaimRequest.builder(redeemed.token()).password("correct horse battery".toCharArray())
                        .build());
            }
        }

        // the code's holder learns the state; no RedeemedCode, so no claim token, comes back
        assertThatThrownBy(() -> svc.invitee().redeemCode(CodeRedemption.of(ACME, "badge", "B-C", code)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
