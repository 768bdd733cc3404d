package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs the outbox delivery, the expiry sweep, the reminder sweep and the retention sweep on one
 * daemon thread while the application runs. Every node may run it: outbox claims use
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} with a lease, so two nodes never send one message twice;
 * expiry and reminders store each step by compare-and-set, so a sweep racing another only loses the
 * race and each reminder is queued once; retention erases each invitation once. A failing sweep is
 * logged and runs again after its interval. Stopped with the application context.
 *
 * <p>The retention sweep ({@code InvitationMaintenance.applyRetention}) works per tenant, and the
 * engine does not list tenants: it runs for the tenants the {@linkplain Builder#retentionTenants
 * supplier} names when it runs ({@code invitations.schedule.retention-tenants} in the
 * auto-configuration). A host with many or changing tenants defines its own scheduler bean:
 *
 * <pre>{@code
 * @Bean
 * InvitationsScheduler invitationsScheduler(InvitationService service, TenantRepository tenants) {
 *     return InvitationsScheduler.builder(service).retentionTenants(tenants::allTenantIds).build();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class InvitationsScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationsScheduler.class);

    private final InvitationService service;
    private final Duration deliveryInterval;
    private final Duration expiryInterval;
    private final Duration reminderInterval;
    private final Duration retentionInterval;
    private final Supplier<? extends Collection<TenantId>> retentionTenants;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private ScheduledExecutorService executor;

    /**
     * Creates a scheduler of the outbox delivery and the expiry sweep only (no reminders, no
     * retention); see {@link #builder(InvitationService)} for all four.
     *
     * @param service          the service
     * @param deliveryInterval the pause between outbox drains, positive
     * @param expiryInterval   the pause between expiry sweeps, positive
     * @throws InvitationException with {@code CONFIGURATION} if an interval is missing or not
     *                             positive, naming its property
     */
    public InvitationsScheduler(InvitationService service, Duration deliveryInterval, Duration expiryInterval) {
        this(builder(service).deliveryInterval(deliveryInterval).expiryInterval(expiryInterval)
                .reminderInterval(null));
    }

    private InvitationsScheduler(Builder b) {
        this.service = Objects.requireNonNull(b.service, "service");
        this.deliveryInterval = positive(b.deliveryInterval, "invitations.schedule.delivery-interval");
        this.expiryInterval = positive(b.expiryInterval, "invitations.schedule.expiry-interval");
        this.reminderInterval = b.reminderInterval == null ? null
                : positive(b.reminderInterval, "invitations.schedule.reminder-interval");
        this.retentionInterval = b.retentionInterval == null ? null
                : positive(b.retentionInterval, "invitations.schedule.retention-interval");
        this.retentionTenants = b.retentionTenants;
    }

    /**
     * Starts a builder with the auto-configuration's defaults: delivery every 30 seconds, expiry
     * every 5 minutes, reminders every 5 minutes, and no retention sweep until
     * {@link Builder#retentionTenants} names tenants.
     *
     * @param service the service, not {@code null}
     * @return the builder
     * @since 1.1
     */
    public static Builder builder(InvitationService service) {
        return new Builder(Objects.requireNonNull(service, "service"));
    }

    private static Duration positive(Duration d, String property) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvitationException(ErrorCode.CONFIGURATION, property
                    + " must be a positive duration such as 30s or 5m, was " + d + "; set it to a positive value"
                    + " or switch the schedule off with invitations.schedule.enabled=false");
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
        every(expiryInterval, this::expire);
        if (reminderInterval != null) {
            every(reminderInterval, this::sendReminders);
        }
        if (retentionInterval != null) {
            every(retentionInterval, this::applyRetention);
        }
    }

    private void every(Duration interval, Runnable task) {
        tasks.add(executor.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /**
     * One expiry sweep, as the schedule runs it.
     *
     * @return how many invitations were expired; 0 when the sweep failed (logged)
     */
    int expire() {
        return quietly("expiry", expiryInterval, () -> service.maintenance().expireDue());
    }

    /**
     * One reminder sweep, as the schedule runs it.
     *
     * @return how many reminders were queued; 0 when the sweep failed (logged)
     */
    int sendReminders() {
        return quietly("reminder", reminderInterval, () -> service.maintenance().sendDueReminders());
    }

    /**
     * One retention sweep over the supplied tenants, as the schedule runs it; a failing tenant is
     * logged and the others still run.
     *
     * @return how many invitations were erased
     */
    int applyRetention() {
        Collection<TenantId> tenants;
        try {
            tenants = retentionTenants.get();
        } catch (RuntimeException e) {
            LOG.warn("the retention sweep could not list its tenants and runs again in {}: {}", retentionInterval,
                    e.getClass().getName());
            return 0;
        }
        int erased = 0;
        for (TenantId tenant : tenants == null ? List.<TenantId>of() : tenants) {
            erased += quietly("retention", retentionInterval, () -> service.maintenance().applyRetention(tenant));
        }
        return erased;
    }

    private static int quietly(String sweep, Duration interval, IntSupplier run) {
        try {
            int n = run.getAsInt();
            if (n > 0) {
                LOG.debug("the {} sweep handled {} invitations", sweep, n);
            }
            return n;
        } catch (RuntimeException e) {
            // the class only: messages of store failures may quote data
            LOG.warn("the {} sweep failed and runs again in {}: {}", sweep, interval, e.getClass().getName());
            return 0;
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

    @Override
    public String toString() {
        return "InvitationsScheduler[delivery=" + deliveryInterval + ", expiry=" + expiryInterval + ", reminders="
                + (reminderInterval == null ? "off" : reminderInterval) + ", retention="
                + (retentionInterval == null ? "off" : retentionInterval) + "]";
    }

    /**
     * Builds an {@link InvitationsScheduler}. Intervals are checked by {@link #build()}.
     *
     * @since 1.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public static final class Builder {
        private final InvitationService service;
        private Duration deliveryInterval = Duration.ofSeconds(30);
        private Duration expiryInterval = Duration.ofMinutes(5);
        private Duration reminderInterval = Duration.ofMinutes(5);
        private Duration retentionInterval;
        private Supplier<? extends Collection<TenantId>> retentionTenants = List::of;

        private Builder(InvitationService service) {
            this.service = service;
        }

        /**
         * Sets the pause between outbox drains.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder deliveryInterval(Duration interval) {
            this.deliveryInterval = interval;
            return this;
        }

        /**
         * Sets the pause between expiry sweeps.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder expiryInterval(Duration interval) {
            this.expiryInterval = interval;
            return this;
        }

        /**
         * Sets the pause between reminder sweeps ({@code InvitationMaintenance.sendDueReminders()}).
         *
         * @param interval positive, or {@code null} for no reminder sweep on this node
         * @return this builder
         */
        public Builder reminderInterval(Duration interval) {
            this.reminderInterval = interval;
            return this;
        }

        /**
         * Runs the retention sweep ({@code InvitationMaintenance.applyRetention}) for the tenants the
         * supplier names, asked anew before every run; tenants without a retention period are left
         * alone by the engine.
         *
         * @param interval positive, or {@code null} for no retention sweep on this node
         * @param tenants  the tenants to sweep, not {@code null}
         * @return this builder
         */
        public Builder retentionTenants(Duration interval, Supplier<? extends Collection<TenantId>> tenants) {
            this.retentionInterval = interval;
            this.retentionTenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /**
         * Runs the retention sweep every hour for the tenants the supplier names.
         *
         * @param tenants the tenants to sweep, not {@code null}
         * @return this builder
         */
        public Builder retentionTenants(Supplier<? extends Collection<TenantId>> tenants) {
            return retentionTenants(Duration.ofHours(1), tenants);
        }

        /**
         * Builds the scheduler; it starts with the application context.
         *
         * @return the scheduler
         * @throws InvitationException with {@code CONFIGURATION} if an interval is not positive,
         *                             naming its property
         */
        public InvitationsScheduler build() {
            return new InvitationsScheduler(this);
        }
    }
}
