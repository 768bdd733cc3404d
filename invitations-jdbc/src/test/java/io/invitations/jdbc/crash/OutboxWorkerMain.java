package io.invitations.jdbc.crash;

import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.mail.SmtpMailer;
import io.invitations.mail.SmtpSecurity;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One application node of {@code OutboxCrashTest}, run as a separate JVM that the test kills at
 * random moments: drains a PostgreSQL outbox through a real mailer until no message is pending, then
 * exits. Prints {@code sent <key>} after each message the mailer accepted, so the test can kill it
 * between the mailer's answer and the stored outcome.
 *
 * <p>Arguments: JDBC URL, user, table prefix, lease in milliseconds, batch size, and either
 * {@code smtp:<port>} (SmtpMailer to a local server) or {@code http:<url>} (a provider that
 * deduplicates by idempotency key).
 */
public final class OutboxWorkerMain {
    private OutboxWorkerMain() {
    }

    /**
     * Runs the node.
     *
     * @param args see the class comment
     * @throws Exception when the database cannot be reached
     */
    public static void main(String[] args) throws Exception {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(args[0]);
        source.setUser(args[1]);
        JdbcConnectionPool ds = JdbcConnectionPool.create(source);
        ds.setMaxConnections(4);
        String prefix = args[2];
        Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
        int batchSize = Integer.parseInt(args[4]);
        Mailer target = mailer(args[5]);
        Mailer mailer = message -> {
            try {
                target.send(message);
            } catch (RuntimeException e) {
                System.err.println("mailer failed on " + message.idempotencyKey() + ": " + e.getMessage());
                throw e;
            }
            System.out.println("sent " + message.idempotencyKey());
            System.out.flush();
        };
        JdbcInvitationStore store = JdbcInvitationStore.builder(ds).tablePrefix(prefix).build();
        OutboxProcessor outbox = OutboxProcessor.builder().store(store).mailer(mailer).lease(lease)
                .batchSize(batchSize).renderer((invitation, message) -> MailMessage.builder()
                        .idempotencyKey(message.idempotencyKey()).tenantId(invitation.tenantId())
                        .invitationId(invitation.id()).to(invitation.invitee().emailOrNull().value())
                        .subject("You are invited").html("<p>Join us</p>").text("Join us").locale(Locale.ENGLISH)
                        .headers(Map.of())
                        .build())
                .build();
        System.out.println("ready");
        System.out.flush();
        while (true) {
            DrainResult result = outbox.drainDue();
            if (result.delivered() == 0 && pending(ds, prefix) == 0) {
                System.out.println("done");
                return;
            }
            if (result.delivered() == 0) {
                Thread.sleep(50);
            }
        }
    }

    private static Mailer mailer(String target) {
        if (target.startsWith("smtp:")) {
            return SmtpMailer.builder().host("127.0.0.1").port(Integer.parseInt(target.substring(5)))
                    .security(SmtpSecurity.NONE)
                    .from("noreply@example.com", "Invitations").build();
        }
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(target.substring(5));
        return message -> {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Idempotency-Key", message.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(message.to())).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 300) {
                    throw new MailDeliveryException(true, "provider answered " + status, null);
                }
            } catch (IOException e) {
                throw new MailDeliveryException(true, "provider unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailDeliveryException(true, "interrupted", e);
            }
        };
    }

    private static int pending(DataSource ds, String prefix) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + prefix + "outbox WHERE status = 'PENDING'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
