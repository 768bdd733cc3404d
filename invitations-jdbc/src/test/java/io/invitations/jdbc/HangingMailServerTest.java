package io.invitations.jdbc;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.mail.SmtpMailer;
import io.invitations.mail.SmtpSecurity;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against an SMTP server that accepts connections and never says a word (a loopback socket the test
 * holds), {@code invite()} and {@code bulk()} on PostgreSQL return after the store write: the
 * default IMMEDIATE delivery hands the messages to the library's executor. Prints the times next to
 * the same calls without any delivery (HOST_DRIVEN), for docs/RELIABILITY.md.
 */
@DisplayName("A hanging SMTP server never holds up invite() or bulk() on PostgreSQL")
class HangingMailServerTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final int CALLS = 20;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Test
    @DisplayName("invite() and bulk() return while the mail server holds the mailer's connection unanswered")
    void hangingServerNeverBlocksTheCaller() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                        connected.countDown();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            TestDatabase db = DATABASES.get(JdbcDialect.POSTGRESQL);
            InvitationService hanging = service(db, DeliveryMode.IMMEDIATE, silent.getLocalPort());
            InvitationService queueOnly = service(db, DeliveryMode.HOST_DRIVEN, silent.getLocalPort());
            TenantId tenant = Samples.newTenant();

            Invitation first = hanging.administration(ADMIN, tenant).invite(invite("first@example.com"));
            assertThat(connected.await(30, TimeUnit.SECONDS)).as("the mailer connected to the silent server").isTrue();

            long[] withMail = time(n -> hanging.administration(ADMIN, tenant).invite(invite("hang" + n + "@example.com")));
            long[] withoutMail = time(n -> queueOnly.administration(ADMIN, tenant).invite(invite("queue" + n + "@example.com")));
            long bulkStart = System.nanoTime();
            BulkReport bulk = hanging.administration(ADMIN, tenant).bulk(BulkRequest.builder(rows(100)).defaultRole("member")
                    .build());
            long bulkMillis = (System.nanoTime() - bulkStart) / 1_000_000;

            assertThat(held).as("the silent server still holds every connection it accepted")
                    .isNotEmpty().allSatisfy(s -> assertThat(s.isClosed()).isFalse());
            assertThat(bulk.count(BulkOutcome.CREATED)).isEqualTo(100);
            assertThat(hanging.administration(ADMIN, tenant).find(first.id()).orElseThrow().delivery().status())
                    .isEqualTo(DeliveryState.Status.QUEUED);
            System.out.printf("HangingMailServerTest invite() on PostgreSQL against a silent SMTP server: median %d ms,"
                            + " max %d ms; without delivery (HOST_DRIVEN): median %d ms, max %d ms; bulk of 100: %d ms%n",
                    withMail[CALLS / 2], withMail[CALLS - 1], withoutMail[CALLS / 2], withoutMail[CALLS - 1],
                    bulkMillis);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static InvitationService service(TestDatabase db, DeliveryMode mode, int smtpPort) {
        JdbcInvitationStore store = JdbcInvitationStore.builder(db.dataSource()).build();
        store.migrate();
        return InvitationService.builder().store(store).deliveryMode(mode)
                .keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                .mailer(SmtpMailer.builder().host("127.0.0.1").port(smtpPort).security(SmtpSecurity.NONE)
                        .from("noreply@example.com", "Invitations")
                        .build())
                .build();
    }

    private static InviteRequest invite(String email) {
        return InviteRequest.builder().email(email).role("member").build();
    }

    private static List<InvitationRow> rows(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> InvitationRow.builder(i + 1)
                .set(RowField.EMAIL, "row" + i + "@example.com").build()).toList();
    }

    /** Sorted call times in milliseconds. */
    private static long[] time(IntConsumer call) {
        long[] millis = new long[CALLS];
        for (int n = 0; n < CALLS; n++) {
            long start = System.nanoTime();
            call.accept(n);
            millis[n] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis;
    }
}
