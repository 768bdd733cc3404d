package io.invitations.jdbc;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.settings.ReminderSchedule;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.tck.support.MutableClock;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders on a database: two service instances, each with its own pool and store on one
 * database, sweep at once with real threads; each due reminder is queued exactly once, and none
 * goes to an accepted invitation.
 */
@DisplayName("Reminders swept by two nodes on one database")
class RemindersOnTwoNodesTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final int INVITATIONS = 30;

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("8 threads on two nodes queue each of 29 due reminders once; the accepted invitation gets none")
    void eachReminderOnce(JdbcDialect dialect) {
        TestDatabase db = DATABASES.get(dialect);
        String prefix = db.freshPrefix();
        MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
        InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
        TenantId tenant = Samples.newTenant();
        settings.put(tenant, TenantSettings.builder()
                .reminders(ReminderSchedule.afterSending(Duration.ofDays(2), Duration.ofDays(5))).build());
        InMemoryKeyRing keys = InMemoryKeyRing.of(SigningKey.of("k1",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        List<JdbcInvitationStore> stores = new ArrayList<>();
        List<InvitationService> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(db.newPool()).tablePrefix(prefix).build();
            store.migrate();
            stores.add(store);
            nodes.add(InvitationService.builder().store(store).settings(settings).keyRing(keys).clock(clock)
                    .deliveryMode(DeliveryMode.HOST_DRIVEN).build());
        }
        List<Invitation> invited = new ArrayList<>();
        for (int i = 0; i < INVITATIONS; i++) {
            invited.add(nodes.get(i % 2).administration(ADMIN, tenant).invite(InviteRequest.builder()
                    .email("person" + i + "@example.com").role("member").build()));
        }
        String token = nodes.get(0).administration(ADMIN, tenant).revealClaimLink(invited.get(0).id()).token();
        nodes.get(1).invitee().accept(ClaimRequest.builder(token)
                .password("correct horse battery staple".toCharArray()).build());

        try (Race race = new Race(8)) {
            for (int step = 1; step <= 2; step++) {
                clock.advance(Duration.ofDays(step == 1 ? 2 : 3));
                List<Integer> counts = race.collect(t -> () -> nodes.get(t % 2).maintenance().sendDueReminders());
                assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as("step %d", step)
                        .isEqualTo(INVITATIONS - 1);
                for (Invitation i : invited.subList(1, INVITATIONS)) {
                    assertThat(stores.get(step % 2).outbox(tenant, i.id()))
                            .filteredOn(m -> m.kind() == OutboxMessage.Kind.REMINDER).as(i.id().value())
                            .hasSize(step);
                }
            }
        }
        assertThat(stores.get(0).outbox(tenant, invited.get(0).id()))
                .noneMatch(m -> m.kind() == OutboxMessage.Kind.REMINDER);
        assertThat(stores.get(1).history(tenant, invited.get(1).id()))
                .filteredOn(h -> h.action() == Action.REMIND).hasSize(2);
        assertThat(stores.get(0).find(tenant, invited.get(1).id()).orElseThrow().nextReminderAt()).isNull();
    }
}
