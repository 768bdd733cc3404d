package io.invitations.core;

import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * What the host's scheduler runs: deliver the outbox's due messages, store the expiry of
 * invitations past it and queue due reminders, once or on a schedule. Several nodes may run it at
 * once.
 *
 * <pre>{@code
 * InvitationMaintenance maintenance = service.maintenance();
 * ScheduledFuture<?> delivery = maintenance.scheduleDelivery(executor, Duration.ofSeconds(30));
 * ScheduledFuture<?> expiry = maintenance.scheduleExpiry(executor, Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Obtained from {@link InvitationService#maintenance()}; thread-safe.
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface InvitationMaintenance {
    /**
     * Delivers every queued message that is due now: what the engine does by itself after each
     * operation in {@link DeliveryMode#IMMEDIATE}, and what a host in {@link DeliveryMode#HOST_DRIVEN}
     * calls from its own scheduler (also useful in IMMEDIATE mode to retry transient failures whose
     * backoff has passed). Several threads or processes may call it at once. Never throws: a failing
     * mail server or store leaves the messages queued.
     *
     * @return how many messages were delivered, are retrying, failed, were cancelled or left unsettled
     */
    DrainResult deliverDueMessages();

    /**
     * Stores EXPIRED, with history and events, for every pending invitation past its expiry. Reads
     * already report them EXPIRED; run this periodically so that stored data and events follow.
     *
     * <p>The same sweep keeps the store small: it deletes the send records that the tenants'
     * {@linkplain io.invitations.spi.settings.TenantSettings#sendLimits() send limits} keep per
     * message once they are older than the tenant's longest window, as no window can count them any
     * more ({@link io.invitations.spi.storage.InvitationStore#purgeSends}), but never before they are 31
     * days old, also when the tenant's limits were removed or shortened: restoring a limit must not
     * hand out fresh quotas. A failing purge is logged and tried again on the next run; it does not
     * fail the expiry.
     *
     * @return how many invitations were expired
     */
    int expireDue();

    /**
     * Queues every reminder that is due now under its tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#reminders() reminder schedule}, with a
     * {@code REMIND} history entry and an {@link io.invitations.spi.event.InvitationEvent.Reminded}
     * event each. Reminders go to PENDING email invitations only (never after accept, decline,
     * revoke, expiry or a hard bounce) through the outbox, like the invitation messages, and are
     * delivered as they are. Run it periodically, e.g. every few minutes; several nodes may run it at
     * once and each reminder is still queued exactly once.
     *
     * @return how many reminders this call queued
     * @since 1.1
     */
    int sendDueReminders();

    /**
     * Applies a tenant's retention period
     * ({@link io.invitations.spi.settings.TenantSettings#retention()}): erases the personal data of its
     * expired, declined, revoked and rejected invitations last changed longer ago than that, in
     * batches, each with an {@code ERASE} history entry and an {@code InvitationEvent.Erased} (actor
     * {@code system:retention}). Safe to run on several nodes at once; each invitation is erased once.
     * A tenant without a retention period is left alone.
     *
     * @param tenantId the tenant, not {@code null}
     * @return how many invitations this call erased
     * @throws UnsupportedOperationException if the store cannot erase
     * @since 1.1
     */
    int applyRetention(io.invitations.spi.invitation.TenantId tenantId);

    /**
     * Calls {@link #deliverDueMessages()} on the host's scheduler: at once, then with a fixed delay
     * between the end of one run and the start of the next. Cancel the returned future to stop; the
     * executor stays the host's to shut down.
     *
     * @param executor the host's scheduler, not {@code null}
     * @param delay    the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    ScheduledFuture<?> scheduleDelivery(ScheduledExecutorService executor, Duration delay);

    /**
     * Calls {@link #expireDue()} on the host's scheduler: at once, then with a fixed delay between
     * the end of one run and the start of the next. A failing run is logged and the next one runs
     * as planned. Cancel the returned future to stop; the executor stays the host's to shut down.
     *
     * @param executor the host's scheduler, not {@code null}
     * @param delay    the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    ScheduledFuture<?> scheduleExpiry(ScheduledExecutorService executor, Duration delay);
}
