package io.invitations.core.memory;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.WriteBatch;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Stores that each break one promise of the storage contract, the way real adapters get it wrong.
 * They wrap a correct {@link InMemoryInvitationStore}; {@link BrokenStoresFailTheKitTest} shows
 * that the compatibility kit catches each of them.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** A batch's records (invitations, history, messages, outcomes, links), without guards or feedback. */
    private static WriteBatch.Builder recordsOf(WriteBatch batch) {
        WriteBatch.Builder copy = WriteBatch.builder();
        batch.inserts().forEach(copy::insert);
        batch.updates().forEach(copy::update);
        batch.history().forEach(copy::append);
        batch.enqueued().forEach(copy::enqueue);
        batch.outboxOutcomes().forEach(copy::outboxOutcome);
        batch.linkInserts().forEach(copy::insertLink);
        batch.linkUpdates().forEach(copy::updateLink);
        batch.sends().forEach(copy::recordSend);
        return copy;
    }

    /**
     * Checks the write's conditions first and writes after, without holding anything in between:
     * the count-then-insert that lets racing writers pass one limit together.
     */
    static final class ChecksOutsideTheWrite extends ForwardingInvitationStore {
        ChecksOutsideTheWrite() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            batch.guards().forEach(g -> g.check(delegate()::count));
            Thread.yield();
            delegate().write(recordsOf(batch).build());
        }
    }

    /**
     * Written before delivery feedback existed: applies everything of a batch but its feedback
     * steps, which it silently drops.
     */
    static final class IgnoresFeedback extends ForwardingInvitationStore {
        IgnoresFeedback() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            WriteBatch.Builder without = recordsOf(batch);
            batch.guards().forEach(g -> without.guard(g.tenantId(), g.condition()));
            delegate().write(without.build());
        }
    }

    /** Keeps no accepting address: history reads back without it, as a store without the column would. */
    static final class ForgetsAcceptingAddress extends ForwardingInvitationStore {
        ForgetsAcceptingAddress() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public java.util.List<io.invitations.spi.invitation.HistoryEntry> history(
                io.invitations.spi.invitation.TenantId tenantId, io.invitations.spi.invitation.InvitationId id) {
            return delegate().history(tenantId, id).stream().map(e -> e.toBuilder().acceptingAddress(null).build())
                    .toList();
        }
    }

    /** Written before read scopes existed: answers queries and counts as if no scope were set. */
    static final class IgnoresScope extends ForwardingInvitationStore {
        IgnoresScope() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public Page<Invitation> query(InvitationQuery query) {
            return delegate().query(query.toBuilder().scope(null).build());
        }

        @Override
        public long count(InvitationQuery query) {
            return delegate().count(query.toBuilder().scope(null).build());
        }
    }

    /** Last writer wins: every update is rewritten to the version after the stored one, read just before. */
    static final class IgnoresVersions extends ForwardingInvitationStore {
        IgnoresVersions() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            delegate().write(rebuild(batch, UnaryOperator.identity(), this::afterStored, this::afterStoredLink));
        }

        private Invitation afterStored(Invitation next) {
            return delegate().find(next.tenantId(), next.id())
                    .map(stored -> next.toBuilder().version(stored.version() + 1).build()).orElse(next);
        }

        private ShareableLink afterStoredLink(ShareableLink next) {
            return delegate().findLink(next.tenantId(), next.id()).map(stored -> ShareableLink.builder()
                    .id(next.id())
                    .tenantId(next.tenantId())
                    .target(next.target())
                    .grant(next.grant())
                    .createdBy(next.createdBy())
                    .createdAt(next.createdAt())
                    .updatedAt(next.updatedAt())
                    .expiresAt(next.expiresAt())
                    .maxUses(next.maxUses())
                    .uses(next.uses())
                    .allowedDomains(next.allowedDomains())
                    .active(next.active())
                    .tokenVersion(next.tokenVersion())
                    .version(stored.version() + 1)
                    .build()).orElse(next);
        }
    }

    /**
     * Keeps the invitee out of its uniqueness check: invitations are stored under a disguised
     * invitee unique to each invitation (as if the unique index forgot the invitee column), and
     * read back under their real one.
     */
    static final class IgnoresOpenInvitationRule extends ForwardingInvitationStore {
        private static final IdentifierKind DISGUISE = IdentifierKind.of("disguise");
        private static final Comparator<Invitation> CREATION_ORDER =
                Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value());

        private final Map<InvitationId, Invitee> realInvitees = new ConcurrentHashMap<>();
        private final Map<String, Set<InvitationId>> idsByInvitee = new ConcurrentHashMap<>();

        IgnoresOpenInvitationRule() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            for (List<Invitation> written : List.of(batch.inserts(), batch.updates())) {
                for (Invitation i : written) {
                    realInvitees.put(i.id(), i.invitee());
                    idsByInvitee.computeIfAbsent(i.inviteeKey(), k -> ConcurrentHashMap.newKeySet()).add(i.id());
                }
            }
            delegate().write(rebuild(batch, this::disguise, this::disguise, UnaryOperator.identity()));
        }

        private Invitation disguise(Invitation i) {
            return i.toBuilder().invitee(new Invitee(Identifier.of(DISGUISE, i.id().value()), null, null, null))
                    .build();
        }

        private Invitation reveal(Invitation i) {
            return i.toBuilder().invitee(realInvitees.get(i.id())).build();
        }

        @Override
        public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
            return delegate().find(tenantId, id).map(this::reveal);
        }

        @Override
        public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
            return findByInvitee(tenantId, contact).stream()
                    .filter(i -> i.target().equals(target) && i.status().isOpen()).findFirst();
        }

        @Override
        public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
            return idsByInvitee.getOrDefault(contact.matchKey(), Set.of()).stream()
                    .map(id -> find(tenantId, id)).flatMap(Optional::stream)
                    .filter(i -> i.inviteeKey().equals(contact.matchKey()))
                    .sorted(CREATION_ORDER).toList();
        }

        @Override
        public Page<Invitation> query(InvitationQuery query) {
            return delegate().query(query).map(this::reveal);
        }

        @Override
        public List<Invitation> dueForExpiry(Instant now, int limit) {
            return delegate().dueForExpiry(now, limit).stream().map(this::reveal).toList();
        }
    }

    /** Applies a batch one item at a time, so that a failure keeps what came before it. */
    static final class NotAtomic extends ForwardingInvitationStore {
        NotAtomic() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            batch.inserts().forEach(i -> delegate().write(WriteBatch.builder().insert(i).build()));
            batch.updates().forEach(i -> delegate().write(WriteBatch.builder().update(i).build()));
            batch.linkInserts().forEach(l -> delegate().write(WriteBatch.builder().insertLink(l).build()));
            batch.linkUpdates().forEach(l -> delegate().write(WriteBatch.builder().updateLink(l).build()));
            batch.history().forEach(e -> delegate().write(WriteBatch.builder().append(e).build()));
            batch.enqueued().forEach(m -> delegate().write(WriteBatch.builder().enqueue(m).build()));
            batch.outboxOutcomes().forEach(m -> delegate().write(WriteBatch.builder().outboxOutcome(m).build()));
        }
    }

    /**
     * Forgets the tenant in lookups by id and in lists, and counts every tenant's invitations: it
     * falls back to any tenant it has seen.
     */
    static final class LeaksAcrossTenants extends ForwardingInvitationStore {
        private final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();

        LeaksAcrossTenants() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public void write(WriteBatch batch) {
            batch.inserts().forEach(i -> tenants.add(i.tenantId()));
            batch.linkInserts().forEach(l -> tenants.add(l.tenantId()));
            delegate().write(batch);
        }

        private <T> Optional<T> inAnyTenant(TenantId first, Function<TenantId, Optional<T>> read) {
            return read.apply(first).or(() -> tenants.stream().map(read).flatMap(Optional::stream).findFirst());
        }

        private <T> List<T> fromEveryTenant(TenantId first, Function<TenantId, List<T>> read) {
            Set<TenantId> all = ConcurrentHashMap.newKeySet();
            all.add(first);
            all.addAll(tenants);
            return all.stream().map(read).flatMap(List::stream).toList();
        }

        @Override
        public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
            return inAnyTenant(tenantId, t -> delegate().find(t, id));
        }

        @Override
        public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
            return inAnyTenant(tenantId, t -> delegate().findOpen(t, target, contact));
        }

        @Override
        public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
            return fromEveryTenant(tenantId, t -> delegate().findByInvitee(t, contact));
        }

        @Override
        public long count(InvitationQuery query) {
            return fromEveryTenant(query.tenantId(), t -> List.of(delegate().count(InvitationQuery.builder(t)
                    .statuses(query.statuses()).invitedBy(query.invitedBy()).source(query.source())
                    .target(query.target()).createdBetween(query.createdFrom(), query.createdUntil())
                    .asOf(query.asOf()).page(0, 1).build()))).stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
            return inAnyTenant(tenantId, t -> Optional.of(delegate().history(t, id)).filter(h -> !h.isEmpty()))
                    .orElse(List.of());
        }

        @Override
        public Optional<ShareableLink> findLink(TenantId tenantId, LinkId id) {
            return inAnyTenant(tenantId, t -> delegate().findLink(t, id));
        }

        @Override
        public List<ShareableLink> links(TenantId tenantId) {
            return fromEveryTenant(tenantId, t -> delegate().links(t));
        }

        @Override
        public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
            return inAnyTenant(tenantId, t -> Optional.of(delegate().outbox(t, invitationId))
                    .filter(m -> !m.isEmpty())).orElse(List.of());
        }
    }

    /**
     * Erases only the invitation row: sets the tombstone and drops names and message, but leaves the
     * person's address and names in history reasons, outbox errors and delivery feedback.
     */
    static final class KeepsPersonalDataAfterErasure extends ForwardingInvitationStore {
        KeepsPersonalDataAfterErasure() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public synchronized boolean erase(io.invitations.spi.storage.Erasure erasure) {
            Invitation before = delegate().find(erasure.tenantId(), erasure.invitationId()).orElseThrow(
                    () -> new io.invitations.spi.storage.StorageException("no such invitation", null));
            if (before.inviteeKey().equals(erasure.tombstone().matchKey())) {
                return false;
            }
            delegate().write(WriteBatch.builder().update(erasure.apply(before)).append(erasure.entry()).build());
            return true;
        }
    }

    /** Deletes the send records of every tenant when asked to purge one, and ignores the instant. */
    static final class PurgesTooMuch extends ForwardingInvitationStore {
        PurgesTooMuch() {
            super(new InMemoryInvitationStore());
        }

        @Override
        public int purgeSends(io.invitations.spi.invitation.TenantId tenantId, java.time.Instant before) {
            int purged = 0;
            for (io.invitations.spi.invitation.TenantId t : delegate().tenantsWithSends()) {
                purged += delegate().purgeSends(t, java.time.Instant.MAX);
            }
            return purged;
        }
    }
}
