package io.invitations.jdbc;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.invitations.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A write batch is all or nothing, and the database names what refused it")
class WriteBatchTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a 500-row bulk batch whose row 300 duplicates row 10 leaves nothing behind")
    void bulkBatchWithDuplicateInTheMiddleLeavesNothing(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        BatchId bulk = BatchId.random();
        List<Invitation> rows = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            // row 300 invites row 10's address again, in other letter case
            String email = n == 300 ? "PERSON10@example.com" : "person" + n + "@example.com";
            rows.add(Samples.pending(tenant, email, T0.plusMillis(n)).toBuilder()
                    .source(InvitationSource.bulk(bulk)).build());
        }
        WriteBatch.Builder batch = WriteBatch.builder();
        rows.forEach(i -> batch.insert(i).append(Samples.created(i)).enqueue(Samples.message(i)));

        assertThatThrownBy(() -> store.write(batch.build()))
                .isInstanceOfSatisfying(DuplicateInvitationException.class, e -> {
                    assertThat(e.tenantId()).isEqualTo(tenant);
                    assertThat(e.target()).isEqualTo(Target.membership());
                    assertThat(e.inviteeKey()).isEqualTo("email:person10@example.com");
                });

        assertThat(store.count(InvitationQuery.builder(tenant).build())).isZero();
        assertThat(store.count(InvitationQuery.builder(tenant).source(InvitationSource.bulk(bulk)).build())).isZero();
        assertThat(store.history(tenant, rows.get(0).id())).isEmpty();
        assertThat(store.outbox(tenant, rows.get(0).id())).isEmpty();
        assertThat(store.claimOutbox(T0.plus(Duration.ofDays(1)), 1000, Duration.ofMinutes(1))).isEmpty();

        rows.remove(299);
        WriteBatch.Builder fixed = WriteBatch.builder();
        rows.forEach(i -> fixed.insert(i).append(Samples.created(i)).enqueue(Samples.message(i)));
        store.write(fixed.build());
        assertThat(store.count(InvitationQuery.builder(tenant).source(InvitationSource.bulk(bulk)).build())).isEqualTo(499);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a multi-row insert stores awkward texts, empty and missing values and sub-millisecond instants exactly")
    void multiRowInsertKeepsEveryValue(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        String[] awkward = {"quote \" and backslash \\ {brace}, comma", "NULL", "", "tab\tnewline\nÄ€😀", " spaced "};
        List<Invitation> rows = new ArrayList<>();
        for (int n = 0; n < awkward.length; n++) {
            Invitation i = Samples.pending(tenant, "awkward" + n + "@example.com", T0.plusNanos(123_456_789L * (n + 1)));
            rows.add(i.toBuilder().invitee(i.invitee().withName(awkward[n], n % 2 == 0 ? null : awkward[n]))
                    .personalMessage(awkward[n]).inviterName("Ada \"Admin\" \\ " + n).build());
        }
        WriteBatch.Builder batch = WriteBatch.builder();
        rows.forEach(i -> batch.insert(i).append(Samples.created(i)).enqueue(Samples.message(i)));
        store.write(batch.build());

        for (Invitation i : rows) {
            Invitation stored = store.find(tenant, i.id()).orElseThrow();
            assertThat(stored.invitee()).isEqualTo(i.invitee());
            assertThat(stored.personalMessage()).isEqualTo(i.personalMessage());
            assertThat(stored.inviterName()).isEqualTo(i.inviterName());
            assertThat(stored.createdAt()).isEqualTo(i.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(stored.expiresAt()).isEqualTo(i.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(store.history(tenant, i.id())).singleElement().extracting(HistoryEntry::at)
                    .isEqualTo(i.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(store.outbox(tenant, i.id())).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a second open invitation for a stored one is refused with tenant, target and invitee, and nothing else is stored")
    void duplicateOfStoredOpenInvitationIsRefused(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Target group = Target.resource("group", "g-1");
        Invitation stored = Samples.pending(tenant, "jane@example.com").toBuilder().target(group).build();
        store.write(WriteBatch.builder().insert(stored).build());
        Invitation bystander = Samples.pending(tenant, "joe@example.com");
        Invitation again = Samples.pending(tenant, "Jane@Example.com").toBuilder().target(group)
                .status(InvitationStatus.PROVISIONED).build();

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(bystander).insert(again)
                .append(Samples.created(bystander)).build()))
                .isInstanceOfSatisfying(DuplicateInvitationException.class, e -> {
                    assertThat(e.tenantId()).isEqualTo(tenant);
                    assertThat(e.target()).isEqualTo(group);
                    assertThat(e.inviteeKey()).isEqualTo("email:jane@example.com");
                    assertThat(e.getMessage()).doesNotContainIgnoringCase("insert").doesNotContain("SQL");
                });
        assertThat(store.find(tenant, bystander.id())).isEmpty();
        assertThat(store.findOpen(tenant, group, stored.invitee().contact())).contains(stored);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("the same invitee may be invited to another target, in another tenant, or again once closed")
    void openRuleIsPerTenantTargetAndOpenStatus(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation first = Samples.pending(tenant, "sam@example.com");
        store.write(WriteBatch.builder().insert(first).build());

        Invitation otherTarget = Samples.pending(tenant, "sam@example.com").toBuilder()
                .target(Target.resource("project", "p-1")).build();
        Invitation otherTenant = Samples.pending(Samples.newTenant(), "sam@example.com");
        Invitation revoked = Samples.pending(tenant, "sam@example.com").toBuilder().status(InvitationStatus.REVOKED)
                .build();
        store.write(WriteBatch.builder().insert(otherTarget).insert(otherTenant).insert(revoked).build());
        // revoking the first and inviting again is one batch: the close is applied before the insert
        Invitation replacement = Samples.pending(tenant, "sam@example.com");
        store.write(WriteBatch.builder().update(Samples.moved(first, InvitationStatus.REVOKED)).insert(replacement)
                .build());

        assertThat(store.findOpen(tenant, Target.membership(), first.invitee().contact())).contains(replacement);
        assertThat(store.findByInvitee(tenant, first.invitee().contact())).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("two open invitations for one invitee inside one batch are refused")
    void duplicateWithinOneBatchIsRefused(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation a = Samples.pending(tenant, "twice@example.com");
        Invitation b = Samples.pending(tenant, "TWICE@example.com");

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(a).insert(b).build()))
                .isInstanceOf(DuplicateInvitationException.class);
        assertThat(store.findByInvitee(tenant, a.invitee().contact())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an update that reopens an invitation next to an open one is refused")
    void reopeningNextToAnOpenInvitationIsRefused(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation expired = Samples.pending(tenant, "re@example.com").toBuilder().status(InvitationStatus.EXPIRED)
                .build();
        Invitation open = Samples.pending(tenant, "re@example.com");
        store.write(WriteBatch.builder().insert(expired).insert(open).build());

        assertThatThrownBy(() -> store.write(WriteBatch.builder()
                .update(Samples.moved(expired, InvitationStatus.PENDING)).build()))
                .isInstanceOf(DuplicateInvitationException.class);
        assertThat(store.find(tenant, expired.id())).contains(expired);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a stale, missing or foreign-tenant update refuses the whole batch")
    void staleUpdatesRefuseTheBatch(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation stored = Samples.pending(tenant, "cas@example.com");
        store.write(WriteBatch.builder().insert(stored).build());
        Invitation accepted = Samples.moved(stored, InvitationStatus.ACCEPTED);
        store.write(WriteBatch.builder().update(accepted).build());
        Invitation newcomer = Samples.pending(tenant, "new@example.com");

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(newcomer)
                .update(Samples.moved(stored, InvitationStatus.DECLINED)).append(Samples.created(newcomer)).build()))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.recordId()).isEqualTo(stored.id().value());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        Invitation ghost = Samples.moved(Samples.pending(tenant, "ghost@example.com"), InvitationStatus.REVOKED);
        assertThatThrownBy(() -> store.write(WriteBatch.builder().update(ghost).build()))
                .isInstanceOf(StaleVersionException.class);
        Invitation foreign = Samples.moved(accepted.toBuilder().tenantId(Samples.newTenant()).build(),
                InvitationStatus.ACCEPTED);
        assertThatThrownBy(() -> store.write(WriteBatch.builder().update(foreign).build()))
                .isInstanceOf(StaleVersionException.class);

        assertThat(store.find(tenant, newcomer.id())).isEmpty();
        assertThat(store.find(tenant, stored.id())).contains(accepted);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("history or messages for an unknown invitation, or in another tenant, are refused by name")
    void unknownReferencesAreRefused(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation stored = Samples.pending(tenant, "ref@example.com");
        store.write(WriteBatch.builder().insert(stored).build());
        Invitation newcomer = Samples.pending(tenant, "newcomer@example.com");
        HistoryEntry orphan = HistoryEntry.builder()
                .tenantId(tenant)
                .invitationId(InvitationId.of("no-such-invitation"))
                .at(T0)
                .actor("u-1")
                .action(Action.REVOKE)
                .from(InvitationStatus.PENDING)
                .to(InvitationStatus.REVOKED)
                .reason(null)
                .build();
        OutboxMessage foreign = OutboxMessage.queue(Samples.newTenant(), stored.id(), OutboxMessage.Kind.RESEND, 2, T0);

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(newcomer).append(orphan).build()))
                .isInstanceOf(StorageException.class).hasMessageContaining("no-such-invitation");
        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(newcomer).enqueue(foreign).build()))
                .isInstanceOf(StorageException.class).hasMessageContaining(stored.id().value());

        assertThat(store.find(tenant, newcomer.id())).isEmpty();
        assertThat(store.outbox(tenant, stored.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an insert that reuses an id is refused as a storage failure")
    void reusedIdsAreRefused(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation stored = Samples.pending(tenant, "id@example.com");
        ShareableLink link = Samples.link(tenant, T0);
        store.write(WriteBatch.builder().insert(stored).insertLink(link).enqueue(Samples.message(stored)).build());
        Invitation sameId = Samples.pending(Samples.newTenant(), "other@example.com").toBuilder().id(stored.id())
                .status(InvitationStatus.ACCEPTED).build();

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(sameId).build()))
                .isInstanceOf(StorageException.class).hasMessageContaining("invitation " + stored.id())
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.write(WriteBatch.builder().insertLink(link).build()))
                .isInstanceOf(StorageException.class).hasMessageContaining("link " + link.id());
        assertThatThrownBy(() -> store.write(WriteBatch.builder().enqueue(Samples.message(stored)).build()))
                .isInstanceOf(StorageException.class).hasMessageContaining("outbox message " + stored.id() + "#1");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an outbox outcome is stored only while its claim is the latest, a link update only at its version")
    void outboxOutcomesAndLinkUpdatesAreCompareAndSet(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation i = Samples.pending(tenant, "mail@example.com");
        ShareableLink link = Samples.link(tenant, T0);
        store.write(WriteBatch.builder().insert(i).enqueue(Samples.message(i)).insertLink(link).build());

        OutboxMessage claimed = store.claimOutbox(T0, 10, Duration.ofMinutes(5)).get(0);
        OutboxMessage delivered = claimed.delivered(T0.plusSeconds(1));
        store.write(WriteBatch.builder().outboxOutcome(delivered).build());
        assertThatThrownBy(() -> store.write(WriteBatch.builder().outboxOutcome(claimed.failed("late", T0)).build()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.outbox(tenant, i.id())).containsExactly(delivered);

        ShareableLink used = link.withOneMoreUse(T0.plusSeconds(1));
        store.write(WriteBatch.builder().updateLink(used).build());
        assertThatThrownBy(() -> store.write(WriteBatch.builder().updateLink(link.withOneMoreUse(T0)).build()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findLink(tenant, link.id())).contains(used);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an identifier invitee is matched by kind and value")
    void identifierInviteesAreMatchedByKindAndValue(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation phone = Samples.pending(tenant, "x@example.com").toBuilder()
                .invitee(Invitee.identifier(io.invitations.spi.invitation.IdentifierKind.PHONE, "+33 6 12"))
                .build();
        Invitation personnel = Samples.pending(tenant, "x@example.com").toBuilder()
                .invitee(Invitee.identifier(io.invitations.spi.invitation.IdentifierKind.PERSONNEL_NUMBER, "+33 6 12"))
                .build();
        store.write(WriteBatch.builder().insert(phone).insert(personnel).build());

        assertThatThrownBy(() -> store.write(WriteBatch.builder().insert(Samples.pending(tenant, "x@example.com")
                .toBuilder().invitee(phone.invitee()).build()).build()))
                .isInstanceOfSatisfying(DuplicateInvitationException.class,
                        e -> assertThat(e.inviteeKey()).isEqualTo("id:phone:+33 6 12"));
    }
}
