package io.invitations.core.internal;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks chosen by key hash: serialises work on one invitation (or tenant) inside this
 * process without keeping a lock per key. Across processes, compare-and-set in the store still
 * decides. Work that must not run under a lock (mail delivery) is handed to {@link #whenUnlocked}.
 * Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class StripedLocks {
    /** How many striped locks (of any instance) this thread holds. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** What runs once this thread holds no striped lock any more. */
    private static final ThreadLocal<List<Runnable>> DEFERRED = ThreadLocal.withInitial(ArrayList::new);

    private final ReentrantLock[] locks;

    /**
     * Creates the locks.
     *
     * @param stripes how many locks, a power of two
     */
    public StripedLocks(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two");
        }
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Runs work holding the lock of a key.
     *
     * @param key  the key
     * @param work the work
     * @param <T>  the result type
     * @return what the work returned
     */
    public <T> T with(Object key, Supplier<T> work) {
        int h = key.hashCode();
        ReentrantLock lock = locks[(h ^ (h >>> 16)) & (locks.length - 1)];
        lock.lock();
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
            lock.unlock();
            if (depth[0] == 0) {
                runDeferred();
            }
        }
    }

    /**
     * Runs an action at once when this thread holds no striped lock, else right after it released
     * its last one (also when the work under the lock failed). Keeps slow work, such as handing
     * messages to a mail server, from holding up other operations on the same invitation or tenant.
     *
     * @param action the action; should not throw (what it throws reaches whoever released the lock)
     */
    public static void whenUnlocked(Runnable action) {
        if (DEPTH.get()[0] == 0) {
            action.run();
        } else {
            DEFERRED.get().add(action);
        }
    }

    private static void runDeferred() {
        List<Runnable> deferred = DEFERRED.get();
        while (!deferred.isEmpty()) {
            deferred.remove(0).run();
        }
    }
}
