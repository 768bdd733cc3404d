package io.invitations.benchmarks.internal;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracks the largest heap still in use right after a garbage collection, from the JVM's
 * garbage-collection notifications: the live data a piece of code holds at its fullest, without the
 * garbage that a plain "heap used" figure also counts. Only collections that happen while it is
 * open count; {@link #measureNow()} forces one.
 */
public final class LiveHeapPeak implements NotificationListener, AutoCloseable {
    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong last = new AtomicLong();

    /**
     * Starts listening to every collector.
     */
    public LiveHeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        peak.accumulateAndGet(live, Math::max);
        last.set(live);
        collections.incrementAndGet();
    }

    /**
     * Forces a full collection now, so that what the caller still holds counts, and waits until its
     * notification has arrived.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void measureNow() throws InterruptedException {
        long before = collections.get();
        System.gc();
        for (int i = 0; i < 100 && collections.get() == before; i++) {
            Thread.sleep(10); // notifications arrive on a JMX thread, shortly after the collection
        }
    }

    /**
     * Returns the peak.
     *
     * @return the largest heap in use after a collection, in bytes
     */
    public long bytes() {
        return peak.get();
    }

    /**
     * Returns the heap in use after the latest collection.
     *
     * @return bytes
     */
    public long latest() {
        return last.get();
    }

    /**
     * Returns how many collections were seen.
     *
     * @return the count
     */
    public long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // not registered on this collector: nothing to remove
            }
        }
    }
}
