package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the outbox delivery and the expiry sweep on one daemon thread while the application runs.
 * Every node may run it: outbox claims use {@code SELECT ... FOR UPDATE SKIP LOCKED} with a lease, so
 * two nodes never send one message twice, and expiry stores each transition by compare-and-set, so a
 * sweep racing another only loses the race. Stopped with the application context.
 *
 * @since 0.1.0
 */
public final class InvitationsScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationsScheduler.class);

    private final InvitationService service;
    private final Duration deliveryInterval;
    private final Duration expiryInterval;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private ScheduledExecutorService executor;

    /**
     * Creates the scheduler.
     *
     * @param service          the service
     * @param deliveryInterval the pause between outbox drains, positive
     * @param expiryInterval   the pause between expiry sweeps, positive
     * @throws IllegalArgumentException if an interval is not positive
     */
    public InvitationsScheduler(InvitationService service, Duration deliveryInterval, Duration expiryInterval) {
        this.service = service;
        this.deliveryInterval = positive(deliveryInterval, "invitations.schedule.delivery-interval");
        this.expiryInterval = positive(expiryInterval, "invitations.schedule.expiry-interval");
    }

    private static Duration positive(Duration d, String property) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 30s, was " + d);
        }
        return d;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "invitations-scheduler");
            t.setDaemon(true);
            return t;
        });
        tasks.add(service.maintenance().scheduleDelivery(executor, deliveryInterval));
        tasks.add(executor.scheduleWithFixedDelay(this::expire, expiryInterval.toMillis(), expiryInterval.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private void expire() {
        try {
            int n = service.maintenance().expireDue();
            if (n > 0) {
                LOG.debug("expired {} invitations", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("the expiry sweep failed and runs again in {}: {}", expiryInterval, e.getClass().getName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
        executor.shutdown();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
