package io.invitations.jdbc;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.WriteBatch;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.invitations.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances, each with its own connection pool and store, on one database: the
 * guarantees hold across them. Real threads start together at a barrier; every case is repeated.
 */
@DisplayName("Across two instances with their own pools, the database keeps every guarantee")
class ConcurrencyTest {
    private static final int THREADS_PER_NODE = 4;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Race RACE = new Race(2 * THREADS_PER_NODE);

    @AfterAll
    static void stopThreads() {
        RACE.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("of eight concurrent compare-and-set updates from two pools exactly one wins, 50 times over")
    void exactlyOneCompareAndSetWins(JdbcDialect dialect) throws Exception {
        JdbcInvitationStore[] nodes = twoNodes(dialect);
        TenantId tenant = Samples.newTenant();
        for (int round = 0; round < 50; round++) {
            Invitation i = Samples.pending(tenant, "cas" + round + "@example.com");
            nodes[0].write(WriteBatch.builder().insert(i).build());

            List<Outcome> outcomes = together(n -> {
                Invitation next = Samples.moved(i, InvitationStatus.ACCEPTED).toBuilder().accountId("acct-" + n)
                        .build();
                nodes[n % 2].write(WriteBatch.builder().update(next).append(Samples.created(next)).build());
            });

            assertThat(outcomes).as("round %d", round).filteredOn(o -> o == Outcome.WON).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(o -> o == Outcome.STALE)
                    .hasSize(2 * THREADS_PER_NODE - 1);
            assertThat(nodes[1].find(tenant, i.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(nodes[1].history(tenant, i.id())).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("of eight concurrent invitations of one person from two pools exactly one is stored, 50 times over")
    void exactlyOneOpenInvitationIsStored(JdbcDialect dialect) throws Exception {
        JdbcInvitationStore[] nodes = twoNodes(dialect);
        TenantId tenant = Samples.newTenant();
        for (int round = 0; round < 50; round++) {
            String email = "once" + round + "@example.com";

            List<Outcome> outcomes = together(n -> {
                Invitation i = Samples.pending(tenant, n % 2 == 0 ? email : email.toUpperCase());
                nodes[n % 2].write(WriteBatch.builder().insert(i).append(Samples.created(i))
                        .enqueue(Samples.message(i)).build());
            });

            assertThat(outcomes).as("round %d", round).filteredOn(o -> o == Outcome.WON).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(o -> o == Outcome.DUPLICATE)
                    .hasSize(2 * THREADS_PER_NODE - 1);
            assertThat(nodes[0].findByInvitee(tenant, Samples.pending(tenant, email).invitee().contact()))
                    .hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("two nodes bulk-inviting overlapping lists never store a duplicate, and the loser stores nothing")
    void overlappingBulkBatchesNeverDuplicate(JdbcDialect dialect) throws Exception {
        JdbcInvitationStore[] nodes = twoNodes(dialect);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            TenantId tenant = Samples.newTenant();
            List<String> people = new ArrayList<>();
            for (int n = 0; n < 150; n++) {
                people.add("bulk" + n + "@example.com");
            }
            // node 0 invites people 0..99, node 1 people 50..149, each in its own shuffled order
            List<List<String>> lists = List.of(new ArrayList<>(people.subList(0, 100)),
                    new ArrayList<>(people.subList(50, 150)));
            lists.forEach(l -> Collections.shuffle(l, random));

            List<Outcome> outcomes = together(2, n -> {
                WriteBatch.Builder batch = WriteBatch.builder();
                for (String email : lists.get(n)) {
                    Invitation i = Samples.pending(tenant, email);
                    batch.insert(i).append(Samples.created(i)).enqueue(Samples.message(i));
                }
                nodes[n].write(batch.build());
            });

            assertThat(outcomes).as("seed %d round %d", seed, round).containsExactlyInAnyOrder(Outcome.WON,
                    Outcome.DUPLICATE);
            assertThat(nodes[0].count(InvitationQuery.builder(tenant).build())).as("seed %d", seed).isEqualTo(100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("eight workers on two nodes claiming one outbox never claim a message twice")
    void outboxWorkersNeverClaimTwice(JdbcDialect dialect) throws Exception {
        workersClaimEachMessageOnce(dialect, true);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("without row locks (as on a distributed PostgreSQL) eight workers on two nodes still claim each"
            + " message once")
    void outboxWorkersWithoutRowLocksNeverClaimTwice(JdbcDialect dialect) throws Exception {
        workersClaimEachMessageOnce(dialect, false);
    }

    private static void workersClaimEachMessageOnce(JdbcDialect dialect, boolean locking) throws Exception {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshPrefix();
        JdbcInvitationStore[] nodes = twoNodes(db, prefix, locking);
        for (int round = 0; round < 5; round++) {
            TenantId tenant = Samples.newTenant();
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int n = 0; n < 300; n++) {
                Invitation i = Samples.pending(tenant, "mail" + n + "@example.com", T0.plusMillis(n));
                batch.insert(i).enqueue(Samples.message(i));
            }
            nodes[0].write(batch.build());
            Instant now = T0.plusSeconds(3600L * (round + 1));
            Set<String> claimed = ConcurrentHashMap.newKeySet();
            List<String> twice = Collections.synchronizedList(new ArrayList<>());

            together(n -> {
                List<OutboxMessage> got;
                do {
                    got = nodes[n % 2].claimOutbox(now, 7, Duration.ofDays(365));
                    for (OutboxMessage m : got) {
                        if (!claimed.add(m.id())) {
                            twice.add(m.id());
                        }
                    }
                } while (!got.isEmpty());
            });

            assertThat(twice).as("round %d", round).isEmpty();
            assertThat(claimed).as("round %d", round).hasSize(300);
        }
    }

    private enum Outcome { WON, STALE, DUPLICATE }

    /** What one thread does; {@code n} numbers the threads from 0. */
    @FunctionalInterface
    private interface Work {
        void run(int n) throws Exception;
    }

    private static List<Outcome> together(Work work) throws Exception {
        return together(2 * THREADS_PER_NODE, work);
    }

    /** Starts the threads together and reports how each write ended. */
    private static List<Outcome> together(int threads, Work work) {
        Race race = threads == RACE.racers() ? RACE : new Race(threads);
        try {
            return race.collect(n -> () -> {
                try {
                    work.run(n);
                    return Outcome.WON;
                } catch (StaleVersionException e) {
                    return Outcome.STALE;
                } catch (DuplicateInvitationException e) {
                    return Outcome.DUPLICATE;
                }
            });
        } finally {
            if (race != RACE) {
                race.close();
            }
        }
    }

    private static JdbcInvitationStore[] twoNodes(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        return twoNodes(db, db.freshPrefix());
    }

    /** Two stores on one database and one set of tables, each on a pool of its own. */
    private static JdbcInvitationStore[] twoNodes(TestDatabase db, String prefix) {
        return twoNodes(db, prefix, true);
    }

    /** Two stores on one database and one set of tables, each on a pool of its own, claiming with or without locks. */
    private static JdbcInvitationStore[] twoNodes(TestDatabase db, String prefix, boolean lockingClaims) {
        JdbcInvitationStore[] nodes = new JdbcInvitationStore[2];
        for (int n = 0; n < 2; n++) {
            nodes[n] = JdbcInvitationStore.builder(db.newPool()).tablePrefix(prefix).lockingOutboxClaims(lockingClaims)
                    .build();
            nodes[n].migrate();
        }
        Set<JdbcDialect> dialects = new HashSet<>(List.of(nodes[0].dialect(), nodes[1].dialect()));
        assertThat(dialects).containsExactly(db.dialect());
        return nodes;
    }
}
