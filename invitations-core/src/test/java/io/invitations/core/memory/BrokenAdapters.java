package io.invitations.core.memory;

import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.identity.LookAlikeAnswer;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.security.SigningKey;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Implementations of the identity directory, attempt throttle, key ring, seat ledger and mailer
 * SPIs that each break one promise, the way real adapters get it wrong. The
 * {@code Broken*FailThe*KitTest} classes show that the compatibility kits catch each of them.
 */
final class BrokenAdapters {
    /** How long a racy implementation pauses between reading and writing, to let racers interleave. */
    private static final long RACE_WINDOW_NANOS = 2_000_000;

    private BrokenAdapters() {
    }

    // ---------------------------------------------------------------------------------------------
    // identity directories

    /** Creates a new account at every call: not idempotent per invitation, nor per contact. */
    static final class NewAccountPerCall implements IdentityDirectory {
        private final Map<String, String> members = new ConcurrentHashMap<>();
        private final AtomicLong sequence = new AtomicLong();

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return members.containsKey(tenantId.value() + "|" + contact.matchKey());
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            String account = "acct-" + sequence.incrementAndGet();
            members.put(request.tenantId().value() + "|" + request.contact().matchKey(), account);
            return account;
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return false;
        }
    }

    /**
     * Looks the contact up, then creates an account if none was found, in two steps: one at a time
     * it links correctly, but racing callers each create their own.
     */
    static final class CheckThenCreate implements IdentityDirectory {
        private final Map<String, String> members = new ConcurrentHashMap<>();
        private final AtomicLong sequence = new AtomicLong();

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return members.containsKey(tenantId.value() + "|" + contact.matchKey());
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            String key = request.tenantId().value() + "|" + request.contact().matchKey();
            String existing = members.get(key);
            if (existing != null) {
                return existing;
            }
            LockSupport.parkNanos(RACE_WINDOW_NANOS);
            String account = "acct-" + sequence.incrementAndGet();
            members.put(key, account);
            return account;
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return false;
        }
    }

    /**
     * A correct directory that keeps the default approval methods, so a registration awaiting
     * approval is a membership at once, while claiming to hold grants back.
     */
    static final class GrantsAtRegistration implements IdentityDirectory {
        private final InMemoryIdentityDirectory delegate = new InMemoryIdentityDirectory();

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return delegate.isMember(tenantId, contact);
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            return delegate.createOrLinkAccount(request);
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return delegate.ssoEnabled(tenantId);
        }
    }

    /**
     * A correct directory but for one thing: it reads no target, so a guest invited to an event
     * becomes a member, while claiming to keep such guests apart.
     */
    static final class GuestsBecomeMembers implements IdentityDirectory {
        private final InMemoryIdentityDirectory delegate = new InMemoryIdentityDirectory();

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return delegate.isMember(tenantId, contact);
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            return delegate.createOrLinkAccount(request.toBuilder().target(Target.membership()).build());
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return delegate.ssoEnabled(tenantId);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // attempt throttles

    /** How a {@link MapThrottle} is broken. */
    enum ThrottleFlaw {
        /** Reads the count, yields, then writes count + 1 in a second step: racing failures get lost. */
        LOST_UPDATES,
        /** Keeps at most 10,000 keys and drops the oldest: a flood of other keys unlocks a key. */
        FORGETS_UNDER_A_FLOOD,
        /** Never ends a window: a locked key stays locked, failures add up forever. */
        WINDOWS_NEVER_END
    }

    /**
     * Confirms another address of the same person by its domain alone, as a directory "guessing" from
     * the spelling would: anyone at a linked address's domain would pass as the invitee.
     */
    static final class SamePersonBySameDomain implements IdentityDirectory {
        final InMemoryIdentityDirectory delegate = new InMemoryIdentityDirectory();

        @Override
        public boolean samePerson(TenantId tenantId, Contact invitedContact, EmailAddress acceptingAddress) {
            return delegate.samePerson(tenantId, invitedContact, acceptingAddress)
                    || invitedContact instanceof EmailAddress invited
                    && invited.domain().equals(acceptingAddress.domain());
        }

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return delegate.isMember(tenantId, contact);
        }

        @Override
        public LookAlikeAnswer memberLookingLike(TenantId tenantId, Contact contact,
                                                 Function<? super Contact, String> key) {
            return delegate.memberLookingLike(tenantId, contact, key);
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            return delegate.createOrLinkAccount(request);
        }

        @Override
        public String registerAwaitingApproval(AccountRequest request) {
            return delegate.registerAwaitingApproval(request);
        }

        @Override
        public void approvalDecided(TenantId tenantId, InvitationId invitationId, String accountId, Grant grant,
                                    boolean approved) {
            delegate.approvalDecided(tenantId, invitationId, accountId, grant, approved);
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return delegate.ssoEnabled(tenantId);
        }
    }

    /** A throttle on a map of windows, correct but for one {@link ThrottleFlaw}. */
    static final class MapThrottle implements AttemptThrottle {
        private static final int CAPACITY = 10_000;

        private record Window(Instant start, int failures) {
        }

        private final int maxFailures;
        private final Duration window;
        private final ThrottleFlaw flaw;
        private final Map<String, Window> windows;

        MapThrottle(int maxFailures, Duration window, ThrottleFlaw flaw) {
            this.maxFailures = maxFailures;
            this.window = window;
            this.flaw = flaw;
            this.windows = flaw == ThrottleFlaw.FORGETS_UNDER_A_FLOOD
                    ? java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                            return size() > CAPACITY;
                        }
                    })
                    : new ConcurrentHashMap<>();
        }

        @Override
        public boolean isLocked(String key, Instant now) {
            Window w = windows.get(key);
            return w != null && w.failures() >= maxFailures && isOpen(w, now);
        }

        @Override
        public void recordFailure(String key, Instant now) {
            if (flaw == ThrottleFlaw.LOST_UPDATES) {
                Window w = windows.get(key);
                Thread.yield();
                windows.put(key, next(w, now));
                return;
            }
            synchronized (windows) {
                windows.put(key, next(windows.get(key), now));
            }
        }

        private Window next(Window w, Instant now) {
            return w == null || !isOpen(w, now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1);
        }

        private boolean isOpen(Window w, Instant now) {
            return flaw == ThrottleFlaw.WINDOWS_NEVER_END || now.isBefore(w.start().plus(window));
        }

        @Override
        public void reset(String key) {
            windows.remove(key);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // key rings

    /** A ring on an {@link InMemoryKeyRing} that the kit rotates through {@link #rotate}; correct unless overridden. */
    abstract static class RotatableRing implements KeyRing {
        protected volatile InMemoryKeyRing ring = InMemoryKeyRing.random();

        void rotate(SigningKey next) {
            ring.rotate(next);
        }

        @Override
        public SigningKey current() {
            return ring.current();
        }

        @Override
        public Optional<SigningKey> find(String keyId) {
            return ring.find(keyId);
        }

        @Override
        public List<SigningKey> accepted() {
            return ring.accepted();
        }
    }

    /** Rotation replaces the ring: tokens made under the previous key stop verifying at once. */
    static final class ForgetsOnRotation extends RotatableRing {
        @Override
        void rotate(SigningKey next) {
            ring = InMemoryKeyRing.of(next);
        }
    }

    /** Makes a new random key at every call of {@link #current()}. */
    static final class NewKeyEveryCall extends RotatableRing {
        private final AtomicLong sequence = new AtomicLong();

        @Override
        public SigningKey current() {
            SigningKey key = InMemoryKeyRing.randomKey("fresh-" + sequence.incrementAndGet());
            ring.rotate(key);
            return key;
        }
    }

    /** Keeps old keys for {@link #find} but lists only the current key in {@link #accepted()}, as the default does. */
    static final class AcceptsOnlyTheCurrentKey extends RotatableRing {
        @Override
        public List<SigningKey> accepted() {
            return List.of(current());
        }
    }

    /** A correct ring whose {@code toString()} shows the current key's material in hex. */
    static final class ShowsItsMaterial extends RotatableRing {
        @Override
        public String toString() {
            return "ShowsItsMaterial[current=" + HexFormat.of().formatHex(ring.current().material()) + "]";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // seat ledgers

    /** Takes a limit of zero for "no limit". */
    static final class ZeroMeansUnlimited implements SeatLedger {
        private final InMemorySeatLedger delegate = new InMemorySeatLedger();

        InMemorySeatLedger delegate() {
            return delegate;
        }

        @Override
        public OptionalLong seatLimit(TenantId tenantId) {
            OptionalLong limit = delegate.seatLimit(tenantId);
            return limit.isPresent() && limit.getAsLong() == 0 ? OptionalLong.empty() : limit;
        }

        @Override
        public long seatsInUse(TenantId tenantId) {
            return delegate.seatsInUse(tenantId);
        }
    }

    /** Keeps one limit and one count for every tenant: the last one set. */
    static final class OneForAllTenants implements SeatLedger {
        private volatile Long limit;
        private volatile long inUse;

        void setLimit(long value) {
            limit = value;
        }

        void setSeatsInUse(long value) {
            inUse = value;
        }

        @Override
        public OptionalLong seatLimit(TenantId tenantId) {
            Long l = limit;
            return l == null ? OptionalLong.empty() : OptionalLong.of(l);
        }

        @Override
        public long seatsInUse(TenantId tenantId) {
            return inUse;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // mailers

    /** Reports a failing mail system with an untyped exception. */
    static Mailer untypedFailure() {
        return message -> {
            throw new IllegalStateException("550 mailbox unavailable: " + message.to());
        };
    }

    /** Reports every failure as transient, so a refused address is retried for ever. */
    static Mailer everyFailureTransient() {
        return message -> {
            throw MailDeliveryException.transientFailure("550 mailbox unavailable: " + message.to(), null);
        };
    }

    /** Reports a failure typed correctly but quoting the message's text body (and its claim link). */
    static Mailer quotesTheBody(boolean transientFailure) {
        return message -> {
            throw new MailDeliveryException(transientFailure, "could not send: " + message.text(), null);
        };
    }

    /** Records what it is given but delivers neither the recipient's name, reply-to nor the extra headers. */
    static final class DropsNameReplyToAndHeaders implements Mailer {
        private final RecordingMailer recording = new RecordingMailer();

        @Override
        public void send(MailMessage m) {
            recording.send(MailMessage.builder()
                    .idempotencyKey(m.idempotencyKey())
                    .tenantId(m.tenantId())
                    .invitationId(m.invitationId())
                    .to(m.to())
                    .subject(m.subject())
                    .html(m.html())
                    .text(m.text())
                    .locale(m.locale())
                    .headers(Map.of())
                    .build());
        }

        List<MailMessage> sent() {
            return recording.sent();
        }
    }
}
