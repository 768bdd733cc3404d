package io.invitations.core.outbox;

import io.invitations.tck.support.Race;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The outbox under concurrency")
class OutboxConcurrencyTest {
    private static final int THREADS = 4;
    private static final int MESSAGES = 300;

    @RepeatedTest(20)
    @DisplayName("several threads draining at once deliver every message exactly once")
    void concurrentDrainsDeliverEachMessageOnce() throws Exception {
        OutboxFixture f = new OutboxFixture();
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            invitations.add(f.invite("inv-" + i, null));
        }
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        Mailer mailer = (MailMessage m) -> {
            if (calls.incrementAndGet() % 5 == 0) {
                throw MailDeliveryException.transientFailure("451 busy", null);
            }
            deliveries.computeIfAbsent(m.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        };
        OutboxProcessor processor = f.processor(mailer).batchSize(7).build();
        try (Race race = new Race(THREADS)) {
            for (int round = 0; round < 10 && deliveries.size() < MESSAGES; round++) {
                List<DrainResult> results = race.collect(t -> processor::drainDue);
                assertThat(results).allSatisfy(r -> assertThat(r.unsettled()).isZero());
                f.clock.advance(RetryPolicy.defaults().maxDelay());
            }
        }

        assertThat(deliveries).hasSize(MESSAGES);
        assertThat(deliveries.values()).allMatch(n -> n.get() == 1);
        assertThat(invitations).allSatisfy(i ->
                assertThat(f.reload(i).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED));
        assertThat(f.events).hasSize(MESSAGES);
    }
}
