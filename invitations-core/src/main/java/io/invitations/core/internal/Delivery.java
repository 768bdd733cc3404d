package io.invitations.core.internal;

import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Drives the outbox for the facade: in {@link DeliveryMode#IMMEDIATE} a write that queued messages
 * drains the outbox right after it, once the operation released its locks (so a slow mail server
 * holds up only the operation that queued, not others on the same tenant); in
 * {@link DeliveryMode#HOST_DRIVEN} it does nothing and the host drains. Never throws from
 * {@link #messagesQueued()}: a failing mail server never fails the operation. Thread-safe.
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final OutboxProcessor outbox;
    private final DeliveryMode mode;
    /** Whether this thread already has a drain waiting for its locks to be released. */
    private final ThreadLocal<Boolean> waiting = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Creates the driver.
     *
     * @param outbox the outbox processor
     * @param mode   when queued messages are delivered
     */
    public Delivery(OutboxProcessor outbox, DeliveryMode mode) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mode = Objects.requireNonNull(mode, "mode");
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
            outbox.drainDue();
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
        return outbox.drainDue();
    }
}
