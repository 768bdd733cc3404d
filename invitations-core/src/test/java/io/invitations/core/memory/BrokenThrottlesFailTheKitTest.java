package io.invitations.core.memory;

import io.invitations.core.memory.BrokenAdapters.MapThrottle;
import io.invitations.core.memory.BrokenAdapters.ThrottleFlaw;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.tck.AttemptThrottleCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the attempt throttle kit catches broken throttles: it runs the kit, through the JUnit
 * Platform launcher ({@link KitRun}), against the in-memory throttle and against a map throttle
 * with each {@link ThrottleFlaw}, and checks which checks fail.
 */
class BrokenThrottlesFailTheKitTest {

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class InMemoryThrottle extends AttemptThrottleCompatibilityKit {
        @Override
        protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
            return InMemoryAttemptThrottle.builder().maxFailures(maxFailures).window(window).clock(clock).build();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class ThrottleLosingUpdates extends AttemptThrottleCompatibilityKit {
        @Override
        protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
            return new MapThrottle(maxFailures, window, ThrottleFlaw.LOST_UPDATES);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class ThrottleForgettingUnderAFlood extends AttemptThrottleCompatibilityKit {
        @Override
        protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
            return new MapThrottle(maxFailures, window, ThrottleFlaw.FORGETS_UNDER_A_FLOOD);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class ThrottleWhoseWindowsNeverEnd extends AttemptThrottleCompatibilityKit {
        @Override
        protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
            return new MapThrottle(maxFailures, window, ThrottleFlaw.WINDOWS_NEVER_END);
        }
    }

    @Test
    @DisplayName("the in-memory throttle passes every check of the kit, the never-forgotten lock included")
    void inMemoryThrottlePassesEverything() {
        KitRun run = KitRun.of(InMemoryThrottle.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    @DisplayName("a throttle that reads, then writes, the count fails the 64-thread checks only")
    void throttleLosingUpdatesIsCaught() {
        KitRun run = KitRun.of(ThrottleLosingUpdates.class);

        // A lost update needs a real interleaving: the one-key race (64 threads on one key) catches it
        // every time; the spread-out race (4 threads a key) may or may not, depending on scheduling.
        assertThat(run.failed()).as(run.toString()).contains("Concurrency.racingFailuresAreCountedExactly")
                .isSubsetOf("Concurrency.racingFailuresAreCountedExactly",
                        "Concurrency.racingFailuresOverSeveralKeysAreCountedExactly");
    }

    @Test
    @DisplayName("a throttle that drops keys under a flood of other keys fails the never-forgotten check only")
    void throttleForgettingUnderAFloodIsCaught() {
        KitRun run = KitRun.of(ThrottleForgettingUnderAFlood.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Windows.lockSurvivesAFloodOfOtherKeys");
    }

    @Test
    @DisplayName("a throttle whose windows never end fails the checks that move the clock past a window")
    void throttleWhoseWindowsNeverEndIsCaught() {
        KitRun run = KitRun.of(ThrottleWhoseWindowsNeverEnd.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Windows.lockEndsWithTheWindow",
                "Windows.failuresOfAnEndedWindowDoNotCount",
                "Windows.anEndedLockStartsAfresh");
        assertThat(run.passed()).contains("Limits.theLimitIsExact", "Windows.lockSurvivesAFloodOfOtherKeys");
    }
}
