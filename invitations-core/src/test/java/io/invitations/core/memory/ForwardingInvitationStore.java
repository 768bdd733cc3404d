package io.invitations.core.memory;

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
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A store that hands every call to another one; the deliberately broken stores of
 * {@link BrokenStoresFailTheKitTest} override the calls they break, other tests' store decorators
 * (counting writes, say) the calls they watch.
 */
public abstract class ForwardingInvitationStore implements InvitationStore {
    private final InvitationStore delegate;

    protected ForwardingInvitationStore(InvitationStore delegate) {
        this.delegate = delegate;
    }

    protected InvitationStore delegate() {
        return delegate;
    }

    /**
     * Copies a batch, changing its inserted and updated invitations and its updated links.
     *
     * @param batch       the batch
     * @param inserts     applied to each inserted invitation
     * @param updates     applied to each updated invitation
     * @param linkUpdates applied to each updated link
     * @return the new batch
     */
    static WriteBatch rebuild(WriteBatch batch, UnaryOperator<Invitation> inserts, UnaryOperator<Invitation> updates,
                              UnaryOperator<ShareableLink> linkUpdates) {
        WriteBatch.Builder b = WriteBatch.builder();
        batch.inserts().forEach(i -> b.insert(inserts.apply(i)));
        batch.updates().forEach(i -> b.update(updates.apply(i)));
        batch.history().forEach(b::append);
        batch.enqueued().forEach(b::enqueue);
        batch.outboxOutcomes().forEach(b::outboxOutcome);
        batch.linkInserts().forEach(b::insertLink);
        batch.linkUpdates().forEach(l -> b.updateLink(linkUpdates.apply(l)));
        batch.guards().forEach(g -> b.guard(g.tenantId(), g.condition()));
        return b.build();
    }

    @Override
    public void write(WriteBatch batch) {
        delegate.write(batch);
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        return delegate.find(tenantId, id);
    }

    @Override
    public List<Invitation> findOpen(TenantId tenantId, java.util.Collection<? extends Contact> contacts) {
        return delegate.findOpen(tenantId, contacts);
    }

    @Override
    public Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact) {
        return delegate.findOpen(tenantId, target, contact);
    }

    @Override
    public List<Invitation> findByInvitee(TenantId tenantId, Contact contact) {
        return delegate.findByInvitee(tenantId, contact);
    }

    @Override
    public Page<Invitation> query(InvitationQuery query) {
        return delegate.query(query);
    }

    @Override
    public long count(InvitationQuery query) {
        return delegate.count(query);
    }

    @Override
    public List<Invitation> dueForExpiry(Instant now, int limit) {
        return delegate.dueForExpiry(now, limit);
    }

    @Override
    public List<Invitation> dueForReminder(Instant now, int limit) {
        return delegate.dueForReminder(now, limit);
    }

    @Override
    public java.util.Set<String> optedOutAmong(TenantId tenantId, Collection<String> contactKeys) {
        return delegate.optedOutAmong(tenantId, contactKeys);
    }

    @Override
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        return delegate.history(tenantId, id);
    }

    @Override
    public Optional<ShareableLink> findLink(TenantId tenantId, LinkId id) {
        return delegate.findLink(tenantId, id);
    }

    @Override
    public List<ShareableLink> links(TenantId tenantId) {
        return delegate.links(tenantId);
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        return delegate.claimOutbox(now, limit, lease);
    }

    @Override
    public List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now, Duration lease) {
        return delegate.claimOutbox(tenantId, ids, now, lease);
    }

    @Override
    public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
        return delegate.outbox(tenantId, invitationId);
    }

    @Override
    public java.util.Optional<OutboxMessage> findOutboxMessage(String reference) {
        return delegate.findOutboxMessage(reference);
    }

    @Override
    public List<io.invitations.spi.storage.FunnelEntry> funnel(TenantId tenantId, Instant from, Instant until) {
        return delegate.funnel(tenantId, from, until);
    }

    @Override
    public boolean erase(io.invitations.spi.storage.Erasure erasure) {
        return delegate.erase(erasure);
    }

    @Override
    public List<Invitation> dueForRetention(TenantId tenantId, Instant before, int limit) {
        return delegate.dueForRetention(tenantId, before, limit);
    }

    @Override
    public void optOut(io.invitations.spi.storage.OptOut optOut) {
        delegate.optOut(optOut);
    }

    @Override
    public boolean optedOut(TenantId tenantId, String contactKey) {
        return delegate.optedOut(tenantId, contactKey);
    }

    @Override
    public long countSends(TenantId tenantId, String contactKey, String inviter, Instant since) {
        return delegate.countSends(tenantId, contactKey, inviter, since);
    }

    @Override
    public java.util.Set<TenantId> tenantsWithSends() {
        return delegate.tenantsWithSends();
    }

    @Override
    public int purgeSends(TenantId tenantId, Instant before) {
        return delegate.purgeSends(tenantId, before);
    }
}
