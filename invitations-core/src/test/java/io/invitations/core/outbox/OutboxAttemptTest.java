package io.invitations.core.outbox;

import io.invitations.core.memory.ForwardingInvitationStore;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attempt record and the in-doubt rule of {@link OutboxProcessor}, in one process: a stopped
 * worker is simulated by a store that refuses every write of that worker once its mailer took the
 * message (as if the process had died before storing the outcome).
 */
@DisplayName("Attempt records: an attempt is stored before the mailer is called; an in-doubt one is resent with the same key")
class OutboxAttemptTest {
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final OutboxFixture f = new OutboxFixture();

    @Test
    @DisplayName("the mailer sees the message already marked in doubt, with its lease renewed from the attempt")
    void theAttemptIsStoredBeforeTheMailerIsCalled() {
        Invitation inv = f.invite("inv-attempt", null);
        List<OutboxMessage> seenByMailer = new ArrayList<>();
        OutboxProcessor outbox = f.processor(message -> {
            f.clock.advance(Duration.ofSeconds(1));
            seenByMailer.add(f.outbox(inv, 1));
        }).lease(LEASE).build();
        Instant claimedAt = f.clock.instant();

        outbox.drainDue();

        assertThat(seenByMailer).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.lastError()).startsWith(OutboxProcessor.IN_DOUBT);
            assertThat(m.nextAttemptAt()).isEqualTo(claimedAt.plus(LEASE));
            assertThat(m.attempts()).isEqualTo(1);
        });
        assertThat(f.outbox(inv, 1).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
        assertThat(f.outbox(inv, 1).lastError()).isNull();
    }

    @Test
    @DisplayName("a worker that stopped after the mailer took the message: after one lease another worker sends it "
            + "again with the same key, once, and records it")
    void anInDoubtMessageIsResentWithTheSameKeyAfterOneLease() {
        Invitation inv = f.invite("inv-doubt", null);
        OutboxFixture.RecordingMailer server = new OutboxFixture.RecordingMailer();
        AtomicBoolean dead = new AtomicBoolean();
        InvitationStore dying = new ForwardingInvitationStore(f.store) {
            @Override
            public void write(WriteBatch batch) {
                if (dead.get()) {
                    throw new StorageException("the process is gone", null);
                }
                super.write(batch);
            }
        };
        OutboxProcessor stopped = OutboxProcessor.builder().store(dying).renderer(f.renderer).clock(f.clock)
                .lease(LEASE).mailer(message -> {
                    server.send(message);
                    dead.set(true);
                }).build();
        Instant attemptAt = f.clock.instant();

        stopped.drainDue();

        OutboxMessage inDoubt = f.outbox(inv, 1);
        assertThat(inDoubt.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(inDoubt.lastError()).startsWith(OutboxProcessor.IN_DOUBT);
        assertThat(inDoubt.nextAttemptAt()).isEqualTo(attemptAt.plus(LEASE));
        OutboxProcessor survivor = f.processor(server).lease(LEASE).build();
        f.clock.advance(LEASE.minusMillis(1));
        assertThat(survivor.drainDue().total()).as("hidden until its lease ends").isZero();
        f.clock.advance(Duration.ofMillis(1));

        assertThat(survivor.drainDue().delivered()).isOne();

        assertThat(server.sent).extracting(MailMessage::idempotencyKey).containsExactly("inv-doubt#1", "inv-doubt#1");
        assertThat(f.outbox(inv, 1).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
        assertThat(survivor.drainDue().total()).isZero();
    }

    @Test
    @DisplayName("a claim that another worker took over after its lease is not sent by the first worker")
    void aTakenOverClaimIsNotSent() {
        Invitation inv = f.invite("inv-fenced", null);
        OutboxFixture.RecordingMailer server = new OutboxFixture.RecordingMailer();
        List<OutboxMessage> claimed = f.store.claimOutbox(f.clock.instant(), 10, LEASE);
        assertThat(claimed).hasSize(1);
        f.clock.advance(LEASE);
        OutboxProcessor other = f.processor(server).lease(LEASE).build();

        other.drainDue();

        assertThat(server.sent).hasSize(1);
        assertThat(f.outbox(inv, 1).attempts()).isEqualTo(2);
        assertThat(f.outbox(inv, 1).status()).isEqualTo(OutboxMessage.Status.DELIVERED);
    }

    @Test
    @DisplayName("a transient failure is retried after the backoff shortened by the jitter drawn")
    void retryDelayCarriesJitter() {
        Invitation inv = f.invite("inv-jitter", null);
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(10), 2.0, Duration.ofHours(1), 5, 0.5);
        OutboxProcessor outbox = f.processor(message -> {
            throw MailDeliveryException.transientFailure("421 busy", null);
        }).retryPolicy(policy).jitterSource(() -> 0.5).build();
        Instant failedAt = f.clock.instant();

        outbox.drainDue();

        assertThat(f.outbox(inv, 1).nextAttemptAt()).isEqualTo(failedAt.plus(Duration.ofMinutes(10).multipliedBy(3)
                .dividedBy(4)));
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(1, 0.999_999)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }
}
