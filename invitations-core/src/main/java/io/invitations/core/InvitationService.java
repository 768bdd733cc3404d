package io.invitations.core;

import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.code.internal.AccessCodes;
import io.invitations.core.internal.RequestValidator;
import io.invitations.core.internal.WaysIn;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.observe.InvitationObserver;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.security.AttemptThrottle;

import io.invitations.core.internal.ClaimLinks;
import io.invitations.core.internal.Composer;
import io.invitations.core.internal.Context;
import io.invitations.core.invitee.ContactSkeleton;
import io.invitations.core.internal.Delivery;
import io.invitations.core.internal.EventPublisher;
import io.invitations.core.internal.Messaging;
import io.invitations.core.internal.StripedLocks;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.message.MessageRenderer;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.internal.OutboxProcessor;
import io.invitations.core.outbox.RetryPolicy;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.storage.InvitationStore;
import jakarta.validation.Validator;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The one entry point of the engine, built once with {@link #builder()} and shared by the whole
 * application. Its operations are grouped by whom they serve:
 * <ul>
 *   <li>{@link #invitee()}: what an anonymous invitee may do with a claim token, an access code or a
 *       shareable link's token (inspect, accept, decline, redeem, join);</li>
 *   <li>{@link #administration(Inviter, TenantId)}: what someone acting in one tenant may do (invite,
 *       provision, bulk, send, resend, revoke, approve, reveal, shareable links, queries, seats,
 *       referrals, templates and previews), bound once to the actor and the tenant;</li>
 *   <li>{@link #maintenance()}: what the host's scheduler runs (deliver due messages, expire due
 *       invitations).</li>
 * </ul>
 *
 * <pre>{@code
 * InvitationService invitations = InvitationService.builder().build();   // everything in memory
 * Invitation inv = invitations.administration(admin, TenantId.of("acme"))
 *         .invite(InviteRequest.builder().email("jane.doe@example.com").role("member").build());
 * }</pre>
 *
 * <p>Every operation that sends a message stores the invitation and an outbox row in one atomic
 * write; delivery happens after, so a failing mail server never loses an invitation. By the
 * {@linkplain Builder#deliveryMode delivery mode}, the engine hands the operation's messages to a
 * small {@linkplain Builder#deliveryExecutor executor} right after the operation and returns without
 * waiting for the mail server (the default), or the host
 * {@linkplain InvitationMaintenance#deliverDueMessages() drains} the outbox from its own scheduler.
 * Each message is delivered at least once and never lost; a process that stops while handing a
 * message to the mail server causes at most one duplicate of it, with the same idempotency key (see
 * {@link OutboxProcessor}). Messages are rendered from the tenant's templates and branding at delivery
 * time; {@link InvitationAdministration#preview} shows exactly what is sent. Events are published to
 * the listeners after each successful write, and the outbox's {@code Delivered} / {@code
 * DeliveryFailed} to the same listeners. Refusals are typed
 * {@link io.invitations.spi.InvitationException}s with a stable code.
 *
 * <p>Thread-safe: one instance serves the whole application. Several instances (or processes) may
 * share one store; acceptance stays exactly-once through compare-and-set.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InvitationService {
    private final Engine engine;
    // The outbox worker delivers through this mailer (wired with message rendering).
    private final Mailer mailer;
    private final InviteeActions invitee;
    private final InvitationMaintenance maintenance;

    private InvitationService(Engine engine, Mailer mailer) {
        this.engine = engine;
        this.mailer = mailer;
        this.invitee = new EngineInviteeActions(engine);
        this.maintenance = new EngineMaintenance(engine);
    }

    /**
     * Starts configuring a service; every part defaults to the embedded in-memory one.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns what an anonymous invitee may do: every call is authorised by the token or code it
     * carries. A web controller for invitees can depend on this alone.
     *
     * @return the invitee's operations; the same instance on every call
     */
    public InviteeActions invitee() {
        return invitee;
    }

    /**
     * Returns the administration of one tenant as one actor: every call acts in {@code tenantId} on
     * behalf of {@code actor}, whose permission level decides what is allowed. Cheap: bind one per
     * request. Directory sync and sign-up matching act as a system inviter, e.g.
     * {@code Inviter.system("azure-ad")}.
     *
     * @param actor    who acts, not {@code null}
     * @param tenantId the tenant every call acts in, not {@code null}
     * @return the bound administration
     * @throws NullPointerException naming the parameter if one is {@code null}
     */
    public InvitationAdministration administration(Inviter actor, TenantId tenantId) {
        return new BoundAdministration(engine, actor, tenantId);
    }

    /**
     * Returns what the host's scheduler runs: outbox delivery and expiry.
     *
     * @return the maintenance operations; the same instance on every call
     */
    public InvitationMaintenance maintenance() {
        return maintenance;
    }

    /**
     * Returns where the host feeds what mail providers report about delivered messages (webhooks
     * for deliveries, bounces and complaints), parsed e.g. with {@code ProviderWebhooks} from
     * {@code invitations-jackson}. A hard bounce or complaint marks the invitation's delivery state
     * BOUNCED (see {@link io.invitations.spi.invitation.DeliveryState.Status#BOUNCED}), stops its
     * messages and resends, and publishes {@code InvitationEvent.Bounced}; administrators find such
     * invitations with {@code InvitationQuery.Builder#deliveryStatus} and share the claim link with
     * {@link InvitationAdministration#shareClaimLink}.
     *
     * @return the delivery feedback entry point; the same instance on every call
     * @since 1.1
     */
    public io.invitations.spi.mail.DeliveryFeedback deliveryFeedback() {
        return engine.feedback;
    }

    /**
     * Returns where the host's directory reports that a member left a tenant or changed level: their
     * open invitations then follow the tenant's
     * {@link io.invitations.spi.settings.TenantSettings#departedInviters()} policy (revoked by
     * default, or handed to a successor), acting as {@code system:directory}, with history entries
     * and events.
     *
     * @return the membership hook; the same instance on every call
     * @since 1.1
     */
    public io.invitations.spi.identity.MembershipEvents membershipEvents() {
        return engine.departures;
    }

    @Override
    public String toString() {
        return "InvitationService[store=" + engine.ctx.store().getClass().getSimpleName() + ", mailer="
                + mailer.getClass().getSimpleName() + ", delivery=" + engine.ctx.delivery().mode() + "]";
    }

    /**
     * Configures an {@link InvitationService}. Every part is optional and defaults to the embedded
     * in-memory adapter of {@link io.invitations.core.memory}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

        private InvitationStore store;
        private Mailer mailer;
        private IdentityDirectory directory;
        private SeatLedger seats;
        private KeyRing keyRing;
        private TenantSettingsSource settings;
        private Clock clock = Clock.systemUTC();
        private Supplier<InvitationId> ids = InvitationId::random;
        private Supplier<LinkId> linkIds = LinkId::random;
        private AttemptThrottle throttle;
        private final List<InvitationEventListener> listeners = new ArrayList<>();
        private MessageTemplateStore templates;
        private DeliveryMode deliveryMode = DeliveryMode.IMMEDIATE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private InvitationObserver observer = InvitationObserver.noop();
        private Duration outboxLease;
        private int outboxBatchSize;
        private Validator validator;
        private Executor deliveryExecutor;
        private ContactSkeleton contactSkeleton = ContactSkeleton.caseFolded();

        private Builder() {
        }

        /**
         * Sets where invitations are stored.
         *
         * @param value the store (default: an {@link InMemoryInvitationStore})
         * @return this builder
         */
        public Builder store(InvitationStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets how messages are delivered.
         *
         * @param value the mailer (default: a {@link RecordingMailer} that keeps what it was sent)
         * @return this builder
         */
        public Builder mailer(Mailer value) {
            mailer = Objects.requireNonNull(value, "mailer");
            return this;
        }

        /**
         * Sets the host's directory of accounts.
         *
         * @param value the directory (default: an {@link InMemoryIdentityDirectory})
         * @return this builder
         */
        public Builder identityDirectory(IdentityDirectory value) {
            directory = Objects.requireNonNull(value, "identityDirectory");
            return this;
        }

        /**
         * Sets the host's seat ledger.
         *
         * @param value the ledger (default: an {@link InMemorySeatLedger}, unlimited; it counts the
         *              members of the default directory)
         * @return this builder
         */
        public Builder seatLedger(SeatLedger value) {
            seats = Objects.requireNonNull(value, "seatLedger");
            return this;
        }

        /**
         * Sets the keys links are signed with.
         *
         * @param value the key ring (default: one random in-process key — links die with the process)
         * @return this builder
         */
        public Builder keyRing(KeyRing value) {
            keyRing = Objects.requireNonNull(value, "keyRing");
            return this;
        }

        /**
         * Sets where tenant settings come from.
         *
         * @param value the source (default: an {@link InMemoryTenantSettingsSource} with defaults)
         * @return this builder
         */
        public Builder settings(TenantSettingsSource value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Sets the clock every timestamp and expiry comes from.
         *
         * @param value the clock (default: {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how invitation ids are made.
         *
         * @param value the generator; must return a fresh id each call (default: random UUIDs)
         * @return this builder
         */
        public Builder idGenerator(Supplier<InvitationId> value) {
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /**
         * Sets how shareable-link ids are made.
         *
         * @param value the generator; must return a fresh id each call (default: random UUIDs)
         * @return this builder
         */
        public Builder linkIdGenerator(Supplier<LinkId> value) {
            linkIds = Objects.requireNonNull(value, "linkIdGenerator");
            return this;
        }

        /**
         * Sets the throttle of wrong access codes; clusters share one so that guesses cannot be
         * spread over nodes.
         *
         * @param value the throttle (default: the store's {@linkplain
         *              io.invitations.spi.storage.InvitationStore#sharedAttemptThrottle() shared throttle}
         *              when it has one, as the JDBC store does; otherwise an {@link InMemoryAttemptThrottle}
         *              on the service's clock, 5 failures per 15 minutes)
         * @return this builder
         */
        public Builder attemptThrottle(AttemptThrottle value) {
            throttle = Objects.requireNonNull(value, "attemptThrottle");
            return this;
        }

        /**
         * Adds an event listener; listeners are called in the order added, after each write.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(InvitationEventListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Sets where tenants' custom message templates are kept.
         *
         * @param value the store (default: {@link InMemoryMessageTemplateStore}; tenants without a
         *              custom template get the built-in English, French and German ones)
         * @return this builder
         */
        public Builder messageTemplates(MessageTemplateStore value) {
            templates = Objects.requireNonNull(value, "messageTemplates");
            return this;
        }

        /**
         * Sets the Jakarta Validation validator that checks every request's constraints (any
         * provider will do; its message interpolator words the problems hosts see).
         *
         * @param value the validator (default: one from the provider {@code jakarta.validation.Validation}
         *              finds on the class path, with Hibernate Validator's Expression-Language-free
         *              {@code ParameterMessageInterpolator} when Hibernate Validator is that provider;
         *              without a provider {@link #build()} throws {@link NoValidationProviderException})
         * @return this builder
         */
        public Builder validator(Validator value) {
            validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /**
         * Sets how contacts are compared for look-alikes (Unicode TR 39 skeletons): a new email
         * address or identifier whose skeleton equals an existing invitee's is refused or flagged
         * per {@code TenantSettings.lookAlikes()}.
         *
         * @param value the skeleton (default {@link ContactSkeleton#caseFolded()}, NFKC and case
         *              folding only; add {@code invitations-icu} and pass {@code IcuContactSkeleton.create()}
         *              to catch homoglyphs from other scripts)
         * @return this builder
         */
        public Builder contactSkeleton(ContactSkeleton value) {
            contactSkeleton = Objects.requireNonNull(value, "contactSkeleton");
            return this;
        }

        /**
         * Sets when queued messages are delivered.
         *
         * @param value {@link DeliveryMode#IMMEDIATE} (the default): right after each operation that
         *              queued messages, once it released its locks, the {@linkplain #deliveryExecutor
         *              delivery executor} tries that operation's messages (no others) while the
         *              operation returns — neither a failing nor a slow or hanging mail server holds
         *              up the caller beyond the store write; {@link DeliveryMode#HOST_DRIVEN}:
         *              only when the host calls {@link InvitationMaintenance#deliverDueMessages()} or
         *              {@link InvitationMaintenance#scheduleDelivery}
         * @return this builder
         */
        public Builder deliveryMode(DeliveryMode value) {
            deliveryMode = Objects.requireNonNull(value, "deliveryMode");
            return this;
        }

        /**
         * Sets how transient delivery failures are retried. A retry happens on the next drain after
         * its backoff: hosts in IMMEDIATE mode should still {@linkplain InvitationMaintenance#scheduleDelivery
         * schedule} draining so that retries do not wait for the next operation.
         *
         * @param value the policy (default: {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Adds an observer called around invite, provision, bulk, accept, link join and each outbox
         * drain, e.g. to time and trace them; observers added earlier wrap those added later.
         *
         * @param value the observer (default: none)
         * @return this builder
         * @since 0.1.0
         */
        public Builder observer(InvitationObserver value) {
            observer = InvitationObserver.both(observer, Objects.requireNonNull(value, "observer"));
            return this;
        }

        /**
         * Sets how long a claimed outbox message stays reserved for the worker that claimed it;
         * another worker (or node) may claim it again once the lease ran out. So it is also how long
         * the messages of a stopped process wait before another process takes them over; keep it
         * above the mailer's worst-case send time (SmtpMailer: connect + read + write timeouts).
         *
         * @param value the lease, positive (default: the outbox processor's default, 5 minutes)
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if the lease is not positive
         * @since 0.1.0
         */
        public Builder outboxLease(Duration value) {
            Objects.requireNonNull(value, "outboxLease");
            if (value.isNegative() || value.isZero()) {
                throw InvitationException.invalidValue("outboxLease must be positive, was " + value);
            }
            outboxLease = value;
            return this;
        }

        /**
         * Sets how many outbox messages one drain claims at most.
         *
         * @param value the batch size, positive (default: the outbox processor's default, 100)
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if the size is not positive
         * @since 0.1.0
         */
        public Builder outboxBatchSize(int value) {
            if (value < 1) {
                throw InvitationException.invalidValue("outboxBatchSize must be positive, was " + value);
            }
            outboxBatchSize = value;
            return this;
        }

        /**
         * Sets where {@link DeliveryMode#IMMEDIATE} delivery runs. The default is the library's own
         * pool of two daemon threads with a queue of 1,000 deliveries; when it is full, the messages
         * stay queued and the next delivery drains them. A host may pass its own bounded executor
         * (it should refuse work rather than block when full); {@code Runnable::run} delivers on the
         * caller's thread after each operation, which makes tests deterministic but lets a slow
         * mail server hold up the caller.
         *
         * @param value the executor, not {@code null}; it stays the host's to shut down
         * @return this builder
         */
        public Builder deliveryExecutor(Executor value) {
            deliveryExecutor = Objects.requireNonNull(value, "deliveryExecutor");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NoValidationProviderException if no {@linkplain #validator(Validator) validator} was
         *                                       given and no Jakarta Validation provider is on the class path
         */
        public InvitationService build() {
            InvitationStore s = store != null ? store : new InMemoryInvitationStore();
            IdentityDirectory d = directory != null ? directory : new InMemoryIdentityDirectory();
            SeatLedger l = seats != null ? seats
                    : d instanceof InMemoryIdentityDirectory mem ? InMemorySeatLedger.countingMembersOf(mem)
                    : new InMemorySeatLedger();
            warnAboutInMemoryDefaults(s);
            KeyRing k = keyRing != null ? keyRing : InMemoryKeyRing.random();
            TenantSettingsSource t = settings != null ? settings : new InMemoryTenantSettingsSource();
            TokenSigner signer = new TokenSigner(k);
            ClaimLinks links = new ClaimLinks(signer, t);
            EventPublisher publisher = new EventPublisher(listeners);
            Mailer m = mailer != null ? mailer : new RecordingMailer();
            MessageTemplateStore mt = templates != null ? templates : new InMemoryMessageTemplateStore();
            Composer composer = new Composer(t, links, MessageRenderer.of(mt), clock);
            OutboxProcessor.Builder ob = OutboxProcessor.builder().store(s).mailer(m).renderer(composer::render)
                    .clock(clock).retryPolicy(retryPolicy).listener(e -> publisher.publish(List.of(e)));
            if (outboxLease != null) {
                ob.lease(outboxLease);
            }
            if (outboxBatchSize > 0) {
                ob.batchSize(outboxBatchSize);
            }
            OutboxProcessor outbox = ob.build();
            Executor executor = deliveryExecutor != null ? deliveryExecutor
                    : deliveryMode == DeliveryMode.IMMEDIATE ? Delivery.boundedDaemonPool(2, 1_000) : Runnable::run;
            Context ctx = new Context(s, d, l, t, clock, ids, signer, links, publisher, new StripedLocks(256),
                    new Delivery(outbox, deliveryMode, executor, observer),
                    validator != null ? RequestValidator.using(validator) : RequestValidator.byDefaultProvider(),
                    contactSkeleton);
            AccessCodes codes = AccessCodes.using(k);
            AttemptThrottle a = throttle != null ? throttle : s.sharedAttemptThrottle()
                    .orElseGet(() -> InMemoryAttemptThrottle.builder().clock(clock).build());
            WaysIn ways = new WaysIn(ctx, codes, AccessCodeGate.of(codes, a), linkIds);
            return new InvitationService(new Engine(ctx, ways, new Messaging(ctx, composer, mt), observer), m);
        }

        /**
         * Logs one WARN line for each production part left at its in-memory default, naming the
         * builder method that replaces it. Fine in demos and tests; in production each line is a
         * part that loses its state when the process ends or does not hold across nodes.
         */
        private void warnAboutInMemoryDefaults(InvitationStore chosenStore) {
            if (store == null) {
                LOG.warn("No InvitationStore configured: invitations live in memory and are lost when this process"
                        + " ends. Call InvitationService.builder().store(...) for production (e.g. JdbcInvitationStore).");
            }
            if (mailer == null) {
                LOG.warn("No Mailer configured: messages are recorded in memory (the last {}) and never sent."
                        + " Call InvitationService.builder().mailer(...) for production.", RecordingMailer.DEFAULT_CAPACITY);
            }
            if (keyRing == null) {
                LOG.warn("No KeyRing configured: invitation links are signed with a random in-process key and stop"
                        + " working when this process ends. Call InvitationService.builder().keyRing(...) with"
                        + " persistent keys for production.");
            }
            if (directory == null) {
                LOG.warn("No IdentityDirectory configured: accepted invitees become members of an in-memory"
                        + " directory only. Call InvitationService.builder().identityDirectory(...) for production.");
            }
            if (seats == null) {
                LOG.warn("No SeatLedger configured: seats are counted in memory, in this process only."
                        + " Call InvitationService.builder().seatLedger(...) for production.");
            }
            if (throttle == null && chosenStore.sharedAttemptThrottle().isEmpty()) {
                LOG.warn("No AttemptThrottle configured and the store shares none: wrong access codes are counted"
                        + " in this process only. Call InvitationService.builder().attemptThrottle(...) for production.");
            }
        }
    }
}
