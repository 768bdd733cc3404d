package io.invitations.core.internal;

import io.invitations.core.observe.InvitationObserver;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.spi.storage.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the outbox for the facade. In {@link DeliveryMode#IMMEDIATE} the messages a write queued
 * are handed, once the operation released its locks, to an executor that delivers them — those
 * messages and no others — so the caller never waits for a mail server. When the executor refuses
 * work (its queue is full), the messages stay queued and the next task the executor runs drains
 * every due message after its own. In {@link DeliveryMode#HOST_DRIVEN} it does nothing and the host
 * drains. Each delivery task and each drain runs inside the {@link InvitationObserver} as a
 * {@code DELIVERY} operation. Never throws from {@link #messagesQueued}: a failing mail server never
 * fails the operation. Thread-safe.
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final OutboxProcessor outbox;
    private final DeliveryMode mode;
    private final Executor executor;
    private final InvitationObserver observer;
    /** The messages this thread's operations queued that wait for its locks to be released. */
    private final ThreadLocal<List<OutboxMessage>> waiting = new ThreadLocal<>();
    /** Set when the executor refused work: the next task also drains what is due. */
    private final AtomicBoolean backlog = new AtomicBoolean();

    /**
     * Creates the driver.
     *
     * @param outbox   the outbox processor
     * @param mode     when queued messages are delivered
     * @param executor where IMMEDIATE delivery runs
     * @param observer called around each delivery task and drain
     */
    public Delivery(OutboxProcessor outbox, DeliveryMode mode, Executor executor, InvitationObserver observer) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * The library's own delivery executor: a few daemon threads and a bounded queue; it refuses work
     * when the queue is full rather than block the caller.
     *
     * @param threads   how many threads, at least 1
     * @param queueSize how many deliveries may wait, at least 1
     * @return a new executor
     */
    public static Executor boundedDaemonPool(int threads, int queueSize) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, "invitations-delivery-" + pool + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Returns the outbox processor.
     *
     * @return the processor
     */
    public OutboxProcessor outbox() {
        return outbox;
    }

    /**
     * Returns when queued messages are delivered.
     *
     * @return the mode
     */
    public DeliveryMode mode() {
        return mode;
    }

    /**
     * Tells that a write just stored outbox messages; once this thread holds no lock, hands them to
     * the executor (IMMEDIATE) and returns.
     *
     * @param queued the messages the write stored
     */
    public void messagesQueued(List<OutboxMessage> queued) {
        if (mode != DeliveryMode.IMMEDIATE || queued.isEmpty()) {
            return;
        }
        List<OutboxMessage> pending = waiting.get();
        if (pending != null) {
            pending.addAll(queued);
            return;
        }
        List<OutboxMessage> fresh = new ArrayList<>(queued);
        waiting.set(fresh);
        StripedLocks.whenUnlocked(() -> {
            waiting.remove();
            handOver(List.copyOf(fresh));
        });
    }

    private void handOver(List<OutboxMessage> messages) {
        try {
            executor.execute(() -> deliverQuietly(messages));
        } catch (RejectedExecutionException e) {
            backlog.set(true);
            LOG.debug("the delivery executor is busy; {} messages stay queued for the next drain", messages.size());
        } catch (RuntimeException e) {
            backlog.set(true);
            LOG.warn("the delivery executor failed; {} messages stay queued for the next drain: {}", messages.size(),
                    e.getClass().getName());
        }
    }

    private void deliverQuietly(List<OutboxMessage> messages) {
        try {
            observer.observe(InvitationObserver.Operation.DELIVERY, null, () -> outbox.deliver(messages));
            if (backlog.getAndSet(false)) {
                drainNow();
            }
        } catch (RuntimeException e) {
            // deliver and drainDue promise not to throw; should a bug break that promise, the operation still stands.
            LOG.warn("delivering queued messages failed; they stay queued: {}", e.getClass().getName());
        }
    }

    private void drainQuietly() {
        try {
            drainNow();
        } catch (RuntimeException e) {
            // drainDue promises not to throw; should a bug break that promise, the operation still stands.
            LOG.warn("draining the outbox failed; queued messages stay queued: {}", e.getClass().getName());
        }
    }

    /**
     * Delivers every message due now.
     *
     * @return what was done
     */
    public DrainResult drainNow() {
        return observer.observe(InvitationObserver.Operation.DELIVERY, null, outbox::drainDue);
    }

    /**
     * Drains on a host's scheduler: at once, then with a fixed delay between runs.
     *
     * @param scheduler the host's scheduler
     * @param delay     the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    public ScheduledFuture<?> scheduleWith(ScheduledExecutorService scheduler, Duration delay) {
        Objects.requireNonNull(scheduler, "executor");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, was " + delay);
        }
        return scheduler.scheduleWithFixedDelay(this::drainQuietly, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
