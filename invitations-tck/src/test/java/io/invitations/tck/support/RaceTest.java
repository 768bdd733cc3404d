package io.invitations.tck.support;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisplayName("Race")
class RaceTest {
    @Test
    @DisplayName("runs every racer on its own thread at once and counts exactly how each ended")
    void countsOutcomes() {
        int racers = 16;
        CyclicBarrier allInside = new CyclicBarrier(racers);
        try (Race race = new Race(racers)) {
            Race.Outcomes outcomes = race.run(n -> () -> {
                await(allInside);
                if (n % 4 == 0) {
                    throw new IllegalStateException("racer " + n);
                }
            });

            assertThat(outcomes.succeeded()).isEqualTo(12);
            assertThat(outcomes.failures()).hasSize(4).allMatch(IllegalStateException.class::isInstance);
            assertThat(outcomes.otherThan(IllegalStateException.class)).isEmpty();
            assertThat(outcomes.otherThan(IllegalArgumentException.class)).hasSize(4);
        }
    }

    @Test
    @DisplayName("collects values in racer order, round after round, and reports a failing racer")
    void collectsValues() {
        AtomicInteger calls = new AtomicInteger();
        try (Race race = new Race(8)) {
            for (int round = 0; round < 3; round++) {
                List<Integer> values = race.collect(n -> () -> {
                    calls.incrementAndGet();
                    return n * n;
                });
                assertThat(values).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
            }
            assertThat(calls).hasValue(24);
            assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> race.collect(n -> () -> {
                if (n == 5) {
                    throw new IllegalStateException("boom");
                }
                return n;
            })).withMessageContaining("racer 5").withCauseInstanceOf(IllegalStateException.class);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError("the racers did not all run at once", e);
        }
    }
}
