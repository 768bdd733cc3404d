package io.invitations.core.outbox;

import io.invitations.core.message.TestInvitations;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The outbox at scale")
class OutboxAtScaleTest {
    private static final int INVITATIONS = 10_000;
    private static final long SEED = 20261201L;

    /** Fails 30% of calls transiently and 5% permanently, from a seeded random; counts what it delivered. */
    static final class UnreliableMailer implements Mailer {
        final Random random;
        final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        final Set<String> permanentlyRefused = ConcurrentHashMap.newKeySet();
        int transientFailures;

        UnreliableMailer(long seed) {
            random = new Random(seed);
        }

        @Override
        public synchronized void send(MailMessage message) {
            double roll = random.nextDouble();
            if (roll < 0.05) {
                permanentlyRefused.add(message.idempotencyKey());
                throw MailDeliveryException.permanentFailure("550 5.1.1 no such user", null);
            }
            if (roll < 0.35) {
                transientFailures++;
                throw MailDeliveryException.transientFailure("451 4.3.0 try again later", null);
            }
            deliveries.merge(message.idempotencyKey(), 1, Integer::sum);
        }
    }

    @Test
    @DisplayName("10,000 invitations against a mailer failing 30% transiently and 5% permanently: none lost, "
            + "every transient one delivered, every permanent one marked, no key delivered twice")
    void noInvitationIsLost() {
        OutboxFixture f = new OutboxFixture();
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int i = 0; i < INVITATIONS; i++) {
            Invitation invitation = TestInvitations.pending("inv-" + i, Invitee.email("person" + i + "@example.com"),
                    i % 7 == 0 ? "Hi <b>" + i + "</b>" : null, Locale.forLanguageTag(i % 3 == 0 ? "fr" : "en"),
                    f.clock.instant());
            batch.insert(invitation).enqueue(OutboxMessage.queue(invitation.tenantId(), invitation.id(),
                    OutboxMessage.Kind.INVITATION, 1, f.clock.instant()));
        }
        f.store.write(batch.build());
        UnreliableMailer mailer = new UnreliableMailer(SEED);
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), 40);
        OutboxProcessor processor = f.processor(mailer).retryPolicy(retry).batchSize(500).build();

        int rounds = 0;
        int settled = 0;
        DrainResult result;
        do {
            result = processor.drainDue();
            settled += result.delivered() + result.failed();
            assertThat(result.cancelled() + result.unsettled()).as("seed %d", SEED).isZero();
            f.clock.advance(retry.maxDelay());
            rounds++;
        } while (result.total() > 0 && rounds < 100);

        String seed = "seed " + SEED;
        assertThat(result.total()).as("%s: the outbox drained within %d rounds", seed, rounds).isZero();
        assertThat(settled).as(seed).isEqualTo(INVITATIONS);
        assertThat(mailer.transientFailures).as(seed).isGreaterThan(INVITATIONS / 4);
        assertThat(f.store.count(InvitationQuery.builder(TestInvitations.TENANT).build()))
                .as("%s: no invitation lost", seed).isEqualTo(INVITATIONS);
        assertThat(mailer.deliveries.values()).as("%s: no key delivered twice", seed).allMatch(n -> n == 1);
        assertThat(mailer.permanentlyRefused).as(seed).doesNotContainAnyElementsOf(mailer.deliveries.keySet());
        assertThat(mailer.deliveries.size() + mailer.permanentlyRefused.size()).as(seed).isEqualTo(INVITATIONS);

        Set<String> delivered = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (int i = 0; i < INVITATIONS; i++) {
            Invitation stored = OutboxFixture.find(f.store, InvitationId.of("inv-" + i));
            List<OutboxMessage> outbox = f.store.outbox(stored.tenantId(), stored.id());
            assertThat(outbox).as("%s: %s", seed, stored.id()).hasSize(1);
            String key = outbox.get(0).idempotencyKey();
            switch (stored.delivery().status()) {
                case DELIVERED -> {
                    assertThat(outbox.get(0).status()).as(seed).isEqualTo(OutboxMessage.Status.DELIVERED);
                    delivered.add(key);
                }
                case FAILED -> {
                    assertThat(outbox.get(0).status()).as(seed).isEqualTo(OutboxMessage.Status.FAILED);
                    assertThat(stored.delivery().lastError()).as(seed).isEqualTo("550 5.1.1 no such user");
                    failed.add(key);
                }
                default -> throw new AssertionError(seed + ": " + stored.id() + " is " + stored.delivery());
            }
        }
        assertThat(delivered).as("%s: every transient one delivered", seed).isEqualTo(mailer.deliveries.keySet());
        assertThat(failed).as("%s: every permanent one marked", seed).isEqualTo(mailer.permanentlyRefused);
        assertThat(f.events.stream().filter(InvitationEvent.Delivered.class::isInstance)).hasSize(delivered.size());
        assertThat(f.events.stream().filter(InvitationEvent.DeliveryFailed.class::isInstance)).hasSize(failed.size());
    }

    @Test
    @DisplayName("the unreliable mailer really fails about 30% transiently and 5% permanently")
    void mailerFailsAsAdvertised() {
        UnreliableMailer mailer = new UnreliableMailer(SEED);
        int permanent = 0;
        int transientOnes = 0;
        for (int i = 0; i < 20_000; i++) {
            try {
                mailer.send(MailMessage.builder()
                        .idempotencyKey("k" + i)
                        .tenantId(TestInvitations.TENANT)
                        .invitationId(InvitationId.of("i"))
                        .to("a@b.c")
                        .toName(null)
                        .replyTo(null)
                        .subject("s")
                        .html("h")
                        .text("t")
                        .locale(Locale.ENGLISH)
                        .headers(Map.of())
                        .build());
            } catch (MailDeliveryException e) {
                if (e.isTransient()) {
                    transientOnes++;
                } else {
                    permanent++;
                }
            }
        }
        assertThat(permanent / 20_000.0).isBetween(0.04, 0.06);
        assertThat(transientOnes / 20_000.0).isBetween(0.28, 0.32);
    }
}
