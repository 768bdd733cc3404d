package io.invitations.jdbc;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.invitations.jdbc.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every field survives a trip through the database")
class RoundTripTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an invitation with every optional field set reads back equal")
    void everyInvitationFieldRoundTrips(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Instant micros = Instant.parse("2026-03-02T09:15:30.123456Z");
        Invitation full = Invitation.builder().id(InvitationId.of("inv-ü-1")).tenantId(tenant)
                .invitee(Invitee.email("Jane.Doe@Example.COM").withName("Jane", "Doe").withDisplayName("J. Doe"))
                .target(Target.resource("group", "g-42"))
                .grant(new Grant("editor", MembershipType.GUEST, Set.of("g-1", "g \"quoted\"", "ünï"),
                        UnitId.of("site-lyon"), Map.of("cost-center", "42", "note", "line\nbreak\\ {}[],:\u0001")))
                .invitedBy("u-7").inviterName("Ada Admin").personalMessage("Welcome aboard, 'Jane'!")
                .locale(Locale.forLanguageTag("fr-CA")).source(InvitationSource.directory("ldap-main"))
                .status(InvitationStatus.AWAITING_APPROVAL).tokenVersion(3).resendCount(2)
                .createdAt(T0).updatedAt(micros).invitedAt(T0.plusMillis(1)).expiresAt(T0.plusSeconds(86_400))
                .respondedAt(micros.plusSeconds(5)).accountId("acct-9")
                .delivery(new DeliveryState(DeliveryState.Status.FAILED, 3, T0, micros, "mailbox full"))
                .build();

        store.write(WriteBatch.builder().insert(full).build());

        assertThat(store.find(tenant, full.id())).contains(full);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("an identifier invitation with no optional field reads back equal")
    void minimalIdentifierInvitationRoundTrips(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Invitation bare = Invitation.builder().id(InvitationId.random()).tenantId(tenant)
                .invitee(Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "P-0042")).grant(Grant.role("member"))
                .invitedBy("system:sync").inviterName("Directory sync").locale(Locale.ROOT)
                .source(InvitationSource.directory(null)).status(InvitationStatus.PROVISIONED)
                .createdAt(T0).updatedAt(T0).build();

        store.write(WriteBatch.builder().insert(bare).build());

        assertThat(store.find(tenant, bare.id())).contains(bare);
        assertThat(store.findByInvitee(tenant, bare.invitee().contact())).containsExactly(bare);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("instants finer than a microsecond are truncated, never rounded")
    void nanosecondsAreTruncated(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        Instant nanos = Instant.parse("2026-03-02T09:15:30.123456999Z");
        Invitation i = Samples.pending(tenant, "nano@example.com", nanos);

        store.write(WriteBatch.builder().insert(i).build());

        assertThat(store.find(tenant, i.id()).orElseThrow().createdAt())
                .isEqualTo(Instant.parse("2026-03-02T09:15:30.123456Z"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("links, history and outbox messages read back equal, history in the order written")
    void linksHistoryAndOutboxRoundTrip(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        ShareableLink link = ShareableLink.builder()
                .id(LinkId.of("link-1"))
                .tenantId(tenant)
                .target(Target.resource("event", "e-1"))
                .grant(Grant.role("guest").withGroups(Set.of("a", "b")).withMetadata(Map.of("k", "v")))
                .createdBy("u-1")
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(1))
                .expiresAt(T0.plusSeconds(3600))
                .maxUses(10)
                .uses(4)
                .allowedDomains(Set.of("example.com", "example.org"))
                .active(false)
                .tokenVersion(2)
                .version(1)
                .build();
        Invitation i = Samples.pending(tenant, "h@example.com");
        List<HistoryEntry> entries = List.of(Samples.created(i),
                HistoryEntry.builder()
                        .tenantId(tenant)
                        .invitationId(i.id())
                        .at(T0.plusSeconds(2))
                        .actor("u-2")
                        .action(Action.RESEND)
                        .from(InvitationStatus.PENDING)
                        .to(InvitationStatus.PENDING)
                        .reason("asked again")
                        .build(),
                HistoryEntry.builder()
                        .tenantId(tenant)
                        .invitationId(i.id())
                        .at(T0.plusSeconds(1))
                        .actor("u-3")
                        .action(Action.RESEND)
                        .from(InvitationStatus.PENDING)
                        .to(InvitationStatus.PENDING)
                        .reason(null)
                        .build());
        OutboxMessage first = Samples.message(i);
        OutboxMessage second = OutboxMessage.queue(tenant, i.id(), OutboxMessage.Kind.RESEND, 2, T0.plusSeconds(2));
        WriteBatch.Builder batch = WriteBatch.builder().insert(i).insertLink(link).enqueue(second).enqueue(first);
        entries.forEach(batch::append);

        store.write(batch.build());

        assertThat(store.findLink(tenant, link.id())).contains(link);
        ShareableLink reactivated = link.withActive(true, T0.plusSeconds(5)).withOneMoreUse(T0.plusSeconds(6));
        store.write(WriteBatch.builder().updateLink(link.withActive(true, T0.plusSeconds(5))).build());
        store.write(WriteBatch.builder().updateLink(reactivated).build());
        assertThat(store.links(tenant)).containsExactly(reactivated);
        assertThat(store.history(tenant, i.id())).containsExactlyElementsOf(entries);
        assertThat(store.outbox(tenant, i.id())).containsExactly(first, second);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("reads are confined to one tenant")
    void readsAreConfinedToOneTenant(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        TenantId tenant = Samples.newTenant();
        TenantId other = Samples.newTenant();
        Invitation i = Samples.pending(tenant, "t@example.com");
        ShareableLink link = Samples.link(tenant, T0);
        store.write(WriteBatch.builder().insert(i).append(Samples.created(i)).enqueue(Samples.message(i))
                .insertLink(link).build());

        assertThat(store.find(other, i.id())).isEmpty();
        assertThat(store.findOpen(other, i.target(), i.invitee().contact())).isEmpty();
        assertThat(store.findByInvitee(other, i.invitee().contact())).isEmpty();
        assertThat(store.history(other, i.id())).isEmpty();
        assertThat(store.outbox(other, i.id())).isEmpty();
        assertThat(store.findLink(other, link.id())).isEmpty();
        assertThat(store.links(other)).isEmpty();
        assertThat(store.find(tenant, i.id())).contains(i);
    }
}
