package io.invitations.core.memory;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.Erasure;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxFeedback;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import io.invitations.spi.storage.WriteCondition;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The embedded default {@link InvitationStore}: everything in heap maps behind one read-write lock.
 * Writes are validated in full before anything changes, so a refused batch leaves no trace; reads
 * run in parallel. Every write holds the one write lock, so a batch's {@linkplain WriteBatch#guards()
 * conditions} and the batch itself are one atomic step (within this process, which is all an
 * in-memory store serves). Passes {@code InvitationStoreCompatibilityKit}.
 *
 * <p>Thread-safe. Data lives as long as the instance.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemoryInvitationStore implements InvitationStore {
    private static final Comparator<Invitation> CREATION_ORDER =
            Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value());

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<InvitationId, Invitation> invitations = new LinkedHashMap<>();
    /** Open invitations by tenant + target + invitee key. */
    private final Map<String, InvitationId> openIndex = new HashMap<>();
    private final Map<InvitationId, List<HistoryEntry>> history = new HashMap<>();
    private final Map<String, OutboxMessage> outbox = new LinkedHashMap<>();
    private final Map<LinkId, ShareableLink> links = new LinkedHashMap<>();
    private final List<io.invitations.spi.storage.SendRecord> sends = new ArrayList<>();
    private final Map<String, io.invitations.spi.storage.OptOut> optOuts = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryInvitationStore() {
    }

    @Override
    public void write(WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        lock.writeLock().lock();
        try {
            // one lock for every write: the guards' counts and the batch are one atomic step
            WriteCondition.TenantCounts counts = this::count;
            batch.guards().forEach(g -> g.check(countsOf(g.tenantId(), counts)));
            check(batch);
            apply(batch);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Validates the whole batch against the current state; changes nothing. */
    private void check(WriteBatch batch) {
        Map<String, InvitationId> open = new HashMap<>();
        Map<InvitationId, Invitation> afterBatch = new HashMap<>();
        for (Invitation i : batch.inserts()) {
            if (invitations.containsKey(i.id())) {
                throw new StorageException("invitation " + i.id() + " already exists; ids must be unique", null);
            }
            afterBatch.put(i.id(), i);
        }
        for (Invitation next : batch.updates()) {
            Invitation current = invitations.get(next.id());
            if (current == null || !current.tenantId().equals(next.tenantId())
                    || current.version() != next.version() - 1) {
                throw new StaleVersionException("invitation", next.id().value(), next.version() - 1);
            }
            afterBatch.put(next.id(), next);
        }
        // The open-invitation rule, judged on the state the batch would leave behind.
        for (Invitation i : afterBatch.values()) {
            if (!i.status().isOpen()) {
                continue;
            }
            String key = openKey(i);
            InvitationId stored = openIndex.get(key);
            boolean storedStillOpen = stored != null && !stored.equals(i.id())
                    && (!afterBatch.containsKey(stored) || afterBatch.get(stored).status().isOpen());
            InvitationId inBatch = open.putIfAbsent(key, i.id());
            if (storedStillOpen || (inBatch != null && !inBatch.equals(i.id()))) {
                throw new DuplicateInvitationException(i.tenantId(), i.target(), i.inviteeKey());
            }
        }
        for (HistoryEntry e : batch.history()) {
            requireKnown(e.tenantId(), e.invitationId(), afterBatch, "history entry");
        }
        Set<String> newMessages = new HashSet<>();
        for (OutboxMessage m : batch.enqueued()) {
            requireKnown(m.tenantId(), m.invitationId(), afterBatch, "outbox message");
            if (outbox.containsKey(m.id()) || !newMessages.add(m.id())) {
                throw new StorageException("outbox message " + m.id() + " already exists", null);
            }
        }
        for (OutboxMessage m : batch.outboxOutcomes()) {
            OutboxMessage current = outbox.get(m.id());
            if (current == null || current.status() != OutboxMessage.Status.PENDING
                    || current.attempts() != m.attempts()) {
                throw new StaleVersionException("outbox message", m.id(), m.attempts());
            }
        }
        for (OutboxFeedback f : batch.feedback()) {
            OutboxMessage current = outbox.get(f.messageId());
            if (current == null || !current.tenantId().equals(f.tenantId())) {
                throw new StorageException("delivery feedback refers to unknown outbox message " + f.messageId()
                        + " in tenant " + f.tenantId(), null);
            }
        }
        Set<LinkId> newLinks = new HashSet<>();
        for (ShareableLink l : batch.linkInserts()) {
            if (links.containsKey(l.id()) || !newLinks.add(l.id())) {
                throw new StorageException("link " + l.id() + " already exists; ids must be unique", null);
            }
        }
        for (ShareableLink next : batch.linkUpdates()) {
            ShareableLink current = links.get(next.id());
            if (current == null || !current.tenantId().equals(next.tenantId())
                    || current.version() != next.version() - 1) {
                throw new StaleVersionException("link", next.id().value(), next.version() - 1);
            }
        }
    }

    private void requireKnown(TenantId tenant, InvitationId id, Map<InvitationId, Invitation> afterBatch,
                              String what) {
        Invitation i = afterBatch.containsKey(id) ? afterBatch.get(id) : invitations.get(id);
        if (i == null || !i.tenantId().equals(tenant)) {
            throw new StorageException(what + " refers to unknown invitation " + id + " in tenant " + tenant, null);
        }
    }

    /** The counts with sends restricted to the guarded tenant. */
    private WriteCondition.TenantCounts countsOf(TenantId tenantId, WriteCondition.TenantCounts all) {
        return new WriteCondition.TenantCounts() {
            @Override
            public long count(InvitationQuery query) {
                return all.count(query);
            }

            @Override
            public long countSends(String contactKey, String inviter, Instant since) {
                return sends.stream().filter(r -> r.tenantId().equals(tenantId) && !r.at().isBefore(since)
                        && (contactKey == null || r.contactKey().equals(contactKey))
                        && (inviter == null || r.inviter().equals(inviter))).count();
            }
        };
    }

    @Override
    public void optOut(io.invitations.spi.storage.OptOut optOut) {
        Objects.requireNonNull(optOut, "optOut");
        lock.writeLock().lock();
        try {
            optOuts.putIfAbsent(optOutKey(optOut.tenantId(), optOut.contactKey()), optOut);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long countSends(TenantId tenantId, String contactKey, String inviter, Instant since) {
        return read(() -> countsOf(tenantId, this::count).countSends(contactKey, inviter, since));
    }

    @Override
    public java.util.Set<TenantId> tenantsWithSends() {
        return read(() -> sends.stream().map(io.invitations.spi.storage.SendRecord::tenantId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    @Override
    public int purgeSends(TenantId tenantId, Instant before) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(before, "before");
        lock.writeLock().lock();
        try {
            int size = sends.size();
            sends.removeIf(r -> r.tenantId().equals(tenantId) && r.at().isBefore(before));
            return size - sends.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean optedOut(TenantId tenantId, String contactKey) {
        return read(() -> optOuts.containsKey(optOutKey(tenantId, contactKey))
                || optOuts.containsKey(optOutKey(null, contactKey)));
    }

    private static String optOutKey(TenantId tenantId, String contactKey) {
        return (tenantId == null ? "*" : "t:" + tenantId.value()) + "|" + contactKey;
    }

    private void apply(WriteBatch batch) {
        sends.addAll(batch.sends());
        for (Invitation i : batch.inserts()) {
            invitations.put(i.id(), i);
            history.put(i.id(), new ArrayList<>());
        }
        for (Invitation next : batch.updates()) {
            Invitation previous = invitations.put(next.id(), next);
            if (previous.status().isOpen()) {
                openIndex.remove(openKey(previous), previous.id());
            }
        }
        for (Invitation i : batch.inserts()) {
            if (i.status().isOpen()) {
                openIndex.put(openKey(i), i.id());
            }
        }
        for (Invitation i : batch.updates()) {
            if (i.status().isOpen()) {
                openIndex.put(openKey(i), i.id());
            }
        }
        for (HistoryEntry e : batch.history()) {
            history.get(e.invitationId()).add(e);
        }
        for (OutboxMessage m : batch.enqueued()) {
            outbox.put(m.id(), m);
        }
        for (OutboxMessage m : batch.outboxOutcomes()) {
            outbox.put(m.id(), m);
        }
        for (OutboxFeedback f : batch.feedback()) {
            outbox.put(f.messageId(), f.applyTo(outbox.get(f.messageId())));
        }
        for (ShareableLink l : batch.linkInserts()) {
            links.put(l.id(), l);
        }
        for (ShareableLink l : batch.linkUpdates()) {
            links.put(l.id(), l);
        }
    }

    @Override
    public boolean erase(Erasure erasure) {
        lock.writeLock().lock();
        try {
            Invitation before = invitations.get(erasure.invitationId());
            if (before == null || !before.tenantId().equals(erasure.tenantId())) {
                throw new StorageException("invitation " + erasure.invitationId() + " does not exist in tenant "
                        + erasure.tenantId(), null);
            }
            if (before.inviteeKey().equals(erasure.tombstone().matchKey())) {
                return false;
            }
            List<String> texts = Erasure.personalTexts(before);
            Invitation after = erasure.apply(before);
            invitations.put(after.id(), after);
            if (before.status().isOpen()) {
                openIndex.remove(openKey(before), before.id());
                openIndex.put(openKey(after), after.id());
            }
            history.get(after.id()).replaceAll(e -> e.toBuilder().reason(Erasure.scrub(e.reason(), texts))
                    .acceptingAddress(null).build());
            history.get(after.id()).add(erasure.entry());
            outbox.replaceAll((key, m) -> m.invitationId().equals(after.id()) && m.tenantId().equals(after.tenantId())
                    ? m.toBuilder().lastError(Erasure.scrub(m.lastError(), texts))
                    .feedbackDetail(Erasure.scrub(m.feedbackDetail(), texts)).build()
                    : m);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static String openKey(Invitation i) {
        return i.tenantId().value() + '\u0000' + i.target().type() + '\u0000' + i.target().id() + '\u0000'
                + i.inviteeKey();
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        return read(() -> Optional.ofNullable(invitations.get(id)).filter(i -> i.tenantId().equals(tenantId)));
    }

    @Override
    public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
        String key = tenantId.value() + '\u0000' + target.type() + '\u0000' + target.id() + '\u0000'
                + contact.matchKey();
        return read(() -> Optional.ofNullable(openIndex.get(key)).map(invitations::get));
    }

    @Override
    public List<Invitation> findOpen(TenantId tenantId, Collection<? extends Contact> contacts) {
        Set<String> keys = new HashSet<>();
        contacts.forEach(c -> keys.add(c.matchKey()));
        return read(() -> invitations.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.status().isOpen() && keys.contains(i.inviteeKey()))
                .toList());
    }

    @Override
    public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
        String key = contact.matchKey();
        return read(() -> invitations.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.inviteeKey().equals(key))
                .sorted(CREATION_ORDER).toList());
    }

    @Override
    public Page<Invitation> query(InvitationQuery query) {
        List<Invitation> matches = read(() -> invitations.values().stream().filter(query::matches)
                .sorted(CREATION_ORDER).toList());
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new Page<>(matches.subList(from, to), query.offset(), to < matches.size());
    }

    @Override
    public long count(InvitationQuery query) {
        return read(() -> invitations.values().stream().filter(query::matches).count());
    }

    @Override
    public List<Invitation> dueForExpiry(Instant now, int limit) {
        return read(() -> invitations.values().stream()
                .filter(i -> i.status() == InvitationStatus.PENDING && i.expiresAt() != null
                        && !now.isBefore(i.expiresAt()))
                .sorted(Comparator.comparing(Invitation::expiresAt).thenComparing(i -> i.id().value()))
                .limit(limit).toList());
    }

    @Override
    public List<Invitation> dueForReminder(Instant now, int limit) {
        return read(() -> invitations.values().stream()
                .filter(i -> i.status() == InvitationStatus.PENDING && i.nextReminderAt() != null
                        && !now.isBefore(i.nextReminderAt()) && (i.expiresAt() == null || now.isBefore(i.expiresAt())))
                .sorted(Comparator.comparing(Invitation::nextReminderAt).thenComparing(i -> i.id().value()))
                .limit(limit).toList());
    }

    @Override
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        return read(() -> {
            Invitation i = invitations.get(id);
            return i == null || !i.tenantId().equals(tenantId) ? List.of() : List.copyOf(history.get(id));
        });
    }

    @Override
    public Optional<ShareableLink> findLink(TenantId tenantId, LinkId id) {
        return read(() -> Optional.ofNullable(links.get(id)).filter(l -> l.tenantId().equals(tenantId)));
    }

    @Override
    public List<ShareableLink> links(TenantId tenantId) {
        return read(() -> links.values().stream().filter(l -> l.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ShareableLink::createdAt).thenComparing(l -> l.id().value())).toList());
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        if (limit < 1) {
            throw InvitationException.invalidValue("limit must be at least 1, was " + limit);
        }
        return claimWhere(m -> true, now, limit, positive(lease));
    }

    private List<OutboxMessage> claimWhere(Predicate<OutboxMessage> which, Instant now, int limit, Duration lease) {
        lock.writeLock().lock();
        try {
            List<OutboxMessage> due = outbox.values().stream()
                    .filter(m -> m.status() == OutboxMessage.Status.PENDING && !m.nextAttemptAt().isAfter(now))
                    .filter(which)
                    .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
                    .limit(limit).toList();
            List<OutboxMessage> claimed = new ArrayList<>(due.size());
            for (OutboxMessage m : due) {
                OutboxMessage c = m.toBuilder()
                        .attempts(m.attempts() + 1)
                        .nextAttemptAt(now.plus(lease))
                        .updatedAt(now)
                        .build();
                outbox.put(c.id(), c);
                claimed.add(c);
            }
            return List.copyOf(claimed);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now, Duration lease) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(now, "now");
        Set<String> wanted = Set.copyOf(ids);
        return claimWhere(m -> m.tenantId().equals(tenantId) && wanted.contains(m.id()), now, Integer.MAX_VALUE,
                positive(lease));
    }

    private static Duration positive(Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw InvitationException.invalidValue("lease must be positive, was " + lease);
        }
        return lease;
    }

    @Override
    public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
        return read(() -> outbox.values().stream()
                .filter(m -> m.tenantId().equals(tenantId) && m.invitationId().equals(invitationId))
                .sorted(Comparator.comparingInt(OutboxMessage::sendNumber)).toList());
    }

    @Override
    public Optional<OutboxMessage> findOutboxMessage(String reference) {
        Objects.requireNonNull(reference, "reference");
        return read(() -> Optional.ofNullable(outbox.get(reference)).or(() -> outbox.values().stream()
                .filter(m -> reference.equals(m.providerMessageId())).findFirst()));
    }

    private <T> T read(java.util.function.Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
