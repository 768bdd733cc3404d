package io.invitations.core.outbox.internal;

import io.invitations.core.outbox.RetryPolicy;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.message.MessageContext;
import io.invitations.core.outbox.internal.OutboxFixture.RecordingMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.Status;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

@DisplayName("The outbox processor")
class OutboxProcessorTest {
    private final OutboxFixture f = new OutboxFixture();
    private final RecordingMailer mailer = new RecordingMailer();

    @Nested
    @DisplayName("on success")
    class Success {
        @Test
        @DisplayName("hands the message to the mailer under its idempotency key and records the delivery")
        void deliversAndRecords() {
            Invitation invitation = f.invite("inv-1", null);

            DrainResult result = f.processor(mailer).build().drainDue();

            assertThat(result).isEqualTo(new DrainResult(1, 0, 0, 0, 0));
            assertThat(mailer.sent).singleElement().satisfies(m -> {
                assertThat(m.idempotencyKey()).isEqualTo("inv-1#1");
                assertThat(m.to()).isEqualTo("inv-1@example.com");
                assertThat(m.text()).contains("https://app.example/claim/inv-1?v=1");
            });
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.DELIVERED);
            Invitation stored = f.reload(invitation);
            assertThat(stored.delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(stored.delivery().lastDeliveredAt()).isEqualTo(f.clock.instant());
            assertThat(stored.version()).isEqualTo(2);
            assertThat(f.events).containsExactly(new InvitationEvent.Delivered(invitation.tenantId(), invitation.id(),
                    f.clock.instant(), OutboxProcessor.ACTOR, 1));
        }

        @Test
        @DisplayName("never hands a delivered message to the mailer again")
        void deliversOnce() {
            f.invite("inv-1", null);
            OutboxProcessor processor = f.processor(mailer).build();

            processor.drainDue();
            f.clock.advance(Duration.ofDays(1));
            processor.drainDue();

            assertThat(mailer.sent).hasSize(1);
        }

        @Test
        @DisplayName("the preview of an invitation equals the sent message byte for byte")
        void previewEqualsSentMessage() {
            Invitation invitation = f.invite("inv-1", "See you <soon> & well");
            OutboxMessage queued = f.outbox(invitation, 1);
            MailMessage preview = f.messages.render(MessageContext.forMessage(queued, invitation,
                    OutboxFixture.BRANDING, OutboxFixture.claimUrl(invitation), f.clock.instant()));

            f.processor(mailer).build().drainDue();

            MailMessage sent = mailer.sent.get(0);
            assertThat(preview).isEqualTo(sent);
            assertThat(preview.subject().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(sent.subject().getBytes(StandardCharsets.UTF_8));
            assertThat(preview.html().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(sent.html().getBytes(StandardCharsets.UTF_8));
            assertThat(preview.text().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(sent.text().getBytes(StandardCharsets.UTF_8));
            assertThat(f.store.outbox(invitation.tenantId(), invitation.id())).hasSize(1);
        }

        @Test
        @DisplayName("a personal message with <script> arrives escaped in HTML and intact in text")
        void scriptArrivesEscapedInHtmlAndIntactInText() {
            String message = "Join us! <script>document.location='https://evil.example'</script>";
            f.invite("inv-1", message);

            f.processor(mailer).build().drainDue();

            MailMessage sent = mailer.sent.get(0);
            assertThat(sent.html()).doesNotContain("<script>")
                    .contains("&lt;script&gt;document.location=&#39;https://evil.example&#39;&lt;/script&gt;");
            assertThat(sent.text()).contains(message);
        }

        @Test
        @DisplayName("records the delivery when the invitation changed while the message was being sent")
        void retriesTheInvitationUpdateOnAConcurrentChange() {
            Invitation invitation = f.invite("inv-1", null);
            Mailer changingMailer = m -> {
                Invitation current = f.reload(invitation);
                f.store.write(WriteBatch.builder().update(current.toBuilder().personalMessage("edited")
                        .version(current.version() + 1).build()).build());
            };

            DrainResult result = f.processor(changingMailer).build().drainDue();

            Invitation stored = f.reload(invitation);
            assertThat(result.delivered()).isEqualTo(1);
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored.personalMessage()).isEqualTo("edited");
            assertThat(stored.delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.DELIVERED);
        }

        @Test
        @DisplayName("a listener that throws neither undoes the delivery nor stops the other listeners")
        void failingListenerIsContained() {
            f.invite("inv-1", null);
            List<InvitationEvent> seen = new ArrayList<>();

            DrainResult result = f.processor(mailer).listener(e -> {
                throw new IllegalStateException("listener bug");
            }).listener(seen::add).build().drainDue();

            assertThat(result.delivered()).isEqualTo(1);
            assertThat(seen).hasSize(1);
        }
    }

    @Nested
    @DisplayName("on failure")
    class Failure {
        @Test
        @DisplayName("marks a permanent failure on the invitation at once and raises DeliveryFailed")
        void permanentFailureIsRecorded() {
            Invitation invitation = f.invite("inv-1", null);
            Mailer rejecting = mock(Mailer.class);
            doThrow(MailDeliveryException.permanentFailure("550 5.1.1 mailbox unavailable", null))
                    .when(rejecting).send(any());
            OutboxProcessor processor = f.processor(rejecting).build();

            DrainResult result = processor.drainDue();
            f.clock.advance(Duration.ofDays(1));
            processor.drainDue();

            assertThat(result).isEqualTo(new DrainResult(0, 0, 1, 0, 0));
            verify(rejecting, times(1)).send(any());
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.FAILED);
            Invitation stored = f.reload(invitation);
            assertThat(stored.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(stored.delivery().status()).isEqualTo(DeliveryState.Status.FAILED);
            assertThat(stored.delivery().lastError()).isEqualTo("550 5.1.1 mailbox unavailable");
            assertThat(f.events).singleElement().isInstanceOfSatisfying(InvitationEvent.DeliveryFailed.class,
                    e -> assertThat(e.reason()).isEqualTo("550 5.1.1 mailbox unavailable"));
        }

        @Test
        @DisplayName("retries a transient failure with capped exponential backoff, then fails for good")
        void transientFailuresBackOffThenFail() {
            Invitation invitation = f.invite("inv-1", null);
            Mailer busy = mock(Mailer.class);
            doThrow(MailDeliveryException.transientFailure("421 try later", null)).when(busy).send(any());
            OutboxProcessor processor = f.processor(busy)
                    .retryPolicy(new RetryPolicy(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(5), 5)).build();
            List<Duration> delays = new ArrayList<>();

            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(processor.drainDue().retrying()).isEqualTo(1);
                assertThat(processor.drainDue().total()).as("nothing is due before the delay").isZero();
                Instant next = f.outbox(invitation, 1).nextAttemptAt();
                delays.add(Duration.between(f.clock.instant(), next));
                f.clock.advance(Duration.between(f.clock.instant(), next));
                assertThat(f.reload(invitation).delivery().status()).isEqualTo(DeliveryState.Status.QUEUED);
            }
            DrainResult last = processor.drainDue();

            assertThat(delays).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                    Duration.ofMinutes(5));
            assertThat(last.failed()).isEqualTo(1);
            verify(busy, times(5)).send(any());
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.FAILED);
            assertThat(f.reload(invitation).delivery().lastError()).isEqualTo("gave up after 5 attempts: 421 try later");
            assertThat(f.events).singleElement().isInstanceOf(InvitationEvent.DeliveryFailed.class);
        }

        @Test
        @DisplayName("treats any other exception of the mailer or renderer as transient, and delivers once it passes")
        void otherExceptionsAreTransient() {
            Invitation invitation = f.invite("inv-1", null);
            int[] calls = {0};
            Mailer flaky = m -> {
                if (calls[0]++ == 0) {
                    throw new IllegalStateException("connection reset");
                }
                mailer.send(m);
            };
            OutboxRenderer once = new OutboxRenderer() {
                private boolean failed;

                @Override
                public MailMessage render(Invitation i, OutboxMessage m) {
                    if (!failed) {
                        failed = true;
                        throw new InvitationException(ErrorCode.KEY_UNAVAILABLE, "no signing key");
                    }
                    return f.renderer.render(i, m);
                }
            };
            OutboxProcessor processor = f.processor(flaky).renderer(once).build();

            assertThat(processor.drainDue().retrying()).isEqualTo(1);
            assertThat(f.outbox(invitation, 1).lastError()).isEqualTo("InvitationException: no signing key");
            f.clock.advance(Duration.ofHours(1));
            assertThat(processor.drainDue().retrying()).isEqualTo(1);
            assertThat(f.outbox(invitation, 1).lastError()).isEqualTo("IllegalStateException: connection reset");
            f.clock.advance(Duration.ofHours(1));
            assertThat(processor.drainDue().delivered()).isEqualTo(1);

            assertThat(mailer.sent).hasSize(1);
            assertThat(f.reload(invitation).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
        }

        @Test
        @DisplayName("a message delivered whose outcome could not be stored is recorded later without being sent again")
        void lostOutcomeIsRecordedWithoutResending() {
            Invitation invitation = f.invite("inv-1", null);
            FlakyStore flaky = new FlakyStore(f.store);
            OutboxProcessor processor = OutboxProcessor.builder().store(flaky).mailer(mailer).renderer(f.renderer)
                    .clock(f.clock).lease(Duration.ofMinutes(5)).build();
            flaky.failNextWrite = true;

            assertThat(processor.drainDue().unsettled()).isEqualTo(1);
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.PENDING);
            f.clock.advance(Duration.ofMinutes(5));
            assertThat(processor.drainDue().delivered()).isEqualTo(1);

            assertThat(mailer.sent).hasSize(1);
            assertThat(f.outbox(invitation, 1).status()).isEqualTo(Status.DELIVERED);
            assertThat(f.reload(invitation).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
        }

        @Test
        @DisplayName("a storage failure while claiming is logged and reported as nothing done, never thrown")
        void claimFailureDoesNotThrow() {
            f.invite("inv-1", null);
            FlakyStore flaky = new FlakyStore(f.store);
            flaky.failClaims = true;

            DrainResult result = OutboxProcessor.builder().store(flaky).mailer(mailer).renderer(f.renderer)
                    .clock(f.clock).build().drainDue();

            assertThat(result.total()).isZero();
            assertThat(mailer.sent).isEmpty();
        }
    }

    @Nested
    @DisplayName("cancels unsent")
    class Cancelling {
        @Test
        @DisplayName("a message whose invitation was revoked meanwhile, leaving the invitation as it is")
        void revokedInvitationIsNotMailed() {
            Invitation invitation = f.invite("inv-1", null);
            Invitation revoked = invitation.toBuilder().status(InvitationStatus.REVOKED).version(2).build();
            f.store.write(WriteBatch.builder().update(revoked).build());
            Mailer untouched = mock(Mailer.class);

            DrainResult result = f.processor(untouched).build().drainDue();

            assertThat(result.cancelled()).isEqualTo(1);
            verify(untouched, never()).send(any());
            assertThat(f.outbox(invitation, 1).lastError()).isEqualTo("cancelled: the invitation is REVOKED");
            assertThat(f.reload(invitation)).isEqualTo(revoked);
            assertThat(f.events).isEmpty();
        }

        @Test
        @DisplayName("a message that expired before it could be sent")
        void expiredInvitationIsNotMailed() {
            f.invite("inv-1", null);
            f.clock.advance(Duration.ofDays(8));

            assertThat(f.processor(mailer).build().drainDue().cancelled()).isEqualTo(1);
            assertThat(mailer.sent).isEmpty();
        }

        @Test
        @DisplayName("an older message that a resend replaced; only the newest is sent")
        void supersededMessageIsNotMailed() {
            Invitation invitation = f.invite("inv-1", null);
            Invitation resent = invitation.toBuilder().resendCount(1).tokenVersion(2)
                    .delivery(invitation.delivery().queued(f.clock.instant())).version(2).build();
            f.store.write(WriteBatch.builder().update(resent).enqueue(OutboxMessage.queue(invitation.tenantId(),
                    invitation.id(), OutboxMessage.Kind.RESEND, 2, f.clock.instant())).build());

            DrainResult result = f.processor(mailer).build().drainDue();

            assertThat(result).isEqualTo(new DrainResult(1, 0, 0, 1, 0));
            assertThat(mailer.sent).singleElement().satisfies(m -> {
                assertThat(m.idempotencyKey()).isEqualTo("inv-1#2");
                assertThat(m.subject()).startsWith("Reminder:");
                assertThat(m.text()).contains("?v=2");
            });
            assertThat(f.outbox(invitation, 1).lastError()).isEqualTo("cancelled: replaced by message #2");
            assertThat(f.reload(invitation).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
        }
    }

    @Nested
    @DisplayName("is configured")
    class Configuration {
        @Test
        @DisplayName("with every missing or wrong setting named at once")
        void builderNamesEveryProblem() {
            assertThatThrownBy(() -> OutboxProcessor.builder().batchSize(0).lease(Duration.ZERO).build())
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                    .hasMessageContainingAll("store is required", "mailer is required", "renderer is required",
                            "batchSize must be at least 1", "lease must be positive");
        }

        @Test
        @DisplayName("with a retry policy that refuses impossible values")
        void retryPolicyIsValidated() {
            assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 0.5, Duration.ofSeconds(-1), 0))
                    .isInstanceOf(InvitationException.class)
                    .hasMessageContainingAll("baseDelay must be positive", "multiplier must be", "maxDelay must be",
                            "maxAttempts must be at least 1");
            assertThat(RetryPolicy.defaults().delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
            assertThat(RetryPolicy.defaults().delayAfter(40)).isEqualTo(Duration.ofHours(1));
        }

        @Test
        @DisplayName("to run on the host's scheduler")
        void runsOnTheHostsScheduler() throws Exception {
            f.invite("inv-1", null);
            CountDownLatch sent = new CountDownLatch(1);
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            try {
                ScheduledFuture<?> task = f.processor(m -> sent.countDown()).build()
                        .scheduleWith(executor, Duration.ofMillis(50));

                assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(task.isDone()).as("a run never ends the schedule").isFalse();
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
