package io.invitations.core.bulk;

import io.invitations.core.memory.ForwardingInvitationStore;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.WriteBatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A store decorator at the SPI edge: counts {@link #write} calls, keeps the batches it was given,
 * and can run something just before one write (another node inviting meanwhile).
 */
final class CountingStore extends ForwardingInvitationStore {
    private final InMemoryInvitationStore memory;
    final List<WriteBatch> writes = new CopyOnWriteArrayList<>();
    private volatile Consumer<InMemoryInvitationStore> beforeNextWrite;

    CountingStore() {
        this(new InMemoryInvitationStore());
    }

    private CountingStore(InMemoryInvitationStore memory) {
        super(memory);
        this.memory = memory;
    }

    /** Runs {@code action} on the underlying store just before the next write, once. */
    void beforeNextWrite(Consumer<InMemoryInvitationStore> action) {
        beforeNextWrite = action;
    }

    int writeCalls() {
        return writes.size();
    }

    long count(TenantId tenantId) {
        return count(InvitationQuery.builder(tenantId).build());
    }

    @Override
    public void write(WriteBatch batch) {
        writes.add(batch);
        Consumer<InMemoryInvitationStore> hook = beforeNextWrite;
        beforeNextWrite = null;
        if (hook != null) {
            hook.accept(memory);
        }
        super.write(batch);
    }
}
