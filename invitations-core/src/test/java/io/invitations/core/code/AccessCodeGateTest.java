package io.invitations.core.code;

import io.invitations.core.code.AccessCodeGate.Verdict;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.tck.support.MutableClock;
import io.invitations.tck.support.Race;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The access-code gate")
class AccessCodeGateTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Identifier PHONE = Identifier.of(IdentifierKind.PHONE, "+33 6 12 34 56 78");
    private static final Duration WINDOW = InMemoryAttemptThrottle.DEFAULT_WINDOW;

    private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    private final AccessCodes codes = AccessCodes.using(InMemoryKeyRing.of(AccessCodesTest.key("k1")));
    private final RecordingThrottle throttle = new RecordingThrottle(
            InMemoryAttemptThrottle.builder().clock(clock).build());
    private final AccessCodeGate gate = AccessCodeGate.of(codes, throttle);
    private final Invitation invitation = invitation(ACME, PHONE, "inv-1");
    private final String code = codes.derive(ACME, invitation.id(), invitation.tokenVersion()).formatted();

    private Verdict attempt(Identifier identifier, String client, Invitation candidate, String typed) {
        AccessCodeGate.Result result = gate.check(ACME, identifier, client,
                candidate == null ? List.of() : List.of(candidate), typed, clock.instant());
        assertThat(result.invitation()).isEqualTo(result.verdict() == Verdict.MATCH ? candidate : null);
        return result.verdict();
    }

    @Test
    @DisplayName("lets the right code in")
    void rightCodeMatches() {
        assertThat(attempt(PHONE, "10.0.0.1", invitation, code)).isEqualTo(Verdict.MATCH);
        assertThat(attempt(PHONE, null, invitation, code.toLowerCase(java.util.Locale.ROOT))).isEqualTo(Verdict.MATCH);
    }

    @Test
    @DisplayName("refuses 10,000 random guesses, locks after every 5 failures, and still lets the right code in after the window")
    void tenThousandGuesses() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int matches = 0;
        int failuresInWindow = 0;
        int windows = 0;
        for (int guess = 0; guess < 10_000; guess++) {
            Verdict verdict = attempt(PHONE, null, invitation, AccessCodesTest.randomCode(random));
            if (verdict == Verdict.MATCH) {
                matches++;
            } else if (verdict == Verdict.MISMATCH) {
                failuresInWindow++;
            } else {
                assertThat(failuresInWindow).as("failures before the lock (seed %d)", seed).isEqualTo(5);
                assertThat(attempt(PHONE, null, invitation, code))
                        .as("the right code is refused while locked").isEqualTo(Verdict.THROTTLED);
                clock.advance(WINDOW);
                failuresInWindow = 0;
                windows++;
            }
        }
        clock.advance(WINDOW);

        assertThat(matches).as("successful guesses with seed %d", seed).isZero();
        assertThat(windows).as("windows used by 10,000 guesses").isGreaterThanOrEqualTo(1_666);
        assertThat(attempt(PHONE, null, invitation, code)).isEqualTo(Verdict.MATCH);
    }

    @Test
    @DisplayName("stays locked for the rest of the window and opens exactly when it ends")
    void lockLastsTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(PHONE, null, invitation, "AAAAA-AAAAA")).isEqualTo(Verdict.MISMATCH);
        }
        clock.advance(WINDOW.minusNanos(1));
        assertThat(attempt(PHONE, null, invitation, code)).isEqualTo(Verdict.THROTTLED);

        clock.advance(Duration.ofNanos(1));
        assertThat(attempt(PHONE, null, invitation, code)).isEqualTo(Verdict.MATCH);
    }

    @Test
    @DisplayName("counts an identifier nobody was invited with like a wrong code")
    void unknownIdentifierCountsAsFailure() {
        Identifier stranger = Identifier.of(IdentifierKind.PERSONNEL_NUMBER, "E-404");
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(stranger, null, null, code)).isEqualTo(Verdict.MISMATCH);
        }

        assertThat(attempt(stranger, null, null, code)).isEqualTo(Verdict.THROTTLED);
        assertThat(attempt(PHONE, null, invitation, code)).isEqualTo(Verdict.MATCH);
    }

    @Test
    @DisplayName("finds which of an identifier's invitations the code opens")
    void picksTheMatchingCandidate() {
        Invitation event = invitation(ACME, PHONE, "inv-event");
        String eventCode = codes.derive(ACME, event.id(), 1).value();

        AccessCodeGate.Result result = gate.check(ACME, PHONE, null, List.of(invitation, event), eventCode,
                clock.instant());

        assertThat(result.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(result.invitation()).isEqualTo(event);
    }

    @Test
    @DisplayName("refuses a candidate that belongs to another identifier or tenant")
    void candidateMustFit() {
        Invitation otherPerson = invitation(ACME, Identifier.of(IdentifierKind.PHONE, "+1 555 0100"), "inv-2");
        Invitation otherTenant = invitation(TenantId.of("globex"), PHONE, "inv-1");

        assertThat(attempt(PHONE, null, otherPerson,
                codes.derive(ACME, otherPerson.id(), 1).value())).isEqualTo(Verdict.MISMATCH);
        assertThat(attempt(PHONE, null, otherTenant,
                codes.derive(otherTenant.tenantId(), otherTenant.id(), 1).value())).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    @DisplayName("compares exactly 5 of 64 racing guesses on one identifier, round after round")
    void racingGuessesAreCountedExactly() throws Exception {
        int threads = 64;
        try (Race race = new Race(threads)) {
            for (int round = 0; round < 100; round++) {
                List<Verdict> verdicts = race.collect(t -> {
                    String guess = "AAAAA-" + AccessCode.ALPHABET.substring(t % 28, t % 28 + 5);
                    return () -> attempt(PHONE, null, invitation, guess);
                });
                Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
                verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));

                assertThat(counts).as("round %d", round)
                        .containsEntry(Verdict.MISMATCH, 5).containsEntry(Verdict.THROTTLED, threads - 5);
                clock.advance(WINDOW);
            }
        }
    }

    @Nested
    @DisplayName("per client")
    class PerClient {
        @Test
        @DisplayName("locks a client that spreads 5 failures over several identifiers")
        void clientLockSpansIdentifiers() {
            for (int i = 0; i < 5; i++) {
                Identifier someone = Identifier.of(IdentifierKind.PERSONNEL_NUMBER, "E-" + i);
                assertThat(attempt(someone, "203.0.113.9", null, code)).isEqualTo(Verdict.MISMATCH);
            }

            assertThat(attempt(PHONE, "203.0.113.9", invitation, code)).isEqualTo(Verdict.THROTTLED);
            assertThat(attempt(PHONE, "198.51.100.7", invitation, code)).isEqualTo(Verdict.MATCH);
        }

        @Test
        @DisplayName("keeps a client's failures after a success, but clears the identifier's")
        void successClearsOnlyTheIdentifier() {
            for (int i = 0; i < 4; i++) {
                attempt(PHONE, "203.0.113.9", invitation, "AAAAA-AAAAA");
            }
            assertThat(attempt(PHONE, "203.0.113.9", invitation, code)).isEqualTo(Verdict.MATCH);

            assertThat(attempt(PHONE, "203.0.113.9", invitation, "AAAAA-AAAAA")).isEqualTo(Verdict.MISMATCH);
            assertThat(attempt(PHONE, "198.51.100.7", invitation, code))
                    .as("the identifier was cleared").isEqualTo(Verdict.MATCH);
            assertThat(attempt(PHONE, "203.0.113.9", invitation, code))
                    .as("the client was not").isEqualTo(Verdict.THROTTLED);
        }

        @Test
        @DisplayName("uses throttle keys that name tenant, kind and identifier, or the client, and never the code")
        void keysNeverHoldTheCode() {
            attempt(PHONE, "203.0.113.9", invitation, "AAAAA-AAAAA");
            attempt(PHONE, "203.0.113.9", invitation, code);

            assertThat(throttle.keys).contains("identifier:acme:phone:+33 6 12 34 56 78", "client:203.0.113.9");
            assertThat(throttle.keys).noneMatch(k -> k.contains(code) || k.contains(code.replace("-", ""))
                    || k.contains("AAAAA"));
        }
    }

    @Nested
    @DisplayName("logging")
    class Logging {
        private final PrintStream originalErr = System.err;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

        @AfterEach
        void restore() {
            System.setErr(originalErr);
        }

        @Test
        @DisplayName("never writes the code, a guess, or the identifier's value")
        void neverLogsSecrets() {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 6; i++) {
                attempt(PHONE, "203.0.113.9", invitation, "ZZZZZ-ZZZZZ");
            }
            clock.advance(WINDOW);
            attempt(PHONE, null, invitation, code);
            System.setErr(originalErr);

            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).as("the log was captured").contains("access-code attempt failed", "too many failures");
            assertThat(log).doesNotContain(code).doesNotContain(code.replace("-", ""))
                    .doesNotContain("ZZZZZ").doesNotContain("12 34 56 78");
        }
    }

    private static Invitation invitation(TenantId tenant, Identifier identifier, String id) {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        return Invitation.builder()
                .id(InvitationId.of(id))
                .tenantId(tenant)
                .invitee(new Invitee(identifier, "Ana", "Lima", null))
                .grant(Grant.role("member"))
                .invitedBy("admin-1")
                .inviterName("Ada Admin")
                .createdAt(at)
                .updatedAt(at)
                .invitedAt(at)
                .expiresAt(at.plus(Duration.ofDays(7)))
                .build();
    }

    /** The in-memory throttle, noting every key it is asked about. */
    private static final class RecordingThrottle implements AttemptThrottle {
        private final AttemptThrottle delegate;
        private final List<String> keys = new CopyOnWriteArrayList<>();

        RecordingThrottle(AttemptThrottle delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isLocked(String key, Instant now) {
            keys.add(key);
            return delegate.isLocked(key, now);
        }

        @Override
        public void recordFailure(String key, Instant now) {
            keys.add(key);
            delegate.recordFailure(key, now);
        }

        @Override
        public boolean tryAttempt(String key, Instant now) {
            keys.add(key);
            return delegate.tryAttempt(key, now);
        }

        @Override
        public void forgive(String key, Instant now) {
            keys.add(key);
            delegate.forgive(key, now);
        }

        @Override
        public void reset(String key) {
            keys.add(key);
            delegate.reset(key);
        }
    }
}
