package io.invitations.jdbc;

import io.invitations.tck.support.Race;
import io.invitations.core.Acceptance;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances, each an {@link InvitationService} over its own connection pool and
 * {@link JdbcInvitationStore}, on one PostgreSQL database; they share what a host's instances share
 * (the identity directory, the signing key, the settings). The engine's exactly-once and one-open
 * rules hold across them because the database enforces them.
 */
@DisplayName("Two service instances with their own pools on one PostgreSQL database")
class TwoServiceNodesTest {
    private static final int THREADS = 64;
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private static TestDatabase database;
    private static ExecutorService threads;
    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryKeyRing keys = InMemoryKeyRing.of(SigningKey.of("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final TenantId tenant = Samples.newTenant();
    private String prefix;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(JdbcDialect.POSTGRESQL);
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        database.close();
    }

    @Test
    @DisplayName("64 concurrent accepts of one link spread over both nodes have exactly one winner, 50 times over")
    void sixtyFourAcceptsOfOneLinkHaveOneWinner() throws Exception {
        List<InvitationService> nodes = twoNodes();
        for (int round = 0; round < 50; round++) {
            Invitation invitation = nodes.get(0).administration(ADMIN, tenant).invite(InviteRequest.builder()
                    .email("person" + round + "@example.com").role("member").build());
            String token = nodes.get(1).administration(ADMIN, tenant).revealClaimLink(invitation.id()).token();
            long accountsBefore = directory.createOrLinkCalls();

            List<Object> outcomes = race(n -> () -> nodes.get(n % 2).invitee().accept(ClaimRequest.builder(token)
                    .password("correct horse battery staple".toCharArray()).build()));

            int r = round;
            assertThat(outcomes).as("round %d", r).filteredOn(Acceptance.class::isInstance).hasSize(1);
            assertThat(outcomes).as("round %d", r).filteredOn(o -> !(o instanceof Acceptance))
                    .hasSize(THREADS - 1).allSatisfy(o -> assertThat(((InvitationException) o).code())
                            .as("round %d", r).isEqualTo(ErrorCode.ALREADY_ACCEPTED));
            // the engine serializes accepts of one invitation within a node, not across nodes: each node
            // may ask the (idempotent) directory once; only one acceptance is ever stored
            assertThat(directory.createOrLinkCalls() - accountsBefore).as("accounts, round %d", r).isBetween(1L, 2L);
            assertThat(nodes.get(1).administration(ADMIN, tenant).find(invitation.id()).orElseThrow().status())
                    .isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(nodes.get(0).administration(ADMIN, tenant).history(invitation.id())).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.ACCEPT);
        }
    }

    @Test
    @DisplayName("both nodes inviting overlapping lists at once leave exactly one open invitation per person")
    void overlappingInvitesNeverDuplicate() throws Exception {
        List<InvitationService> nodes = twoNodes();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> people = new ArrayList<>();
        for (int n = 0; n < 90; n++) {
            people.add("member" + n + "@example.com");
        }
        // each thread invites a shuffled window of the list: every person is asked for several times
        List<List<String>> lists = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int from = random.nextInt(60);
            List<String> window = new ArrayList<>(people.subList(from, from + 30));
            Collections.shuffle(window, random);
            lists.add(window);
        }

        List<Object> outcomes = race(n -> () -> {
            int created = 0;
            for (String email : lists.get(n)) {
                try {
                    nodes.get(n % 2).administration(ADMIN, tenant).invite(InviteRequest.builder().email(email).role("member").build());
                    created++;
                } catch (InvitationException e) {
                    assertThat(e.code()).as("seed %d", seed).isEqualTo(ErrorCode.ALREADY_INVITED);
                }
            }
            return created;
        });

        int invited = (int) lists.stream().flatMap(List::stream).distinct().count();
        assertThat(outcomes).as("seed %d", seed).allSatisfy(o -> assertThat(o).isInstanceOf(Integer.class));
        assertThat(outcomes.stream().mapToInt(o -> (Integer) o).sum()).as("seed %d", seed).isEqualTo(invited);
        assertThat(nodes.get(0).administration(ADMIN, tenant).query(InvitationQuery.builder(tenant).statuses(InvitationStatus.PENDING).page(0, 1000)
                .build()).items()).hasSize(invited);
        JdbcInvitationStore reader = JdbcInvitationStore.builder(database.dataSource()).tablePrefix(prefix).build();
        for (String email : people) {
            assertThat(reader.findByInvitee(tenant, EmailAddress.of(email)))
                    .as("seed %d, %s", seed, email).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(reader.findOpen(tenant, Target.membership(), EmailAddress.of(lists.get(0).get(0)))).isPresent();
    }

    @Test
    @DisplayName("both nodes bulk-inviting overlapping lists at once leave exactly one open invitation per person")
    void overlappingBulkInvitesNeverDuplicate() throws Exception {
        List<InvitationService> nodes = twoNodes();
        for (int round = 0; round < 5; round++) {
            TenantId roundTenant = Samples.newTenant();
            List<InvitationRow> first = new ArrayList<>();
            List<InvitationRow> second = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                first.add(InvitationRow.builder(n + 2).set(RowField.EMAIL, "person" + n + "@example.com").build());
                second.add(InvitationRow.builder(n + 2).set(RowField.EMAIL, "person" + (n + 150) + "@example.com")
                        .build());
            }
            List<List<InvitationRow>> lists = List.of(first, second);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BulkReport>> reports = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                InvitationService service = nodes.get(node);
                List<InvitationRow> rows = lists.get(node);
                reports.add(threads.submit(() -> {
                    start.await();
                    return service.administration(ADMIN, roundTenant).bulk(BulkRequest.builder(rows).defaultRole("member")
                            .mode(BulkMode.BEST_EFFORT).build());
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<BulkReport> f : reports) {
                BulkReport report = f.get(120, TimeUnit.SECONDS);
                assertThat(report.lines()).as("round %d", round).hasSize(300)
                        .allSatisfy(line -> assertThat(line.outcome()).isIn(BulkOutcome.CREATED,
                                BulkOutcome.ALREADY_INVITED));
                created += report.count(BulkOutcome.CREATED);
            }
            assertThat(created).as("round %d: every one of the 450 people invited once", round).isEqualTo(450);
            assertThat(nodes.get(1).administration(ADMIN, roundTenant).query(InvitationQuery.builder(roundTenant).statuses(InvitationStatus.PENDING)
                    .page(0, 1000).build()).items()).as("round %d", round).hasSize(450);
        }
    }

    /** Two services, each on a store of its own over a pool of its own, sharing one set of tables. */
    private List<InvitationService> twoNodes() {
        prefix = database.freshPrefix();
        List<InvitationService> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool()).tablePrefix(prefix).build();
            store.migrate();
            nodes.add(InvitationService.builder().store(store).identityDirectory(directory)
                    .seatLedger(InMemorySeatLedger.countingMembersOf(directory)).settings(settings).keyRing(keys)
                    .mailer(new RecordingMailer()).clock(CLOCK).build());
        }
        return nodes;
    }

    private static List<Object> race(IntFunction<Callable<Object>> step) throws Exception {
        return Racing.race(THREADS, step);
    }
}
