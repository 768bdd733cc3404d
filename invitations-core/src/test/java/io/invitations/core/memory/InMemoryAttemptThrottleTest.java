package io.invitations.core.memory;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.tck.support.MutableClock;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The in-memory attempt throttle")
class InMemoryAttemptThrottleTest {
    private static final String KEY = "identifier:acme:phone:+33612345678";

    private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    private final InMemoryAttemptThrottle throttle = InMemoryAttemptThrottle.builder().clock(clock).build();

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(key, clock.instant());
        }
    }

    @Test
    @DisplayName("allows 5 failures per 15 minutes by default")
    void defaults() {
        InMemoryAttemptThrottle defaults = InMemoryAttemptThrottle.create();

        assertThat(defaults.maxFailures()).isEqualTo(5);
        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("locks a key at its fifth failure, not before")
    void locksAtTheLimit() {
        fail(KEY, 4);
        assertThat(throttle.isLocked(KEY, clock.instant())).isFalse();

        fail(KEY, 1);
        assertThat(throttle.isLocked(KEY, clock.instant())).isTrue();
    }

    @Test
    @DisplayName("keeps the key locked for the rest of the window that opened at its first failure")
    void lockEndsWithTheWindow() {
        Instant first = clock.instant();
        fail(KEY, 1);
        clock.advance(Duration.ofMinutes(10));
        fail(KEY, 4);

        assertThat(throttle.isLocked(KEY, first.plus(Duration.ofMinutes(15)).minusNanos(1))).isTrue();
        assertThat(throttle.isLocked(KEY, first.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    @DisplayName("opens a new window at the first failure after the old one ended")
    void newWindowAfterTheOld() {
        fail(KEY, 4);
        clock.advance(Duration.ofMinutes(15));
        fail(KEY, 4);

        assertThat(throttle.isLocked(KEY, clock.instant())).isFalse();
        fail(KEY, 1);
        assertThat(throttle.isLocked(KEY, clock.instant())).isTrue();
    }

    @Test
    @DisplayName("forgets a key's failures on reset")
    void resetForgets() {
        fail(KEY, 5);
        throttle.reset(KEY);

        assertThat(throttle.isLocked(KEY, clock.instant())).isFalse();
        fail(KEY, 4);
        assertThat(throttle.isLocked(KEY, clock.instant())).isFalse();
    }

    @Test
    @DisplayName("counts every key on its own")
    void keysAreIndependent() {
        fail(KEY, 5);

        assertThat(throttle.isLocked("client:203.0.113.9", clock.instant())).isFalse();
        assertThat(throttle.isLocked(KEY, clock.instant())).isTrue();
    }

    @Test
    @DisplayName("takes its limits from the builder")
    void configurableLimits() {
        InMemoryAttemptThrottle strict = InMemoryAttemptThrottle.builder()
                .maxFailures(2).window(Duration.ofHours(1)).clock(clock).build();
        strict.recordFailure(KEY, clock.instant());
        strict.recordFailure(KEY, clock.instant());

        assertThat(strict.isLocked(KEY, clock.instant().plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(strict.isLocked(KEY, clock.instant().plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    @DisplayName("refuses limits that make no sense, naming them")
    void refusesBadLimits() {
        assertThatThrownBy(() -> InMemoryAttemptThrottle.builder().maxFailures(0))
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("maxFailures");
        assertThatThrownBy(() -> InMemoryAttemptThrottle.builder().window(Duration.ZERO))
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("window");
        assertThatThrownBy(() -> InMemoryAttemptThrottle.builder().maximumKeys(0))
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("maximumKeys");
    }

    @Test
    @DisplayName("counts failures from many threads exactly")
    void concurrentFailuresAreCountedExactly() throws Exception {
        int threads = 16;
        try (Race race = new Race(threads)) {
            for (int round = 0; round < 100; round++) {
                InMemoryAttemptThrottle exact = InMemoryAttemptThrottle.builder()
                        .maxFailures(threads).clock(clock).build();
                InMemoryAttemptThrottle oneMore = InMemoryAttemptThrottle.builder()
                        .maxFailures(threads + 1).clock(clock).build();
                Race.Outcomes outcomes = race.run(t -> () -> {
                    exact.recordFailure(KEY, clock.instant());
                    oneMore.recordFailure(KEY, clock.instant());
                });

                assertThat(outcomes.failures()).as("round %d", round).isEmpty();

                assertThat(exact.isLocked(KEY, clock.instant())).as("round %d", round).isTrue();
                assertThat(oneMore.isLocked(KEY, clock.instant())).as("round %d", round).isFalse();
            }
        }
    }

    @Test
    @DisplayName("shows its limits, not its keys, in toString")
    void toStringShowsNoKeys() {
        fail(KEY, 1);

        assertThat(throttle.toString()).contains("maxFailures=5").doesNotContain("acme");
    }

    @Test
    @DisplayName("keeps a locked key locked after a flood of 200,000 other keys (no size bound evicts it)")
    void floodOfOtherKeysFreesNoGuess() {
        fail(KEY, 5);
        for (int i = 0; i < 200_000; i++) {
            throttle.recordFailure("client:flood-" + i, clock.instant());
            if (i % 50_000 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        throttle.cleanUp();

        assertThat(throttle.isLocked(KEY, clock.instant())).isTrue();
        assertThat(throttle.tryAttempt(KEY, clock.instant())).isFalse();
    }

    @Test
    @DisplayName("keeps a key whose window is open, not locked, through a flood, and forgets it once the window ended")
    void openWindowSurvivesTheFloodAndExpires() {
        fail(KEY, 4);
        for (int i = 0; i < 200_000; i++) {
            throttle.recordFailure("identifier:acme:email:flood-" + i, clock.instant());
        }
        throttle.cleanUp();
        assertThat(throttle.tryAttempt(KEY, clock.instant())).as("the fifth guess").isTrue();
        assertThat(throttle.tryAttempt(KEY, clock.instant())).as("a sixth guess").isFalse();

        clock.advance(Duration.ofMinutes(15));
        throttle.cleanUp();
        assertThat(throttle.trackedKeys()).isZero();
        assertThat(throttle.tryAttempt(KEY, clock.instant())).as("a new window").isTrue();
    }

    @Test
    @DisplayName("admits exactly 5 of 64 racing attempts on one key, round after round")
    void racingAttemptsAreAdmittedExactly() throws Exception {
        int threads = 64;
        try (Race race = new Race(threads)) {
            for (int round = 0; round < 100; round++) {
                long admitted = race.collect(t -> () -> throttle.tryAttempt(KEY, clock.instant()))
                        .stream().filter(Boolean::booleanValue).count();

                assertThat(admitted).as("round %d", round).isEqualTo(5);
                clock.advance(Duration.ofMinutes(15));
            }
        }
    }

    @Test
    @DisplayName("forgives one counted attempt without forgetting the others")
    void forgiveTakesBackOne() {
        fail(KEY, 4);
        assertThat(throttle.tryAttempt(KEY, clock.instant())).isTrue();
        throttle.forgive(KEY, clock.instant());

        assertThat(throttle.isLocked(KEY, clock.instant())).isFalse();
        assertThat(throttle.tryAttempt(KEY, clock.instant())).isTrue();
        assertThat(throttle.isLocked(KEY, clock.instant())).isTrue();
    }
}
