package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spring.boot.internal.JdbcOutboxBacklog;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Scheduler: reminders and retention from properties; configuration errors name the property")
class InvitationsSchedulerTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InvitationsAutoConfiguration.class))
            .withBean(Clock.class, () -> clock)
            // messages stay queued: no delivery thread races the tests' clock
            .withPropertyValues("invitations.delivery.mode=HOST_DRIVEN", "invitations.schedule.delivery-interval=1h",
                    "invitations.signing.active=k1", "invitations.signing.keys[0].id=k1",
                    "invitations.signing.keys[0].secret=" + Base64.getEncoder().encodeToString(new byte[32]));

    private static Invitation invite(InvitationService service, TenantId tenant, String email) {
        return service.administration(ADMIN, tenant).invite(InviteRequest.builder().email(email).role("member")
                .build());
    }

    @Test
    void the_reminder_sweep_queues_each_due_reminder_once() {
        runner.withPropertyValues("invitations.tenant-defaults.reminders-after-sending=2d",
                        "invitations.schedule.reminder-interval=1h")
                .run(context -> {
                    InvitationsScheduler scheduler = context.getBean(InvitationsScheduler.class);
                    assertThat(scheduler.toString()).contains("reminders=PT1H", "retention=off");
                    InvitationService service = context.getBean(InvitationService.class);
                    invite(service, ACME, "jane@example.com");
                    assertThat(scheduler.sendReminders()).isZero();
                    clock.advance(Duration.ofDays(2).plusMinutes(1));
                    assertThat(scheduler.sendReminders()).isEqualTo(1);
                    assertThat(scheduler.sendReminders()).isZero();
                });
    }

    @Test
    void the_running_schedule_sends_reminders_on_its_interval() {
        CountDownLatch reminded = new CountDownLatch(1);
        InvitationEventListener listener = e -> {
            if (e instanceof InvitationEvent.Reminded) {
                reminded.countDown();
            }
        };
        runner.withBean(InvitationEventListener.class, () -> listener)
                .withPropertyValues("invitations.tenant-defaults.reminders-after-sending=2d",
                        "invitations.schedule.reminder-interval=20ms")
                .run(context -> {
                    invite(context.getBean(InvitationService.class), ACME, "jane@example.com");
                    clock.advance(Duration.ofDays(3));
                    assertThat(reminded.await(10, TimeUnit.SECONDS)).as("a reminder within 10 s").isTrue();
                });
    }

    @Test
    void switched_off_reminders_are_not_scheduled() {
        runner.withPropertyValues("invitations.schedule.reminders-enabled=false")
                .run(context -> assertThat(context.getBean(InvitationsScheduler.class).toString())
                        .contains("reminders=off"));
    }

    @Test
    void the_retention_sweep_erases_closed_invitations_of_the_configured_tenants_only() {
        runner.withPropertyValues("invitations.tenant-defaults.retention=30d",
                        "invitations.schedule.retention-tenants=acme", "invitations.schedule.retention-interval=6h")
                .run(context -> {
                    InvitationsScheduler scheduler = context.getBean(InvitationsScheduler.class);
                    assertThat(scheduler.toString()).contains("retention=PT6H");
                    InvitationService service = context.getBean(InvitationService.class);
                    Invitation acme = invite(service, ACME, "jane@example.com");
                    Invitation globex = invite(service, GLOBEX, "john@example.com");
                    service.administration(ADMIN, ACME).revoke(acme.id(), "sent by mistake");
                    service.administration(ADMIN, GLOBEX).revoke(globex.id(), "sent by mistake");
                    assertThat(scheduler.applyRetention()).isZero();
                    clock.advance(Duration.ofDays(31));
                    assertThat(scheduler.applyRetention()).isEqualTo(1);
                    assertThat(scheduler.applyRetention()).isZero();
                    assertThat(service.administration(ADMIN, ACME).find(acme.id()).orElseThrow().invitee()
                            .emailOrNull()).isNull();
                    assertThat(service.administration(ADMIN, GLOBEX).find(globex.id()).orElseThrow().invitee()
                            .emailOrNull()).hasToString("john@example.com");
                });
    }

    @Test
    void without_retention_tenants_there_is_no_retention_sweep() {
        runner.withPropertyValues("invitations.tenant-defaults.retention=30d")
                .run(context -> assertThat(context.getBean(InvitationsScheduler.class).toString())
                        .contains("retention=off"));
    }

    @Test
    void a_failing_tenant_does_not_stop_the_others() {
        runner.withPropertyValues("invitations.tenant-defaults.retention=1d", "invitations.schedule.enabled=false")
                .run(context -> {
                    InvitationService service = context.getBean(InvitationService.class);
                    Invitation acme = invite(service, ACME, "jane@example.com");
                    service.administration(ADMIN, ACME).revoke(acme.id(), "sent by mistake");
                    clock.advance(Duration.ofDays(2));
                    InvitationsScheduler scheduler = InvitationsScheduler.builder(service)
                            .retentionTenants(Duration.ofHours(1), () -> java.util.Arrays.asList(null, ACME))
                            .build();
                    assertThat(scheduler.applyRetention()).isEqualTo(1);
                    InvitationsScheduler broken = InvitationsScheduler.builder(service)
                            .retentionTenants(() -> {
                                throw new IllegalStateException("tenant directory down");
                            }).build();
                    assertThat(broken.applyRetention()).isZero();
                });
    }

    @Test
    void a_non_positive_interval_is_a_configuration_error_naming_the_property() {
        for (String property : List.of("delivery-interval", "expiry-interval", "reminder-interval")) {
            runner.withPropertyValues("invitations.schedule." + property + "=0s").run(context -> assertThat(context)
                    .hasFailed().getFailure().rootCause().isInstanceOf(InvitationException.class)
                    .hasMessageContaining("invitations.schedule." + property)
                    .hasMessageContaining("invitations.schedule.enabled=false")
                    .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
        }
        runner.withPropertyValues("invitations.schedule.retention-tenants=acme",
                        "invitations.schedule.retention-interval=-1h")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("invitations.schedule.retention-interval"));
        runner.withPropertyValues("invitations.schedule.retention-tenants=acme," + "x".repeat(129))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("invitations.schedule.retention-tenants holds an invalid tenant id")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
        runner.withPropertyValues("invitations.tenant-defaults.reminders-after-sending=-2d")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("invitations.tenant-defaults.reminders-after-sending")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
        runner.withPropertyValues("invitations.schedule.enabled=false").run(context -> {
            InvitationService service = context.getBean(InvitationService.class);
            InvitationException e = catchThrowableOfType(InvitationException.class,
                    () -> new InvitationsScheduler(service, Duration.ofSeconds(30), null));
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e).hasMessageContaining("invitations.schedule.expiry-interval");
        });
    }

    @Test
    void an_invalid_table_prefix_is_a_configuration_error_naming_the_property() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:prefix");
        assertThatThrownBy(() -> new JdbcOutboxBacklog(ds, "Inv-")).isInstanceOf(InvitationException.class)
                .hasMessageContaining("invitations.jdbc.table-prefix")
                .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    }
}
