package io.invitations.tck.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Runs the same step on N real threads released at the same moment by a barrier, and reports
 * exactly how each one ended, so that a concurrency test can assert counts ("exactly one of 32
 * wins, 31 get a conflict") rather than hope. One pool of N threads serves every round, so a test
 * may race many rounds cheaply; close the race when done.
 *
 * <pre>{@code
 * try (Race race = new Race(32)) {
 *     Race.Outcomes outcomes = race.run(n -> () -> store.write(batchOf(n)));
 *     assertThat(outcomes.succeeded()).isEqualTo(1);
 *     assertThat(outcomes.otherThan(StaleVersionException.class)).isEmpty();
 *
 *     List<Verdict> verdicts = race.collect(n -> () -> gate.attempt(guess(n)));
 * }
 * }</pre>
 *
 * <p>A racer that does not start (the barrier breaks) or does not finish within
 * {@value #TIMEOUT_SECONDS} seconds fails the test with an {@link AssertionError} that says so,
 * instead of hanging the build.
 *
 * <p>Use one race from one test thread at a time.
 *
 * @since 0.1.0
 */
public final class Race implements AutoCloseable {
    /** How long a racer may wait at the barrier or take to finish, in seconds. */
    public static final long TIMEOUT_SECONDS = 60;

    private final int racers;
    private final ExecutorService pool;

    /**
     * Starts a pool with one daemon thread per racer, so that every racer waits at the barrier at once.
     *
     * @param racers how many threads race, at least 1
     * @throws IllegalArgumentException if {@code racers} is below 1
     */
    public Race(int racers) {
        if (racers < 1) {
            throw new IllegalArgumentException("a race needs at least 1 racer, got " + racers);
        }
        this.racers = racers;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "racer-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(racers, threads);
    }

    /**
     * Returns how many threads race.
     *
     * @return the number of racers
     */
    public int racers() {
        return racers;
    }

    /**
     * Runs one round: every racer is released at the same moment and runs its step; an exception
     * a step throws is collected, not rethrown.
     *
     * @param step the step of racer {@code n}, for n from 0; called on the test thread, the
     *             returned step runs on the racer's thread; not {@code null}
     * @return how the racers ended
     * @throws AssertionError if the racers could not all start together or one did not finish in time
     */
    public Outcomes run(IntFunction<? extends Runnable> step) {
        Objects.requireNonNull(step, "step");
        List<Result<Void>> results = race(n -> {
            Runnable mine = step.apply(n);
            return () -> {
                mine.run();
                return null;
            };
        });
        List<Throwable> failures = new ArrayList<>();
        int succeeded = 0;
        for (Result<Void> r : results) {
            if (r.failure() == null) {
                succeeded++;
            } else {
                failures.add(r.failure());
            }
        }
        return new Outcomes(succeeded, failures);
    }

    /**
     * Runs one round in which every racer returns a value, and returns the values in racer order.
     *
     * @param task the task of racer {@code n}, for n from 0; called on the test thread, the
     *             returned task runs on the racer's thread; not {@code null}
     * @param <T>  the type of the values
     * @return the value of each racer, racer 0 first ({@code null} elements allowed)
     * @throws AssertionError if a racer threw (the first failure is its cause), the racers could
     *                        not all start together, or one did not finish in time
     */
    public <T> List<T> collect(IntFunction<? extends Callable<? extends T>> task) {
        Objects.requireNonNull(task, "task");
        List<Result<T>> results = race(n -> {
            Callable<? extends T> mine = task.apply(n);
            return mine::call;
        });
        List<T> values = new ArrayList<>(racers);
        for (int n = 0; n < racers; n++) {
            Result<T> r = results.get(n);
            if (r.failure() != null) {
                throw new AssertionError("racer " + n + " of " + racers + " failed: " + r.failure(), r.failure());
            }
            values.add(r.value());
        }
        return values;
    }

    private <T> List<Result<T>> race(IntFunction<Callable<T>> task) {
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Result<T>>> futures = new ArrayList<>(racers);
        for (int n = 0; n < racers; n++) {
            Callable<T> mine = task.apply(n);
            futures.add(pool.submit(() -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                try {
                    return new Result<>(mine.call(), null);
                } catch (Exception | Error e) {
                    return new Result<>(null, e);
                }
            }));
        }
        List<Result<T>> results = new ArrayList<>(racers);
        for (Future<Result<T>> f : futures) {
            results.add(await(f));
        }
        return results;
    }

    private static <T> Result<T> await(Future<Result<T>> f) {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a racer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokenBarrierException || e.getCause() instanceof TimeoutException) {
                throw new AssertionError("the racers were not all started together", e.getCause());
            }
            throw new AssertionError("a racer failed outside its step", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a racer did not finish within " + TIMEOUT_SECONDS + " seconds: is the code"
                    + " under test deadlocked or waiting for a connection?", e);
        }
    }

    /** Stops the racers' threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Result<T>(T value, Throwable failure) {
    }

    /**
     * How the racers of one round ended.
     *
     * @param succeeded how many ran their step without an exception
     * @param failures  what the others threw, in racer order
     * @since 0.1.0
     */
    public record Outcomes(int succeeded, List<Throwable> failures) {
        /**
         * Copies the failures.
         *
         * @throws NullPointerException if {@code failures} is null
         */
        public Outcomes {
            failures = List.copyOf(failures);
        }

        /**
         * Returns the failures not of an expected type.
         *
         * @param expected the type every failure should have, not {@code null}
         * @return the unexpected failures
         */
        public List<Throwable> otherThan(Class<? extends Throwable> expected) {
            Objects.requireNonNull(expected, "expected");
            return failures.stream().filter(f -> !expected.isInstance(f)).toList();
        }
    }
}
