package io.invitations.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs tasks on real threads that all start at the same moment, and collects their results in order. */
public final class Race implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public Race(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Runs task(0) .. task(threads - 1) together; rethrows the first failure. */
    public <T> List<T> run(IntFunction<Callable<T>> task) throws InterruptedException, ExecutionException,
            TimeoutException {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<T>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Callable<T> work = task.apply(t);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        List<T> results = new ArrayList<>(threads);
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
