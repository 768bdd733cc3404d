package io.invitations.core;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.ForwardingInvitationStore;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.tck.support.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMMEDIATE delivery never makes the caller wait for the mail server: the operation's messages go
 * to the delivery executor after the write, and only those are attempted right away.
 */
@DisplayName("Immediate delivery runs off the caller's thread and tries only the operation's messages")
class ImmediateDeliveryTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final InMemoryInvitationStore store = new InMemoryInvitationStore();

    private InvitationService.Builder service(Mailer mailer) {
        return InvitationService.builder().store(store).mailer(mailer).clock(clock)
                .keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))));
    }

    private static InviteRequest invite(String email) {
        return InviteRequest.builder().email(email).role("member").build();
    }

    private static List<InvitationRow> rows(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> InvitationRow.builder(i + 1)
                .set(RowField.EMAIL, "row" + i + "@example.com").build()).toList();
    }

    @Test
    @DisplayName("invite() and bulk() return, with everything stored, while the mailer is still blocked on a "
            + "latch the test holds (default executor)")
    void theCallerNeverWaitsForTheMailer() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingMailer recorded = new RecordingMailer();
        CountDownLatch delivered = new CountDownLatch(12);
        InvitationService invitations = service(message -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorded.send(message);
        }).listener(e -> {
            if (e instanceof InvitationEvent.Delivered) {
                delivered.countDown();
            }
        }).build();
        try {
            Invitation first = invitations.administration(ADMIN, ACME).invite(invite("first@example.com"));
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the mailer took the first message").isTrue();

            Invitation second = invitations.administration(ADMIN, ACME).invite(invite("second@example.com"));
            BulkReport bulk = invitations.administration(ADMIN, ACME).bulk(BulkRequest.builder(rows(10))
                    .defaultRole("member").build());

            assertThat(release.getCount()).as("the mailer is still blocked: the test holds its latch").isOne();
            assertThat(recorded.sent()).isEmpty();
            assertThat(bulk.count(BulkOutcome.CREATED)).isEqualTo(10);
            for (Invitation i : List.of(first, second)) {
                assertThat(invitations.administration(ADMIN, ACME).find(i.id()).orElseThrow().delivery().status())
                        .isEqualTo(DeliveryState.Status.QUEUED);
            }
        } finally {
            release.countDown();
        }
        assertThat(delivered.await(30, TimeUnit.SECONDS)).as("all 12 messages delivered once released").isTrue();
        assertThat(recorded.sent()).extracting(MailMessage::idempotencyKey).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    @DisplayName("only the operation's messages are attempted right away, not the due backlog")
    void onlyTheOperationsMessages() {
        RecordingMailer mailer = new RecordingMailer();
        InvitationService hostDriven = service(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN).build();
        for (int n = 0; n < 3; n++) {
            hostDriven.administration(ADMIN, ACME).invite(invite("backlog" + n + "@example.com"));
        }
        InvitationService immediate = service(mailer).deliveryExecutor(Runnable::run).build();

        immediate.administration(ADMIN, ACME).invite(invite("now@example.com"));

        assertThat(mailer.sent()).extracting(MailMessage::to).containsExactly("now@example.com");
        assertThat(immediate.maintenance().deliverDueMessages().delivered()).isEqualTo(3);
    }

    @Test
    @DisplayName("when the executor refuses work the messages stay queued, and the next delivery drains them too")
    void aRefusingExecutorLosesNothing() {
        RecordingMailer mailer = new RecordingMailer();
        AtomicBoolean full = new AtomicBoolean(true);
        Executor executor = task -> {
            if (full.get()) {
                throw new RejectedExecutionException("queue full");
            }
            task.run();
        };
        InvitationService invitations = service(mailer).deliveryExecutor(executor).build();

        Invitation refused = invitations.administration(ADMIN, ACME).invite(invite("refused@example.com"));
        assertThat(mailer.sent()).isEmpty();
        assertThat(invitations.administration(ADMIN, ACME).find(refused.id()).orElseThrow().delivery().status())
                .isEqualTo(DeliveryState.Status.QUEUED);

        full.set(false);
        invitations.administration(ADMIN, ACME).invite(invite("later@example.com"));

        assertThat(mailer.sent()).extracting(MailMessage::to)
                .containsExactly("later@example.com", "refused@example.com");
    }

    @Test
    @DisplayName("a store that cannot claim by id still gets the operation's messages delivered (by a drain)")
    void storesWithoutClaimByIdStillDeliver() {
        RecordingMailer mailer = new RecordingMailer();
        InvitationStore plain = new ForwardingInvitationStore(store) {
            @Override
            public List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now,
                                                   Duration lease) {
                throw new UnsupportedOperationException("not supported");
            }
        };
        InvitationService invitations = service(mailer).store(plain).deliveryExecutor(Runnable::run).build();

        invitations.administration(ADMIN, ACME).invite(invite("plain@example.com"));

        assertThat(mailer.sent()).extracting(MailMessage::to).containsExactly("plain@example.com");
    }
}
