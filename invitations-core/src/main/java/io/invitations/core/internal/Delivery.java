package io.invitations.core.internal;

import io.invitations.core.observe.InvitationObserver;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.internal.OutboxProcessor;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives the outbox for the facade: in {@link DeliveryMode#IMMEDIATE} a write that queued messages
 * drains the outbox right after it, once the operation released its locks (so a slow mail server
 * holds up only the operation that queued, not others on the same tenant); in
 * {@link DeliveryMode#HOST_DRIVEN} it does nothing and the host drains. Never throws from
 * {@link #messagesQueued()}: a failing mail server never fails the operation. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final OutboxProcessor outbox;
    private final DeliveryMode mode;
    private final InvitationObserver observer;
    /** Whether this thread already has a drain waiting for its locks to be released. */
    private final ThreadLocal<Boolean> waiting = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Creates the driver.
     *
     * @param outbox the outbox processor
     * @param mode   when queued messages are delivered
     */
    public Delivery(OutboxProcessor outbox, DeliveryMode mode) {
        this(outbox, mode, InvitationObserver.noop());
    }

    /**
     * Creates the driver with an observer around each drain.
     *
     * @param outbox   the outbox processor
     * @param mode     when queued messages are delivered
     * @param observer called around each drain
     */
    public Delivery(OutboxProcessor outbox, DeliveryMode mode, InvitationObserver observer) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.observer = Objects.requireNonNull(observer, "observer");
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

    /** Tells that a write just stored outbox messages; drains once this thread holds no lock. */
    public void messagesQueued() {
        if (mode != DeliveryMode.IMMEDIATE || waiting.get()) {
            return;
        }
        waiting.set(Boolean.TRUE);
        StripedLocks.whenUnlocked(() -> {
            waiting.set(Boolean.FALSE);
            drainQuietly();
        });
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
     * @param executor the host's scheduler
     * @param delay    the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    public ScheduledFuture<?> scheduleWith(ScheduledExecutorService executor, Duration delay) {
        Objects.requireNonNull(executor, "executor");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, was " + delay);
        }
        return executor.scheduleWithFixedDelay(this::drainQuietly, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
