package io.invitations.core.outbox.internal;

import io.invitations.core.outbox.RetryPolicy;
import io.invitations.core.outbox.DrainResult;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.IdentifyingMailer;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.WriteBatch;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * Delivers the outbox: claims due messages from the {@link InvitationStore}, renders each one at
 * delivery time with an {@link OutboxRenderer}, hands it to the {@link Mailer} and stores the outcome
 * together with the invitation's {@link DeliveryState} in one {@link WriteBatch}.
 * <ul>
 *   <li>Success: the message is DELIVERED, the invitation's delivery state too, and
 *       {@link InvitationEvent.Delivered} is published.</li>
 *   <li>Transient failure ({@link MailDeliveryException#isTransient()}, or any other runtime
 *       exception of the renderer or mailer): retried after the {@link RetryPolicy}'s backoff; after
 *       the last attempt it fails for good.</li>
 *   <li>Permanent failure: the message is FAILED at once, the invitation records the error (visible
 *       to the host as {@link DeliveryState#lastError()}) and {@link InvitationEvent.DeliveryFailed}
 *       is published.</li>
 *   <li>A message whose invitation is no longer pending, or that a newer message of the same
 *       invitation replaced, is cancelled unsent (FAILED with a "cancelled" reason; the invitation
 *       is left as it is).</li>
 * </ul>
 * The invitation's delivery state follows its latest message only. Updates of the invitation are
 * compare-and-set; when someone changed it meanwhile, it is read again and the write retried.
 *
 * <h2>Delivery guarantee</h2>
 * Each message goes through three durable steps:
 * <ol>
 *   <li><b>Claim</b>: the store gives the message one more attempt ({@link OutboxMessage#attempts()},
 *       the claim's fencing token) and hides it from other workers for the lease.</li>
 *   <li><b>Attempt record</b>, right before the mailer is called: a compare-and-set write on that
 *       token marks the message <em>in doubt</em> ({@link OutboxMessage#lastError()} starts with
 *       {@value #IN_DOUBT}) and renews the lease from now. If another worker claimed it meanwhile,
 *       the write fails and the message is not sent.</li>
 *   <li><b>Outcome</b>, right after the mailer returned: delivered, retry later or failed, again a
 *       compare-and-set write on the token.</li>
 * </ol>
 * A process that stops between steps 2 and 3 leaves the message in doubt: nobody knows whether the
 * mail server took it. <b>Rule: once the lease has passed, an in-doubt message is claimed again and
 * sent again with the same {@link MailMessage#idempotencyKey()}</b> (and so the same
 * {@code Message-ID} from {@code SmtpMailer}). Hence no message is ever lost, and a stopped process
 * causes at most one duplicate per message it was handing over at that moment — one per sending
 * thread — and none with a mailer whose provider deduplicates by key. Messages a stopped process
 * had claimed but not yet started are claimed again within one lease and sent once. A message
 * this processor delivered but could not record is recorded on its next claim without being sent
 * again. Measured by killing separate worker JVMs with {@code destroyForcibly()} at random points
 * while they delivered 200 messages from PostgreSQL, 6 times: 0 messages lost, 3 extra deliveries
 * at the SMTP server (at most one per kill, each with the original's Message-ID), 0 at a provider
 * that deduplicates by key; a killed worker's claims were free again within one lease (see
 * docs/RELIABILITY.md).
 *
 * <p>A failing or slow mailer never fails or loses an invitation: {@link #drainDue()} never throws,
 * and a message stays in the outbox until an outcome is stored. Make the lease longer than the
 * mailer's worst-case send time; the attempt record renews it for each message, so a long batch
 * does not outlive its lease.
 *
 * <p>Message bodies carry claim links and are never logged. Thread-safe: several threads may drain
 * at once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class OutboxProcessor {
    /** The actor of the events the outbox publishes. */
    public static final String ACTOR = "system:outbox";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxProcessor.class);
    private static final int MAX_WRITE_ROUNDS = 8;
    private static final int MAX_ERROR_LENGTH = 500;
    /**
     * How {@link OutboxMessage#lastError()} starts while a message is being handed to the mailer:
     * a message still marked so when it is claimed again was in doubt.
     */
    public static final String IN_DOUBT = "in doubt:";

    private enum Outcome { DELIVERED, RETRYING, FAILED, CANCELLED, UNSETTLED }

    private final InvitationStore store;
    private final Mailer mailer;
    private final OutboxRenderer renderer;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final Duration lease;
    private final DoubleSupplier jitterSource;
    private final List<InvitationEventListener> listeners;
    /** Keys this processor is handing to the mailer right now. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Keys this processor delivered whose outcome is not stored yet: recorded, never sent again. */
    private final Cache<String, String> deliveredUnrecorded;
    /** Marks a delivered-unrecorded key whose mailer reported no id. */
    private static final String NO_ID = "";

    private OutboxProcessor(Builder b) {
        store = b.store;
        mailer = b.mailer;
        renderer = b.renderer;
        clock = b.clock;
        retryPolicy = b.retryPolicy;
        batchSize = b.batchSize;
        lease = b.lease;
        jitterSource = b.jitterSource;
        listeners = List.copyOf(b.listeners);
        deliveredUnrecorded = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).maximumSize(1_000_000).build();
    }

    /**
     * Starts a builder; store, mailer and renderer are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Delivers every message due now, batch after batch, until none is due. Messages that fail
     * transiently are scheduled for later and not retried within the same call (unless their delay
     * passed meanwhile). Never throws: storage and mailer failures are logged and the messages stay
     * in the outbox.
     *
     * @return what was done
     */
    public DrainResult drainDue() {
        int[] counts = new int[Outcome.values().length];
        while (true) {
            List<OutboxMessage> claimed;
            try {
                claimed = store.claimOutbox(clock.instant(), batchSize, lease);
            } catch (RuntimeException e) {
                LOG.warn("could not claim outbox messages; they stay queued: {}", describe(e));
                break;
            }
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxMessage message : claimed) {
                counts[process(message).ordinal()]++;
            }
        }
        return result(counts);
    }

    private static DrainResult result(int[] counts) {
        return new DrainResult(counts[Outcome.DELIVERED.ordinal()], counts[Outcome.RETRYING.ordinal()],
                counts[Outcome.FAILED.ordinal()], counts[Outcome.CANCELLED.ordinal()],
                counts[Outcome.UNSETTLED.ordinal()]);
    }

    /**
     * Delivers the given messages now (those of one operation, just queued), and no others: claims
     * them by id, then handles each as {@link #drainDue()} does. A message another worker holds, or
     * one already settled, is left alone. When the store cannot claim by id, drains every due
     * message instead. Never throws.
     *
     * @param queued the messages as queued, not {@code null}
     * @return what was done
     * @since 0.2.0
     */
    public DrainResult deliver(Collection<OutboxMessage> queued) {
        Map<TenantId, List<String>> byTenant = new LinkedHashMap<>();
        for (OutboxMessage m : queued) {
            byTenant.computeIfAbsent(m.tenantId(), t -> new ArrayList<>()).add(m.id());
        }
        int[] counts = new int[Outcome.values().length];
        for (Map.Entry<TenantId, List<String>> e : byTenant.entrySet()) {
            List<String> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += batchSize) {
                List<OutboxMessage> claimed;
                try {
                    claimed = store.claimOutbox(e.getKey(), ids.subList(from, Math.min(ids.size(), from + batchSize)),
                            clock.instant(), lease);
                } catch (UnsupportedOperationException unsupported) {
                    return drainDue();
                } catch (RuntimeException failure) {
                    LOG.warn("could not claim outbox messages; they stay queued: {}", describe(failure));
                    continue;
                }
                for (OutboxMessage message : claimed) {
                    counts[process(message).ordinal()]++;
                }
            }
        }
        return result(counts);
    }

    /**
     * Drains the outbox on a host's scheduler: {@link #drainDue()} at once and then with a fixed
     * delay between the end of one run and the start of the next. Cancel the returned future to
     * stop; the executor stays the host's to shut down.
     *
     * @param executor the host's scheduler, not {@code null}
     * @param delay    the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    public ScheduledFuture<?> scheduleWith(ScheduledExecutorService executor, Duration delay) {
        Objects.requireNonNull(executor, "executor");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive, was " + delay);
        }
        return executor.scheduleWithFixedDelay(this::drainDue, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Outcome process(OutboxMessage message) {
        String key = message.idempotencyKey();
        if (!inFlight.add(key)) {
            // Another thread of this processor is still sending it (its lease ran out): leave it.
            return Outcome.UNSETTLED;
        }
        try {
            return settle(message, key);
        } catch (RuntimeException e) {
            LOG.warn("outbox message {} stays queued after an unexpected failure: {}", key, describe(e));
            return Outcome.UNSETTLED;
        } finally {
            inFlight.remove(key);
        }
    }

    private Outcome settle(OutboxMessage message, String key) {
        Optional<Invitation> found = store.find(message.tenantId(), message.invitationId());
        boolean alreadySent = deliveredUnrecorded.getIfPresent(key) != null;
        if (found.isEmpty()) {
            return record(message, null, m -> m.failed("cancelled: the invitation no longer exists", now()), null,
                    null, Outcome.CANCELLED);
        }
        Invitation invitation = found.get();
        String cancelled = alreadySent ? null : cancelReason(invitation, message);
        if (cancelled != null) {
            return record(message, invitation, m -> m.failed(cancelled, now()), null, null, Outcome.CANCELLED);
        }
        if (!alreadySent) {
            if (message.lastError() != null && message.lastError().startsWith(IN_DOUBT)) {
                LOG.info("outbox message {} was in doubt (a worker stopped while handing it to the mailer); sending"
                        + " it again with the same idempotency key", key);
            }
            message = recordAttempt(message);
            if (message == null) {
                return Outcome.UNSETTLED;
            }
        }
        Sent sent = alreadySent ? new Sent(null, emptyToNull(deliveredUnrecorded.getIfPresent(key)))
                : send(invitation, message);
        RuntimeException failure = sent.failure();
        Instant at = now();
        if (failure == null) {
            String providerId = sent.providerMessageId();
            deliveredUnrecorded.put(key, providerId == null ? NO_ID : providerId);
            Outcome outcome = record(message, invitation, m -> m.sent(at, providerId), d -> d.delivered(at),
                    new InvitationEvent.Delivered(message.tenantId(), message.invitationId(), at, ACTOR,
                            message.sendNumber()), Outcome.DELIVERED);
            if (outcome == Outcome.DELIVERED) {
                deliveredUnrecorded.invalidate(key);
                LOG.debug("delivered outbox message {}", key);
            }
            return outcome;
        }
        String error = describe(failure);
        boolean permanent = failure instanceof MailDeliveryException mde && !mde.isTransient();
        if (!permanent && retryPolicy.allowsRetryAfter(message.attempts())) {
            Instant retryAt = at.plus(retryPolicy.delayAfter(message.attempts(), jitterSource.getAsDouble()));
            LOG.debug("outbox message {} failed transiently (attempt {}), retry at {}: {}", key, message.attempts(),
                    retryAt, error);
            return record(message, invitation, m -> m.retryAt(retryAt, error, at), null, null, Outcome.RETRYING);
        }
        String reason = permanent ? error : "gave up after " + message.attempts() + " attempts: " + error;
        LOG.info("outbox message {} failed for good: {}", key, reason);
        return record(message, invitation, m -> m.failed(reason, at), d -> d.failed(reason),
                new InvitationEvent.DeliveryFailed(message.tenantId(), message.invitationId(), at, ACTOR,
                        message.sendNumber(), reason), Outcome.FAILED);
    }

    /**
     * Stores, before the mailer is called, that this attempt is under way (in doubt until its outcome
     * is stored) and renews the claim's lease from now.
     *
     * @return the message as stored, or {@code null} when another worker claimed it meanwhile or
     *         storage failed (it is then not sent)
     */
    private OutboxMessage recordAttempt(OutboxMessage message) {
        Instant at = now();
        OutboxMessage attempt = message.retryAt(at.plus(lease), IN_DOUBT + " attempt " + message.attempts()
                + " handed to the mailer at " + at + ", outcome not recorded yet", at);
        try {
            store.write(WriteBatch.builder().outboxOutcome(attempt).build());
            return attempt;
        } catch (StaleVersionException e) {
            LOG.debug("outbox message {} was claimed again before its attempt; left to that claim",
                    message.idempotencyKey());
        } catch (RuntimeException e) {
            LOG.warn("could not record the attempt of outbox message {}; it stays queued: {}",
                    message.idempotencyKey(), describe(e));
        }
        return null;
    }

    private String cancelReason(Invitation invitation, OutboxMessage message) {
        InvitationStatus status = invitation.effectiveStatus(now());
        if (status != InvitationStatus.PENDING) {
            return "cancelled: the invitation is " + status;
        }
        if (invitation.delivery().status() == DeliveryState.Status.BOUNCED) {
            return "cancelled: the invitee's address bounced hard or complained; share the claim link by hand";
        }
        if (message.sendNumber() < invitation.delivery().sendCount()) {
            return "cancelled: replaced by message #" + invitation.delivery().sendCount();
        }
        return null;
    }

    /** Renders and sends; the failure, or the id the mailer reported (none: {@code null}) when it took the message. */
    private Sent send(Invitation invitation, OutboxMessage message) {
        try {
            MailMessage mail = renderer.render(invitation, message);
            if (!mail.idempotencyKey().equals(message.idempotencyKey())) {
                throw new InvitationException(ErrorCode.CONFIGURATION, "the outbox renderer keyed message "
                        + message.idempotencyKey() + " as " + mail.idempotencyKey()
                        + "; use OutboxMessage.idempotencyKey()");
            }
            if (mailer instanceof IdentifyingMailer identifying) {
                return new Sent(null, identifying.sendAndIdentify(mail));
            }
            mailer.send(mail);
            return new Sent(null, null);
        } catch (RuntimeException e) {
            return new Sent(e, null);
        }
    }

    private static String emptyToNull(String id) {
        return id == null || id.isEmpty() ? null : id;
    }

    /** What a send did: a failure, or the id the mailer reported. */
    private record Sent(RuntimeException failure, String providerMessageId) {
    }

    /**
     * Stores an outcome and, for the invitation's latest message, its delivery state, in one batch;
     * re-reads the invitation when someone changed it meanwhile. A delivery is recorded even when
     * the message's lease passed and it was claimed again; other outcomes then yield to the new
     * claim.
     */
    private Outcome record(OutboxMessage claimed, Invitation invitation, UnaryOperator<OutboxMessage> outcome,
                           UnaryOperator<DeliveryState> delivery, InvitationEvent event, Outcome result) {
        OutboxMessage current = claimed;
        Invitation latest = invitation;
        for (int round = 0; round < MAX_WRITE_ROUNDS; round++) {
            WriteBatch.Builder batch = WriteBatch.builder().outboxOutcome(outcome.apply(current));
            if (delivery != null && latest != null && current.sendNumber() >= latest.delivery().sendCount()) {
                batch.update(latest.toBuilder().delivery(delivery.apply(latest.delivery())).updatedAt(now())
                        .version(latest.version() + 1).build());
            }
            try {
                store.write(batch.build());
                publish(event);
                return result;
            } catch (StaleVersionException e) {
                if (!e.recordId().equals(current.id())) {
                    latest = store.find(claimed.tenantId(), claimed.invitationId()).orElse(null);
                    continue;
                }
                Optional<OutboxMessage> reread = result == Outcome.DELIVERED ? reread(current) : Optional.empty();
                if (reread.isEmpty() || reread.get().status() != OutboxMessage.Status.PENDING) {
                    LOG.debug("outbox message {} was claimed again meanwhile; its outcome is left to that claim",
                            claimed.idempotencyKey());
                    return Outcome.UNSETTLED;
                }
                current = reread.get();
            } catch (RuntimeException e) {
                LOG.warn("could not record the outcome of outbox message {}; it will be claimed again: {}",
                        claimed.idempotencyKey(), describe(e));
                return Outcome.UNSETTLED;
            }
        }
        LOG.warn("gave up recording the outcome of outbox message {} after {} conflicting writes; it will be"
                + " claimed again", claimed.idempotencyKey(), MAX_WRITE_ROUNDS);
        return Outcome.UNSETTLED;
    }

    private Optional<OutboxMessage> reread(OutboxMessage message) {
        return store.outbox(message.tenantId(), message.invitationId()).stream()
                .filter(m -> m.id().equals(message.id())).findFirst();
    }

    private void publish(InvitationEvent event) {
        if (event == null) {
            return;
        }
        for (InvitationEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("event listener {} failed on {} in tenant {}: {}", listener.getClass().getName(),
                        event.type(), event.tenantId(), describe(e));
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /** A failure in words, without message bodies: mailers promise that for their own exceptions. */
    private static String describe(RuntimeException e) {
        String text = e instanceof MailDeliveryException ? String.valueOf(e.getMessage())
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    /**
     * Builds an {@link OutboxProcessor}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public static final class Builder {
        private InvitationStore store;
        private Mailer mailer;
        private OutboxRenderer renderer;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int batchSize = 100;
        private Duration lease = Duration.ofMinutes(5);
        private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();
        private final List<InvitationEventListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the store the outbox lives in (required).
         *
         * @param v the store
         * @return this builder
         */
        public Builder store(InvitationStore v) {
            store = v;
            return this;
        }

        /**
         * Sets the mailer (required).
         *
         * @param v the mailer
         * @return this builder
         */
        public Builder mailer(Mailer v) {
            mailer = v;
            return this;
        }

        /**
         * Sets how messages are rendered at delivery time (required).
         *
         * @param v the renderer
         * @return this builder
         */
        public Builder renderer(OutboxRenderer v) {
            renderer = v;
            return this;
        }

        /**
         * Sets the clock (default: the system clock in UTC).
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /**
         * Sets how transient failures are retried (default: {@link RetryPolicy#defaults()}).
         *
         * @param v the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy v) {
            retryPolicy = v;
            return this;
        }

        /**
         * Sets how many messages one claim takes (default 100).
         *
         * @param v the batch size, at least 1
         * @return this builder
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * Sets where the random share of retry delays comes from (default: a thread-local random
         * generator); tests pass a fixed value. See {@link RetryPolicy#jitter()}.
         *
         * @param v numbers from 0 (inclusive) to 1 (exclusive)
         * @return this builder
         */
        public Builder jitterSource(DoubleSupplier v) {
            jitterSource = v;
            return this;
        }

        /**
         * Sets how long a claim hides a message from other workers (default 5 minutes), and so how
         * long the messages of a stopped process wait before another one takes them over. Make it
         * longer than the mailer's worst-case send time (its connection, read and write timeouts):
         * a message whose send outlives the lease may be sent twice.
         *
         * @param v the lease, positive
         * @return this builder
         */
        public Builder lease(Duration v) {
            lease = v;
            return this;
        }

        /**
         * Adds a listener for {@link InvitationEvent.Delivered} and
         * {@link InvitationEvent.DeliveryFailed}.
         *
         * @param v the listener
         * @return this builder
         */
        public Builder listener(InvitationEventListener v) {
            listeners.add(Objects.requireNonNull(v, "listener"));
            return this;
        }

        /**
         * Builds the processor.
         *
         * @return the processor
         * @throws InvitationException with {@link ErrorCode#CONFIGURATION} naming every missing or
         *                             wrong setting
         */
        public OutboxProcessor build() {
            List<String> problems = new ArrayList<>();
            if (store == null) {
                problems.add("store is required");
            }
            if (mailer == null) {
                problems.add("mailer is required");
            }
            if (renderer == null) {
                problems.add("renderer is required");
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (retryPolicy == null) {
                problems.add("retryPolicy must not be null");
            }
            if (jitterSource == null) {
                problems.add("jitterSource must not be null");
            }
            if (batchSize < 1) {
                problems.add("batchSize must be at least 1, was " + batchSize);
            }
            if (lease == null || lease.isNegative() || lease.isZero()) {
                problems.add("lease must be positive, was " + lease);
            }
            if (!problems.isEmpty()) {
                throw new InvitationException(ErrorCode.CONFIGURATION,
                        "cannot build the outbox processor: " + String.join("; ", problems));
            }
            return new OutboxProcessor(this);
        }
    }
}
