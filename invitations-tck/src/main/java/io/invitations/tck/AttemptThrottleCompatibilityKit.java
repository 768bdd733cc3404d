package io.invitations.tck;

import io.invitations.spi.security.AttemptThrottle;
import io.invitations.tck.support.MutableClock;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link AttemptThrottle} as JUnit 5 checks: {@code maxFailures} failures of a key
 * within one window lock it for the rest of that window, counted exactly when 64 threads fail at
 * once; a window opens at a key's first failure and ends {@code window} later, judged at the
 * instants passed in, which the kit takes from a {@link MutableClock} it also hands to the
 * throttle; a lock is never forgotten within its window, however many other keys fail meanwhile;
 * {@link AttemptThrottle#reset(String)} forgets one key only.
 *
 * <p>Extend it and build the throttle with the limits and clock the kit passes:
 *
 * <pre>{@code
 * class JdbcAttemptThrottleCompatibilityTest extends AttemptThrottleCompatibilityKit {
 *     protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
 *         return JdbcAttemptThrottle.builder(TestDatabase.dataSource())
 *                 .maxFailures(maxFailures).window(window).clock(clock).build();
 *     }
 * }
 * }</pre>
 *
 * <p>Every check uses keys of its own (random), so a throttle backed by a shared database may be
 * reused. {@link #floodKeys()} sets how many other keys fail in the check that a lock is never
 * forgotten; lower it only if your store cannot take that many writes in a test.
 *
 * @since 0.1.0
 */
public abstract class AttemptThrottleCompatibilityKit {
    /** The failures per window the kit asks for, except in the 64-thread checks. */
    protected static final int MAX_FAILURES = 5;
    /** The window the kit asks for. */
    protected static final Duration WINDOW = Duration.ofMinutes(15);
    /** How many threads race in the concurrency checks. */
    protected static final int RACERS = 64;
    private static final int ROUNDS = 20;

    /** The clock handed to the throttle; the kit passes its instants as {@code now}. */
    protected final MutableClock clock = new MutableClock(Fixtures.T0);
    /** The throttle under test with {@link #MAX_FAILURES} and {@link #WINDOW}, new for each check. */
    protected AttemptThrottle throttle;

    /**
     * Creates a throttle that locks a key after {@code maxFailures} failures within a window.
     * Called before each check, and again in the checks that need other limits.
     *
     * @param maxFailures how many failures of a key within one window lock it, at least 1
     * @param window      how long a window lasts from a key's first failure, positive
     * @param clock       the clock the throttle may use (for housekeeping); the kit moves it and
     *                    passes its instants to every call
     * @return a throttle, ready to use
     */
    protected abstract AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock);

    /**
     * Returns how many other keys fail in the check that a lock is never forgotten.
     *
     * @return 200,000 by default
     */
    protected int floodKeys() {
        return 200_000;
    }

    @BeforeEach
    void createTheThrottle() {
        throttle = createThrottle(MAX_FAILURES, WINDOW, clock);
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("a key that never failed is not locked")
        void unknownKeyIsNotLocked() {
            assertThat(throttle.isLocked(newKey(), now())).isFalse();
        }

        @Test
        @DisplayName("one failure fewer than the limit does not lock; the limit-th failure does")
        void theLimitIsExact() {
            String key = newKey();
            fail(key, MAX_FAILURES - 1);
            assertThat(throttle.isLocked(key, now())).as("after %d failures", MAX_FAILURES - 1).isFalse();

            fail(key, 1);
            assertThat(throttle.isLocked(key, now())).as("after %d failures", MAX_FAILURES).isTrue();
        }

        @Test
        @DisplayName("failures beyond the limit keep the key locked")
        void moreFailuresStayLocked() {
            String key = newKey();
            fail(key, MAX_FAILURES * 3);

            assertThat(throttle.isLocked(key, now())).isTrue();
        }

        @Test
        @DisplayName("keys are counted apart")
        void keysAreIndependent() {
            String locked = newKey();
            String other = newKey();
            fail(locked, MAX_FAILURES);
            fail(other, MAX_FAILURES - 1);

            assertThat(throttle.isLocked(locked, now())).as("the locked key").isTrue();
            assertThat(throttle.isLocked(other, now())).as("the other key").isFalse();
        }

        @Test
        @DisplayName("a reset unlocks its key and forgets its failures, and no other key's")
        void resetForgetsOneKey() {
            String key = newKey();
            String other = newKey();
            fail(key, MAX_FAILURES);
            fail(other, MAX_FAILURES);

            throttle.reset(key);

            assertThat(throttle.isLocked(key, now())).as("after reset").isFalse();
            fail(key, MAX_FAILURES - 1);
            assertThat(throttle.isLocked(key, now())).as("after reset and %d failures", MAX_FAILURES - 1).isFalse();
            assertThat(throttle.isLocked(other, now())).as("the other key").isTrue();
        }

        @Test
        @DisplayName("a reset of a key that never failed is harmless")
        void resetOfUnknownKeyIsHarmless() {
            String key = newKey();
            throttle.reset(key);

            assertThat(throttle.isLocked(key, now())).isFalse();
        }
    }

    @Nested
    @DisplayName("windows on the injected clock")
    class Windows {
        @Test
        @DisplayName("a lock holds until the last millisecond of the window and ends when the window ends")
        void lockEndsWithTheWindow() {
            String key = newKey();
            Instant start = now();
            fail(key, MAX_FAILURES);

            clock.set(start.plus(WINDOW).minusMillis(1));
            assertThat(throttle.isLocked(key, now())).as("1 ms before the window ends").isTrue();
            clock.set(start.plus(WINDOW));
            assertThat(throttle.isLocked(key, now())).as("when the window ends").isFalse();
        }

        @Test
        @DisplayName("the window opens at the first failure: failures spread over it still lock")
        void failuresSpreadOverTheWindowLock() {
            String key = newKey();
            Duration step = WINDOW.dividedBy(MAX_FAILURES);
            for (int n = 0; n < MAX_FAILURES; n++) {
                fail(key, 1);
                if (n < MAX_FAILURES - 1) {
                    clock.advance(step.minusSeconds(1));
                }
            }

            assertThat(throttle.isLocked(key, now())).isTrue();
        }

        @Test
        @DisplayName("failures in two different windows are not added up")
        void failuresOfAnEndedWindowDoNotCount() {
            String key = newKey();
            fail(key, MAX_FAILURES - 1);
            clock.advance(WINDOW);
            fail(key, 1);

            assertThat(throttle.isLocked(key, now())).as("one failure into a new window").isFalse();
            fail(key, MAX_FAILURES - 2);
            assertThat(throttle.isLocked(key, now())).as("%d failures into the new window", MAX_FAILURES - 1)
                    .isFalse();
            fail(key, 1);
            assertThat(throttle.isLocked(key, now())).as("%d failures into the new window", MAX_FAILURES).isTrue();
        }

        @Test
        @DisplayName("after a lock ends, the key gets the full limit again")
        void anEndedLockStartsAfresh() {
            String key = newKey();
            fail(key, MAX_FAILURES);
            clock.advance(WINDOW.plusSeconds(1));

            fail(key, MAX_FAILURES - 1);
            assertThat(throttle.isLocked(key, now())).as("%d failures after the lock", MAX_FAILURES - 1).isFalse();
            fail(key, 1);
            assertThat(throttle.isLocked(key, now())).as("%d failures after the lock", MAX_FAILURES).isTrue();
        }

        @Test
        @DisplayName("a lock is never forgotten within its window while a flood of other keys fail")
        void lockSurvivesAFloodOfOtherKeys() {
            String key = newKey();
            fail(key, MAX_FAILURES);
            String prefix = newKey() + "-flood-";

            for (int n = 0; n < floodKeys(); n++) {
                throttle.recordFailure(prefix + n, now());
                if (n % 1000 == 999) {
                    clock.advance(Duration.ofMillis(1));
                }
            }

            assertThat(throttle.isLocked(key, now())).as("locked after %d other keys failed", floodKeys()).isTrue();
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {
        private Race race;

        @BeforeEach
        void startRacers() {
            race = new Race(RACERS);
        }

        @AfterEach
        void stopRacers() {
            race.close();
        }

        @Test
        @DisplayName("64 threads failing one key at once are counted exactly: a limit of 64 locks, "
                + "a limit of 65 does not, 20 times over")
        void racingFailuresAreCountedExactly() {
            for (int round = 0; round < ROUNDS; round++) {
                AttemptThrottle exact = createThrottle(RACERS, WINDOW, clock);
                AttemptThrottle oneMore = createThrottle(RACERS + 1, WINDOW, clock);
                String key = newKey();

                Race.Outcomes outcomes = race.run(n -> () -> {
                    exact.recordFailure(key, now());
                    oneMore.recordFailure(key, now());
                });

                assertThat(outcomes.failures()).as("round %d", round).isEmpty();
                assertThat(exact.isLocked(key, now())).as("round %d, limit %d", round, RACERS).isTrue();
                assertThat(oneMore.isLocked(key, now())).as("round %d, limit %d", round, RACERS + 1).isFalse();
            }
        }

        @Test
        @DisplayName("64 threads failing 16 keys at once (4 each, one below the limit of 5) lock none of them, "
                + "and one more failure locks each, 20 times over")
        void racingFailuresOverSeveralKeysAreCountedExactly() {
            int perKey = MAX_FAILURES - 1;
            int keys = RACERS / perKey;
            for (int round = 0; round < ROUNDS; round++) {
                String prefix = newKey() + "-";

                Race.Outcomes outcomes = race.run(n -> () -> throttle.recordFailure(prefix + (n % keys), now()));

                String context = "round " + round;
                assertThat(outcomes.failures()).as(context).isEmpty();
                assertThat(IntStream.range(0, keys).filter(k -> throttle.isLocked(prefix + k, now())))
                        .as("%s: keys locked after %d failures each", context, perKey).isEmpty();
                IntStream.range(0, keys).forEach(k -> throttle.recordFailure(prefix + k, now()));
                assertThat(IntStream.range(0, keys).filter(k -> !throttle.isLocked(prefix + k, now())))
                        .as("%s: keys not locked after %d failures each", context, MAX_FAILURES).isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private Instant now() {
        return clock.instant();
    }

    private void fail(String key, int times) {
        for (int n = 0; n < times; n++) {
            throttle.recordFailure(key, now());
        }
    }

    private static String newKey() {
        return "tck-" + UUID.randomUUID();
    }
}
