package io.invitations.tck;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.ContactType;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.Erasure;
import io.invitations.spi.storage.FunnelEntry;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxFeedback;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import io.invitations.spi.storage.OptOut;
import io.invitations.spi.storage.SendRecord;
import io.invitations.tck.support.Race;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static io.invitations.tck.Fixtures.T0;
import static io.invitations.tck.Fixtures.created;
import static io.invitations.tck.Fixtures.historyEntry;
import static io.invitations.tck.Fixtures.message;
import static io.invitations.tck.Fixtures.nextVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The storage contract of {@link InvitationStore} as JUnit 5 checks. An adapter author adds
 * {@code io.invitations:invitations-tck} with test scope (it brings JUnit Jupiter and AssertJ),
 * extends this class, implements {@link #createStore()}, and runs it like any other test class:
 *
 * <pre>{@code
 * class JdbcInvitationStoreCompatibilityTest extends InvitationStoreCompatibilityKit {
 *     private static final JdbcInvitationStore STORE = migrated(TestDatabase.dataSource());
 *
 *     private static JdbcInvitationStore migrated(DataSource dataSource) {
 *         JdbcInvitationStore store = JdbcInvitationStore.builder(dataSource).build();
 *         store.migrate();
 *         return store;
 *     }
 *
 *     protected InvitationStore createStore() {
 *         return STORE; // one database for every check: each check writes under fresh tenant ids
 *     }
 * }
 * }</pre>
 *
 * <p>The checks are grouped in {@link Nested} classes, one per rule of the storage contract (stated in
 * the Javadoc of {@link InvitationStore} and {@link WriteBatch}), each named by a sentence: reading
 * back every field; at most one open invitation per tenant, target and invitee; compare-and-set
 * updates; atomic batches; paging and filters; due for expiry; the outbox and its claims; append-only
 * history; erasure leaving nothing personal (and due for retention); tenant isolation; shareable links; open invitations of many invitees at once; write
 * conditions checked atomically with the write (seat limits, quotas) under racing threads; and
 * real-thread concurrency. A failing check's name
 * says which promise the store broke.
 *
 * <p><b>Isolation.</b> {@link #createStore()} is called before every check. It may return a new
 * empty store, or the same store (one database) every time: each check writes under fresh random
 * tenant ids and invitation ids, so tenant-scoped checks never see each other's rows. The two
 * cross-tenant reads ({@link InvitationStore#dueForExpiry(Instant, int)} and
 * {@link InvitationStore#claimOutbox(Instant, int, Duration)}) are judged on the check's own rows
 * only, and ask for up to 1000 rows at once; a shared database should therefore hold only
 * what this kit wrote in the current run (recreate the schema per run). Run the checks of one store
 * sequentially: a claim made by one check may take another check's messages.
 *
 * <p><b>Time and text.</b> No clock is needed: every instant is fixed relative to {@link Fixtures#T0}
 * and has millisecond precision. Ids are lower-case UUID text, so "creation time, then id" order is
 * the same under any database collation. Text includes non-ASCII characters and line breaks.
 *
 * <p><b>Concurrency.</b> The concurrency checks start 32 real threads together, for up to 50
 * rounds; a connection pool smaller than that only makes them slower. They
 * finish in seconds on an in-memory or embedded database.
 *
 * @since 0.1.0
 */
@DisplayName("InvitationStore compatibility kit")
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public abstract class InvitationStoreCompatibilityKit {
    /** Threads racing in each concurrency check. */
    static final int RACERS = 32;
    /** Rounds of the compare-and-set race. */
    static final int CAS_ROUNDS = 50;
    /** Rounds of the insert and link races. */
    static final int SHORT_ROUNDS = 20;
    /** Rounds of the outbox claim race. */
    static final int CLAIM_ROUNDS = 5;
    /** Messages queued in each round of the outbox claim race. */
    static final int CLAIM_MESSAGES = 100;
    /** The page size and limit used to read "everything" of a check. */
    static final int WIDE = InvitationQuery.MAX_LIMIT;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Comparator<Invitation> CREATION_ORDER =
            Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value());

    private InvitationStore store;
    private TenantId tenant;
    private TenantId otherTenant;

    /** Creates the kit; JUnit calls this once per check. */
    protected InvitationStoreCompatibilityKit() {
    }

    /**
     * Returns the store to check. Called before every check; may return a fresh empty store or the
     * same shared one (see the class documentation on isolation).
     *
     * @return the store under test, never {@code null}
     */
    protected abstract InvitationStore createStore();

    @BeforeEach
    void createStoreAndTenants() {
        store = Objects.requireNonNull(createStore(), "createStore() must return a store");
        tenant = Fixtures.newTenant();
        otherTenant = Fixtures.newTenant();
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Reading back what was written")
    class ReadingBack {

        @Test
        @DisplayName("an invitation with every field set reads back equal, field for field, through every read")
        void everyFieldReadsBack() {
            Invitation full = Fixtures.fullyPopulated(tenant);
            insert(full);

            assertStoredAs(full);
            assertThat(store.findOpen(tenant, full.target(), full.invitee().contact())).contains(full);
            assertThat(store.findByInvitee(tenant, full.invitee().contact())).containsExactly(full);
            assertThat(store.query(everything(tenant).build()).items()).containsExactly(full);
        }

        @Test
        @DisplayName("an identifier invitee without names and with every optional field empty reads back with "
                + "nulls and empty collections")
        void emptyOptionalsReadBack() {
            Invitation bare = Invitation.builder()
                    .id(InvitationId.random())
                    .tenantId(tenant)
                    .invitee(Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042"))
                    .grant(Grant.role("member"))
                    .inviter(Fixtures.INVITER)
                    .status(InvitationStatus.PROVISIONED)
                    .source(InvitationSource.directory(null))
                    .createdAt(T0)
                    .updatedAt(T0)
                    .build();
            insert(bare);

            assertStoredAs(bare);
            Invitation read = stored(bare);
            assertThat(read.invitee().firstName()).isNull();
            assertThat(read.personalMessage()).isNull();
            assertThat(read.grant().groups()).isEmpty();
            assertThat(read.grant().metadata()).isEmpty();
            assertThat(read.grant().unit()).isNull();
            assertThat(read.invitedAt()).isNull();
            assertThat(read.expiresAt()).isNull();
            assertThat(read.respondedAt()).isNull();
            assertThat(read.accountId()).isNull();
            assertThat(read.source().reference()).isNull();
        }

        @Test
        @DisplayName("every source kind reads back, with and without its reference")
        void everySourceKind() {
            List<InvitationSource> sources = List.of(InvitationSource.individual(),
                    InvitationSource.bulk(BatchId.of("batch-7")), InvitationSource.link(LinkId.of("link-9")),
                    InvitationSource.directory("corporate-ldap"), InvitationSource.directory(null));
            List<Invitation> written = IntStream.range(0, sources.size())
                    .mapToObj(n -> invitation("source" + n + "@example.com").source(sources.get(n)).build())
                    .toList();
            insert(written);

            written.forEach(i -> assertStoredAs(i));
        }

        @Test
        @DisplayName("every status, delivery status and identifier kind, including a host-defined kind, reads back")
        void everyStatusAndKind() {
            DeliveryState queued = DeliveryState.none().queued(T0);
            List<DeliveryState> deliveries = List.of(DeliveryState.none(), queued,
                    queued.delivered(T0.plusSeconds(60)), queued.failed("mailbox full"));
            List<Contact> contacts = List.of(EmailAddress.of("status@example.com"),
                    Identifier.of(IdentifierKind.PHONE, "+33 6 12 34 56 78"),
                    Identifier.of(IdentifierKind.BIRTH_DATE, "1990-01-31"),
                    Identifier.of(IdentifierKind.of("badge-id"), "B-0042"));
            InvitationStatus[] statuses = InvitationStatus.values();
            List<Invitation> written = new ArrayList<>();
            for (int n = 0; n < statuses.length; n++) {
                Contact contact = contacts.get(n % contacts.size());
                // the second half uses the same contacts for another target, so that open ones never collide
                Target target = n < contacts.size() ? Target.membership() : Target.resource("team", "t-" + n);
                written.add(Fixtures.invitation(tenant, new Invitee(contact, null, null, null))
                        .target(target).status(statuses[n]).delivery(deliveries.get(n % deliveries.size())).build());
            }
            insert(written);

            written.forEach(i -> assertStoredAs(i));
        }

        @Test
        @DisplayName("an id that was never written reads as nothing: no invitation, history or outbox message")
        void unknownIdReadsAsNothing() {
            InvitationId unknown = InvitationId.random();

            assertThat(store.find(tenant, unknown)).isEmpty();
            assertThat(store.history(tenant, unknown)).isEmpty();
            assertThat(store.outbox(tenant, unknown)).isEmpty();
            assertThat(store.findByInvitee(tenant, EmailAddress.of("nobody@example.com"))).isEmpty();
            assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of("nobody@example.com"))).isEmpty();
            assertThat(store.query(everything(tenant).build())).isEqualTo(new Page<Invitation>(List.of(), 0, false));
            assertThat(store.count(everything(tenant).build())).isZero();
        }

        @Test
        @DisplayName("an insert that reuses an invitation id, even in another tenant, is refused with "
                + "StorageException and leaves its batch unwritten")
        void reusedIdIsRefused() {
            Invitation first = pending("first@example.com");
            insert(first);
            Invitation again = Fixtures.pending(otherTenant, "again@example.com").toBuilder().id(first.id()).build();
            Invitation companion = Fixtures.pending(otherTenant, "companion@example.com");

            assertThatExceptionOfType(StorageException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(companion).insert(again).append(created(again)).enqueue(message(again, 1))));

            assertUntouched(first);
            assertThat(store.find(otherTenant, first.id())).isEmpty();
            assertNothingStored(companion);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("At most one open invitation per tenant, target and invitee")
    class OneOpenInvitation {

        @Test
        @DisplayName("a second open invitation for the same email is refused with DuplicateInvitationException "
                + "naming tenant, target and invitee, and the first stays as it was")
        void secondOpenInvitationIsRefused() {
            Invitation first = pending("jane@example.com");
            insert(first);
            Invitation second = pending("jane@example.com");

            assertThatExceptionOfType(DuplicateInvitationException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().insert(second).append(created(second))
                            .enqueue(message(second, 1))))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_OPEN_INVITATION);
                        assertThat(e.tenantId()).isEqualTo(tenant);
                        assertThat(e.target()).isEqualTo(Target.membership());
                        assertThat(e.inviteeKey()).isEqualTo(EmailAddress.of("jane@example.com").matchKey());
                    });

            assertStoredAs(first);
            assertNothingStored(second);
            assertThat(store.count(everything(tenant).build())).isEqualTo(1);
        }

        @Test
        @DisplayName("emails that differ only in case are the same invitee")
        void emailsMatchWhateverTheCase() {
            Invitation first = pending("Jane.Doe@Example.com");
            insert(first);
            Invitation shouting = pending("JANE.DOE@EXAMPLE.COM");

            assertThatExceptionOfType(DuplicateInvitationException.class).isThrownBy(() -> insert(shouting));

            assertNothingStored(shouting);
            assertThat(store.findByInvitee(tenant, EmailAddress.of("jane.doe@example.com"))).containsExactly(first);
        }

        @Test
        @DisplayName("provisioned, pending and awaiting-approval invitations each block a new one in any open status")
        void everyOpenStatusBlocks() {
            List<InvitationStatus> open = openStatuses();
            for (InvitationStatus existing : open) {
                for (InvitationStatus attempted : open) {
                    String email = existing + "." + attempted + "@example.com";
                    insert(invitation(email).status(existing).build());
                    Invitation second = invitation(email).status(attempted).build();

                    assertThatExceptionOfType(DuplicateInvitationException.class)
                            .as("a stored %s invitation blocks a new %s one", existing, attempted)
                            .isThrownBy(() -> insert(second));
                    assertNothingStored(second);
                }
            }
        }

        @Test
        @DisplayName("expired, accepted, revoked, declined and rejected invitations do not block a new one")
        void closedInvitationsDoNotBlock() {
            for (InvitationStatus closed : EnumSet.complementOf(EnumSet.copyOf(openStatuses()))) {
                String email = closed + "@example.com";
                Invitation old = invitation(email).status(closed).createdAt(T0.minusSeconds(60)).build();
                insert(old);
                Invitation fresh = pending(email);

                insert(fresh);

                assertStoredAs(fresh);
                assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of(email)))
                        .as("the open invitation after a %s one", closed).contains(fresh);
                assertThat(store.findByInvitee(tenant, EmailAddress.of(email))).containsExactly(old, fresh);
            }
        }

        @Test
        @DisplayName("the same person may have open invitations to other targets and in another tenant")
        void otherTargetsAndTenantsDoNotBlock() {
            Invitation membership = pending("sam@example.com");
            Invitation group = invitation("sam@example.com").target(Target.resource("group", "g-1")).build();
            Invitation otherGroup = invitation("sam@example.com").target(Target.resource("group", "g-2")).build();
            Invitation sameIdOtherType = invitation("sam@example.com").target(Target.resource("event", "g-1")).build();
            Invitation elsewhere = Fixtures.pending(otherTenant, "sam@example.com");

            insert(membership, group, otherGroup);
            insert(sameIdOtherType);
            insert(elsewhere);

            for (Invitation i : List.of(membership, group, otherGroup, sameIdOtherType, elsewhere)) {
                assertStoredAs(i);
            }
        }

        @Test
        @DisplayName("identifiers match by kind and exact value")
        void identifiersMatchByKindAndValue() {
            Invitation phone = Fixtures.invitation(tenant, Invitee.identifier(IdentifierKind.PHONE, "4915112345678"))
                    .build();
            Invitation personnel = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "4915112345678")).build();
            insert(phone);
            insert(personnel);
            Invitation samePhone = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PHONE, "4915112345678")).build();

            assertThatExceptionOfType(DuplicateInvitationException.class).isThrownBy(() -> insert(samePhone));

            assertStoredAs(phone);
            assertStoredAs(personnel);
            assertNothingStored(samePhone);
        }

        @Test
        @DisplayName("two open invitations for the same invitee in one batch are refused and neither is stored")
        void duplicatesWithinOneBatchAreRefused() {
            Invitation a = pending("twice@example.com");
            Invitation b = invitation("TWICE@example.com").status(InvitationStatus.PROVISIONED).build();

            assertThatExceptionOfType(DuplicateInvitationException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(a).insert(b).append(created(a)).append(created(b)).enqueue(message(a, 1))));

            assertNothingStored(a, b);
        }

        @Test
        @DisplayName("an update that reopens a closed invitation while another is open is refused and changes nothing")
        void reopeningWhileAnotherIsOpenIsRefused() {
            Invitation old = invitation("back@example.com").status(InvitationStatus.EXPIRED)
                    .createdAt(T0.minusSeconds(600)).build();
            Invitation current = pending("back@example.com");
            insert(old, current);
            Invitation reopened = nextVersion(old).status(InvitationStatus.PENDING)
                    .expiresAt(T0.plus(Duration.ofDays(14))).build();

            assertThatExceptionOfType(DuplicateInvitationException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .update(reopened).append(historyEntry(reopened, Action.REINVITE, InvitationStatus.EXPIRED, null))
                    .enqueue(message(reopened, 2))));

            assertUntouched(old);
            assertStoredAs(current);
        }

        @Test
        @DisplayName("closing one invitation and opening another for the same invitee in one batch is allowed")
        void closingAndOpeningInOneBatchIsAllowed() {
            Invitation old = pending("swap@example.com");
            insert(old);
            Invitation revoked = nextVersion(old).status(InvitationStatus.REVOKED).expiresAt(null).build();
            Invitation fresh = pending("swap@example.com");

            write(WriteBatch.builder().insert(fresh).update(revoked));

            assertStoredAs(revoked);
            assertStoredAs(fresh);
            assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of("swap@example.com")))
                    .contains(fresh);
        }

        @Test
        @DisplayName("findOpen finds the open invitation whatever the email's case, and nothing once it is closed")
        void findOpenFollowsTheStoredStatus() {
            Invitation open = pending("Open.Case@example.com");
            insert(open);
            Target group = Target.resource("group", "g-1");

            assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of("open.case@EXAMPLE.com")))
                    .contains(open);
            assertThat(store.findOpen(tenant, group, EmailAddress.of("open.case@example.com"))).isEmpty();

            Invitation accepted = nextVersion(open).status(InvitationStatus.ACCEPTED).respondedAt(T0).build();
            write(WriteBatch.builder().update(accepted));

            assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of("open.case@example.com")))
                    .isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Compare-and-set updates")
    class CompareAndSet {

        @Test
        @DisplayName("an update at the next version replaces every field of the stored snapshot")
        void nextVersionReplacesEveryField() {
            Invitation v1 = pending("cas@example.com");
            insert(v1);
            Invitation v2 = nextVersion(v1)
                    .invitee(v1.invitee().withName("Cas", "Sandra").withDisplayName("Cas S."))
                    .grant(Grant.role("admin").withGroups(Set.of("ops")).withMetadata(Map.of("k", "v")))
                    .personalMessage("A reminder")
                    .locale(Locale.GERMAN)
                    .tokenVersion(2)
                    .resendCount(1)
                    .expiresAt(T0.plus(Duration.ofDays(14)))
                    .delivery(v1.delivery().queued(T0.plusSeconds(1)))
                    .build();
            write(WriteBatch.builder().update(v2));
            assertStoredAs(v2);

            Invitation v3 = nextVersion(v2)
                    .status(InvitationStatus.ACCEPTED)
                    .personalMessage(null)
                    .respondedAt(T0.plusSeconds(30))
                    .accountId("account-1")
                    .delivery(v2.delivery().delivered(T0.plusSeconds(2)))
                    .build();
            write(WriteBatch.builder().update(v3));
            assertStoredAs(v3);
        }

        @Test
        @DisplayName("an update at a stale version is refused with StaleVersionException naming the record, "
                + "and changes nothing")
        void staleVersionIsRefused() {
            Invitation v1 = pending("stale@example.com");
            insert(v1);
            Invitation winner = nextVersion(v1).resendCount(1).build();
            write(WriteBatch.builder().update(winner));
            Invitation loser = nextVersion(v1).status(InvitationStatus.REVOKED).build();

            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().update(loser)
                            .append(historyEntry(loser, Action.REVOKE, InvitationStatus.PENDING, "too late"))))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
                        assertThat(e.recordId()).isEqualTo(v1.id().value());
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    });

            assertStoredAs(winner);
            assertThat(store.history(tenant, v1.id())).isEmpty();
        }

        @Test
        @DisplayName("an update that skips a version is refused")
        void skippedVersionIsRefused() {
            Invitation v1 = pending("skip@example.com");
            insert(v1);
            Invitation v3 = v1.toBuilder().version(3).status(InvitationStatus.REVOKED).build();

            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().update(v3)));

            assertStoredAs(v1);
        }

        @Test
        @DisplayName("an update of an invitation that was never stored is refused and stores nothing")
        void unknownInvitationIsRefused() {
            Invitation ghost = nextVersion(pending("ghost@example.com")).build();

            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().update(ghost)));

            assertThat(store.find(tenant, ghost.id())).isEmpty();
        }

        @Test
        @DisplayName("an update that names another tenant is refused and the invitation keeps its tenant and version")
        void updateFromAnotherTenantIsRefused() {
            Invitation mine = pending("mine@example.com");
            insert(mine);
            Invitation hijacked = nextVersion(mine).tenantId(otherTenant).build();

            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().update(hijacked)));

            assertStoredAs(mine);
            assertThat(store.find(otherTenant, mine.id())).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Atomic batches: a refused batch leaves nothing behind")
    class Atomicity {

        @Test
        @DisplayName("a batch whose third of five inserts duplicates an open invitation leaves no invitation, "
                + "history entry or outbox message, and applies none of its updates")
        void thirdOfFiveInsertsIsADuplicate() {
            Invitation taken = pending("taken@example.com");
            Invitation bystander = pending("bystander@example.com");
            write(WriteBatch.builder().insert(taken).insert(bystander).append(created(taken))
                    .enqueue(message(taken, 1)));
            List<Invitation> five = List.of(pending("new0@example.com"), pending("new1@example.com"),
                    pending("TAKEN@example.com"), pending("new3@example.com"), pending("new4@example.com"));
            WriteBatch.Builder batch = WriteBatch.builder();
            for (Invitation i : five) {
                batch.insert(i).append(created(i)).enqueue(message(i, 1));
            }
            Invitation touched = nextVersion(bystander).resendCount(1).build();
            batch.update(touched).append(historyEntry(touched, Action.RESEND, InvitationStatus.PENDING, null));

            assertThatExceptionOfType(DuplicateInvitationException.class).isThrownBy(() -> write(batch));

            assertNothingStored(five);
            assertStoredAs(taken);
            assertStoredAs(bystander);
            assertThat(store.history(tenant, taken.id())).containsExactly(created(taken));
            assertThat(store.history(tenant, bystander.id())).isEmpty();
            assertThat(store.outbox(tenant, taken.id())).containsExactly(message(taken, 1));
            assertThat(store.count(everything(tenant).build())).isEqualTo(2);
            assertThat(claimOwn(T0.plus(Duration.ofDays(1)))).extracting(OutboxMessage::invitationId)
                    .containsExactly(taken.id());
        }

        @Test
        @DisplayName("a batch with a stale update leaves its inserts, history entries and outbox messages unwritten")
        void staleUpdateUndoesTheBatch() {
            Invitation stored = pending("stored@example.com");
            insert(stored);
            Invitation stale = stored.toBuilder().version(3).build();
            Invitation fresh = pending("fresh@example.com");

            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(fresh).append(created(fresh)).enqueue(message(fresh, 1))
                    .update(stale).append(historyEntry(stale, Action.RESEND, InvitationStatus.PENDING, null))
                    .enqueue(message(stale, 2))));

            assertNothingStored(fresh);
            assertUntouched(stored);
        }

        @Test
        @DisplayName("a history entry for an unknown invitation fails the whole batch with StorageException")
        void historyForUnknownInvitationIsRefused() {
            Invitation fresh = pending("fresh@example.com");
            Invitation unknown = pending("unknown@example.com");

            assertThatExceptionOfType(StorageException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(fresh).append(created(fresh)).enqueue(message(fresh, 1)).append(created(unknown))));

            assertNothingStored(fresh, unknown);
        }

        @Test
        @DisplayName("an outbox message for an unknown invitation fails the whole batch with StorageException")
        void messageForUnknownInvitationIsRefused() {
            Invitation fresh = pending("fresh@example.com");
            Invitation unknown = pending("unknown@example.com");

            assertThatExceptionOfType(StorageException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(fresh).append(created(fresh)).enqueue(message(fresh, 1)).enqueue(message(unknown, 1))));

            assertNothingStored(fresh, unknown);
            assertThat(claimOwn(T0.plus(Duration.ofDays(1)))).isEmpty();
        }

        @Test
        @DisplayName("a history entry or outbox message naming another tenant than its invitation's is refused")
        void referencesAcrossTenantsAreRefused() {
            Invitation mine = pending("mine@example.com");
            insert(mine);
            HistoryEntry foreignEntry = HistoryEntry.builder()
                    .tenantId(otherTenant)
                    .invitationId(mine.id())
                    .at(T0)
                    .actor("intruder")
                    .action(Action.REVOKE)
                    .from(InvitationStatus.PENDING)
                    .to(InvitationStatus.REVOKED)
                    .reason(null)
                    .build();
            OutboxMessage foreignMessage = OutboxMessage.queue(otherTenant, mine.id(), OutboxMessage.Kind.RESEND, 2, T0);

            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().append(foreignEntry)));
            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().enqueue(foreignMessage)));

            for (TenantId t : List.of(tenant, otherTenant)) {
                assertThat(store.history(t, mine.id())).isEmpty();
                assertThat(store.outbox(t, mine.id())).isEmpty();
            }
        }

        @Test
        @DisplayName("a stale link update leaves the invitation that joined through it unwritten")
        void staleLinkUpdateUndoesTheJoin() {
            ShareableLink link = Fixtures.link(tenant, T0);
            write(WriteBatch.builder().insertLink(link));
            ShareableLink used = link.withOneMoreUse(T0.plusSeconds(1));
            write(WriteBatch.builder().updateLink(used));
            Invitation joiner = invitation("joiner@example.com").source(InvitationSource.link(link.id()))
                    .status(InvitationStatus.AWAITING_APPROVAL).build();

            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .updateLink(link.withOneMoreUse(T0.plusSeconds(2))).insert(joiner).append(created(joiner))));

            assertNothingStored(joiner);
            assertThat(store.findLink(tenant, link.id())).contains(used);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Paging and filters of query and count")
    class Queries {

        @Test
        @DisplayName("query pages through a tenant's invitations by creation time, then id, and tells whether more follow")
        void pagesInCreationOrder() {
            String prefix = UUID.randomUUID().toString();
            List<Invitation> expected = List.of(
                    createdAt(prefix + "-5", T0.minusSeconds(3 * 3600)),
                    createdAt(prefix + "-2", T0.minusSeconds(2 * 3600)),
                    createdAt(prefix + "-3", T0.minusSeconds(2 * 3600)),
                    createdAt(prefix + "-1", T0.minusSeconds(3600)),
                    createdAt(prefix + "-4", T0),
                    createdAt(prefix + "-6", T0),
                    createdAt(prefix + "-0", T0.plusSeconds(3600)));
            insert(expected.get(4), expected.get(6), expected.get(1));
            insert(expected.get(3), expected.get(5), expected.get(0), expected.get(2));

            assertThat(page(0, 3)).isEqualTo(new Page<>(expected.subList(0, 3), 0, true));
            assertThat(page(3, 3)).isEqualTo(new Page<>(expected.subList(3, 6), 3, true));
            assertThat(page(6, 3)).isEqualTo(new Page<>(expected.subList(6, 7), 6, false));
            assertThat(page(7, 3)).isEqualTo(new Page<Invitation>(List.of(), 7, false));
            assertThat(page(0, 7)).isEqualTo(new Page<>(expected, 0, false));
            assertThat(page(2, 1)).isEqualTo(new Page<>(expected.subList(2, 3), 2, true));
            assertThat(page(0, WIDE)).isEqualTo(new Page<>(expected, 0, false));
        }

        @Test
        @DisplayName("the status filter matches stored statuses, and with asOf effective ones: "
                + "pending at or past its expiry counts as expired")
        void statusFilterStoredAndEffective() {
            Invitation live = invitation("live@example.com").expiresAt(T0.plusSeconds(86_400)).build();
            Invitation lapsed = invitation("lapsed@example.com").expiresAt(T0.minusSeconds(3600)).build();
            Invitation expiringNow = invitation("now@example.com").expiresAt(T0).build();
            Invitation expired = invitation("expired@example.com").status(InvitationStatus.EXPIRED)
                    .expiresAt(T0.minusSeconds(7200)).build();
            Invitation accepted = invitation("accepted@example.com").status(InvitationStatus.ACCEPTED).build();
            Invitation provisioned = invitation("provisioned@example.com").status(InvitationStatus.PROVISIONED)
                    .invitedAt(null).expiresAt(null).build();
            insert(live, lapsed, expiringNow, expired, accepted, provisioned);

            assertMatches(everything(tenant).statuses(InvitationStatus.PENDING),
                    live, lapsed, expiringNow);
            assertMatches(everything(tenant).statuses(InvitationStatus.EXPIRED), expired);
            assertMatches(everything(tenant).statuses(InvitationStatus.PENDING, InvitationStatus.PROVISIONED),
                    live, lapsed, expiringNow, provisioned);
            assertMatches(everything(tenant).statuses(InvitationStatus.PENDING).asOf(T0), live);
            assertMatches(everything(tenant).statuses(InvitationStatus.EXPIRED).asOf(T0),
                    lapsed, expiringNow, expired);
            assertMatches(everything(tenant).statuses(InvitationStatus.PENDING).asOf(T0.minusSeconds(3600)),
                    live, expiringNow);
            assertMatches(everything(tenant).asOf(T0), live, lapsed, expiringNow, expired, accepted, provisioned);
        }

        @Test
        @DisplayName("the inviter, source and target filters each select exactly their invitations, alone and combined")
        void inviterSourceAndTargetFilters() {
            BatchId b1 = BatchId.of("batch-1");
            BatchId b2 = BatchId.of("batch-2");
            LinkId link = LinkId.of("link-1");
            Target group = Target.resource("group", "g-1");
            Invitation a = invitation("a@example.com").invitedBy("user-ada").build();
            Invitation b = invitation("b@example.com").invitedBy("user-grace")
                    .source(InvitationSource.bulk(b1)).build();
            Invitation c = invitation("c@example.com").invitedBy("user-grace")
                    .source(InvitationSource.bulk(b2)).target(group).build();
            Invitation d = invitation("d@example.com").invitedBy("user-ada")
                    .source(InvitationSource.bulk(b1)).target(group).build();
            Invitation e = invitation("e@example.com").invitedBy("user-ada")
                    .source(InvitationSource.link(link)).target(Target.resource("event", "g-1")).build();
            Invitation f = invitation("f@example.com").invitedBy("system:ldap")
                    .source(InvitationSource.directory("ldap")).build();
            insert(a, b, c, d, e, f);

            assertMatches(everything(tenant).invitedBy("user-grace"), b, c);
            assertMatches(everything(tenant).source(InvitationSource.bulk(b1)), b, d);
            assertMatches(everything(tenant).source(InvitationSource.bulk(b2)), c);
            assertMatches(everything(tenant).source(InvitationSource.link(link)), e);
            assertMatches(everything(tenant).source(InvitationSource.directory("ldap")), f);
            assertMatches(everything(tenant).source(InvitationSource.individual()), a);
            assertMatches(everything(tenant).target(group), c, d);
            assertMatches(everything(tenant).target(Target.membership()), a, b, f);
            assertMatches(everything(tenant).invitedBy("user-ada").source(InvitationSource.bulk(b1)).target(group), d);
            assertMatches(everything(tenant).invitedBy("user-nobody"));
        }

        @Test
        @DisplayName("the scope filter selects the invitations an actor sent plus those granted into their units, "
                + "combined with the other filters and paged exactly")
        void scopeFilterSelectsOwnAndUnitInvitations() {
            UnitId north = UnitId.of("north");
            UnitId south = UnitId.of("south");
            Invitation own = invitation("own@example.com").invitedBy("user-ada").createdAt(T0).build();
            Invitation ownElsewhere = invitation("own.south@example.com").invitedBy("user-ada")
                    .grant(Grant.role("member").withUnit(south)).createdAt(T0.plusSeconds(1)).build();
            Invitation inNorth = invitation("north@example.com").invitedBy("user-grace")
                    .grant(Grant.role("member").withUnit(north)).createdAt(T0.plusSeconds(2)).build();
            Invitation inSouth = invitation("south@example.com").invitedBy("user-grace")
                    .grant(Grant.role("member").withUnit(south)).createdAt(T0.plusSeconds(3)).build();
            Invitation noUnit = invitation("nounit@example.com").invitedBy("user-grace")
                    .createdAt(T0.plusSeconds(4)).build();
            Invitation acceptedInNorth = invitation("north2@example.com").invitedBy("user-alan")
                    .grant(Grant.role("member").withUnit(north)).status(InvitationStatus.ACCEPTED)
                    .createdAt(T0.plusSeconds(5)).build();
            insert(own, ownElsewhere, inNorth, inSouth, noUnit, acceptedInNorth);

            InvitationQuery.Scope adaAlone = new InvitationQuery.Scope("user-ada", Set.of());
            InvitationQuery.Scope adaInNorth = new InvitationQuery.Scope("user-ada", Set.of(north));
            assertMatches(everything(tenant).scope(adaAlone), own, ownElsewhere);
            assertMatches(everything(tenant).scope(adaInNorth), own, ownElsewhere, inNorth, acceptedInNorth);
            assertMatches(everything(tenant).scope(new InvitationQuery.Scope("user-nobody", Set.of(north, south))),
                    ownElsewhere, inNorth, inSouth, acceptedInNorth);
            assertMatches(everything(tenant).scope(adaInNorth).statuses(InvitationStatus.ACCEPTED), acceptedInNorth);
            assertMatches(everything(tenant).scope(adaInNorth).invitedBy("user-grace"), inNorth);
            assertMatches(everything(otherTenant).scope(adaInNorth));
            assertThat(store.query(InvitationQuery.builder(tenant).scope(adaInNorth).page(1, 2).build()))
                    .isEqualTo(new Page<>(List.of(ownElsewhere, inNorth), 1, true));
            assertThat(store.query(InvitationQuery.builder(tenant).scope(adaInNorth).page(2, 2).build()))
                    .isEqualTo(new Page<>(List.of(inNorth, acceptedInNorth), 2, false));
        }

        @Test
        @DisplayName("the invitee filter selects one person's invitations by match key: email whatever its case, "
                + "identifier by kind and value")
        void inviteeFilter() {
            Invitation a = invitation("Same@Example.com").build();
            Invitation b = invitation("same@example.com").target(Target.resource("event", "e-1")).build();
            Invitation c = invitation("other@example.com").build();
            Invitation d = Fixtures.invitation(tenant, Invitee.identifier(IdentifierKind.PHONE, "4915112345678")).build();
            Invitation e = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "4915112345678")).build();
            insert(a, b, c, d, e);

            assertMatches(everything(tenant).invitee(new EmailAddress("SAME@example.com")), a, b);
            assertMatches(everything(tenant).invitee(new Identifier(IdentifierKind.PHONE, "4915112345678")), d);
            assertMatches(everything(tenant).invitee(new EmailAddress("nobody@example.com")));
            assertMatches(everything(tenant).invitee(new EmailAddress("same@example.com"))
                    .target(Target.membership()), a);
            assertThat(store.count(everything(tenant).invitee(new EmailAddress("same@example.com")).build()))
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("the created range includes its start and excludes its end")
        void createdRange() {
            Instant end = T0.plusSeconds(3600);
            Invitation before = invitation("before@example.com").createdAt(T0.minusMillis(1)).build();
            Invitation atStart = invitation("start@example.com").createdAt(T0).build();
            Invitation lastInside = invitation("inside@example.com").createdAt(end.minusMillis(1)).build();
            Invitation atEnd = invitation("end@example.com").createdAt(end).build();
            insert(atEnd, lastInside, atStart, before);

            assertMatches(everything(tenant).createdBetween(T0, end), atStart, lastInside);
            assertMatches(everything(tenant).createdBetween(null, T0), before);
            assertMatches(everything(tenant).createdBetween(end, null), atEnd);
            assertMatches(everything(tenant).createdBetween(T0, T0));
        }

        @Test
        @DisplayName("count applies every filter and ignores the page")
        void countIgnoresThePage() {
            for (int n = 0; n < 12; n++) {
                insert(invitation("count" + n + "@example.com").createdAt(T0.plusSeconds(n))
                        .status(n % 3 == 0 ? InvitationStatus.ACCEPTED : InvitationStatus.PENDING).build());
            }

            assertThat(store.count(InvitationQuery.builder(tenant).page(0, 1).build())).isEqualTo(12);
            assertThat(store.count(InvitationQuery.builder(tenant).page(10, 5).build())).isEqualTo(12);
            assertThat(store.count(InvitationQuery.builder(tenant).page(50, 5).build())).isEqualTo(12);
            assertThat(store.count(InvitationQuery.builder(tenant).statuses(InvitationStatus.ACCEPTED).page(3, 1).build()))
                    .isEqualTo(4);
            assertThat(store.count(InvitationQuery.builder(tenant).createdBetween(T0, T0.plusSeconds(5)).build()))
                    .isEqualTo(5);
        }

        @Test
        @DisplayName("query and count agree with InvitationQuery.matches on random data and random filters")
        void randomQueriesAgreeWithTheReference() {
            long seed = new Random().nextLong();
            Random random = new Random(seed);
            List<Target> targets = List.of(Target.membership(), Target.resource("group", "g-1"),
                    Target.resource("event", "g-1"));
            List<String> inviters = List.of("user-ada", "user-grace", "user-alan");
            List<InvitationSource> sources = List.of(InvitationSource.individual(),
                    InvitationSource.bulk(BatchId.of("b-1")), InvitationSource.bulk(BatchId.of("b-2")),
                    InvitationSource.link(LinkId.of("l-1")), InvitationSource.directory("ldap"),
                    InvitationSource.directory(null));
            InvitationStatus[] statuses = InvitationStatus.values();
            List<Invitation> data = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                Instant createdAt = T0.plusSeconds(60L * random.nextInt(10));
                String inviter = pick(random, inviters);
                data.add(Fixtures.invitation(random.nextInt(5) == 0 ? otherTenant : tenant,
                                Invitee.email("person" + n + "@example.com"))
                        .status(statuses[random.nextInt(statuses.length)])
                        .target(pick(random, targets))
                        .source(pick(random, sources))
                        .invitedBy(inviter).inviterName(inviter)
                        .createdAt(createdAt).updatedAt(createdAt)
                        .expiresAt(random.nextInt(4) == 0 ? null : T0.plusSeconds(1800L * (random.nextInt(9) - 4)))
                        .build());
            }
            for (int from = 0; from < data.size(); from += 20) {
                insert(data.subList(from, from + 20));
            }

            for (int q = 0; q < 80; q++) {
                InvitationQuery.Builder builder = InvitationQuery.builder(random.nextInt(6) == 0 ? otherTenant : tenant);
                if (random.nextBoolean()) {
                    EnumSet<InvitationStatus> chosen = EnumSet.noneOf(InvitationStatus.class);
                    Arrays.stream(statuses).filter(s -> random.nextInt(3) == 0).forEach(chosen::add);
                    chosen.add(statuses[random.nextInt(statuses.length)]);
                    builder.statuses(chosen);
                }
                if (random.nextInt(3) == 0) {
                    builder.invitedBy(pick(random, inviters));
                }
                if (random.nextInt(3) == 0) {
                    builder.source(pick(random, sources));
                }
                if (random.nextInt(3) == 0) {
                    builder.target(pick(random, targets));
                }
                if (random.nextInt(3) == 0) {
                    builder.createdBetween(random.nextBoolean() ? null : T0.plusSeconds(60L * random.nextInt(10)),
                            random.nextBoolean() ? null : T0.plusSeconds(60L * random.nextInt(11)));
                }
                if (random.nextBoolean()) {
                    builder.asOf(T0.plusSeconds(900L * (random.nextInt(17) - 8)));
                }
                builder.page(random.nextInt(4) == 0 ? 0 : random.nextInt(30), 1 + random.nextInt(25));
                InvitationQuery query = builder.build();

                List<Invitation> matches = data.stream().filter(query::matches).sorted(CREATION_ORDER).toList();
                int from = Math.min(query.offset(), matches.size());
                int to = Math.min(from + query.limit(), matches.size());
                String context = "seed " + seed + ", " + query;
                Page<Invitation> page = store.query(query);
                assertThat(ids(page.items())).as(context).containsExactlyElementsOf(ids(matches.subList(from, to)));
                assertThat(page.hasMore()).as(context + ": hasMore").isEqualTo(to < matches.size());
                assertThat(page.offset()).as(context + ": offset").isEqualTo(query.offset());
                assertThat(store.count(query)).as(context + ": count").isEqualTo(matches.size());
            }
        }

        @Test
        @DisplayName("findByInvitee lists one invitee's invitations in a tenant over every target and status, "
                + "oldest first, whatever the email's case")
        void findByInviteeListsEveryInvitationOfOnePerson() {
            Invitation oldest = invitation("Multi@Example.com").status(InvitationStatus.ACCEPTED)
                    .createdAt(T0.minusSeconds(3 * 86_400)).build();
            Invitation newest = invitation("multi@example.com").target(Target.resource("group", "g-1"))
                    .createdAt(T0.minusSeconds(86_400)).build();
            Invitation middle = invitation("MULTI@example.com").createdAt(T0.minusSeconds(2 * 86_400)).build();
            Invitation someoneElse = pending("someone.else@example.com");
            Invitation sameTextAsIdentifier = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "multi@example.com")).build();
            Invitation otherTenants = Fixtures.pending(otherTenant, "multi@example.com");
            insert(newest, someoneElse, oldest);
            insert(middle, sameTextAsIdentifier);
            insert(otherTenants);

            assertThat(store.findByInvitee(tenant, EmailAddress.of("mULTI@example.COM")))
                    .containsExactly(oldest, middle, newest);
        }

        @Test
        @DisplayName("a query by contact type lists the invitations without email apart from those with one, "
                + "combined with the other filters")
        void contactTypeSeparatesEmailFromIdentifierInvitations() {
            Invitation byEmail = pending("with.email@example.com");
            Invitation byIdentifier = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042")).build();
            Invitation acceptedByIdentifier = Fixtures.invitation(tenant,
                    Invitee.identifier(IdentifierKind.PHONE, "+33612345678")).status(InvitationStatus.ACCEPTED)
                    .build();
            Invitation otherTenants = Fixtures.invitation(otherTenant,
                    Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1043")).build();
            insert(byEmail, byIdentifier, acceptedByIdentifier);
            insert(otherTenants);

            assertMatches(everything(tenant).contactType(ContactType.IDENTIFIER), byIdentifier,
                    acceptedByIdentifier);
            assertMatches(everything(tenant).contactType(ContactType.EMAIL), byEmail);
            assertMatches(everything(tenant).contactType(ContactType.IDENTIFIER)
                    .statuses(InvitationStatus.ACCEPTED), acceptedByIdentifier);
            assertMatches(everything(tenant).contactType(null), byEmail, byIdentifier, acceptedByIdentifier);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Due for a reminder")
    class DueForReminder {

        @Test
        @DisplayName("the next reminder time is stored, replaced and cleared like every field")
        void nextReminderRoundTrips() {
            Invitation v1 = invitation("remind@example.com").nextReminderAt(T0.plus(Duration.ofDays(2))).build();
            insert(v1);
            assertStoredAs(v1);
            Invitation v2 = nextVersion(v1).nextReminderAt(T0.plus(Duration.ofDays(5))).build();
            write(WriteBatch.builder().update(v2));
            assertStoredAs(v2);
            Invitation v3 = nextVersion(v2).nextReminderAt(null).build();
            write(WriteBatch.builder().update(v3));
            assertStoredAs(v3);
        }

        @Test
        @DisplayName("only pending, unexpired invitations whose reminder is at or before now are due, earliest "
                + "first, from every tenant, up to the limit")
        void onlyPendingAndDue() {
            Instant expiry = T0.plus(Duration.ofDays(7));
            Invitation early = invitation("early@example.com").expiresAt(expiry)
                    .nextReminderAt(T0.minusSeconds(3600)).build();
            Invitation now = invitation("now@example.com").expiresAt(expiry).nextReminderAt(T0).build();
            Invitation later = invitation("later@example.com").expiresAt(expiry)
                    .nextReminderAt(T0.plusMillis(1)).build();
            Invitation none = invitation("none@example.com").expiresAt(expiry).nextReminderAt(null).build();
            Invitation expired = invitation("lapsed@example.com").expiresAt(T0)
                    .nextReminderAt(T0.minusSeconds(60)).build();
            Invitation accepted = invitation("accepted@example.com").status(InvitationStatus.ACCEPTED)
                    .respondedAt(T0).expiresAt(expiry).nextReminderAt(T0.minusSeconds(60)).build();
            Invitation theirs = Fixtures.invitation(otherTenant, Invitee.email("t@example.com")).expiresAt(expiry)
                    .nextReminderAt(T0.minusSeconds(1800)).build();
            insert(early, now, later, none, expired, accepted);
            insert(theirs);

            assertThat(store.dueForReminder(T0, WIDE).stream().filter(InvitationStoreCompatibilityKit.this::isOwn).toList())
                    .containsExactly(early, theirs, now);
            assertThat(store.dueForReminder(T0, WIDE)).isSortedAccordingTo(
                    java.util.Comparator.comparing(Invitation::nextReminderAt));
            assertThat(store.dueForReminder(T0, 1)).hasSize(1);
        }

        @Test
        @DisplayName("of 32 threads queueing a reminder from the same snapshot exactly one writes it, 20 times over")
        void oneReminderPerStep() {
            try (Race race = new Race(RACERS)) {
                for (int round = 0; round < SHORT_ROUNDS; round++) {
                    Invitation v1 = invitation("race" + round + "@example.com")
                            .expiresAt(T0.plus(Duration.ofDays(7))).nextReminderAt(T0).build();
                    insert(v1);
                    Race.Outcomes outcomes = race.run(n -> () -> {
                        Invitation next = nextVersion(v1).nextReminderAt(T0.plus(Duration.ofDays(3)))
                                .delivery(v1.delivery().queued(T0)).build();
                        write(WriteBatch.builder().update(next)
                                .enqueue(OutboxMessage.queue(tenant, v1.id(), OutboxMessage.Kind.REMINDER,
                                        next.delivery().sendCount(), T0))
                                .append(historyEntry(next, Action.REMIND, InvitationStatus.PENDING, "racer-" + n)));
                    });
                    String context = "round " + round;
                    assertThat(outcomes.otherThan(StaleVersionException.class)).as(context).isEmpty();
                    assertThat(outcomes.succeeded()).as(context).isEqualTo(1);
                    assertThat(store.outbox(tenant, v1.id())).as(context)
                            .filteredOn(m -> m.kind() == OutboxMessage.Kind.REMINDER).hasSize(1);
                    assertThat(store.history(tenant, v1.id())).as(context).hasSize(1);
                    assertThat(store.dueForReminder(T0, WIDE)).as(context).noneMatch(i -> i.id().equals(v1.id()));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Due for expiry")
    class DueForExpiry {

        @Test
        @DisplayName("only pending invitations whose expiry is at or before now are due")
        void onlyPendingAtOrPastExpiry() {
            Invitation lapsed = invitation("lapsed@example.com").expiresAt(T0.minusSeconds(3600)).build();
            Invitation expiringNow = invitation("now@example.com").expiresAt(T0).build();
            Invitation notYet = invitation("notyet@example.com").expiresAt(T0.plusMillis(1)).build();
            Invitation neverExpires = invitation("never@example.com").expiresAt(null).build();
            Invitation provisioned = invitation("provisioned@example.com").status(InvitationStatus.PROVISIONED)
                    .expiresAt(T0.minusSeconds(3600)).build();
            Invitation awaiting = invitation("awaiting@example.com").status(InvitationStatus.AWAITING_APPROVAL)
                    .expiresAt(T0.minusSeconds(3600)).build();
            Invitation expired = invitation("expired@example.com").status(InvitationStatus.EXPIRED)
                    .expiresAt(T0.minusSeconds(3600)).build();
            Invitation revoked = invitation("revoked@example.com").status(InvitationStatus.REVOKED)
                    .expiresAt(T0.minusSeconds(7200)).build();
            insert(lapsed, expiringNow, notYet, neverExpires, provisioned, awaiting, expired, revoked);

            assertThat(dueOwn(T0)).containsExactly(lapsed, expiringNow);
            assertThat(dueOwn(T0.minusMillis(1))).containsExactly(lapsed);
            assertThat(dueOwn(T0.minusSeconds(7200))).isEmpty();
        }

        @Test
        @DisplayName("due invitations come earliest expiry first, from every tenant, and no more than the limit")
        void earliestFirstAcrossTenantsUpToTheLimit() {
            Invitation mineFirst = invitation("m1@example.com").expiresAt(T0.minusSeconds(3 * 3600)).build();
            Invitation mineLater = invitation("m2@example.com").expiresAt(T0.minusSeconds(3600)).build();
            Invitation theirsFirst = Fixtures.invitation(otherTenant, Invitee.email("t1@example.com"))
                    .expiresAt(T0.minusSeconds(2 * 3600)).build();
            Invitation theirsLater = Fixtures.invitation(otherTenant, Invitee.email("t2@example.com"))
                    .expiresAt(T0.minusSeconds(1800)).build();
            insert(mineLater, mineFirst);
            insert(theirsLater, theirsFirst);

            assertThat(dueOwn(T0)).containsExactly(mineFirst, theirsFirst, mineLater, theirsLater);
            List<Invitation> all = store.dueForExpiry(T0, WIDE);
            assertThat(all).isSortedAccordingTo(Comparator.comparing(Invitation::expiresAt))
                    .allSatisfy(i -> {
                        assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
                        assertThat(i.expiresAt()).isBeforeOrEqualTo(T0);
                    });
            List<Invitation> firstTwo = store.dueForExpiry(T0, 2);
            assertThat(firstTwo).extracting(Invitation::expiresAt)
                    .containsExactlyElementsOf(all.subList(0, 2).stream().map(Invitation::expiresAt).toList());
            assertThat(store.dueForExpiry(T0, 1)).hasSize(1);
        }

        @Test
        @DisplayName("an invitation stored as expired is no longer due")
        void sweptInvitationIsNoLongerDue() {
            Invitation lapsed = invitation("swept@example.com").expiresAt(T0.minusSeconds(60)).build();
            insert(lapsed);
            assertThat(dueOwn(T0)).containsExactly(lapsed);

            Invitation swept = nextVersion(lapsed).status(InvitationStatus.EXPIRED).build();
            write(WriteBatch.builder().update(swept).append(historyEntry(swept, Action.EXPIRE,
                    InvitationStatus.PENDING, null)));

            assertThat(dueOwn(T0)).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("The outbox")
    class Outbox {

        @Test
        @DisplayName("a claim with a limit below 1 or a lease that is not positive is refused with INVALID_REQUEST "
                + "naming the value")
        void claimArgumentsAreCheckedWithATypedError() {
            assertThatExceptionOfType(InvitationException.class).isThrownBy(() -> store.claimOutbox(T0, 0, LEASE))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                    .withMessageContaining("limit");
            assertThatExceptionOfType(InvitationException.class)
                    .isThrownBy(() -> store.claimOutbox(T0, 1, Duration.ZERO))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                    .withMessageContaining("lease");
            assertThatExceptionOfType(InvitationException.class)
                    .isThrownBy(() -> store.claimOutbox(tenant, List.of("m-1"), T0, Duration.ofSeconds(-1)))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                    .withMessageContaining("lease");
        }

        @Test
        @DisplayName("messages are stored with their invitation and read back in send order")
        void messagesAreStoredWithTheirInvitation() {
            Invitation v1 = invitation("mail@example.com").delivery(DeliveryState.none().queued(T0)).build();
            OutboxMessage first = message(v1, 1);
            write(WriteBatch.builder().insert(v1).append(created(v1)).enqueue(first));
            Invitation v2 = nextVersion(v1).resendCount(1).delivery(v1.delivery().queued(T0.plusSeconds(1))).build();
            OutboxMessage second = message(v2, 2);
            write(WriteBatch.builder().update(v2).append(historyEntry(v2, Action.RESEND, InvitationStatus.PENDING,
                    null)).enqueue(second));

            assertThat(store.outbox(tenant, v1.id())).containsExactly(first, second);
            assertStoredAs(v2);
        }

        @Test
        @DisplayName("a claim takes only due pending messages, earliest first, each with one more attempt and "
                + "hidden until now plus the lease")
        void claimTakesDueMessagesEarliestFirst() {
            Invitation early = invitation("early@example.com").build();
            Invitation onTime = invitation("ontime@example.com").build();
            Invitation later = invitation("later@example.com").build();
            OutboxMessage laterMessage = message(later, 1, T0.plusSeconds(60));
            write(WriteBatch.builder().insert(early).insert(onTime).insert(later)
                    .enqueue(message(onTime, 1, T0)).enqueue(laterMessage)
                    .enqueue(message(early, 1, T0.minusSeconds(600))));

            List<OutboxMessage> claimed = claimOwn(T0);

            assertThat(claimed).extracting(OutboxMessage::invitationId).containsExactly(early.id(), onTime.id());
            for (OutboxMessage m : claimed) {
                OutboxMessage queued = m.invitationId().equals(early.id()) ? message(early, 1, T0.minusSeconds(600))
                        : message(onTime, 1, T0);
                assertThat(m).usingRecursiveComparison().ignoringFields("attempts", "nextAttemptAt", "updatedAt")
                        .isEqualTo(queued);
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.nextAttemptAt()).isEqualTo(T0.plus(LEASE));
                assertThat(store.outbox(tenant, m.invitationId())).containsExactly(m);
            }
            assertThat(store.outbox(tenant, later.id())).containsExactly(laterMessage);
        }

        @Test
        @DisplayName("a claimed message stays hidden for its lease and can be claimed again once the lease ends")
        void claimIsHiddenForTheLease() {
            Invitation i = pending("lease@example.com");
            write(WriteBatch.builder().insert(i).enqueue(message(i, 1)));

            assertThat(claimOwn(T0)).extracting(OutboxMessage::attempts).containsExactly(1);
            assertThat(claimOwn(T0)).isEmpty();
            assertThat(claimOwn(T0.plus(LEASE).minusMillis(1))).isEmpty();
            List<OutboxMessage> again = claimOwn(T0.plus(LEASE));

            assertThat(again).extracting(OutboxMessage::attempts).containsExactly(2);
            assertThat(again).extracting(OutboxMessage::nextAttemptAt).containsExactly(T0.plus(LEASE).plus(LEASE));
        }

        @Test
        @DisplayName("a claim returns no more messages than its limit and leaves the rest for the next claim")
        void claimHonoursTheLimit() {
            List<Invitation> three = List.of(pending("l1@example.com"), pending("l2@example.com"),
                    pending("l3@example.com"));
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int n = 0; n < three.size(); n++) {
                batch.insert(three.get(n)).enqueue(message(three.get(n), 1, T0.minusSeconds(60L * (3 - n))));
            }
            write(batch);

            List<OutboxMessage> firstClaim = store.claimOutbox(T0, 2, LEASE);
            List<OutboxMessage> rest = claimOwn(T0);

            assertThat(firstClaim).hasSize(2);
            List<InvitationId> claimedIds = new ArrayList<>(rest.stream().map(OutboxMessage::invitationId).toList());
            firstClaim.stream().filter(m -> m.tenantId().equals(tenant)).forEach(m -> claimedIds.add(m.invitationId()));
            assertThat(claimedIds).containsExactlyInAnyOrderElementsOf(three.stream().map(Invitation::id).toList());
        }

        @Test
        @DisplayName("an outcome recorded for the latest claim is stored: delivered, retried later, or failed")
        void outcomesAreStored() {
            Invitation a = pending("delivered@example.com");
            Invitation b = pending("retried@example.com");
            Invitation c = pending("failed@example.com");
            write(WriteBatch.builder().insert(a).insert(b).insert(c)
                    .enqueue(message(a, 1)).enqueue(message(b, 1)).enqueue(message(c, 1)));
            List<OutboxMessage> claimed = claimOwn(T0);
            assertThat(claimed).hasSize(3);
            Instant done = T0.plusSeconds(1);
            Instant retryAt = T0.plusSeconds(600);
            OutboxMessage delivered = claimedFor(claimed, a).delivered(done);
            OutboxMessage retried = claimedFor(claimed, b).retryAt(retryAt, "421 try again later", done);
            OutboxMessage failed = claimedFor(claimed, c).failed("550 no such user", done);

            write(WriteBatch.builder().outboxOutcome(delivered).outboxOutcome(retried).outboxOutcome(failed)
                    .update(nextVersion(a).delivery(a.delivery().queued(T0).delivered(done)).build()));

            assertThat(store.outbox(tenant, a.id())).containsExactly(delivered);
            assertThat(store.outbox(tenant, b.id())).containsExactly(retried);
            assertThat(store.outbox(tenant, c.id())).containsExactly(failed);
            assertThat(claimOwn(retryAt.minusMillis(1))).isEmpty();
            assertThat(claimOwn(retryAt)).extracting(OutboxMessage::invitationId, OutboxMessage::attempts)
                    .containsExactly(tuple(b.id(), 2));
        }

        @Test
        @DisplayName("an outcome from a stale claim, or for a message never queued, is refused with "
                + "StaleVersionException and changes nothing")
        void staleOutcomesAreRefused() {
            Invitation i = pending("stale.claim@example.com");
            write(WriteBatch.builder().insert(i).enqueue(message(i, 1)));
            OutboxMessage firstClaim = claimOwn(T0).get(0);
            OutboxMessage secondClaim = claimOwn(T0.plus(LEASE)).get(0);
            Invitation bystander = pending("bystander@example.com");

            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .outboxOutcome(firstClaim.delivered(T0.plusSeconds(1))).insert(bystander)));
            Invitation ghost = pending("ghost@example.com");
            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .outboxOutcome(message(ghost, 1).delivered(T0))));

            assertThat(store.outbox(tenant, i.id())).containsExactly(secondClaim);
            assertNothingStored(bystander, ghost);
        }

        @Test
        @DisplayName("the attempt record written before the mailer is called (same attempts, a renewed lease, "
                + "an in-doubt note) is stored for the latest claim, hides the message for a lease from then, "
                + "and the claim's outcome still lands")
        void attemptRecordRenewsTheLease() {
            Invitation i = pending("attempt@example.com");
            write(WriteBatch.builder().insert(i).enqueue(message(i, 1)));
            OutboxMessage claimed = claimOwn(T0).get(0);
            Instant started = T0.plusSeconds(90);
            OutboxMessage attempt = claimed.retryAt(started.plus(LEASE), "in doubt: attempt 1 started", started);

            write(WriteBatch.builder().outboxOutcome(attempt));

            assertThat(store.outbox(tenant, i.id())).containsExactly(attempt);
            assertThat(claimOwn(T0.plus(LEASE))).isEmpty();
            OutboxMessage delivered = attempt.delivered(started.plusSeconds(1));
            write(WriteBatch.builder().outboxOutcome(delivered));
            assertThat(store.outbox(tenant, i.id())).containsExactly(delivered);
        }

        @Test
        @DisplayName("a stopped worker's claims, in doubt or not yet started, are claimed again once their "
                + "lease ends, keeping the in-doubt note, and the stopped claim can no longer record anything")
        void stoppedWorkersClaimsAreTakenOverWithinOneLease() {
            Invitation started = pending("in.doubt@example.com");
            Invitation waiting = pending("not.started@example.com");
            write(WriteBatch.builder().insert(started).insert(waiting)
                    .enqueue(message(started, 1)).enqueue(message(waiting, 1)));
            List<OutboxMessage> claimed = claimOwn(T0);
            OutboxMessage attempt = claimedFor(claimed, started).retryAt(T0.plus(LEASE), "in doubt: attempt 1", T0);
            write(WriteBatch.builder().outboxOutcome(attempt));

            List<OutboxMessage> takenOver = claimOwn(T0.plus(LEASE));

            assertThat(takenOver).extracting(OutboxMessage::invitationId, OutboxMessage::attempts,
                    OutboxMessage::lastError).containsExactlyInAnyOrder(tuple(started.id(), 2, "in doubt: attempt 1"),
                    tuple(waiting.id(), 2, null));
            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .outboxOutcome(attempt.delivered(T0.plus(LEASE)))));
            assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .outboxOutcome(claimedFor(claimed, waiting).retryAt(T0.plus(LEASE).plus(LEASE), "in doubt", T0))));
            assertThat(store.outbox(tenant, waiting.id())).containsExactly(claimedFor(takenOver, waiting));
        }

        @Test
        @DisplayName("a claim by id takes only the named due messages of its tenant, each with one more attempt; "
                + "held, settled, not yet due, foreign and unknown ones are left out")
        void claimByIdTakesOnlyTheNamedMessages() {
            Invitation wanted = pending("wanted@example.com");
            Invitation alsoDue = pending("also.due@example.com");
            Invitation held = pending("held@example.com");
            Invitation settled = pending("settled@example.com");
            Invitation notDue = pending("not.due@example.com");
            Invitation foreign = Fixtures.pending(otherTenant, "foreign@example.com");
            write(WriteBatch.builder().insert(wanted).insert(alsoDue).insert(held).insert(settled).insert(notDue)
                    .insert(foreign).enqueue(message(wanted, 1)).enqueue(message(alsoDue, 1))
                    .enqueue(message(held, 1)).enqueue(message(settled, 1))
                    .enqueue(message(notDue, 1, T0.plusSeconds(60))).enqueue(message(foreign, 1)));
            OutboxMessage heldClaim = claimById(tenant, List.of(message(held, 1).id()), T0).get(0);
            OutboxMessage settledClaim = claimById(tenant, List.of(message(settled, 1).id()), T0).get(0);
            write(WriteBatch.builder().outboxOutcome(settledClaim.delivered(T0)));

            List<OutboxMessage> claimed = claimById(tenant, List.of(message(wanted, 1).id(), heldClaim.id(),
                    settledClaim.id(), message(notDue, 1).id(), message(foreign, 1).id(), "no-such-message#1"), T0);

            assertThat(claimed).extracting(OutboxMessage::invitationId, OutboxMessage::attempts,
                    OutboxMessage::nextAttemptAt).containsExactly(tuple(wanted.id(), 1, T0.plus(LEASE)));
            assertThat(store.outbox(tenant, wanted.id())).containsExactlyElementsOf(claimed);
            assertThat(store.outbox(tenant, held.id())).containsExactly(heldClaim);
            assertThat(store.outbox(otherTenant, foreign.id())).containsExactly(message(foreign, 1));
            assertThat(claimOwn(T0)).extracting(OutboxMessage::invitationId)
                    .containsExactlyInAnyOrder(alsoDue.id(), foreign.id());
        }

        @Test
        @DisplayName("delivered and failed messages are never claimed again")
        void finalMessagesAreNeverClaimedAgain() {
            Invitation a = pending("final1@example.com");
            Invitation b = pending("final2@example.com");
            write(WriteBatch.builder().insert(a).insert(b).enqueue(message(a, 1)).enqueue(message(b, 1)));
            List<OutboxMessage> claimed = claimOwn(T0);
            write(WriteBatch.builder().outboxOutcome(claimedFor(claimed, a).delivered(T0))
                    .outboxOutcome(claimedFor(claimed, b).failed("bounced", T0)));

            assertThat(claimOwn(T0.plus(Duration.ofDays(365)))).isEmpty();
            assertThat(store.outbox(tenant, a.id())).extracting(OutboxMessage::status)
                    .containsExactly(OutboxMessage.Status.DELIVERED);
            assertThat(store.outbox(tenant, b.id())).extracting(OutboxMessage::status)
                    .containsExactly(OutboxMessage.Status.FAILED);
        }

        @Test
        @DisplayName("a message id is never reused, neither across batches nor within one: StorageException")
        void messageIdsAreNeverReused() {
            Invitation i = pending("once@example.com");
            OutboxMessage first = message(i, 1);
            write(WriteBatch.builder().insert(i).enqueue(first));
            OutboxMessage sameId = OutboxMessage.queue(tenant, i.id(), OutboxMessage.Kind.REINVITE, 1, T0);
            Invitation fresh = pending("fresh@example.com");

            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().enqueue(sameId)));
            assertThatExceptionOfType(StorageException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(fresh).enqueue(message(fresh, 1)).enqueue(message(fresh, 1))));

            assertThat(store.outbox(tenant, i.id())).containsExactly(first);
            assertNothingStored(fresh);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Delivery feedback on outbox messages")
    class Feedback {

        private OutboxMessage sent(Invitation invitation, String providerId) {
            write(WriteBatch.builder().insert(invitation).enqueue(message(invitation, 1)));
            OutboxMessage claimed = claimedFor(claimOwn(T0), invitation);
            OutboxMessage sent = claimed.sent(T0.plusSeconds(1), providerId);
            write(WriteBatch.builder().outboxOutcome(sent));
            return sent;
        }

        @Test
        @DisplayName("a sent message keeps the provider's id and its sending time, and is found by that id or its "
                + "own id from any tenant; an unknown reference finds nothing")
        void sentMessagesAreFoundByReference() {
            Invitation a = pending("feedback-found@example.com");
            String providerId = "<" + UUID.randomUUID() + "@mail.example.com>";
            OutboxMessage sent = sent(a, providerId);

            assertThat(store.outbox(tenant, a.id())).containsExactly(sent);
            assertThat(sent.providerMessageId()).isEqualTo(providerId);
            assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(store.findOutboxMessage(providerId)).contains(sent);
            assertThat(store.findOutboxMessage(sent.id())).contains(sent);
            assertThat(store.findOutboxMessage("<" + UUID.randomUUID() + "@mail.example.com>")).isEmpty();
        }

        @Test
        @DisplayName("feedback records each step with its instant (first delivery, hard bounce and complaint count; "
                + "the latest soft bounce) and leaves status, attempts and lease as they were")
        void feedbackStepsAreRecorded() {
            Invitation a = pending("feedback-steps@example.com");
            OutboxMessage sent = sent(a, null);
            Instant t1 = T0.plusSeconds(10);
            Instant t2 = T0.plusSeconds(20);
            Instant t3 = T0.plusSeconds(30);

            write(WriteBatch.builder()
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.DELIVERED, t1, null))
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.SOFT_BOUNCED, t1, "452")));
            write(WriteBatch.builder()
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.DELIVERED, t2, null))
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.SOFT_BOUNCED, t2, "421")));
            write(WriteBatch.builder()
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.HARD_BOUNCED, t2,
                            "550 5.1.1 user unknown")));
            write(WriteBatch.builder()
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.HARD_BOUNCED, t3, "x"))
                    .feedback(new OutboxFeedback(tenant, sent.id(), OutboxMessage.DeliveryStep.COMPLAINED, t3,
                            "abuse")));

            OutboxMessage stored = store.outbox(tenant, a.id()).get(0);
            assertThat(stored.deliveredAt()).isEqualTo(t1);
            assertThat(stored.softBouncedAt()).isEqualTo(t2);
            assertThat(stored.hardBouncedAt()).isEqualTo(t2);
            assertThat(stored.complainedAt()).isEqualTo(t3);
            assertThat(stored.feedbackDetail()).isEqualTo("abuse");
            assertThat(stored.status()).isEqualTo(OutboxMessage.Status.DELIVERED);
            assertThat(stored.attempts()).isEqualTo(sent.attempts());
            assertThat(stored.nextAttemptAt()).isEqualTo(sent.nextAttemptAt());
            assertThat(stored.providerMessageId()).isNull();
            assertThat(stored.timeline()).extracting(OutboxMessage.StepAt::step).containsExactly(
                    OutboxMessage.DeliveryStep.QUEUED, OutboxMessage.DeliveryStep.SENT,
                    OutboxMessage.DeliveryStep.DELIVERED, OutboxMessage.DeliveryStep.SOFT_BOUNCED,
                    OutboxMessage.DeliveryStep.HARD_BOUNCED, OutboxMessage.DeliveryStep.COMPLAINED);
        }

        @Test
        @DisplayName("feedback naming a message unknown in its tenant fails the whole batch with StorageException")
        void feedbackForAnUnknownMessageFailsTheBatch() {
            Invitation a = pending("feedback-unknown@example.com");
            OutboxMessage sent = sent(a, null);
            Invitation b = pending("feedback-other@example.com");
            HistoryEntry entry = historyEntry(a, Action.BOUNCE, InvitationStatus.PENDING, "bounced");

            assertThatExceptionOfType(StorageException.class).isThrownBy(() -> write(WriteBatch.builder().insert(b)
                    .append(entry).feedback(new OutboxFeedback(otherTenant, sent.id(),
                            OutboxMessage.DeliveryStep.HARD_BOUNCED, T0, null))));
            assertThat(store.find(tenant, b.id())).isEmpty();
            assertThat(store.history(tenant, a.id())).isEmpty();
            assertThat(store.outbox(tenant, a.id())).containsExactly(sent);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Conversion funnel facts")
    class Funnel {

        @Test
        @DisplayName("funnel lists the tenant's invitations sent in [from, until) with delivery, bounce, first open "
                + "and acceptance, and nothing of other tenants or unsent invitations")
        void funnelFacts() {
            Instant from = T0;
            Instant until = T0.plus(Duration.ofDays(1));
            Invitation delivered = invitation("funnel-delivered@example.com").invitedAt(T0)
                    .delivery(new DeliveryState(DeliveryState.Status.DELIVERED, 1, T0, T0.plusSeconds(5), null))
                    .build();
            Invitation bounced = invitation("funnel-bounced@example.com").invitedAt(T0.plusSeconds(1))
                    .source(InvitationSource.bulk(BatchId.of("funnel-batch")))
                    .delivery(new DeliveryState(DeliveryState.Status.BOUNCED, 1, T0, T0.plusSeconds(5), "550"))
                    .build();
            Invitation accepted = invitation("funnel-accepted@example.com").invitedAt(T0.plusSeconds(2))
                    .status(InvitationStatus.ACCEPTED).respondedAt(T0.plus(Duration.ofHours(3)))
                    .accountId("account-funnel").build();
            Invitation phone = Fixtures.invitation(tenant, Invitee.identifier(IdentifierKind.PHONE, "+15550100"))
                    .invitedAt(T0.plusSeconds(3)).build();
            Invitation unsent = invitation("funnel-unsent@example.com").status(InvitationStatus.PROVISIONED)
                    .invitedAt(null).expiresAt(null).build();
            Invitation tooLate = invitation("funnel-late@example.com").invitedAt(until).build();
            Invitation elsewhere = Fixtures.invitation(otherTenant, Invitee.email("funnel-elsewhere@example.com"))
                    .invitedAt(T0).build();
            write(WriteBatch.builder().insert(delivered).insert(bounced).insert(accepted).insert(phone).insert(unsent)
                    .insert(tooLate).insert(elsewhere)
                    .append(historyEntry(delivered, Action.OPEN, InvitationStatus.PENDING, null))
                    .append(HistoryEntry.builder().tenantId(tenant).invitationId(delivered.id())
                            .at(T0.plusSeconds(90)).actor("invitee").action(Action.OPEN)
                            .from(InvitationStatus.PENDING).to(InvitationStatus.PENDING).build()));

            Map<InvitationId, FunnelEntry> facts = new java.util.HashMap<>();
            store.funnel(tenant, from, until).forEach(e -> facts.put(e.invitationId(), e));

            assertThat(facts.keySet()).containsExactlyInAnyOrder(delivered.id(), bounced.id(), accepted.id(),
                    phone.id());
            FunnelEntry d = facts.get(delivered.id());
            assertThat(d.invitedBy()).isEqualTo(Fixtures.INVITER.userId());
            assertThat(d.emailInvitee()).isTrue();
            assertThat(d.deliveredAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(d.bounced()).isFalse();
            assertThat(d.openedAt()).as("the first open").isEqualTo(delivered.updatedAt());
            assertThat(d.acceptedAt()).isNull();
            assertThat(facts.get(bounced.id()).bounced()).isTrue();
            assertThat(facts.get(bounced.id()).source()).isEqualTo(InvitationSource.bulk(BatchId.of("funnel-batch")));
            assertThat(facts.get(accepted.id()).acceptedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
            assertThat(facts.get(accepted.id()).invitedAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(facts.get(phone.id()).emailInvitee()).isFalse();
            assertThat(facts.get(phone.id()).openedAt()).isNull();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Append-only history")
    class History {

        @Test
        @DisplayName("history reads back in the order appended, across batches, each invitation its own, "
                + "and earlier entries never change")
        void historyIsAppendOnlyInOrder() {
            Invitation v1 = invitation("history@example.com").status(InvitationStatus.PROVISIONED)
                    .invitedAt(null).expiresAt(null).build();
            Invitation neighbour = pending("neighbour@example.com");
            HistoryEntry provisioned = historyEntry(v1, Action.PROVISION, null, "bulk import row 4");
            HistoryEntry neighbourCreated = created(neighbour);
            write(WriteBatch.builder().insert(v1).insert(neighbour).append(provisioned).append(neighbourCreated));

            Invitation v2 = nextVersion(v1).status(InvitationStatus.PENDING).invitedAt(T0.plusSeconds(1))
                    .expiresAt(T0.plus(Fixtures.VALIDITY)).build();
            HistoryEntry invited = historyEntry(v2, Action.INVITE, InvitationStatus.PROVISIONED, null);
            HistoryEntry note = HistoryEntry.builder()
                    .tenantId(tenant)
                    .invitationId(v1.id())
                    .at(v2.updatedAt())
                    .actor("system:directory-sync")
                    .action(Action.INVITE)
                    .from(InvitationStatus.PROVISIONED)
                    .to(InvitationStatus.PENDING)
                    .reason("même instant — ✓")
                    .build();
            write(WriteBatch.builder().update(v2).append(invited).append(note));

            Invitation v3 = nextVersion(v2).status(InvitationStatus.REVOKED).build();
            // appended last although it says it happened first: order is the order of appending
            HistoryEntry revokedEarlier = HistoryEntry.builder()
                    .tenantId(tenant)
                    .invitationId(v1.id())
                    .at(T0.minusSeconds(3600))
                    .actor("user-grace")
                    .action(Action.REVOKE)
                    .from(InvitationStatus.PENDING)
                    .to(InvitationStatus.REVOKED)
                    .reason("left the company")
                    .build();
            write(WriteBatch.builder().update(v3).append(revokedEarlier)
                    .append(historyEntry(neighbour, Action.RESEND, InvitationStatus.PENDING, null)));

            assertThat(store.history(tenant, v1.id())).containsExactly(provisioned, invited, note, revokedEarlier);
            assertThat(store.history(tenant, neighbour.id())).containsExactly(neighbourCreated,
                    historyEntry(neighbour, Action.RESEND, InvitationStatus.PENDING, null));
        }

        @Test
        @DisplayName("the address an acceptance came from reads back on its history entries as written; an "
                + "acceptance held for another address and rejected leaves the invitation open for the person invited")
        void acceptingAddressIsKeptAndAMismatchLeavesTheInvitationOpen() {
            Invitation v1 = pending("held@example.com");
            write(WriteBatch.builder().insert(v1).append(created(v1)));
            EmailAddress other = EmailAddress.of("Other.Person@partner.example");
            Invitation v2 = nextVersion(v1).status(InvitationStatus.AWAITING_APPROVAL).accountId("acct-other")
                    .respondedAt(T0.plusSeconds(5)).build();
            HistoryEntry held = historyEntry(v2, Action.ACCEPT, InvitationStatus.PENDING, "held for approval")
                    .toBuilder().actor("acct-other").acceptingAddress(other).build();
            write(WriteBatch.builder().update(v2).append(held));
            Invitation v3 = nextVersion(v2).status(InvitationStatus.PENDING).accountId(null).respondedAt(null).build();
            HistoryEntry rejected = historyEntry(v3, Action.REJECT, InvitationStatus.AWAITING_APPROVAL, null)
                    .toBuilder().acceptingAddress(other).build();
            write(WriteBatch.builder().update(v3).append(rejected));

            List<HistoryEntry> history = store.history(tenant, v1.id());
            assertThat(history).containsExactly(created(v1), held, rejected);
            assertThat(history.get(0).acceptingAddress()).isNull();
            assertThat(history.get(1).acceptingAddress().value()).as("kept as written, case included")
                    .isEqualTo("Other.Person@partner.example");
            assertStoredAs(v3);
            assertThat(store.findOpen(tenant, Target.membership(), EmailAddress.of("held@example.com"))).contains(v3);
            Invitation second = pending("held@example.com");
            assertThatExceptionOfType(DuplicateInvitationException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().insert(second).append(created(second))));
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Erasure leaves nothing personal")
    class Erasing {
        private static final String EMAIL = "Zoë.Müller@Example.org";
        private static final String ACCEPTED_AS = "zoe.private@mail.example";
        private final List<String> personal = List.of(EMAIL, "Zoë", "Müller", "Zoë M.", "Bienvenue", ACCEPTED_AS);

        /** Writes a declined invitation whose history, outbox error and feedback all mention the person. */
        private Invitation personWithTraces(TenantId t) {
            // the fixture's grant metadata names Zoë too; metadata is the host's, not erased: use a plain grant
            Invitation v1 = Fixtures.fullyPopulated(t).toBuilder().status(InvitationStatus.PENDING)
                    .grant(Fixtures.pending(t, "plain@example.com").grant())
                    .delivery(DeliveryState.none().queued(T0)).respondedAt(null).build();
            store.write(WriteBatch.builder().insert(v1).append(created(v1)).enqueue(message(v1, 1)).build());
            Instant due = v1.updatedAt();
            List<OutboxMessage> claimed = store.claimOutbox(t, List.of(message(v1, 1).id()), due, LEASE);
            assertThat(claimed).as("the message is claimed").hasSize(1);
            OutboxMessage failed = claimed.get(0).failed("550 " + EMAIL + " unknown (Zoë Müller)", due);
            Invitation v2 = nextVersion(v1).status(InvitationStatus.DECLINED)
                    .delivery(v1.delivery().failed("550 " + EMAIL.toLowerCase(Locale.ROOT) + " unknown")).build();
            store.write(WriteBatch.builder().outboxOutcome(failed).update(v2)
                    .append(historyEntry(v2, Action.DECLINE, InvitationStatus.PENDING,
                            "ZOË MÜLLER said no; wrote 'Bienvenue, Zoë !\nÀ bientôt — 欢迎' back")
                            .toBuilder().acceptingAddress(EmailAddress.of(ACCEPTED_AS)).build())
                    .feedback(new OutboxFeedback(t, failed.id(), OutboxMessage.DeliveryStep.HARD_BOUNCED,
                            due.plusSeconds(5), "mailbox of Zoë M. <" + EMAIL + "> is full"))
                    .build());
            return stored(v2);
        }

        private Erasure erasureOf(Invitation i, String hash) {
            Invitation current = stored(i);
            return new Erasure(i.tenantId(), i.id(), Erasure.tombstone(hash),
                    historyEntry(current, Action.ERASE, current.status(), "erasure requested").toBuilder()
                            .at(current.updatedAt().plusSeconds(60)).actor("admin-1").build());
        }

        private boolean erase(Erasure erasure) {
            try {
                return store.erase(erasure);
            } catch (UnsupportedOperationException e) {
                Assumptions.abort("the store cannot erase (InvitationStore#erase is not implemented)");
                throw e;
            }
        }

        /** Every text the store gives back about an invitation, through every read. */
        private String allTextOf(Invitation i) {
            StringBuilder all = new StringBuilder();
            store.find(i.tenantId(), i.id()).ifPresent(found -> describe(found, all));
            store.query(InvitationStoreCompatibilityKit.everything(i.tenantId()).build()).items().forEach(found -> describe(found, all));
            for (HistoryEntry e : store.history(i.tenantId(), i.id())) {
                all.append(e).append('|').append(e.actor()).append('|').append(e.reason()).append('|')
                        .append(e.acceptingAddress()).append('\n');
            }
            for (OutboxMessage m : store.outbox(i.tenantId(), i.id())) {
                all.append(m).append('|').append(m.lastError()).append('|').append(m.feedbackDetail()).append('|')
                        .append(m.providerMessageId()).append('\n');
            }
            return all.toString().toLowerCase(Locale.ROOT);
        }

        private void describe(Invitation i, StringBuilder all) {
            all.append(i).append('|').append(i.invitee()).append('|').append(i.personalMessage()).append('|')
                    .append(i.delivery()).append('|').append(i.inviteeKey()).append('|').append(i.grant())
                    .append('\n');
        }

        @Test
        @DisplayName("after erase no read returns the contact, a name or the message, in any field; the tombstone "
                + "finds the invitation and everything else stays")
        void nothingPersonalSurvives() {
            Invitation before = personWithTraces(tenant);
            Invitation neighbour = Fixtures.fullyPopulated(otherTenant);
            insert(neighbour);
            assertThat(allTextOf(before)).as("the fixture leaves traces to erase").contains("zoë", "müller");

            assertThat(erase(erasureOf(before, "k1:hash-of-zoe"))).isTrue();

            String left = allTextOf(before);
            for (String text : personal) {
                assertThat(left).as("nothing of '%s' survives erasure", text)
                        .doesNotContain(text.toLowerCase(Locale.ROOT));
            }
            Invitation after = stored(before);
            assertThat(after.invitee()).isEqualTo(new Invitee(Erasure.tombstone("k1:hash-of-zoe"), null, null, null));
            assertThat(after.personalMessage()).isNull();
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.grant()).isEqualTo(before.grant());
            assertThat(after.invitedBy()).isEqualTo(before.invitedBy());
            assertThat(store.findByInvitee(tenant, EmailAddress.of(EMAIL))).isEmpty();
            assertThat(store.findByInvitee(tenant, Erasure.tombstone("k1:hash-of-zoe"))).extracting(Invitation::id)
                    .containsExactly(before.id());
            List<HistoryEntry> history = store.history(tenant, before.id());
            assertThat(history).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.DECLINE, Action.ERASE);
            assertThat(history.get(1).reason()).as("what is not personal stays").contains("said no", Erasure.MARK);
            assertThat(store.outbox(tenant, before.id())).singleElement()
                    .satisfies(m -> assertThat(m.lastError()).contains("550", Erasure.MARK));
            assertStoredAs(neighbour);
        }

        @Test
        @DisplayName("erasing again changes nothing and answers false")
        void idempotent() {
            Invitation before = personWithTraces(tenant);
            assertThat(erase(erasureOf(before, "k1:once"))).isTrue();
            Invitation once = stored(before);
            List<HistoryEntry> history = store.history(tenant, before.id());

            assertThat(erase(erasureOf(before, "k1:once"))).isFalse();

            assertStoredAs(once);
            assertThat(store.history(tenant, before.id())).isEqualTo(history);
        }

        @Test
        @DisplayName("of two nodes erasing the same invitation at once, exactly one does it")
        void racingErasers() throws Exception {
            Invitation before = personWithTraces(tenant);
            Erasure erasure = erasureOf(before, "k1:race");
            List<Boolean> answers;
            try (Race race = new Race(2)) {
                answers = race.collect(n -> () -> erase(erasure));
            }
            assertThat(answers).containsExactlyInAnyOrder(true, false);
            assertThat(store.history(tenant, before.id())).filteredOn(e -> e.action() == Action.ERASE).hasSize(1);
        }

        @Test
        @DisplayName("an unknown invitation is refused")
        void unknown() {
            Invitation ghost = pending("ghost@example.com");
            Erasure erasure = new Erasure(tenant, ghost.id(), Erasure.tombstone("k1:x"), created(ghost));
            try {
                store.erase(erasure);
                throw new AssertionError("erasing an unknown invitation must fail");
            } catch (UnsupportedOperationException e) {
                Assumptions.abort("the store cannot erase");
            } catch (StorageException expected) {
                // the contract
            }
        }

        @Test
        @DisplayName("due for retention: expired, declined, revoked and rejected invitations of the tenant last "
                + "changed before the bound and not yet erased, oldest first, at most the limit")
        void dueForRetention() {
            List<Invitation> due = new ArrayList<>();
            List<Invitation> kept = new ArrayList<>();
            int n = 0;
            for (InvitationStatus status : InvitationStatus.values()) {
                Instant at = T0.minus(Duration.ofDays(40)).plusSeconds(n++);
                Invitation i = invitation("r" + n + "@example.com").status(status).createdAt(at).updatedAt(at)
                        .build();
                insert(i);
                boolean answered = EnumSet.of(InvitationStatus.EXPIRED, InvitationStatus.DECLINED,
                        InvitationStatus.REVOKED, InvitationStatus.REJECTED).contains(status);
                (answered ? due : kept).add(i);
            }
            Invitation recent = invitation("recent@example.com").status(InvitationStatus.DECLINED).build();
            Invitation elsewhere = Fixtures.invitation(otherTenant, Invitee.email("x@example.com"))
                    .status(InvitationStatus.DECLINED).createdAt(T0.minus(Duration.ofDays(50)))
                    .updatedAt(T0.minus(Duration.ofDays(50))).build();
            insert(recent);
            insert(elsewhere);
            Instant bound = T0.minus(Duration.ofDays(30));

            assertThat(store.dueForRetention(tenant, bound, 1000)).extracting(Invitation::id)
                    .containsExactlyElementsOf(due.stream().map(Invitation::id).toList());
            assertThat(store.dueForRetention(tenant, bound, 2)).hasSize(2);
            assertThat(erase(erasureOf(due.get(0), "k1:gone"))).isTrue();
            assertThat(store.dueForRetention(tenant, bound, 1000)).extracting(Invitation::id)
                    .doesNotContain(due.get(0).id()).hasSize(due.size() - 1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Tenant isolation")
    class TenantIsolation {
        private Invitation mine;
        private Invitation theirs;

        @BeforeEach
        void sameEmailInTwoTenants() {
            mine = pending("shared@example.com");
            theirs = Fixtures.pending(otherTenant, "shared@example.com");
            write(WriteBatch.builder().insert(mine).append(created(mine)).enqueue(message(mine, 1)));
            write(WriteBatch.builder().insert(theirs).append(created(theirs)).enqueue(message(theirs, 1)));
        }

        @Test
        @DisplayName("find, findOpen and findByInvitee never return another tenant's invitation")
        void lookupsStayInTheirTenant() {
            TenantId stranger = Fixtures.newTenant();
            Contact shared = EmailAddress.of("shared@example.com");

            assertThat(store.find(otherTenant, mine.id())).isEmpty();
            assertThat(store.find(tenant, theirs.id())).isEmpty();
            assertThat(store.findOpen(tenant, Target.membership(), shared)).contains(mine);
            assertThat(store.findOpen(otherTenant, Target.membership(), shared)).contains(theirs);
            assertThat(store.findByInvitee(tenant, shared)).containsExactly(mine);
            assertThat(store.findByInvitee(otherTenant, shared)).containsExactly(theirs);
            assertThat(store.find(stranger, mine.id())).isEmpty();
            assertThat(store.findOpen(stranger, Target.membership(), shared)).isEmpty();
            assertThat(store.findByInvitee(stranger, shared)).isEmpty();
        }

        @Test
        @DisplayName("query and count see only their own tenant")
        void queriesStayInTheirTenant() {
            TenantId stranger = Fixtures.newTenant();

            assertMatches(everything(tenant), mine);
            assertMatches(everything(otherTenant), theirs);
            assertMatches(everything(stranger));
            assertMatches(everything(stranger).invitedBy(Fixtures.INVITER.userId())
                    .statuses(InvitationStatus.PENDING).target(Target.membership()));
        }

        @Test
        @DisplayName("history and outbox are never read through another tenant")
        void historyAndOutboxStayInTheirTenant() {
            assertThat(store.history(tenant, mine.id())).containsExactly(created(mine));
            assertThat(store.outbox(tenant, mine.id())).containsExactly(message(mine, 1));
            assertThat(store.history(otherTenant, mine.id())).isEmpty();
            assertThat(store.outbox(otherTenant, mine.id())).isEmpty();
            assertThat(store.history(tenant, theirs.id())).isEmpty();
            assertThat(store.outbox(tenant, theirs.id())).isEmpty();
        }

        @Test
        @DisplayName("links are never read through another tenant")
        void linksStayInTheirTenant() {
            ShareableLink myLink = Fixtures.link(tenant, T0);
            ShareableLink theirLink = Fixtures.link(otherTenant, T0);
            write(WriteBatch.builder().insertLink(myLink).insertLink(theirLink));

            assertThat(store.findLink(otherTenant, myLink.id())).isEmpty();
            assertThat(store.findLink(tenant, theirLink.id())).isEmpty();
            assertThat(store.links(tenant)).containsExactly(myLink);
            assertThat(store.links(otherTenant)).containsExactly(theirLink);
            assertThat(store.links(Fixtures.newTenant())).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Shareable links")
    class Links {

        @Test
        @DisplayName("a link with every field set, and one with none of the optional ones, read back equal")
        void linksReadBack() {
            ShareableLink full = Fixtures.fullyPopulatedLink(tenant);
            ShareableLink bare = Fixtures.link(tenant, T0);
            write(WriteBatch.builder().insertLink(full).insertLink(bare));

            assertThat(store.findLink(tenant, full.id())).get().usingRecursiveComparison().isEqualTo(full);
            assertThat(store.findLink(tenant, bare.id())).get().usingRecursiveComparison().isEqualTo(bare);
            assertThat(store.findLink(tenant, LinkId.random())).isEmpty();
        }

        @Test
        @DisplayName("a tenant's links are listed oldest first, whatever the order they were written in")
        void linksAreListedOldestFirst() {
            ShareableLink newest = Fixtures.link(tenant, T0.plusSeconds(7200));
            ShareableLink oldest = Fixtures.link(tenant, T0);
            ShareableLink middle = Fixtures.link(tenant, T0.plusSeconds(3600));
            write(WriteBatch.builder().insertLink(newest));
            write(WriteBatch.builder().insertLink(oldest).insertLink(middle));

            assertThat(store.links(tenant)).containsExactly(oldest, middle, newest);
        }

        @Test
        @DisplayName("a link update is compare-and-set: the next version is stored; a stale, unknown or "
                + "another tenant's one is refused")
        void linkUpdatesAreCompareAndSet() {
            ShareableLink v1 = Fixtures.link(tenant, T0);
            write(WriteBatch.builder().insertLink(v1));
            ShareableLink v2 = v1.withOneMoreUse(T0.plusSeconds(1));
            write(WriteBatch.builder().updateLink(v2));
            ShareableLink v3 = v2.withActive(false, T0.plusSeconds(2));
            write(WriteBatch.builder().updateLink(v3));
            ShareableLink v4 = v3.withActive(true, T0.plusSeconds(3));
            write(WriteBatch.builder().updateLink(v4));

            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().updateLink(v1.withActive(false, T0))));
            ShareableLink unknown = Fixtures.link(tenant, T0).withOneMoreUse(T0);
            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().updateLink(unknown)));
            ShareableLink foreign = ShareableLink.builder()
                    .id(v4.id())
                    .tenantId(otherTenant)
                    .target(v4.target())
                    .grant(v4.grant())
                    .createdBy(v4.createdBy())
                    .createdAt(v4.createdAt())
                    .updatedAt(v4.updatedAt())
                    .expiresAt(v4.expiresAt())
                    .maxUses(v4.maxUses())
                    .uses(v4.uses())
                    .allowedDomains(v4.allowedDomains())
                    .active(false)
                    .tokenVersion(v4.tokenVersion())
                    .version(v4.version() + 1)
                    .build();
            assertThatExceptionOfType(StaleVersionException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().updateLink(foreign)));

            assertThat(store.findLink(tenant, v1.id())).contains(v4);
            assertThat(store.findLink(tenant, unknown.id())).isEmpty();
            assertThat(store.findLink(otherTenant, v1.id())).isEmpty();
        }

        @Test
        @DisplayName("a link's use and the invitation that joined through it are written together")
        void linkUseAndJoinAreWrittenTogether() {
            ShareableLink link = Fixtures.link(tenant, T0);
            write(WriteBatch.builder().insertLink(link));
            Invitation joined = invitation("joined@example.com").source(InvitationSource.link(link.id()))
                    .status(InvitationStatus.ACCEPTED).respondedAt(T0).accountId("account-9").build();
            ShareableLink used = link.withOneMoreUse(T0);

            write(WriteBatch.builder().updateLink(used).insert(joined)
                    .append(historyEntry(joined, Action.ACCEPT, null, "joined through link")));

            assertThat(store.findLink(tenant, link.id())).contains(used);
            assertMatches(everything(tenant).source(InvitationSource.link(link.id())), joined);
            assertThat(store.history(tenant, joined.id())).hasSize(1);
        }

        @Test
        @DisplayName("an insert that reuses a link id, across batches or within one, is refused with StorageException")
        void linkIdsAreNeverReused() {
            ShareableLink first = Fixtures.link(tenant, T0);
            write(WriteBatch.builder().insertLink(first));
            ShareableLink sameId = ShareableLink.builder()
                    .id(first.id())
                    .tenantId(tenant)
                    .target(Target.resource("group", "g-1"))
                    .grant(Grant.role("guest"))
                    .createdBy("user-grace")
                    .createdAt(T0)
                    .updatedAt(T0)
                    .expiresAt(null)
                    .maxUses(5)
                    .uses(0)
                    .allowedDomains(Set.of())
                    .active(true)
                    .tokenVersion(1)
                    .version(1)
                    .build();
            ShareableLink fresh = Fixtures.link(tenant, T0.plusSeconds(1));

            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().insertLink(sameId)));
            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> write(WriteBatch.builder().insertLink(fresh).insertLink(fresh)));

            assertThat(store.findLink(tenant, first.id())).contains(first);
            assertThat(store.links(tenant)).containsExactly(first);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Open invitations of many invitees at once")
    class FindOpenMany {
        @Test
        @DisplayName("returns the open invitations of exactly the invitees asked for, whatever the target, "
                + "matched by match key, in this tenant only")
        void returnsTheOpenOnesOfThoseInvitees() {
            Invitation ann = pending("ann@example.com");
            Invitation annTeam = invitation("ann@example.com").target(Target.resource("team", "t-1")).build();
            Invitation bob = pending("bob@example.com");
            Invitation closed = invitation("cid@example.com").status(InvitationStatus.REVOKED).build();
            Invitation other = pending("dan@example.com");
            Invitation elsewhere = Fixtures.pending(otherTenant, "ann@example.com");
            insert(ann, annTeam, bob, closed, other);
            store.write(WriteBatch.builder().insert(elsewhere).build());

            List<Invitation> found = store.findOpen(tenant, List.of(EmailAddress.of("ANN@example.com"),
                    EmailAddress.of("bob@example.com"), EmailAddress.of("cid@example.com"),
                    EmailAddress.of("nobody@example.com"), EmailAddress.of("ann@example.com")));

            assertThat(found).extracting(Invitation::id)
                    .containsExactlyInAnyOrder(ann.id(), annTeam.id(), bob.id());
            assertThat(found).allSatisfy(i -> assertThat(i).isEqualTo(stored(i)));
        }

        @Test
        @DisplayName("of 500 invitees, finds each open one once; an empty list finds nothing")
        void manyInviteesAtOnce() {
            List<Invitation> invited = new ArrayList<>();
            List<Contact> asked = new ArrayList<>();
            for (int n = 0; n < 500; n++) {
                asked.add(EmailAddress.of("many" + n + "@example.com"));
                if (n % 3 == 0) {
                    invited.add(pending("many" + n + "@example.com"));
                }
            }
            insert(invited);

            assertThat(store.findOpen(tenant, asked)).extracting(Invitation::id)
                    .containsExactlyInAnyOrderElementsOf(invited.stream().map(Invitation::id).toList());
            assertThat(store.findOpen(tenant, List.<Contact>of())).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Write conditions (seat limits and quotas)")
    class Guards {
        @Test
        @DisplayName("a condition counts what is stored, without the batch's own rows, before the batch is applied")
        void conditionCountsTheStoredRows() {
            insert(pending("g1@example.com"), pending("g2@example.com"), pending("g3@example.com"));
            List<Long> seen = new ArrayList<>();
            Invitation next = pending("g4@example.com");

            write(WriteBatch.builder().insert(next).guard(tenant, counts -> seen.add(counts.count(open(tenant)))));

            assertThat(seen).containsExactly(3L);
            assertStoredAs(next);
        }

        @Test
        @DisplayName("a refusing condition stores nothing of the batch and its exception reaches the caller unchanged")
        void refusalStoresNothing() {
            Invitation stays = pending("stays@example.com");
            insert(stays);
            Invitation refused = invitation("refused@example.com").build();
            Invitation update = nextVersion(stays).accountId("acct-x").build();
            LimitReached why = new LimitReached();

            assertThatExceptionOfType(LimitReached.class).isThrownBy(() -> write(WriteBatch.builder().insert(refused)
                    .update(update).append(created(refused)).enqueue(message(refused, 1))
                    .guard(tenant, counts -> {
                        throw why;
                    }))).isSameAs(why);

            assertNothingStored(refused);
            assertStoredAs(stays);
        }

        @Test
        @DisplayName("a condition may count only the tenant it guards")
        void conditionStaysInItsTenant() {
            Invitation refused = pending("own@example.com");

            assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> write(WriteBatch.builder()
                    .insert(refused).guard(tenant, counts -> counts.count(open(otherTenant)))));

            assertNothingStored(refused);
        }

        @Test
        @DisplayName("conditions of two tenants in one batch each see their own tenant")
        void twoTenantsInOneBatch() {
            insert(pending("t1@example.com"));
            List<Long> seen = new ArrayList<>();

            write(WriteBatch.builder().insert(pending("t2@example.com"))
                    .insert(Fixtures.pending(otherTenant, "t3@example.com"))
                    .guard(otherTenant, counts -> seen.add(counts.count(open(otherTenant))))
                    .guard(tenant, counts -> seen.add(counts.count(open(tenant)))));

            assertThat(seen).containsExactlyInAnyOrder(0L, 1L);
        }

        @Test
        @DisplayName("32 threads adding 1 or 3 invitations each under a limit of 10 open ones store exactly 10, "
                + "20 times over")
        void racersNeverExceedTheLimit() {
            try (Race race = new Race(RACERS)) {
                for (int round = 0; round < SHORT_ROUNDS; round++) {
                    TenantId limited = Fixtures.newTenant();
                    int r = round;
                    Race.Outcomes outcomes = race.run(n -> () -> {
                        int size = n % 3 == 1 ? 3 : 1;
                        WriteBatch.Builder batch = WriteBatch.builder();
                        for (int k = 0; k < size; k++) {
                            batch.insert(Fixtures.pending(limited, "r" + r + "n" + n + "k" + k + "@example.com"));
                        }
                        write(batch.guard(limited, counts -> {
                            if (counts.count(open(limited)) + size > LIMIT) {
                                throw new LimitReached();
                            }
                        }));
                    });

                    String context = "round " + round;
                    assertThat(outcomes.otherThan(LimitReached.class)).as(context).isEmpty();
                    // 21 single inserts cannot all fit, so one was refused at a full store: exactly the limit
                    assertThat(store.count(open(limited))).as(context).isEqualTo(LIMIT);
                    assertThat(store.count(everything(limited).build())).as(context).isEqualTo(LIMIT);
                }
            }
        }

        @Test
        @DisplayName("32 threads each adding one invitation under a limit of 10 store exactly 10 and 22 are refused, "
                + "20 times over")
        void exactlyTheLimitIsStored() {
            try (Race race = new Race(RACERS)) {
                for (int round = 0; round < SHORT_ROUNDS; round++) {
                    TenantId limited = Fixtures.newTenant();
                    int r = round;
                    Race.Outcomes outcomes = race.run(n -> () -> write(WriteBatch.builder()
                            .insert(Fixtures.pending(limited, "x" + r + "n" + n + "@example.com"))
                            .guard(limited, counts -> {
                                if (counts.count(open(limited)) + 1 > LIMIT) {
                                    throw new LimitReached();
                                }
                            })));

                    String context = "round " + round;
                    assertThat(outcomes.otherThan(LimitReached.class)).as(context).isEmpty();
                    assertThat(outcomes.succeeded()).as(context).isEqualTo(LIMIT);
                    assertThat(store.count(open(limited))).as(context).isEqualTo(LIMIT);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Opt-outs and recorded sends (send limits)")
    class OptOutsAndSends {
        @Test
        @DisplayName("an opt-out of one tenant covers that tenant only; an opt-out of every tenant covers all;"
                + " opting out again changes nothing")
        void optOutsByScope() {
            String key = "key-" + UUID.randomUUID();
            String everywhere = "key-" + UUID.randomUUID();

            store.optOut(new OptOut(key, tenant, T0));
            store.optOut(new OptOut(key, tenant, T0.plusSeconds(5)));
            store.optOut(new OptOut(everywhere, null, T0));

            assertThat(store.optedOut(tenant, key)).isTrue();
            assertThat(store.optedOut(otherTenant, key)).isFalse();
            assertThat(store.optedOut(tenant, everywhere)).isTrue();
            assertThat(store.optedOut(otherTenant, everywhere)).isTrue();
            assertThat(store.optedOut(tenant, "key-" + UUID.randomUUID())).isFalse();
        }

        @Test
        @DisplayName("a guarded write counts the tenant's recorded sends by contact, by inviter and since an instant,"
                + " without the batch's own, and stores the batch's sends only when it is written")
        void sendsAreCountedInsideTheGuard() {
            String jane = "jane-" + UUID.randomUUID();
            write(WriteBatch.builder()
                    .recordSend(new SendRecord(tenant, jane, "u1", T0))
                    .recordSend(new SendRecord(tenant, jane, "u2", T0.plusSeconds(60)))
                    .recordSend(new SendRecord(tenant, "other", "u1", T0.plusSeconds(60)))
                    .recordSend(new SendRecord(otherTenant, jane, "u1", T0.plusSeconds(60))));
            List<Long> seen = new ArrayList<>();

            write(WriteBatch.builder().recordSend(new SendRecord(tenant, jane, "u1", T0.plusSeconds(120)))
                    .guard(tenant, counts -> {
                        seen.add(counts.countSends(jane, null, T0));
                        seen.add(counts.countSends(jane, null, T0.plusSeconds(60)));
                        seen.add(counts.countSends(null, "u1", T0));
                        seen.add(counts.countSends(jane, "u2", T0));
                    }));
            assertThatExceptionOfType(LimitReached.class).isThrownBy(() -> write(WriteBatch.builder()
                    .recordSend(new SendRecord(tenant, jane, "u1", T0.plusSeconds(180))).guard(tenant, counts -> {
                        throw new LimitReached();
                    })));

            assertThat(seen).containsExactly(2L, 1L, 2L, 1L);
            assertThat(store.countSends(tenant, jane, null, T0)).isEqualTo(3);
            assertThat(store.countSends(otherTenant, jane, null, T0)).isEqualTo(1);
        }

        @Test
        @DisplayName("purging a tenant's sends removes those before the instant, keeps those at or after it and"
                + " other tenants' sends, lists the tenants that have sends, and purging again deletes nothing")
        void sendsBeyondTheWindowArePurged() {
            String jane = "jane-" + UUID.randomUUID();
            write(WriteBatch.builder()
                    .recordSend(new SendRecord(tenant, jane, "u1", T0))
                    .recordSend(new SendRecord(tenant, jane, "u2", T0.plusSeconds(59)))
                    .recordSend(new SendRecord(tenant, jane, "u1", T0.plusSeconds(60)))
                    .recordSend(new SendRecord(tenant, "other", "u1", T0.plusSeconds(120)))
                    .recordSend(new SendRecord(otherTenant, jane, "u1", T0)));
            assertThat(store.tenantsWithSends()).contains(tenant, otherTenant);

            assertThat(store.purgeSends(tenant, T0.plusSeconds(60))).as("sends beyond the window").isEqualTo(2);

            assertThat(store.countSends(tenant, jane, null, T0)).as("sends inside the window stay").isEqualTo(1);
            assertThat(store.countSends(tenant, null, "u1", T0)).isEqualTo(2);
            assertThat(store.countSends(otherTenant, jane, null, T0)).as("another tenant's").isEqualTo(1);
            assertThat(store.purgeSends(tenant, T0.plusSeconds(60))).as("idempotent").isZero();

            assertThat(store.purgeSends(tenant, T0.plusSeconds(121))).isEqualTo(2);
            assertThat(store.countSends(tenant, null, null, T0)).isZero();
            assertThat(store.tenantsWithSends()).doesNotContain(tenant).contains(otherTenant);
        }

        @Test
        @DisplayName("32 threads each recording one send to one contact under a limit of 10 record exactly 10,"
                + " 5 times over")
        void exactlyTheLimitIsRecorded() {
            try (Race race = new Race(RACERS)) {
                for (int round = 0; round < CLAIM_ROUNDS; round++) {
                    TenantId limited = Fixtures.newTenant();
                    String key = "racing-" + round;
                    Race.Outcomes outcomes = race.run(n -> () -> write(WriteBatch.builder()
                            .recordSend(new SendRecord(limited, key, "u" + n, T0))
                            .guard(limited, counts -> {
                                if (counts.countSends(key, null, T0) + 1 > LIMIT) {
                                    throw new LimitReached();
                                }
                            })));

                    String context = "round " + round;
                    assertThat(outcomes.otherThan(LimitReached.class)).as(context).isEmpty();
                    assertThat(outcomes.succeeded()).as(context).isEqualTo(LIMIT);
                    assertThat(store.countSends(limited, key, null, T0)).as(context).isEqualTo(LIMIT);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Write conditions per invitee (the cap of open invitations per identifier)")
    class GuardsPerInvitee {
        @Test
        @DisplayName("a condition counts per invitee what is stored, zero for an invitee with nothing, in one call")
        void countsPerInvitee() {
            Identifier three = new Identifier(IdentifierKind.PERSONNEL_NUMBER, "p-3");
            Identifier one = new Identifier(IdentifierKind.PERSONNEL_NUMBER, "p-1");
            Identifier none = new Identifier(IdentifierKind.PERSONNEL_NUMBER, "p-0");
            insert(openCode(tenant, three, 1), openCode(tenant, three, 2), openCode(tenant, three, 3),
                    openCode(tenant, one, 1), Fixtures.invitation(tenant, Invitee.identifier(three.kind(), three.value()))
                            .target(Target.resource("event", "closed")).status(InvitationStatus.REVOKED).build(),
                    openCode(otherTenant, three, 1));
            List<Map<String, Long>> seen = new ArrayList<>();

            write(WriteBatch.builder().insert(openCode(tenant, none, 1)).guard(tenant, counts -> seen.add(
                    counts.countPerInvitee(openCodes(tenant), List.of(three, one, none, three)))));

            assertThat(seen).containsExactly(Map.of(three.matchKey(), 3L, one.matchKey(), 1L, none.matchKey(), 0L));
        }

        @Test
        @DisplayName("32 threads opening invitations of one identifier under a cap of 5 store exactly 5, 20 times over")
        void exactlyTheCapIsStored() {
            try (Race race = new Race(RACERS)) {
                for (int round = 0; round < SHORT_ROUNDS; round++) {
                    TenantId capped = Fixtures.newTenant();
                    Identifier badge = new Identifier(IdentifierKind.PERSONNEL_NUMBER, "badge-" + round);
                    Race.Outcomes outcomes = race.run(n -> () -> write(WriteBatch.builder()
                            .insert(openCode(capped, badge, n))
                            .guard(capped, counts -> {
                                if (counts.countPerInvitee(openCodes(capped), List.of(badge))
                                        .get(badge.matchKey()) + 1 > CODE_CAP) {
                                    throw new LimitReached();
                                }
                            })));

                    String context = "round " + round;
                    assertThat(outcomes.otherThan(LimitReached.class)).as(context).isEmpty();
                    assertThat(outcomes.succeeded()).as(context).isEqualTo(CODE_CAP);
                    assertThat(store.count(openCodes(capped).toBuilder().invitee(badge).build()))
                            .as(context).isEqualTo(CODE_CAP);
                }
            }
        }
    }

    /** The cap of the per-invitee races, as the engine's cap of open invitations per identifier. */
    static final int CODE_CAP = 5;

    /** A PENDING invitation of an identifier for event {@code n}. */
    private static Invitation openCode(TenantId t, Identifier identifier, int n) {
        return Fixtures.invitation(t, Invitee.identifier(identifier.kind(), identifier.value()))
                .target(Target.resource("event", "e-" + n)).build();
    }

    private static InvitationQuery openCodes(TenantId t) {
        return InvitationQuery.builder(t).statuses(InvitationStatus.PROVISIONED, InvitationStatus.PENDING).build();
    }

    /** The limit of the write-condition races. */
    static final int LIMIT = 10;

    /** What the kit's conditions throw to refuse a write. */
    static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("limit reached", null, false, false);
        }
    }

    private static InvitationQuery open(TenantId t) {
        return InvitationQuery.builder(t).statuses(InvitationStatus.PROVISIONED, InvitationStatus.PENDING,
                InvitationStatus.AWAITING_APPROVAL).build();
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        private Race race;

        @BeforeEach
        void startRacers() {
            race = new Race(RACERS);
        }

        @AfterEach
        void stopRacers() {
            race.close();
        }

        @Test
        @DisplayName("of 32 threads updating one invitation at the same version exactly one wins, "
                + "and only its history entry is stored, 50 times over")
        void oneCompareAndSetWins() {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Invitation v1 = pending("cas" + round + "@example.com");
                insert(v1);

                Race.Outcomes outcomes = race.run(n -> () -> {
                    Invitation next = nextVersion(v1).accountId("racer-" + n).build();
                    write(WriteBatch.builder().update(next)
                            .append(historyEntry(next, Action.ACCEPT, InvitationStatus.PENDING, "racer-" + n)));
                });

                String context = "round " + round;
                assertThat(outcomes.otherThan(StaleVersionException.class)).as(context).isEmpty();
                assertThat(outcomes.succeeded()).as(context).isEqualTo(1);
                assertThat(outcomes.failures()).as(context).hasSize(RACERS - 1);
                Invitation winner = stored(v1);
                assertThat(winner.version()).as(context).isEqualTo(2);
                assertThat(store.history(tenant, v1.id())).as(context).extracting(HistoryEntry::reason)
                        .containsExactly(winner.accountId());
            }
        }

        @Test
        @DisplayName("of 32 threads inviting the same person at once exactly one invitation is stored, 20 times over")
        void oneOfManyConcurrentInsertsWins() {
            for (int round = 0; round < SHORT_ROUNDS; round++) {
                String email = "Crowd" + round + "@Example.com";
                ConcurrentLinkedQueue<Invitation> attempted = new ConcurrentLinkedQueue<>();

                Race.Outcomes outcomes = race.run(n -> () -> {
                    String spelled = n % 2 == 0 ? email.toLowerCase(Locale.ROOT) : email.toUpperCase(Locale.ROOT);
                    Invitation i = invitation(spelled).build();
                    attempted.add(i);
                    write(WriteBatch.builder().insert(i).append(created(i)).enqueue(message(i, 1)));
                });

                String context = "round " + round;
                assertThat(outcomes.otherThan(DuplicateInvitationException.class)).as(context).isEmpty();
                assertThat(outcomes.succeeded()).as(context).isEqualTo(1);
                List<Invitation> stored = store.findByInvitee(tenant, EmailAddress.of(email));
                assertThat(stored).as(context).hasSize(1);
                assertThat(store.history(tenant, stored.get(0).id())).as(context).hasSize(1);
                assertThat(store.outbox(tenant, stored.get(0).id())).as(context).hasSize(1);
                for (Invitation i : attempted) {
                    if (!i.id().equals(stored.get(0).id())) {
                        assertThat(store.history(tenant, i.id())).as(context).isEmpty();
                        assertThat(store.outbox(tenant, i.id())).as(context).isEmpty();
                    }
                }
            }
        }

        @Test
        @DisplayName("of 32 threads joining through one link at the same version exactly one join is stored, "
                + "20 times over")
        void oneConcurrentLinkUseWins() {
            for (int round = 0; round < SHORT_ROUNDS; round++) {
                ShareableLink link = Fixtures.link(tenant, T0);
                write(WriteBatch.builder().insertLink(link));

                Race.Outcomes outcomes = race.run(n -> () -> {
                    Invitation joined = invitation("joiner" + n + "." + link.id() + "@example.com")
                            .source(InvitationSource.link(link.id())).build();
                    write(WriteBatch.builder().updateLink(link.withOneMoreUse(T0)).insert(joined));
                });

                String context = "round " + round;
                assertThat(outcomes.otherThan(StaleVersionException.class)).as(context).isEmpty();
                assertThat(outcomes.succeeded()).as(context).isEqualTo(1);
                assertThat(store.findLink(tenant, link.id())).as(context).get()
                        .extracting(ShareableLink::uses).isEqualTo(1);
                assertThat(store.count(everything(tenant).source(InvitationSource.link(link.id())).build()))
                        .as(context).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("32 workers claiming at once never receive the same message twice, and together claim every "
                + "due message")
        void concurrentClaimsNeverOverlap() {
            for (int round = 0; round < CLAIM_ROUNDS; round++) {
                WriteBatch.Builder batch = WriteBatch.builder();
                List<String> queued = new ArrayList<>();
                for (int n = 0; n < CLAIM_MESSAGES; n++) {
                    Invitation i = pending("claim" + round + "." + n + "@example.com");
                    OutboxMessage m = message(i, 1);
                    batch.insert(i).enqueue(m);
                    queued.add(m.id());
                }
                write(batch);
                ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();

                Race.Outcomes outcomes = race.run(n -> () -> {
                    List<OutboxMessage> got;
                    do {
                        got = store.claimOutbox(T0, 3, Duration.ofHours(1));
                        got.stream().filter(m -> m.tenantId().equals(tenant)).forEach(m -> claimed.add(m.id()));
                    } while (!got.isEmpty());
                });

                String context = "round " + round;
                assertThat(outcomes.failures()).as(context).isEmpty();
                assertThat(claimed).as(context).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private void write(WriteBatch.Builder batch) {
        store.write(batch.build());
    }

    private void insert(Invitation... invitations) {
        insert(List.of(invitations));
    }

    private void insert(Collection<Invitation> invitations) {
        WriteBatch.Builder batch = WriteBatch.builder();
        invitations.forEach(batch::insert);
        write(batch);
    }

    private Invitation pending(String email) {
        return Fixtures.pending(tenant, email);
    }

    private Invitation.Builder invitation(String email) {
        return Fixtures.invitation(tenant, Invitee.email(email));
    }

    private Invitation createdAt(String id, Instant at) {
        return invitation(id + "@example.com").id(InvitationId.of(id)).createdAt(at).updatedAt(at).build();
    }

    private Invitation stored(Invitation i) {
        return store.find(i.tenantId(), i.id())
                .orElseThrow(() -> new AssertionError("invitation " + i.id() + " was written but is not found"));
    }

    private void assertStoredAs(Invitation expected) {
        assertThat(stored(expected)).usingRecursiveComparison().isEqualTo(expected);
        assertThat(stored(expected)).isEqualTo(expected);
    }

    /** Checks that an invitation is stored exactly as written, with no history entry or message. */
    private void assertUntouched(Invitation expected) {
        assertStoredAs(expected);
        assertThat(store.history(expected.tenantId(), expected.id())).as("history").isEmpty();
        assertThat(store.outbox(expected.tenantId(), expected.id())).as("outbox").isEmpty();
    }

    private void assertNothingStored(Invitation... attempted) {
        assertNothingStored(List.of(attempted));
    }

    private void assertNothingStored(Collection<Invitation> attempted) {
        for (Invitation i : attempted) {
            assertThat(store.find(i.tenantId(), i.id())).as("invitation %s", i.inviteeKey()).isEmpty();
            assertThat(store.history(i.tenantId(), i.id())).as("history of %s", i.inviteeKey()).isEmpty();
            assertThat(store.outbox(i.tenantId(), i.id())).as("outbox of %s", i.inviteeKey()).isEmpty();
        }
    }

    private static InvitationQuery.Builder everything(TenantId t) {
        return InvitationQuery.builder(t).page(0, WIDE);
    }

    private Page<Invitation> page(int offset, int limit) {
        return store.query(InvitationQuery.builder(tenant).page(offset, limit).build());
    }

    /** Checks that query returns exactly these invitations, in creation order, and that count agrees. */
    private void assertMatches(InvitationQuery.Builder query, Invitation... expected) {
        InvitationQuery q = query.build();
        List<Invitation> inOrder = Arrays.stream(expected).sorted(CREATION_ORDER).toList();
        assertThat(store.query(q).items()).as("%s", q).containsExactlyElementsOf(inOrder);
        assertThat(store.count(q)).as("count of %s", q).isEqualTo(expected.length);
    }

    /** The due invitations of this check's two tenants, in the order the store returns them. */
    private List<Invitation> dueOwn(Instant now) {
        return store.dueForExpiry(now, WIDE).stream().filter(this::isOwn).toList();
    }

    /** Claims every due message and keeps this check's own, in the order the store returns them. */
    /** Claims by id; a store that does not support it skips the check. */
    private List<OutboxMessage> claimById(TenantId tenantId, List<String> ids, Instant now) {
        try {
            return store.claimOutbox(tenantId, ids, now, LEASE);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the store does not claim outbox messages by id (optional): " + e.getMessage());
            throw e;
        }
    }

    private List<OutboxMessage> claimOwn(Instant now) {
        return store.claimOutbox(now, WIDE, LEASE).stream()
                .filter(m -> m.tenantId().equals(tenant) || m.tenantId().equals(otherTenant)).toList();
    }

    private boolean isOwn(Invitation i) {
        return i.tenantId().equals(tenant) || i.tenantId().equals(otherTenant);
    }

    private static OutboxMessage claimedFor(List<OutboxMessage> claimed, Invitation i) {
        return claimed.stream().filter(m -> m.invitationId().equals(i.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no message of " + i.id() + " was claimed"));
    }

    private static List<String> ids(List<Invitation> invitations) {
        return invitations.stream().map(i -> i.id().value()).toList();
    }

    private static List<InvitationStatus> openStatuses() {
        return Arrays.stream(InvitationStatus.values()).filter(InvitationStatus::isOpen).toList();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
