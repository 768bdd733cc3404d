package io.invitations.micrometer;

import io.invitations.core.InvitationService;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.observe.InvitationObserver;
import io.invitations.core.outbox.DrainResult;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.invitation.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.observation.ObservationRegistry;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer metrics and observations for one {@link InvitationService}. Bind it to the service's
 * builder with {@link #bindTo(InvitationService.Builder)}: its {@linkplain #listener() listener}
 * counts events, and its {@linkplain #observer() observer} wraps invite, provision, bulk, accept,
 * link join and outbox delivery in {@code Observation}s and counts bulk rows and delivery outcomes.
 * With an {@link OutboxBacklog} it also registers the outbox gauges.
 *
 * <pre>{@code
 * InvitationMetrics metrics = InvitationMetrics.builder(meterRegistry)
 *         .observationRegistry(observationRegistry).outboxBacklog(backlog).build();
 * InvitationService service = metrics.bindTo(InvitationService.builder().store(store)).build();
 * }</pre>
 *
 * <p>Tags carry only bounded values (event type, status, outcome, operation, error code); never an
 * email address, name, token, code or invitation id. The tenant id is added as a {@code tenant} tag
 * only when {@link Builder#tenantTags(boolean)} is switched on (off by default: tenant ids may be
 * many, and may be personal in single-person tenants). Meter names are listed in the README section
 * "Metrics". Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class InvitationMetrics {
    /** Counter: events published, by {@code type} and {@code outcome}. */
    public static final String EVENTS = "invitations.events";
    /** Counter: bulk rows, by {@code outcome} and {@code mode}. */
    public static final String BULK_ROWS = "invitations.bulk.rows";
    /** Counter: outbox messages handled by drains, by {@code outcome}. */
    public static final String DELIVERIES = "invitations.delivery.messages";
    /** Gauge: outbox messages waiting to be delivered. */
    public static final String OUTBOX_BACKLOG = "invitations.outbox.backlog";
    /** Time gauge (seconds): how long the oldest due outbox message has waited. */
    public static final String OUTBOX_OLDEST_DUE_AGE = "invitations.outbox.oldest.due.age";
    /**
     * Counter: invitations reaching each step of the conversion funnel, by {@code step}: sent,
     * delivered (first message handed over), opened (first inspect), accepted, bounced (hard bounce
     * or complaint) and link_shared (the copy-link fallback). The administration's
     * {@code conversion(..)} report gives the same funnel per inviter, batch or channel, with
     * time-to-accept percentiles, from storage.
     *
     * @since 1.1
     */
    public static final String FUNNEL = "invitations.funnel";
    /** Observation (and its timer): invite, provision, bulk, accept, join and delivery. */
    public static final String OPERATION = "invitations.operation";

    private static final Logger LOG = LoggerFactory.getLogger(InvitationMetrics.class);

    private final MeterRegistry registry;
    private final boolean tenantTags;
    private final InvitationObserver observer;
    private final InvitationEventListener listener = this::count;

    private InvitationMetrics(Builder b) {
        this.registry = b.registry;
        this.tenantTags = b.tenantTags;
        this.observer = new ObservingObserver(b.observations, tenantTags, this::recordResult);
        if (b.backlog != null) {
            registerGauges(b.backlog, b.clock);
        }
    }

    /**
     * Starts configuring metrics on a registry.
     *
     * @param registry where meters are registered, not {@code null}
     * @return a new builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    /**
     * The event listener that counts {@value #EVENTS}.
     *
     * @return the listener
     */
    public InvitationEventListener listener() {
        return listener;
    }

    /**
     * The observer that wraps operations in observations and counts bulk rows and deliveries.
     *
     * @return the observer
     */
    public InvitationObserver observer() {
        return observer;
    }

    /**
     * Adds the {@linkplain #listener() listener} and the {@linkplain #observer() observer} to a
     * service builder.
     *
     * @param builder the builder, not {@code null}
     * @return the same builder
     */
    public InvitationService.Builder bindTo(InvitationService.Builder builder) {
        return builder.listener(listener).observer(observer);
    }

    private void count(InvitationEvent event) {
        Tags tags = Tags.of("type", event.type(), "outcome", outcomeOf(event));
        Counter.builder(EVENTS).description("Invitation events published, by type and outcome")
                .tags(withTenant(tags, event.tenantId())).register(registry).increment();
        String step = funnelStep(event);
        if (step != null) {
            Counter.builder(FUNNEL).description("Invitations reaching each step of the conversion funnel")
                    .tags(withTenant(Tags.of("step", step), event.tenantId())).register(registry).increment();
        }
    }

    static String funnelStep(InvitationEvent event) {
        if (event instanceof InvitationEvent.Invited) {
            return "sent";
        }
        if (event instanceof InvitationEvent.Delivered d) {
            return d.sendNumber() == 1 ? "delivered" : null;
        }
        if (event instanceof InvitationEvent.Opened) {
            return "opened";
        }
        if (event instanceof InvitationEvent.Accepted || event instanceof InvitationEvent.ApprovalRequested) {
            return "accepted";
        }
        if (event instanceof InvitationEvent.Bounced b) {
            return b.hard() ? "bounced" : null;
        }
        return event instanceof InvitationEvent.ClaimLinkShared ? "link_shared" : null;
    }

    static String outcomeOf(InvitationEvent event) {
        if (event instanceof InvitationEvent.StatusEvent s) {
            return lower(s.to().name());
        }
        if (event instanceof InvitationEvent.Delivered) {
            return "delivered";
        }
        if (event instanceof InvitationEvent.DeliveryFailed) {
            return "failed";
        }
        if (event instanceof InvitationEvent.Bounced b) {
            return b.complaint() ? "complained" : b.hard() ? "bounced" : "soft_bounced";
        }
        if (event instanceof InvitationEvent.Opened) {
            return "opened";
        }
        if (event instanceof InvitationEvent.ClaimLinkShared) {
            return "link_shared";
        }
        if (event instanceof InvitationEvent.Reassigned) {
            return "reassigned";
        }
        if (event instanceof InvitationEvent.Erased) {
            return "erased";
        }
        return event instanceof InvitationEvent.LinkDeactivated ? "inactive" : "active";
    }

    private void recordResult(InvitationObserver.Operation operation, TenantId tenantId, Object result) {
        if (result instanceof BulkReport report) {
            String mode = lower(report.mode().name());
            for (BulkOutcome outcome : BulkOutcome.values()) {
                int n = report.count(outcome);
                if (n > 0) {
                    Counter.builder(BULK_ROWS).description("Bulk rows, by outcome and mode")
                            .tags(withTenant(Tags.of("outcome", lower(outcome.name()), "mode", mode), tenantId))
                            .register(registry).increment(n);
                }
            }
        } else if (result instanceof DrainResult drained) {
            delivery("delivered", drained.delivered());
            delivery("retrying", drained.retrying());
            delivery("failed", drained.failed());
            delivery("cancelled", drained.cancelled());
            delivery("unsettled", drained.unsettled());
        }
    }

    private void delivery(String outcome, int n) {
        if (n > 0) {
            Counter.builder(DELIVERIES).description("Outbox messages handled, by outcome")
                    .tag("outcome", outcome).register(registry).increment(n);
        }
    }

    private void registerGauges(OutboxBacklog backlog, Clock clock) {
        Gauge.builder(OUTBOX_BACKLOG, backlog, b -> {
            OutboxBacklog.Snapshot s = read(b, clock);
            return s == null ? Double.NaN : s.pending();
        })
                .description("Outbox messages waiting to be delivered").baseUnit("messages").register(registry);
        TimeGauge.builder(OUTBOX_OLDEST_DUE_AGE, backlog, TimeUnit.SECONDS, b -> {
            Instant now = clock.instant();
            OutboxBacklog.Snapshot s = read(b, clock);
            return s == null ? Double.NaN : s.oldestDueAgeSeconds(now);
        }).description("How long the oldest due outbox message has waited").register(registry);
    }

    private static OutboxBacklog.Snapshot read(OutboxBacklog backlog, Clock clock) {
        try {
            return Objects.requireNonNull(backlog.read(clock.instant()), "the backlog read nothing");
        } catch (RuntimeException e) {
            LOG.warn("reading the outbox backlog failed: {}", e.getClass().getName());
            return null;
        }
    }

    private Tags withTenant(Tags tags, TenantId tenantId) {
        return tenantTags && tenantId != null ? tags.and("tenant", tenantId.value()) : tags;
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Configures {@link InvitationMetrics}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.0")
    public static final class Builder {
        private final MeterRegistry registry;
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        private boolean tenantTags;
        private OutboxBacklog backlog;
        private Clock clock = Clock.systemUTC();

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Sets where observations go (timers, traces, logs: whatever handlers the registry has).
         *
         * @param value the registry (default: {@link ObservationRegistry#NOOP}, no observations)
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry value) {
            observations = Objects.requireNonNull(value, "observationRegistry");
            return this;
        }

        /**
         * Switches the {@code tenant} tag on or off. Off by default: every tenant multiplies the
         * number of time series, and in single-person tenants the id may identify a person.
         *
         * @param value {@code true} to tag meters and observations with the tenant id
         * @return this builder
         */
        public Builder tenantTags(boolean value) {
            tenantTags = value;
            return this;
        }

        /**
         * Registers the outbox gauges {@value #OUTBOX_BACKLOG} and {@value #OUTBOX_OLDEST_DUE_AGE}
         * read through this backlog.
         *
         * @param value the backlog reader (default: none, no gauges)
         * @return this builder
         */
        public Builder outboxBacklog(OutboxBacklog value) {
            backlog = Objects.requireNonNull(value, "outboxBacklog");
            return this;
        }

        /**
         * Sets the clock the age of the oldest due message is measured with.
         *
         * @param value the clock (default: {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the metrics and registers the gauges.
         *
         * @return the metrics
         */
        public InvitationMetrics build() {
            return new InvitationMetrics(this);
        }
    }
}
