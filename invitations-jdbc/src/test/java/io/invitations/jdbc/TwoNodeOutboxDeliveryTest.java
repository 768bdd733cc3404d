package io.invitations.jdbc;

import io.invitations.tck.support.Race;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.invitations.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances, each with its own pool, store and outbox processor, drain one
 * PostgreSQL outbox with several threads each: every message reaches the mail server exactly once.
 */
@DisplayName("Two nodes draining one PostgreSQL outbox deliver every message exactly once")
class TwoNodeOutboxDeliveryTest {
    private static final int MESSAGES = 200;
    private static final int THREADS_PER_NODE = 3;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Test
    @DisplayName("six drainers on two nodes hand each idempotency key to the mailer once, and record it delivered")
    void noMessageIsDeliveredTwice() throws Exception {
        TestDatabase db = DATABASES.get(JdbcDialect.POSTGRESQL);
        String prefix = db.freshPrefix();
        Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        Mailer mailer = message -> sends.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger())
                .incrementAndGet();
        List<OutboxProcessor> nodes = new ArrayList<>();
        List<JdbcInvitationStore> stores = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(db.newPool()).tablePrefix(prefix).build();
            store.migrate();
            stores.add(store);
            nodes.add(OutboxProcessor.builder().store(store).mailer(mailer).clock(clock).batchSize(5)
                    .renderer((invitation, message) -> MailMessage.builder()
                            .idempotencyKey(message.idempotencyKey())
                            .tenantId(invitation.tenantId())
                            .invitationId(invitation.id())
                            .to("someone@example.com")
                            .toName(null)
                            .replyTo(null)
                            .subject("Join us")
                            .html("<p>Join us</p>")
                            .text("Join us")
                            .locale(Locale.ENGLISH)
                            .headers(Map.of())
                            .build())
                    .build());
        }
        TenantId tenant = Samples.newTenant();
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int n = 0; n < MESSAGES; n++) {
            Invitation i = Samples.pending(tenant, "reader" + n + "@example.com", T0.plusMillis(n));
            batch.insert(i).enqueue(Samples.message(i));
        }
        stores.get(0).write(batch.build());

        List<DrainResult> results = drainTogether(nodes);

        assertThat(sends).hasSize(MESSAGES);
        assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(results.stream().mapToInt(DrainResult::delivered).sum()).isEqualTo(MESSAGES);
        List<Invitation> stored = stores.get(1).query(InvitationQuery.builder(tenant).page(0, 1000).build()).items();
        assertThat(stored).hasSize(MESSAGES).allSatisfy(i -> {
            assertThat(i.delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(stores.get(1).outbox(tenant, i.id())).extracting(OutboxMessage::status)
                    .containsExactly(OutboxMessage.Status.DELIVERED);
        });
        assertThat(stores.get(0).claimOutbox(clock.instant().plus(Duration.ofDays(1)), 10, Duration.ofMinutes(1)))
                .isEmpty();
    }

    private static List<DrainResult> drainTogether(List<OutboxProcessor> nodes) {
        try (Race race = new Race(nodes.size() * THREADS_PER_NODE)) {
            return race.collect(n -> nodes.get(n % nodes.size())::drainDue);
        }
    }
}
