package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.micrometer.InvitationMetrics;
import io.invitations.micrometer.OutboxBacklog;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.storage.InvitationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Spring Boot auto-configuration: each condition")
@ExtendWith(OutputCaptureExtension.class)
class InvitationsAutoConfigurationTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InvitationsJdbcAutoConfiguration.class,
                    InvitationsMailAutoConfiguration.class, InvitationsMetricsAutoConfiguration.class,
                    InvitationsAutoConfiguration.class, InvitationsHealthAutoConfiguration.class))
            .withBean(Clock.class, () -> CLOCK)
            .withPropertyValues("invitations.signing.active=k1", "invitations.signing.keys[0].id=k1",
                    "invitations.signing.keys[0].secret=" + SECRET_1);

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static Invitation invite(InvitationService service, String email) {
        return service.administration(ADMIN, ACME).invite(InviteRequest.builder().email(email).role("member").build());
    }

    private static boolean tableExists(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection();
             var rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    @Test
    void without_a_data_source_the_store_is_in_memory_and_a_warning_says_so(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasSingleBean(InvitationService.class)
                    .getBean(InvitationStore.class).isInstanceOf(InMemoryInvitationStore.class);
            assertThat(output).contains("WARN", "invitations are kept in memory");
            assertThat(invite(context.getBean(InvitationService.class), "jane@example.com").status()).isNotNull();
        });
    }

    @Test
    void with_a_data_source_the_jdbc_store_is_migrated_on_start_unless_switched_off() {
        DataSource migrated = h2();
        runner.withBean(DataSource.class, () -> migrated).run(context -> {
            assertThat(context).getBean(InvitationStore.class).isInstanceOf(JdbcInvitationStore.class);
            assertThat(tableExists(migrated, "inv_outbox")).isTrue();
            invite(context.getBean(InvitationService.class), "jane@example.com");
        });

        DataSource untouched = h2();
        runner.withBean(DataSource.class, () -> untouched).withPropertyValues("invitations.jdbc.migrate=false")
                .run(context -> {
                    assertThat(context).getBean(InvitationStore.class).isInstanceOf(JdbcInvitationStore.class);
                    assertThat(tableExists(untouched, "inv_outbox")).isFalse();
                });
    }

    @Test
    void outbox_claims_lock_rows_unless_switched_off_for_a_distributed_database() {
        runner.withBean(DataSource.class, InvitationsAutoConfigurationTest::h2).run(context ->
                assertThat(context.getBean(JdbcInvitationStore.class).lockingOutboxClaims()).isTrue());
        runner.withBean(DataSource.class, InvitationsAutoConfigurationTest::h2)
                .withPropertyValues("invitations.jdbc.locking-outbox-claims=false").run(context ->
                        assertThat(context.getBean(JdbcInvitationStore.class).lockingOutboxClaims()).isFalse());
    }

    @Test
    void every_bean_backs_off_when_the_host_defines_its_own() {
        InMemoryInvitationStore hostStore = new InMemoryInvitationStore();
        KeyRing hostKeys = InMemoryKeyRing.of(InMemoryKeyRing.randomKey("host"));
        Mailer hostMailer = m -> { };
        runner.withBean(DataSource.class, InvitationsAutoConfigurationTest::h2)
                .withBean(InvitationStore.class, () -> hostStore)
                .withBean(KeyRing.class, () -> hostKeys)
                .withBean(Mailer.class, () -> hostMailer)
                .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
                .run(context -> {
                    assertThat(context.getBean(InvitationStore.class)).isSameAs(hostStore);
                    assertThat(context.getBean(KeyRing.class)).isSameAs(hostKeys);
                    assertThat(context.getBean(Mailer.class)).isSameAs(hostMailer);
                    assertThat(context).doesNotHaveBean(JavaMailSenderMailer.class);
                });
        InvitationService hostService = InvitationService.builder().keyRing(hostKeys).build();
        runner.withBean(InvitationService.class, () -> hostService)
                .run(context -> assertThat(context.getBean(InvitationService.class)).isSameAs(hostService));
    }

    @Test
    void properties_are_bound_into_the_service() {
        runner.withPropertyValues("invitations.delivery.mode=HOST_DRIVEN", "invitations.delivery.lease=2m",
                        "invitations.tenant-defaults.invitation-ttl=3d",
                        "invitations.tenant-defaults.claim-url-template=https://app.example.com/join/{token}",
                        "invitations.schedule.enabled=false")
                .run(context -> {
                    InvitationsProperties p = context.getBean(InvitationsProperties.class);
                    assertThat(p.getDelivery().getMode()).isEqualTo(DeliveryMode.HOST_DRIVEN);
                    assertThat(p.getDelivery().getLease()).isEqualTo(Duration.ofMinutes(2));
                    InvitationService service = context.getBean(InvitationService.class);
                    assertThat(service.toString()).contains("HOST_DRIVEN");
                    Invitation inv = invite(service, "jane@example.com");
                    assertThat(inv.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(3)));
                    assertThat(service.administration(ADMIN, ACME).revealClaimLink(inv.id()).url())
                            .startsWith("https://app.example.com/join/");
                    assertThat(context).doesNotHaveBean(InvitationsScheduler.class);
                });
    }

    @Test
    void signing_keys_rotate_from_properties_and_load_from_a_pkcs12_key_store(@TempDir Path dir) throws Exception {
        runner.withPropertyValues("invitations.signing.active=k2", "invitations.signing.keys[1].id=k2",
                "invitations.signing.keys[1].secret=" + SECRET_2).run(context -> {
                    KeyRing ring = context.getBean(KeyRing.class);
                    assertThat(ring.current().id()).isEqualTo("k2");
                    assertThat(ring.find("k1")).as("the older key still verifies").isPresent();
                });

        Path file = dir.resolve("keys.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        KeyStore.PasswordProtection pw = new KeyStore.PasswordProtection("changeit".toCharArray());
        ks.setEntry("old", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "HmacSHA256")), pw);
        ks.setEntry("new", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[48], "HmacSHA256")), pw);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "changeit".toCharArray());
        }
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InvitationsAutoConfiguration.class))
                .withPropertyValues("invitations.signing.active=new",
                        "invitations.signing.key-store.location=file:" + file,
                        "invitations.signing.key-store.password=changeit")
                .run(context -> {
                    KeyRing ring = context.getBean(KeyRing.class);
                    assertThat(ring.current().id()).isEqualTo("new");
                    assertThat(ring.accepted()).extracting(k -> k.id()).containsExactly("new", "old");
                });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InvitationsAutoConfiguration.class))
                .withPropertyValues("invitations.signing.active=new",
                        "invitations.signing.key-store.location=file:" + file,
                        "invitations.signing.key-store.password=wrong")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("invitations.signing.key-store: cannot read")
                        .hasStackTraceContaining("check the location, type and password")
                        .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong")));
    }

    @Test
    void the_other_account_policy_and_alias_domains_are_tenant_defaults() {
        runner.withPropertyValues("invitations.tenant-defaults.other-accounts=verified-alias",
                        "invitations.tenant-defaults.alias-domains=example.de,@Bücher.example",
                        "invitations.tenant-defaults.accepting-address-required=true",
                        "invitations.schedule.enabled=false")
                .run(context -> {
                    TenantSettings s = context.getBean(TenantSettingsSource.class).settingsFor(ACME);
                    assertThat(s.otherAccounts()).isEqualTo(OtherAccountPolicy.VERIFIED_ALIAS);
                    assertThat(s.acceptingAddressRequired()).isTrue();
                    assertThat(s.aliasDomains()).containsExactlyInAnyOrder("example.de", "xn--bcher-kva.example");
                });
        runner.withPropertyValues("invitations.schedule.enabled=false").run(context -> {
            TenantSettings s = context.getBean(TenantSettingsSource.class).settingsFor(ACME);
            assertThat(s.otherAccounts()).isEqualTo(OtherAccountPolicy.STRICT);
            assertThat(s.acceptingAddressRequired()).isFalse();
        });
    }

    @Test
    void an_invalid_other_account_policy_or_alias_domain_fails_the_start_naming_the_property() {
        runner.withPropertyValues("invitations.tenant-defaults.other-accounts=LENIENT")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvitationException.class)
                        .hasMessageContaining("invitations.tenant-defaults.other-accounts")
                        .hasMessageContaining("VERIFIED_ALIAS").hasMessageContaining("LENIENT")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
        runner.withPropertyValues("invitations.tenant-defaults.alias-domains=not a domain")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvitationException.class)
                        .hasMessageContaining("invitations.tenant-defaults.alias-domains")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
    }

    @Test
    void an_active_key_that_is_not_configured_fails_the_start_with_a_configuration_error() {
        runner.withPropertyValues("invitations.signing.active=k9").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(InvitationException.class)
                .hasMessageContaining("invitations.signing.active").hasMessageContaining("[k1]")
                .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageNotContaining(SECRET_1));
    }

    @Test
    void a_java_mail_sender_becomes_the_mailer_and_needs_a_sender_address() {
        runner.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
                .withPropertyValues("invitations.mail.from=invitations@example.com")
                .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(JavaMailSenderMailer.class));
        runner.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvitationException.class).hasMessageContaining("invitations.mail.from")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
    }

    @Test
    void meters_and_observations_bind_to_the_applications_registries() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        DataSource ds = h2();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(TestObservationRegistry.class, () -> observations)
                .withBean(DataSource.class, () -> ds)
                .withPropertyValues("invitations.delivery.mode=HOST_DRIVEN", "invitations.schedule.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(InvitationMetrics.class).hasSingleBean(OutboxBacklog.class);
                    invite(context.getBean(InvitationService.class), "jane@example.com");
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get(InvitationMetrics.EVENTS).tags("type", "invitation.invited").counter()
                            .count()).isEqualTo(1);
                    assertThat(meters.get(InvitationMetrics.OUTBOX_BACKLOG).gauge().value()).isEqualTo(1);
                    TestObservationRegistryAssert.assertThat(observations)
                            .hasObservationWithNameEqualTo(InvitationMetrics.OPERATION);
                });
    }

    @Test
    void the_scheduler_runs_by_default_and_stops_with_the_context() {
        InvitationsScheduler[] seen = new InvitationsScheduler[1];
        runner.run(context -> {
            seen[0] = context.getBean(InvitationsScheduler.class);
            assertThat(seen[0].isRunning()).isTrue();
        });
        assertThat(seen[0].isRunning()).isFalse();
    }

    @Test
    void health_is_up_with_a_reachable_database_and_down_above_the_outbox_thresholds() {
        DataSource ds = h2();
        runner.withBean(DataSource.class, () -> ds)
                .withPropertyValues("invitations.delivery.mode=HOST_DRIVEN", "invitations.schedule.enabled=false",
                        "invitations.health.max-backlog=1")
                .run(context -> {
                    InvitationsHealthIndicator health = context.getBean(InvitationsHealthIndicator.class);
                    InvitationService service = context.getBean(InvitationService.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    invite(service, "a@example.com");
                    Health one = health.health();
                    assertThat(one.getStatus()).isEqualTo(Status.UP);
                    assertThat(one.getDetails()).containsEntry("database", "reachable")
                            .containsEntry("outboxBacklog", 1L);
                    invite(service, "b@example.com");
                    Health two = health.health();
                    assertThat(two.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(two.getDetails().get("reason").toString()).contains("max-backlog");
                    assertThat(two.getDetails().toString()).doesNotContain("@example.com");
                });
    }

    @Test
    void health_is_down_when_the_oldest_due_message_waited_too_long_or_the_database_is_unreachable()
            throws SQLException {
        InvitationsProperties.Health thresholds = new InvitationsProperties.Health();
        OutboxBacklog stuck = now -> new OutboxBacklog.Snapshot(1, now.minus(Duration.ofMinutes(20)));
        assertThat(new InvitationsHealthIndicator(null, stuck, thresholds, CLOCK).health().getStatus())
                .isEqualTo(Status.DOWN);
        OutboxBacklog fresh = now -> new OutboxBacklog.Snapshot(1, now.minus(Duration.ofMinutes(1)));
        assertThat(new InvitationsHealthIndicator(null, fresh, thresholds, CLOCK).health().getStatus())
                .isEqualTo(Status.UP);

        DataSource down = org.mockito.Mockito.mock(DataSource.class);
        org.mockito.Mockito.when(down.getConnection()).thenThrow(new SQLException("connection refused"));
        assertThat(new InvitationsHealthIndicator(down, fresh, thresholds, CLOCK).health().getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void configuration_metadata_is_generated_for_ide_completion() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("invitations.jdbc.migrate", "invitations.signing.key-store.location",
                    "invitations.delivery.mode", "invitations.schedule.delivery-interval",
                    "invitations.tenant-defaults.invitation-ttl", "invitations.health.max-backlog");
        }
    }
}
