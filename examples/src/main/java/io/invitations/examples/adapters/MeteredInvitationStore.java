package io.invitations.examples.adapters;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.WriteBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A host-written storage adapter: wraps any {@link InvitationStore} and counts reads, writes and
 * refused writes, the way a host would feed its metrics system. The compatibility kit
 * ({@code MeteredInvitationStoreCompatibilityTest}, and the tour's last step) proves the wrapper
 * keeps the whole storage contract.
 */
public final class MeteredInvitationStore implements InvitationStore {
    private final InvitationStore delegate;
    private final LongAdder writes = new LongAdder();
    private final LongAdder refusedWrites = new LongAdder();
    private final LongAdder reads = new LongAdder();

    /**
     * Wraps a store.
     *
     * @param delegate the store that keeps the data
     */
    public MeteredInvitationStore(InvitationStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns how many batches were written.
     *
     * @return successful writes
     */
    public long writes() {
        return writes.sum();
    }

    /**
     * Returns how many batches the store refused (duplicate, stale version, failure).
     *
     * @return refused writes
     */
    public long refusedWrites() {
        return refusedWrites.sum();
    }

    /**
     * Returns how many reads were served.
     *
     * @return reads
     */
    public long reads() {
        return reads.sum();
    }

    @Override
    public void write(WriteBatch batch) {
        try {
            delegate.write(batch);
            writes.increment();
        } catch (RuntimeException e) {
            refusedWrites.increment();
            throw e;
        }
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        reads.increment();
        return delegate.find(tenantId, id);
    }

    @Override
    public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
        reads.increment();
        return delegate.findOpen(tenantId, target, contact);
    }

    @Override
    public List<Invitation> findOpen(TenantId tenantId, java.util.Collection<? extends Contact> contacts) {
        reads.increment();
        return delegate.findOpen(tenantId, contacts);
    }

    @Override
    public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
        reads.increment();
        return delegate.findByInvitee(tenantId, contact);
    }

    @Override
    public Page<Invitation> query(InvitationQuery query) {
        reads.increment();
        return delegate.query(query);
    }

    @Override
    public long count(InvitationQuery query) {
        reads.increment();
        return delegate.count(query);
    }

    @Override
    public List<Invitation> dueForExpiry(Instant now, int limit) {
        reads.increment();
        return delegate.dueForExpiry(now, limit);
    }

    @Override
    public java.util.Set<String> optedOutAmong(TenantId tenantId, java.util.Collection<String> contactKeys) {
        reads.increment();
        return delegate.optedOutAmong(tenantId, contactKeys);
    }

    @Override
    public List<Invitation> dueForReminder(Instant now, int limit) {
        reads.increment();
        return delegate.dueForReminder(now, limit);
    }

    @Override
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        reads.increment();
        return delegate.history(tenantId, id);
    }

    @Override
    public Optional<ShareableLink> findLink(TenantId tenantId, LinkId id) {
        reads.increment();
        return delegate.findLink(tenantId, id);
    }

    @Override
    public List<ShareableLink> links(TenantId tenantId) {
        reads.increment();
        return delegate.links(tenantId);
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        writes.increment();
        return delegate.claimOutbox(now, limit, lease);
    }

    @Override
    public List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now, Duration lease) {
        writes.increment();
        return delegate.claimOutbox(tenantId, ids, now, lease);
    }

    @Override
    public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
        reads.increment();
        return delegate.outbox(tenantId, invitationId);
    }

    @Override
    public java.util.Optional<OutboxMessage> findOutboxMessage(String reference) {
        reads.increment();
        return delegate.findOutboxMessage(reference);
    }

    @Override
    public List<io.invitations.spi.storage.FunnelEntry> funnel(TenantId tenantId, Instant from, Instant until) {
        reads.increment();
        return delegate.funnel(tenantId, from, until);
    }

    @Override
    public boolean erase(io.invitations.spi.storage.Erasure erasure) {
        writes.increment();
        return delegate.erase(erasure);
    }

    @Override
    public List<Invitation> dueForRetention(TenantId tenantId, Instant before, int limit) {
        reads.increment();
        return delegate.dueForRetention(tenantId, before, limit);
    }

    @Override
    public void optOut(io.invitations.spi.storage.OptOut optOut) {
        writes.increment();
        delegate.optOut(optOut);
    }

    @Override
    public boolean optedOut(TenantId tenantId, String contactKey) {
        reads.increment();
        return delegate.optedOut(tenantId, contactKey);
    }

    @Override
    public long countSends(TenantId tenantId, String contactKey, String inviter, Instant since) {
        reads.increment();
        return delegate.countSends(tenantId, contactKey, inviter, since);
    }

    @Override
    public java.util.Set<TenantId> tenantsWithSends() {
        reads.increment();
        return delegate.tenantsWithSends();
    }

    @Override
    public int purgeSends(TenantId tenantId, Instant before) {
        writes.increment();
        return delegate.purgeSends(tenantId, before);
    }
}
