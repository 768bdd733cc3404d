package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.RecordingDataSource;
import io.invitations.benchmarks.internal.ScaleData;
import io.invitations.core.InvitationService;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.InvitationQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The scale figures of docs/PERFORMANCE.md, as a one-off runner (not JMH, not part of the build's
 * tests): bulk-loads {@code n} invitations over {@code tenants} tenants into an embedded
 * PostgreSQL ({@link ScaleData}), then times, through the JDBC store and the engine, with the plan
 * of every statement they ran:
 * <ol>
 *   <li>a page of 50 PENDING invitations of one tenant ({@code InvitationStore.query});</li>
 *   <li>the open invitations of 500 invitees of one tenant: one statement with {@code = ANY(?)}
 *       (the batch lookup's SQL) next to 500 {@code findOpen} calls;</li>
 *   <li>{@code InvitationService.expireDue()} over every tenant (about {@code n / 500} due);</li>
 *   <li>draining {@code n / 100} due outbox messages with {@link OutboxProcessor#drainDue()} and a
 *       mailer that accepts at once.</li>
 * </ol>
 * Run it with {@code java -cp invitations-benchmarks/target/benchmarks.jar
 * io.invitations.benchmarks.ScaleRunner [n] [tenants]} (defaults 1,000,000 and 1,000; about ten
 * minutes on a laptop, most of it loading).
 */
public final class ScaleRunner {
    private static final String PREFIX = "scale_";
    private static final int REPEATS = 5;

    private ScaleRunner() {
    }

    /**
     * Runs the figures.
     *
     * @param args optional: invitations, tenants
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("max_wal_size", "4GB").start()) {
            PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
            source.setURL(postgres.getJdbcUrl("postgres", "postgres"));
            JdbcConnectionPool pool = JdbcConnectionPool.create(source);
            pool.setMaxConnections(8);
            RecordingDataSource recording = new RecordingDataSource(pool);
            JdbcInvitationStore store = JdbcInvitationStore.builder(recording).tablePrefix(PREFIX).build();
            store.migrate();
            ScaleData data = new ScaleData(pool, PREFIX);
            long start = System.nanoTime();
            data.load(store, n, tenants);
            System.out.printf("loaded %,d invitations over %,d tenants and %,d outbox messages in %.1f s%n",
                    data.count("invitation", "true"), tenants, data.count("outbox", "true"),
                    ScaleData.millisSince(start) / 1000);
            recording.drain();
            new ScaleRunner.Figures(store, recording, data, pool, tenants).run();
            pool.dispose();
        }
    }

    /** The four figures on one loaded database. */
    private record Figures(JdbcInvitationStore store, RecordingDataSource recording, ScaleData data,
                           JdbcConnectionPool pool, int tenants) {
        void run() throws Exception {
            TenantId tenant = ScaleData.tenant(700, tenants);
            Clock clock = Clock.fixed(ScaleData.NOW, ZoneOffset.UTC);
            InvitationQuery page = InvitationQuery.builder(tenant).statuses(InvitationStatus.PENDING).page(0, 50).build();
            time("query a page of 50 PENDING invitations of one tenant", () -> store.query(page).items().size());

            List<String> keys = data.column(tenant, "invitee_key", 500);
            List<String> emails = data.column(tenant, "contact_value", 500);
            Target target = Target.membership();
            time("open invitations of 500 invitees, one statement (= ANY)", () -> {
                try (Connection c = recording.getConnection()) {
                    return data.findOpen(c, tenant, target.type(), target.id(), keys);
                }
            });
            time("open invitations of 500 invitees, 500 findOpen calls", () -> {
                int found = 0;
                for (String email : emails) {
                    found += store.findOpen(tenant, target, new EmailAddress(email)).isPresent() ? 1 : 0;
                }
                return found;
            });

            InvitationService service = InvitationService.builder().store(store).clock(clock)
                    .deliveryMode(DeliveryMode.HOST_DRIVEN).keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))).build();
            once("expire every due invitation (InvitationMaintenance.expireDue)", service.maintenance()::expireDue);

            OutboxProcessor outbox = OutboxProcessor.builder().store(store).clock(clock).batchSize(100)
                    .mailer(message -> { })
                    .renderer((invitation, message) -> MailMessage.builder().idempotencyKey(message.idempotencyKey())
                        .tenantId(invitation.tenantId()).invitationId(invitation.id()).to("someone@example.com")
                        .subject("You are invited").html("<p>Join us</p>").text("Join us").locale(Locale.ENGLISH)
                        .headers(Map.of())
                        .build())
                    .build();
            long drainStart = System.nanoTime();
            Thread progress = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(30_000);
                        System.out.printf("   drain progress: %.0f s, %,d messages still pending%n",
                                ScaleData.millisSince(drainStart) / 1000, data.count("outbox", "status = 'PENDING'"));
                    }
                } catch (InterruptedException | java.sql.SQLException stopped) {
                    // the drain is over
                }
            }, "drain-progress");
            progress.setDaemon(true);
            progress.start();
            once("drain every due outbox message (OutboxProcessor.drainDue)", () -> {
                DrainResult r = outbox.drainDue();
                progress.interrupt();
                return r.delivered() + " delivered, " + r.cancelled() + " cancelled, " + r.unsettled() + " unsettled";
            });
        }

        /** Runs an operation {@link #REPEATS} times, prints the median and its plans. */
        private void time(String what, Callable<Object> operation) throws Exception {
            double[] millis = new double[REPEATS];
            Object result = null;
            for (int r = 0; r < REPEATS; r++) {
                long start = System.nanoTime();
                result = operation.call();
                millis[r] = ScaleData.millisSince(start);
            }
            Arrays.sort(millis);
            System.out.printf("%n## %s: median %.2f ms (min %.2f, max %.2f, %d runs), result %s%n", what,
                    millis[REPEATS / 2], millis[0], millis[REPEATS - 1], REPEATS, result);
            plans();
        }

        /** Runs an operation once (it changes the data), prints its time and its plans. */
        private void once(String what, Callable<Object> operation) throws Exception {
            long start = System.nanoTime();
            Object result = operation.call();
            System.out.printf("%n## %s: %.0f ms, result %s%n", what, ScaleData.millisSince(start), result);
            plans();
        }

        private void plans() throws Exception {
            for (RecordingDataSource.Recorded statement : recording.drain()) {
                System.out.println("SQL: " + statement.sql());
                System.out.print(indent(recording.explain(statement, false)));
            }
        }

        private static String indent(String plan) {
            return plan.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
        }
    }
}
