package io.invitations.core.outbox.internal;

import io.invitations.core.memory.ForwardingInvitationStore;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A store adapter (an SPI edge) that can fail outcome writes or claims on demand. */
final class FlakyStore extends ForwardingInvitationStore {
    volatile boolean failNextWrite;
    volatile boolean failClaims;

    FlakyStore(InvitationStore delegate) {
        super(delegate);
    }

    @Override
    public void write(WriteBatch batch) {
        if (failNextWrite && !batch.outboxOutcomes().isEmpty()) {
            failNextWrite = false;
            throw new StorageException("connection lost", null);
        }
        super.write(batch);
    }

    @Override
    public List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease) {
        if (failClaims) {
            throw new StorageException("database down", null);
        }
        return super.claimOutbox(now, limit, lease);
    }
}
