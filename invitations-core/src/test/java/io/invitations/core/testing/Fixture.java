package io.invitations.core.testing;

import io.invitations.tck.support.MutableClock;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.code.AccessCode;
import io.invitations.core.invitee.ContactSkeleton;
import io.invitations.jackson.InvitationEventJson;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.InvitationException;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.security.SigningKey;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.fail;

/**
 * A service on the in-memory adapters with a hand-moved clock, fixed ids ({@code inv-1},
 * {@code inv-2}, ...), a fixed key and a recording listener; plus helpers that keep tests short.
 * Delivery is host-driven: tests see what an operation wrote (messages queued, not yet delivered)
 * and deliver with {@code service.maintenance().deliverDueMessages()}; {@code MessagesThroughTheFacadeTest}
 * covers the default immediate delivery.
 */
public final class Fixture {
    public static final TenantId ACME = TenantId.of("acme");
    public static final TenantId GLOBEX = TenantId.of("globex");
    public static final UnitId PARIS = UnitId.of("paris");
    public static final UnitId BERLIN = UnitId.of("berlin");
    public static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    public static final String PASSWORD = "correct horse battery staple";

    public final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    public final InMemoryInvitationStore store;
    public final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final RecordingDirectory recordingDirectory = new RecordingDirectory(directory);
    public final InMemorySeatLedger seats = InMemorySeatLedger.countingMembersOf(directory);
    public final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    public final InMemoryKeyRing keys = InMemoryKeyRing.of(SigningKey.of("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    public final RecordingMailer mailer = new RecordingMailer();
    public final List<InvitationEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger linkIds = new AtomicInteger();
    public final InMemoryAttemptThrottle throttle = InMemoryAttemptThrottle.builder().clock(clock).build();
    public final InvitationService service;

    public Fixture() {
        this(new InMemoryInvitationStore(), true, "");
    }

    /**
     * Creates the fixture.
     *
     * @param watchEvents whether every event's text and JSON go to the leak guard (long random runs
     *                    turn it off: events are checked for secrets elsewhere)
     */
    public Fixture(boolean watchEvents) {
        this(new InMemoryInvitationStore(), watchEvents, "");
    }

    /**
     * A fixture whose service shares a store with others: another node of the same cluster, with
     * the same key. Its ids start with the node's name so that nodes never make the same id.
     */
    public Fixture(InMemoryInvitationStore sharedStore, String node) {
        this(sharedStore, true, node + "-");
    }

    /** A fixture whose service compares contacts for look-alikes with the given skeleton. */
    public Fixture(ContactSkeleton skeleton) {
        this(new InMemoryInvitationStore(), true, "", skeleton);
    }

    private Fixture(InMemoryInvitationStore sharedStore, boolean watchEvents, String idPrefix) {
        this(sharedStore, watchEvents, idPrefix, ContactSkeleton.caseFolded());
    }

    private Fixture(InMemoryInvitationStore sharedStore, boolean watchEvents, String idPrefix,
                    ContactSkeleton skeleton) {
        store = sharedStore;
        service = InvitationService.builder().store(store).contactSkeleton(skeleton).identityDirectory(recordingDirectory).seatLedger(seats)
                .settings(settings).keyRing(keys).mailer(mailer).clock(clock)
                .deliveryMode(DeliveryMode.HOST_DRIVEN)
                .idGenerator(() -> InvitationId.of(idPrefix + "inv-" + ids.incrementAndGet()))
                .linkIdGenerator(() -> LinkId.of(idPrefix + "link-" + linkIds.incrementAndGet()))
                .attemptThrottle(throttle)
                .listener(e -> {
                    if (watchEvents) {
                        Secrets.observed(e.toString());
                        Secrets.observed(InvitationEventJson.toJson(e));
                    }
                    events.add(e);
                })
                .build();
    }

    /** Changes the settings of {@link #ACME}. */
    public Fixture configure(UnaryOperator<TenantSettings.Builder> change) {
        return configure(ACME, change);
    }

    /** Changes the settings of a tenant. */
    public Fixture configure(TenantId tenant, UnaryOperator<TenantSettings.Builder> change) {
        settings.update(tenant, s -> change.apply(s.toBuilder()).build());
        return this;
    }

    public static Inviter user(String id, PermissionLevel level, UnitId... units) {
        return Inviter.of(id, "User " + id, level).withUnits(Set.of(units));
    }

    /** A member-role request by the tenant admin. */
    public InviteRequest.Builder request(String email) {
        return InviteRequest.builder().email(email).role("member");
    }

    public Invitation invite(String email) {
        return service.administration(ADMIN, ACME).invite(request(email).build());
    }

    /** The invitation's current link token, as an admin reveals it; registered with the leak guard. */
    public String token(Invitation invitation) {
        return Secrets.issued(service.administration(ADMIN, invitation.tenantId()).revealClaimLink(invitation.id()).token());
    }

    /** The invitation's current access code, as an admin reveals it; registered with the leak guard. */
    public String code(Invitation invitation) {
        AccessCode code = service.administration(ADMIN, invitation.tenantId()).revealAccessCode(invitation.id());
        Secrets.issued(code.value());
        Secrets.issued(code.formatted());
        return code.formatted();
    }

    /** A complete claim for a tenant without SSO. */
    public static ClaimRequest claim(String token) {
        return ClaimRequest.builder(token).password(PASSWORD.toCharArray()).build();
    }

    public Invitation stored(Invitation invitation) {
        return store.find(invitation.tenantId(), invitation.id()).orElseThrow();
    }

    /** Runs an action that must be refused; records the exception for the leak guard and returns it. */
    public static InvitationException refused(ThrowingCallable action) {
        try {
            action.call();
        } catch (InvitationException e) {
            Secrets.observed(e);
            return e;
        } catch (Throwable t) {
            Secrets.observed(t);
            throw new AssertionError("expected an InvitationException, got " + t, t);
        }
        return fail("expected the action to be refused, but it succeeded");
    }

    /** Every account request the identity directory was handed, oldest first. */
    public List<AccountRequest> accountRequests() {
        return List.copyOf(recordingDirectory.requests());
    }

    public List<String> eventTypes() {
        return events.stream().map(InvitationEvent::type).toList();
    }
}
