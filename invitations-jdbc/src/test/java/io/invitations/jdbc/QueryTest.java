package io.invitations.jdbc;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.ContactType;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.WriteBatch;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.invitations.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisplayName("Queries filter, order and page in SQL exactly as the query's reference meaning says")
class QueryTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a limit below 1 for the due reads is refused with INVALID_REQUEST naming the limit and the fix")
    void aLimitBelowOneIsATypedInvalidRequest(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        for (ThrowingCallable read : List.<ThrowingCallable>of(() -> store.dueForExpiry(T0, 0),
                () -> store.dueForReminder(T0, -1), () -> store.dueForRetention(tenant, T0, 0))) {
            assertThatExceptionOfType(InvitationException.class).isThrownBy(read)
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                    .withMessageStartingWith("limit must be at least 1, was ")
                    .withMessageContaining("pass how many rows to read");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("with asOf, a pending invitation at or past its expiry counts as expired and not as pending")
    void effectiveStatusesUseAsOf(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Instant asOf = T0.plus(Duration.ofDays(7));
        Invitation expiresExactlyNow = Samples.pending(tenant, "a@example.com", T0);
        Invitation stillPending = Samples.pending(tenant, "b@example.com", T0.plusSeconds(1));
        Invitation storedExpired = Samples.pending(tenant, "c@example.com", T0.plusSeconds(2)).toBuilder()
                .status(InvitationStatus.EXPIRED).build();
        Invitation neverExpires = Samples.pending(tenant, "d@example.com", T0.plusSeconds(3)).toBuilder()
                .expiresAt(null).build();
        store.write(WriteBatch.builder().insert(expiresExactlyNow).insert(stillPending).insert(storedExpired)
                .insert(neverExpires).build());

        assertThat(ids(store, InvitationQuery.builder(tenant).statuses(InvitationStatus.PENDING).asOf(asOf)))
                .containsExactly(stillPending.id(), neverExpires.id());
        assertThat(ids(store, InvitationQuery.builder(tenant).statuses(InvitationStatus.EXPIRED).asOf(asOf)))
                .containsExactly(expiresExactlyNow.id(), storedExpired.id());
        assertThat(ids(store, InvitationQuery.builder(tenant).statuses(InvitationStatus.PENDING)))
                .containsExactly(expiresExactlyNow.id(), stillPending.id(), neverExpires.id());
        assertThat(store.count(InvitationQuery.builder(tenant).statuses(InvitationStatus.EXPIRED).asOf(asOf).build()))
                .isEqualTo(2);
        assertThat(store.dueForExpiry(asOf, 10)).containsExactly(expiresExactlyNow);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("random queries over random invitations return what the query's matches() selects, in order")
    void randomQueriesAgreeWithTheReferenceMeaning(JdbcDialect dialect) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        List<Invitation> all = new ArrayList<>();
        List<InvitationSource> sources = List.of(InvitationSource.individual(),
                InvitationSource.bulk(BatchId.of("b-1")), InvitationSource.bulk(BatchId.of("b-2")),
                InvitationSource.link(LinkId.of("l-1")), InvitationSource.directory(null));
        List<Target> targets = List.of(Target.membership(), Target.resource("group", "g-1"));
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int n = 0; n < 120; n++) {
            InvitationStatus status = InvitationStatus.values()[random.nextInt(InvitationStatus.values().length)];
            // equal creation instants on purpose: the id breaks the tie
            Invitation i = Samples.pending(tenant, "p" + n + "@example.com", T0.plusSeconds(random.nextInt(40)))
                    .toBuilder().id(InvitationId.of("inv-" + random.nextInt(1_000_000) + "-" + n)).status(status)
                    .expiresAt(random.nextBoolean() ? null : T0.plusSeconds(random.nextInt(80)))
                    .invitedBy("u-" + random.nextInt(3)).source(sources.get(random.nextInt(sources.size())))
                    .target(targets.get(random.nextInt(targets.size()))).build();
            if (random.nextInt(4) == 0) {
                // people without email, for the filter by contact type
                i = i.toBuilder().invitee(Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-" + n)).build();
            }
            all.add(i);
            batch.insert(i);
        }
        store.write(batch.build());
        all.sort(Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value()));

        for (int round = 0; round < 60; round++) {
            InvitationQuery.Builder q = InvitationQuery.builder(tenant);
            if (random.nextBoolean()) {
                Set<InvitationStatus> statuses = EnumSet.noneOf(InvitationStatus.class);
                for (InvitationStatus s : InvitationStatus.values()) {
                    if (random.nextInt(3) == 0) {
                        statuses.add(s);
                    }
                }
                q.statuses(statuses);
            }
            if (random.nextBoolean()) {
                q.asOf(T0.plusSeconds(random.nextInt(80)));
            }
            if (random.nextInt(3) == 0) {
                q.invitedBy("u-" + random.nextInt(3));
            }
            if (random.nextInt(3) == 0) {
                q.source(sources.get(random.nextInt(sources.size())));
            }
            if (random.nextInt(3) == 0) {
                q.target(targets.get(random.nextInt(targets.size())));
            }
            if (random.nextInt(3) == 0) {
                q.createdBetween(T0.plusSeconds(random.nextInt(20)), random.nextBoolean() ? null
                        : T0.plusSeconds(20 + random.nextInt(20)));
            }
            if (random.nextInt(3) == 0) {
                q.contactType(ContactType.values()[random.nextInt(ContactType.values().length)]);
            }
            q.page(random.nextInt(30), 1 + random.nextInt(40));
            InvitationQuery query = q.build();
            List<Invitation> expected = all.stream().filter(query::matches).toList();
            int from = Math.min(query.offset(), expected.size());
            int to = Math.min(from + query.limit(), expected.size());

            Page<Invitation> page = store.query(query);

            assertThat(page.items()).as("seed %d, %s", seed, query).containsExactlyElementsOf(expected.subList(from, to));
            assertThat(page.hasMore()).as("seed %d, %s", seed, query).isEqualTo(to < expected.size());
            assertThat(page.offset()).isEqualTo(query.offset());
            assertThat(store.count(query)).as("seed %d, %s", seed, query).isEqualTo(expected.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("due-for-expiry reads pending invitations of every tenant, earliest expiry first, up to the limit")
    void dueForExpiryCrossesTenantsInExpiryOrder(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        Invitation late = Samples.pending(Samples.newTenant(), "late@example.com", T0.plusSeconds(30));
        Invitation early = Samples.pending(Samples.newTenant(), "early@example.com", T0);
        Invitation middle = Samples.pending(Samples.newTenant(), "middle@example.com", T0.plusSeconds(10));
        Invitation notYet = Samples.pending(Samples.newTenant(), "later@example.com", T0.plusSeconds(3600));
        Invitation accepted = Samples.pending(Samples.newTenant(), "done@example.com", T0).toBuilder()
                .status(InvitationStatus.ACCEPTED).build();
        store.write(WriteBatch.builder().insert(late).insert(early).insert(middle).insert(notYet).insert(accepted)
                .build());
        Instant now = T0.plus(Duration.ofDays(7)).plusSeconds(30);

        assertThat(store.dueForExpiry(now, 10)).containsExactly(early, middle, late);
        assertThat(store.dueForExpiry(now, 2)).containsExactly(early, middle);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a claim hides messages for the lease, counts the attempt, and takes the earliest first")
    void claimsHonourDueTimeLeaseAndOrder(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation a = Samples.pending(tenant, "a@example.com", T0.plusSeconds(5));
        Invitation b = Samples.pending(tenant, "b@example.com", T0);
        Invitation c = Samples.pending(tenant, "c@example.com", T0.plusSeconds(3600));
        store.write(WriteBatch.builder().insert(a).insert(b).insert(c).enqueue(Samples.message(a))
                .enqueue(Samples.message(b)).enqueue(Samples.message(c)).build());
        Instant now = T0.plusSeconds(60);

        List<OutboxMessage> claimed = store.claimOutbox(now, 10, Duration.ofMinutes(5));

        assertThat(claimed).extracting(OutboxMessage::invitationId).containsExactly(b.id(), a.id());
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
            assertThat(m.updatedAt()).isEqualTo(now);
        });
        assertThat(store.outbox(tenant, a.id())).containsExactly(claimed.get(1));
        assertThat(store.claimOutbox(now.plusSeconds(299), 10, Duration.ofMinutes(5))).isEmpty();
        assertThat(store.claimOutbox(now.plusSeconds(300), 10, Duration.ofMinutes(5)))
                .extracting(OutboxMessage::attempts).containsExactly(2, 2);
    }

    private static List<InvitationId> ids(JdbcInvitationStore store, InvitationQuery.Builder query) {
        return store.query(query.build()).items().stream().map(Invitation::id).toList();
    }
}
