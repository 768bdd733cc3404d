package io.invitations.jdbc;

import io.invitations.spi.InvitationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs one step on many threads released together, for the two-node tests. */
final class Racing {
    private Racing() {
    }

    /**
     * Runs step {@code t} for t from 0 to {@code racers - 1}, all released at once.
     *
     * @param threads a pool with at least {@code racers} threads
     * @param racers  how many race
     * @param step    the step of racer t
     * @return each racer's result, or the {@link InvitationException} it threw, in racer order
     * @throws Exception if a racer failed otherwise or took more than two minutes
     */
    static List<Object> race(ExecutorService threads, int racers, IntFunction<Callable<Object>> step)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int t = 0; t < racers; t++) {
            Callable<Object> mine = step.apply(t);
            futures.add(threads.submit(() -> {
                start.await();
                try {
                    return mine.call();
                } catch (InvitationException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
