package io.invitations.core.bulk;

import io.invitations.core.InvitationService;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/** A service on in-memory adapters whose store counts its writes; fixed ids and clock; recorded events. */
final class BulkFixture {
    static final TenantId ACME = TenantId.of("acme");
    static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    static final BatchId BATCH = BatchId.of("batch-1");

    final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    final CountingStore store = new CountingStore();
    final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    final InMemorySeatLedger seats = InMemorySeatLedger.countingMembersOf(directory);
    final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    final List<InvitationEvent> events = new CopyOnWriteArrayList<>();
    /** How many invitations the store held when each event was published. */
    final List<Long> storedAtEvent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    final InvitationService service;

    BulkFixture() {
        service = InvitationService.builder().store(store).identityDirectory(directory).seatLedger(seats)
                .settings(settings).clock(clock).mailer(new RecordingMailer())
                // the host drives delivery, so a test sees the batch's own write and events alone
                .deliveryMode(DeliveryMode.HOST_DRIVEN)
                .keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                .idGenerator(() -> InvitationId.of("inv-" + ids.incrementAndGet()))
                .listener(e -> {
                    storedAtEvent.add(store.count(ACME));
                    events.add(e);
                })
                .build();
    }

    BulkFixture configure(UnaryOperator<TenantSettings.Builder> change) {
        settings.update(ACME, s -> change.apply(s.toBuilder()).build());
        return this;
    }

    static InvitationRow row(int rowNumber, String email) {
        return InvitationRow.builder(rowNumber).set(RowField.EMAIL, email).build();
    }

    /** Rows 2.. with addresses person1@example.com, person2@example.com, ... */
    static List<InvitationRow> rows(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> row(i + 1, "person" + i + "@example.com")).toList();
    }

    static BulkRequest.Builder request(List<InvitationRow> rows) {
        return BulkRequest.builder(rows).defaultRole("member").batchId(BATCH);
    }

    List<String> eventTypes() {
        return events.stream().map(InvitationEvent::type).toList();
    }
}
