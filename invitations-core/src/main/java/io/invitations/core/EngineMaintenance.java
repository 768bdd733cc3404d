package io.invitations.core;

import io.invitations.core.outbox.DrainResult;
import io.invitations.spi.InvitationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The engine's {@link InvitationMaintenance}. */
final class EngineMaintenance implements InvitationMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationMaintenance.class);
    private final Engine engine;

    EngineMaintenance(Engine engine) {
        this.engine = engine;
    }

    @Override
    public DrainResult deliverDueMessages() {
        return engine.ctx.delivery().drainNow();
    }

    @Override
    public int expireDue() {
        int expired = engine.managing.expireDue();
        io.invitations.core.internal.OptOuts.purgeSends(engine.ctx);
        return expired;
    }

    @Override
    public int sendDueReminders() {
        return engine.reminders.sendDue();
    }

    @Override
    public int applyRetention(io.invitations.spi.invitation.TenantId tenantId) {
        return engine.erasing.applyRetention(Objects.requireNonNull(tenantId, "tenantId"));
    }

    @Override
    public ScheduledFuture<?> scheduleDelivery(ScheduledExecutorService executor, Duration delay) {
        Objects.requireNonNull(executor, "executor");
        return engine.ctx.delivery().scheduleWith(executor, Objects.requireNonNull(delay, "delay"));
    }

    @Override
    public ScheduledFuture<?> scheduleExpiry(ScheduledExecutorService executor, Duration delay) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw InvitationException.invalidValue("delay must be positive, was " + delay);
        }
        return executor.scheduleWithFixedDelay(this::expireQuietly, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expireQuietly() {
        try {
            int expired = expireDue();
            if (expired > 0) {
                LOG.debug("stored {} invitation(s) as EXPIRED", expired);
            }
        } catch (RuntimeException e) {
            // A failing store must not cancel the schedule: the next run tries again.
            LOG.warn("storing due expiries failed; the next run tries again: {}", e.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "InvitationMaintenance";
    }
}
