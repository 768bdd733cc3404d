package io.invitations.jdbc;

import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.code.internal.AccessCodeGate.Verdict;
import io.invitations.core.code.internal.AccessCodes;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The JDBC attempt throttle, shared by every node on one database")
class JdbcAttemptThrottleTest {
    private static final String KEY = "identifier:acme:PHONE:+33612345678";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration WINDOW = JdbcAttemptThrottle.DEFAULT_WINDOW;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static JdbcAttemptThrottle throttle(TestDatabase db, String prefix) {
        return JdbcAttemptThrottle.builder(db.newPool()).tablePrefix(prefix).build();
    }

    private static String migratedPrefix(TestDatabase db) {
        return db.freshStore().tablePrefix();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("admits 5 attempts per 15-minute window, then locks the key until the window ends")
    void locksAtTheLimitForTheWindow(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcAttemptThrottle throttle = throttle(db, migratedPrefix(db));

        for (int i = 0; i < 5; i++) {
            assertThat(throttle.isLocked(KEY, T0)).as("before attempt %d", i + 1).isFalse();
            assertThat(throttle.tryAttempt(KEY, T0)).as("attempt %d", i + 1).isTrue();
        }
        assertThat(throttle.isLocked(KEY, T0)).isTrue();
        assertThat(throttle.tryAttempt(KEY, T0.plus(WINDOW).minusSeconds(1))).isFalse();
        assertThat(throttle.isLocked(KEY, T0.plus(WINDOW))).isFalse();
        assertThat(throttle.tryAttempt(KEY, T0.plus(WINDOW))).as("a new window").isTrue();
        assertThat(throttle.isLocked("client:203.0.113.9", T0)).as("keys are independent").isFalse();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("forgives one attempt, forgets a key on reset, and counts recordFailure like the in-memory throttle")
    void forgiveResetAndRecord(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcAttemptThrottle throttle = throttle(db, migratedPrefix(db));
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(KEY, T0);
        }
        assertThat(throttle.tryAttempt(KEY, T0)).isTrue();
        throttle.forgive(KEY, T0);
        assertThat(throttle.isLocked(KEY, T0)).isFalse();
        throttle.recordFailure(KEY, T0);
        assertThat(throttle.isLocked(KEY, T0)).isTrue();

        throttle.reset(KEY);

        assertThat(throttle.isLocked(KEY, T0)).isFalse();
        assertThat(throttle.tryAttempt(KEY, T0)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("keeps a locked key through a flood of 2,000 other keys and a sweep; the sweep removes only ended windows")
    void floodAndSweepFreeNoGuess(JdbcDialect dialect) throws SQLException {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = migratedPrefix(db);
        JdbcAttemptThrottle throttle = throttle(db, prefix);
        for (int i = 0; i < 2_000; i++) {
            throttle.recordFailure("client:flood-" + i, T0.minus(WINDOW));
        }
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt(KEY, T0);
        }

        assertThat(throttle.sweep(T0.plusSeconds(1))).isEqualTo(2_000);
        assertThat(throttle.sweep(T0.plusSeconds(1))).isZero();

        assertThat(throttle.tryAttempt(KEY, T0.plusSeconds(2))).isFalse();
        assertThat(rowsIn(db, prefix + "attempt_throttle")).isEqualTo(1);
        assertThat(throttle.sweep(T0.plus(WINDOW))).isEqualTo(1);
    }

    @Test
    @DisplayName("stores only a hash of each key, so identifiers are not kept in clear")
    void storesHashedKeys() throws SQLException {
        TestDatabase db = DATABASES.get(JdbcDialect.H2);
        String prefix = migratedPrefix(db);
        throttle(db, prefix).recordFailure(KEY, T0);

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key_hash FROM " + prefix + "attempt_throttle")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).hasSize(64).doesNotContain("3361234").doesNotContain("acme");
        }
    }

    @Test
    @DisplayName("refuses a connection of the caller's transaction, naming the fix")
    void refusesJoinedConnections() throws SQLException {
        TestDatabase db = DATABASES.get(JdbcDialect.H2);
        String prefix = migratedPrefix(db);
        try (JoinedTransactionTest.OuterTransaction outer = new JoinedTransactionTest.OuterTransaction(db.dataSource())) {
            JdbcAttemptThrottle throttle = JdbcAttemptThrottle.builder(outer).dialect(JdbcDialect.H2)
                    .tablePrefix(prefix).build();

            assertThatThrownBy(() -> throttle.tryAttempt(KEY, T0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JdbcConnections.of(dataSource)");
        }
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    @DisplayName("is the store's default throttle, on the store's tables")
    void isTheStoresThrottle(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        JdbcInvitationStore store = db.freshStore();

        assertThat(store.sharedAttemptThrottle()).containsSame(store.attemptThrottle());
        assertThat(store.attemptThrottle().toString()).contains(store.tablePrefix() + "attempt_throttle",
                "maxFailures=5", "window=PT15M");
        assertThat(store.attemptThrottle().tryAttempt(KEY, T0)).isTrue();
    }

    /**
     * Two nodes (each its own pool, throttle and access-code gate) on one PostgreSQL database, 64
     * guessers racing on one identifier, half on each node, round after round: exactly 5 guesses are
     * judged per window. Then a flood of other identifiers and client keys frees no guess.
     */
    @Test
    @DisplayName("judges exactly 5 of 64 guesses racing over 2 nodes on PostgreSQL, in each of 20 windows,"
            + " and a flood of other identifiers and clients frees none")
    void twoNodesSixtyFourGuessers() throws Exception {
        TestDatabase db = DATABASES.get(JdbcDialect.POSTGRESQL);
        String prefix = migratedPrefix(db);
        AccessCodes codes = AccessCodes.using(InMemoryKeyRing.of(SigningKey.of("k1",
                "fixed test material of key k1, 32 bytes or more".getBytes(StandardCharsets.US_ASCII))));
        AccessCodeGate[] nodes = {AccessCodeGate.of(codes, throttle(db, prefix)),
                AccessCodeGate.of(codes, throttle(db, prefix))};
        TenantId acme = TenantId.of("acme");
        Identifier phone = Identifier.of(IdentifierKind.PHONE, "+33 6 12 34 56 78");
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                Instant now = T0.plus(WINDOW.multipliedBy(round));
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Verdict>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    AccessCodeGate node = nodes[t % 2];
                    String client = "198.51.100." + t;
                    Callable<Verdict> guess = () -> {
                        start.await();
                        return node.check(acme, phone, client, List.of(), "AAAAA-AAAAA", now).verdict();
                    };
                    futures.add(pool.submit(guess));
                }
                Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
                for (Future<Verdict> f : futures) {
                    counts.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
                }
                assertThat(counts).as("round %d", round)
                        .containsEntry(Verdict.MISMATCH, 5).containsEntry(Verdict.THROTTLED, threads - 5);
            }

            Instant last = T0.plus(WINDOW.multipliedBy(19));
            for (int i = 0; i < 500; i++) {
                Identifier other = Identifier.of(IdentifierKind.PHONE, "+1 555 01" + i);
                nodes[i % 2].check(acme, other, "203.0.113." + (i % 250), List.of(), "BBBBB-BBBBB", last);
            }
            assertThat(nodes[0].check(acme, phone, "192.0.2.1", List.of(), "AAAAA-AAAAA", last).verdict())
                    .isEqualTo(Verdict.THROTTLED);
            assertThat(nodes[1].check(acme, phone, "192.0.2.2", List.of(), "AAAAA-AAAAA", last).verdict())
                    .isEqualTo(Verdict.THROTTLED);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long rowsIn(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
