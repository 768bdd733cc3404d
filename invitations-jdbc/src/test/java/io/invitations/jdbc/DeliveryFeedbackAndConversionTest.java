package io.invitations.jdbc;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.conversion.ConversionFunnel;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.jdbc.internal.Statements;
import io.invitations.jdbc.internal.Tables;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.IdentifyingMailer;
import io.invitations.spi.mail.UnknownMessageException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import io.invitations.spi.storage.WriteBatch;
import io.invitations.tck.support.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A hard bounce, its copy-link fallback and the conversion report, end to end on H2 and PostgreSQL. */
@DisplayName("Delivery feedback and conversion on a database")
class DeliveryFeedbackAndConversionTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    /** A mailer that, like a provider's API, reports an id of its own for every message. */
    private static final class ProviderMailer implements IdentifyingMailer {
        final Map<String, String> ids = new ConcurrentHashMap<>();

        @Override
        public String sendAndIdentify(MailMessage message) {
            return "<" + ids.computeIfAbsent(message.idempotencyKey(), k -> "pm-" + ids.size()) + "@provider.example>";
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a hard bounce reported by the provider's id marks the invitation, refuses resends and the "
            + "administrator shares a fresh link; the conversion report counts it")
    void bounceFallbackAndConversion(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
        ProviderMailer mailer = new ProviderMailer();
        InvitationService service = InvitationService.builder().store(store).mailer(mailer).clock(clock)
                .keyRing(InMemoryKeyRing.of(InMemoryKeyRing.randomKey("k1"))).deliveryMode(DeliveryMode.HOST_DRIVEN)
                .build();
        TenantId tenant = Samples.newTenant();
        InvitationAdministration admin = service.administration(ADMIN, tenant);
        Instant start = clock.instant();
        Invitation jane = admin.invite(InviteRequest.builder().email("jane@example.com").role("member").build());
        Invitation john = admin.invite(InviteRequest.builder().email("john@example.com").role("member").build());
        service.maintenance().deliverDueMessages();
        OutboxMessage johns = store.outbox(tenant, john.id()).get(0);
        assertThat(johns.providerMessageId()).isEqualTo("<" + mailer.ids.get(johns.id()) + "@provider.example>");

        clock.advance(Duration.ofMinutes(5));
        OutboxMessage bounced = service.deliveryFeedback().record(new DeliveryReport("test",
                List.of(mailer.ids.get(johns.id()) + "@provider.example"), DeliveryStep.HARD_BOUNCED, clock.instant(),
                "smtp; 550 5.1.1 user unknown"));

        assertThat(bounced.hardBouncedAt()).isEqualTo(clock.instant());
        assertThat(bounced.timeline()).extracting(OutboxMessage.StepAt::step)
                .containsExactly(DeliveryStep.QUEUED, DeliveryStep.SENT, DeliveryStep.HARD_BOUNCED);
        assertThat(admin.query(InvitationQuery.builder(tenant).deliveryStatus(DeliveryState.Status.BOUNCED).build())
                .items()).extracting(Invitation::id).containsExactly(john.id());
        assertThat(admin.history(john.id())).extracting(HistoryEntry::action).endsWith(Action.BOUNCE);
        clock.advance(Duration.ofHours(2));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.invitations.spi.InvitationException.class,
                () -> admin.resend(john.id())).code()).isEqualTo(ErrorCode.ADDRESS_BOUNCED);

        String shared = admin.shareClaimLink(john.id()).token();
        assertThat(admin.history(john.id())).extracting(HistoryEntry::action).endsWith(Action.SHARE_LINK);
        service.invitee().inspect(shared);
        clock.advance(Duration.ofHours(1));
        service.invitee().accept(ClaimRequest.builder(shared).password("correct horse battery staple".toCharArray())
                .build());
        assertThatExceptionOfType(UnknownMessageException.class).isThrownBy(() -> service.deliveryFeedback().record(
                new DeliveryReport("test", List.of("<nobody@provider.example>"), DeliveryStep.DELIVERED,
                        clock.instant(), null)));

        ConversionFunnel funnel = admin.conversion(start, clock.instant(), ConversionGroup.TENANT)
                .funnel(tenant.value()).orElseThrow();
        assertThat(funnel).isEqualTo(new ConversionFunnel(tenant.value(), 2, 1, 1, 1, Duration.ofHours(3)
                .plusMinutes(5), Duration.ofHours(3).plusMinutes(5), Duration.ofHours(3).plusMinutes(5)));
        assertThat(service.administration(ADMIN, tenant).find(jane.id()).orElseThrow().status())
                .isEqualTo(InvitationStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("a departed inviter's open invitations are handed to a successor and stored so, with history")
    void departedInviterReassigned(JdbcDialect dialect) {
        JdbcInvitationStore store = DATABASES.get(dialect).freshStore();
        io.invitations.core.memory.InMemoryTenantSettingsSource settings =
                new io.invitations.core.memory.InMemoryTenantSettingsSource();
        TenantId tenant = Samples.newTenant();
        settings.put(tenant, io.invitations.spi.settings.TenantSettings.builder()
                .minimumInviteLevel(PermissionLevel.USER)
                .departedInviters(io.invitations.spi.settings.DepartedInviterPolicy.REASSIGN).build());
        InvitationService service = InvitationService.builder().store(store).settings(settings)
                .keyRing(InMemoryKeyRing.of(InMemoryKeyRing.randomKey("k1"))).deliveryMode(DeliveryMode.HOST_DRIVEN)
                .build();
        Inviter alice = Inviter.of("alice", "Alice", PermissionLevel.USER);
        Invitation a = service.administration(alice, tenant).invite(InviteRequest.builder().email("a@example.com")
                .role("member").build());
        Inviter carol = Inviter.of("carol", "Carol", PermissionLevel.HR_TENANT);

        assertThat(service.membershipEvents().memberLeft(tenant, "alice", carol)).isEqualTo(1);

        Invitation stored = store.find(tenant, a.id()).orElseThrow();
        assertThat(stored.invitedBy()).isEqualTo("carol");
        assertThat(stored.inviterName()).isEqualTo("Carol");
        assertThat(store.history(tenant, a.id())).extracting(HistoryEntry::action).endsWith(Action.REASSIGN);
        assertThat(service.membershipEvents().memberLeft(tenant, "alice", carol)).isZero();
    }

    @Test
    @DisplayName("on PostgreSQL the conversion query reads one tenant's period through the (tenant_id, invited_at) "
            + "index, and the open lookup through the history index")
    void theFunnelQueryUsesItsIndex() throws Exception {
        TestDatabase database = DATABASES.get(JdbcDialect.POSTGRESQL);
        String prefix = database.freshPrefix();
        JdbcInvitationStore store = JdbcInvitationStore.builder(database.dataSource()).tablePrefix(prefix).build();
        store.migrate();
        List<TenantId> tenants = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            TenantId tenant = Samples.newTenant();
            tenants.add(tenant);
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int i = 0; i < 100; i++) {
                Invitation inv = Samples.pending(tenant, "p" + i + "@example.com", Samples.T0.plusSeconds(i * 3600L));
                batch.insert(inv).append(Samples.created(inv));
            }
            store.write(batch.build());
        }
        String funnel = new Statements(Tables.withPrefix(prefix)).selectFunnel()
                .replaceFirst("\\?", "'" + tenants.get(7).value() + "'")
                .replaceFirst("\\?", "TIMESTAMPTZ '2026-03-03 00:00:00+00'")
                .replaceFirst("\\?", "TIMESTAMPTZ '2026-03-04 00:00:00+00'");
        StringBuilder plan = new StringBuilder();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + prefix + "invitation");
            s.execute("ANALYZE " + prefix + "invitation_history");
            try (ResultSet rs = s.executeQuery("EXPLAIN " + funnel)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).as(plan.toString()).contains(prefix + "invitation_invited_ix")
                .contains(prefix + "invitation_history_tenant_ix").doesNotContain("Seq Scan on " + prefix + "invitation ");
        assertThat(store.funnel(tenants.get(7), Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-04T00:00:00Z"))).hasSize(24);
    }
}
