package io.invitations.core.outbox;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationLink;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store adapter (an SPI edge) that can fail outcome writes or claims on demand. */
final class FlakyStore implements InvitationStore {
    private final InvitationStore delegate;
    volatile boolean failNextWrite;
    volatile boolean failClaims;

    FlakyStore(InvitationStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(WriteBatch batch) {
        if (failNextWrite && !batch.outboxOutcomes().isEmpty()) {
            failNextWrite = false;
            throw new StorageException("connection lost", null);
        }
        delegate.write(batch);
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        if (failClaims) {
            throw new StorageException("database down", null);
        }
        return delegate.claimOutbox(now, limit, lease);
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        return delegate.find(tenantId, id);
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
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        return delegate.history(tenantId, id);
    }

    @Override
    public Optional<InvitationLink> findLink(TenantId tenantId, LinkId id) {
        return delegate.findLink(tenantId, id);
    }

    @Override
    public List<InvitationLink> links(TenantId tenantId) {
        return delegate.links(tenantId);
    }

    @Override
    public List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId) {
        return delegate.outbox(tenantId, invitationId);
    }
}
