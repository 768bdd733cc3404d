package io.invitations.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the same step on many real threads released together by a barrier, and reports how each
 * one ended. Not API: used by the compatibility kit's concurrency checks.
 */
final class Race implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final int racers;
    private final ExecutorService pool;

    /**
     * Starts a pool with one thread per racer, so that every racer waits at the barrier at once.
     *
     * @param racers how many threads race
     */
    Race(int racers) {
        this.racers = racers;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "tck-racer-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(racers, threads);
    }

    /**
     * Runs one round: every racer is released at the same moment and runs its step.
     *
     * @param step the step of racer {@code n}, for n from 0
     * @return how each racer ended, in racer order
     */
    Outcomes run(IntFunction<Runnable> step) {
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Throwable>> futures = new ArrayList<>(racers);
        for (int n = 0; n < racers; n++) {
            Runnable mine = step.apply(n);
            Callable<Throwable> racer = () -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                try {
                    mine.run();
                    return null;
                } catch (RuntimeException | Error e) {
                    return e;
                }
            };
            futures.add(pool.submit(racer));
        }
        List<Throwable> failures = new ArrayList<>();
        int succeeded = 0;
        for (Future<Throwable> f : futures) {
            Throwable failure = await(f);
            if (failure == null) {
                succeeded++;
            } else {
                failures.add(failure);
            }
        }
        return new Outcomes(succeeded, failures);
    }

    private static Throwable await(Future<Throwable> f) {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a racer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokenBarrierException || e.getCause() instanceof TimeoutException) {
                throw new AssertionError("the racers were not all started together", e.getCause());
            }
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("a racer did not finish within " + TIMEOUT_SECONDS + " seconds: is the store"
                    + " deadlocked or waiting for a connection?", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * How the racers of one round ended.
     *
     * @param succeeded how many ran their step without an exception
     * @param failures  what the others threw
     */
    record Outcomes(int succeeded, List<Throwable> failures) {
        Outcomes {
            failures = List.copyOf(failures);
        }

        /**
         * Returns the failures not of an expected type.
         *
         * @param expected the type every failure should have
         * @return the unexpected failures
         */
        List<Throwable> otherThan(Class<? extends Throwable> expected) {
            return failures.stream().filter(f -> !expected.isInstance(f)).toList();
        }
    }
}
