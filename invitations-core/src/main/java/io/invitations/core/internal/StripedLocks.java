package io.invitations.core.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks chosen by key hash: serialises work on one invitation (or tenant) inside this
 * process without keeping a lock per key. Across processes, compare-and-set in the store still
 * decides. Thread-safe.
 */
public final class StripedLocks {
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
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
