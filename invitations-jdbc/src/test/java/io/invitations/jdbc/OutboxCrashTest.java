package io.invitations.jdbc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.jdbc.crash.OutboxWorkerMain;
import io.invitations.mail.SmtpMailer;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.WriteBatch;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills outbox worker processes at random points while they deliver hundreds of messages from
 * PostgreSQL, and counts deliveries per message where they arrive: at a real SMTP server
 * (GreenMail), and at a provider that deduplicates by idempotency key. Each worker is a separate
 * JVM ({@link OutboxWorkerMain}) ended with {@link Process#destroyForcibly()} — no shutdown hook,
 * no rollback, open transactions and SMTP sessions cut — a random few hundred milliseconds after it
 * reported its first accepted message, so kills land between claims, attempt records, the mail
 * server's answer and the stored outcome. A last worker finishes the outbox.
 *
 * <p>Asserted: no message lost; at the SMTP level at most one duplicate per kill; with the
 * deduplicating provider none; after each kill nothing the dead worker claimed stays hidden longer
 * than one lease. The seed is printed, and so are the figures for docs/RELIABILITY.md.
 */
@DisplayName("Killing outbox workers at random points loses no message and duplicates at most one per kill")
class OutboxCrashTest {
    private static final int MESSAGES = 200;
    private static final int KILLS = 6;
    private static final long LEASE_MS = 2_000;
    private static final int BATCH_SIZE = 25;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @Test
    @DisplayName("at the SMTP server: every message arrives, duplicates ≤ kills, all with one Message-ID per key")
    void smtpServerCountsEveryMessageAtLeastOnce() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            Run run = new Run();
            int kills = run.crashRepeatedly("smtp:" + smtp.getSmtp().getPort());
            Map<String, Integer> perKey = new ConcurrentHashMap<>();
            Map<String, Set<String>> messageIds = new ConcurrentHashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String key = header(m, SmtpMailer.KEY_HEADER);
                perKey.merge(key, 1, Integer::sum);
                messageIds.computeIfAbsent(key, k -> new HashSet<>()).add(header(m, "Message-ID"));
            }
            int duplicates = run.report("SMTP server", kills, perKey);

            assertThat(perKey.keySet()).as("every message arrived (none lost)").containsExactlyInAnyOrderElementsOf(run.keys);
            assertThat(duplicates).as("duplicates at the SMTP level, %d kills", kills).isLessThanOrEqualTo(kills);
            assertThat(messageIds.values()).as("one Message-ID per idempotency key").allSatisfy(ids ->
                    assertThat(ids).hasSize(1));
            run.assertAllDelivered();
        } finally {
            smtp.stop();
        }
    }

    @Test
    @DisplayName("at a provider that deduplicates by idempotency key: every message exactly once")
    void idempotentProviderDeliversEachMessageOnce() throws Exception {
        Map<String, Integer> requests = new ConcurrentHashMap<>();
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/send", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            requests.merge(key, 1, Integer::sum);
            delivered.putIfAbsent(key, 1);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        provider.start();
        try {
            Run run = new Run();
            int kills = run.crashRepeatedly("http:http://127.0.0.1:" + provider.getAddress().getPort() + "/send");
            int absorbed = run.report("provider requests", kills, requests);
            int duplicates = run.report("provider deliveries", kills, delivered);

            assertThat(delivered.keySet()).as("every message arrived (none lost)").containsExactlyInAnyOrderElementsOf(run.keys);
            assertThat(duplicates).as("deliveries after deduplication by key").isZero();
            assertThat(absorbed).as("repeated requests the provider absorbed").isLessThanOrEqualTo(kills);
            run.assertAllDelivered();
        } finally {
            provider.stop(0);
        }
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    /** One outbox on PostgreSQL, seeded with {@link #MESSAGES} messages, and its worker processes. */
    private static final class Run {
        private final TestDatabase db = DATABASES.get(JdbcDialect.POSTGRESQL);
        private final String prefix = db.freshPrefix();
        private final List<String> keys = new ArrayList<>();
        private final long seed = System.nanoTime();
        private final Random random = new Random(seed);
        private final List<Process> started = new ArrayList<>();

        Run() {
            JdbcInvitationStore store = JdbcInvitationStore.builder(db.dataSource()).tablePrefix(prefix).build();
            store.migrate();
            TenantId tenant = Samples.newTenant();
            WriteBatch.Builder batch = WriteBatch.builder();
            Instant now = Instant.now();
            for (int n = 0; n < MESSAGES; n++) {
                Invitation i = Samples.pending(tenant, "person" + n + "@example.com", now);
                batch.insert(i).enqueue(Samples.message(i));
                keys.add(Samples.message(i).idempotencyKey());
            }
            store.write(batch.build());
        }

        /** Starts and kills workers {@link #KILLS} times, then lets one finish; returns the kills. */
        int crashRepeatedly(String target) throws Exception {
            try {
                return crashAndFinish(target);
            } finally {
                started.forEach(Process::destroyForcibly);
            }
        }

        private int crashAndFinish(String target) throws Exception {
            System.out.println("OutboxCrashTest seed " + seed);
            int kills = 0;
            for (int k = 0; k < KILLS; k++) {
                Worker worker = new Worker(target, target.substring(0, 4) + "-kill-" + k);
                boolean sending = worker.firstSend.await(60, TimeUnit.SECONDS);
                assertThat(sending).as("worker %d started sending (seed %d)", k, seed).isTrue();
                Thread.sleep(random.nextInt(1_500));
                if (worker.done.getCount() == 0) {
                    break;
                }
                worker.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                Instant killedAt = Instant.now();
                kills++;
                Instant hiddenUntil = latestHidden();
                System.out.printf("OutboxCrashTest kill %d after %d sends: %d in doubt, claims hidden %d ms past the"
                                + " kill (lease %d ms)%n", k, worker.sends.get(), inDoubt(),
                        hiddenUntil == null ? 0 : Duration.between(killedAt, hiddenUntil).toMillis(), LEASE_MS);
                if (hiddenUntil != null) {
                    assertThat(hiddenUntil).as("a dead worker's claims are free again within one lease (seed %d)",
                            seed).isBeforeOrEqualTo(killedAt.plusMillis(LEASE_MS));
                }
            }
            Worker last = new Worker(target, target.substring(0, 4) + "-last");
            assertThat(last.process.waitFor(150, TimeUnit.SECONDS)).as("the last worker finished").isTrue();
            assertThat(last.done.getCount()).as("the last worker drained the outbox").isZero();
            return kills;
        }

        /** Prints the figures and returns how many deliveries went beyond one per message. */
        int report(String where, int kills, Map<String, Integer> perKey) {
            int duplicates = perKey.values().stream().mapToInt(n -> n - 1).sum();
            long twice = perKey.values().stream().filter(n -> n > 1).count();
            int lost = (int) keys.stream().filter(k -> !perKey.containsKey(k)).count();
            System.out.printf("OutboxCrashTest %s: %d messages, %d kills, %d lost, %d extra deliveries (%d messages"
                    + " twice or more), max %d per message%n", where, keys.size(), kills, lost, duplicates, twice,
                    perKey.values().stream().mapToInt(Integer::intValue).max().orElse(0));
            return duplicates;
        }

        void assertAllDelivered() throws SQLException {
            assertThat(count("status = 'DELIVERED'")).as("every message is recorded delivered").isEqualTo(MESSAGES);
        }

        private int inDoubt() throws SQLException {
            return count("status = 'PENDING' AND last_error LIKE '" + OutboxProcessor.IN_DOUBT + "%'");
        }

        private Instant latestHidden() throws SQLException {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT max(next_attempt_at) FROM " + prefix
                         + "outbox WHERE status = 'PENDING' AND attempts > 0")) {
                rs.next();
                java.sql.Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }

        private int count(String where) throws SQLException {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + prefix + "outbox WHERE " + where)) {
                rs.next();
                return rs.getInt(1);
            }
        }

        /** A worker JVM and what it printed. */
        private final class Worker {
            final Process process;
            final CountDownLatch firstSend = new CountDownLatch(1);
            final CountDownLatch done = new CountDownLatch(1);
            final AtomicInteger sends = new AtomicInteger();

            Worker(String target, String name) throws IOException {
                Path log = Files.createDirectories(Path.of("target", "crash")).resolve(name + ".log");
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                        System.getProperty("java.class.path"), OutboxWorkerMain.class.getName(), db.jdbcUrl(),
                        "postgres", prefix, Long.toString(LEASE_MS), Integer.toString(BATCH_SIZE), target)
                        .redirectError(log.toFile()).start();
                started.add(process);
                Thread reader = new Thread(this::read, "crash-worker-" + name);
                reader.setDaemon(true);
                reader.start();
            }

            private void read() {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("sent ")) {
                            sends.incrementAndGet();
                            firstSend.countDown();
                        } else if (line.equals("done")) {
                            firstSend.countDown();
                            done.countDown();
                        }
                    }
                } catch (IOException killed) {
                    // the process was killed
                }
                firstSend.countDown();
            }
        }
    }
}
