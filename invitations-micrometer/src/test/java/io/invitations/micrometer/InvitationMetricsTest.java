package io.invitations.micrometer;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.RetryPolicy;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailDeliveryException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Micrometer meters and observations around the engine")
class InvitationMetricsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    /** Every key value and name any observation carried when it stopped. */
    private final List<String> observedValues = new java.util.concurrent.CopyOnWriteArrayList<>();

    {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observedValues.add(context.getName());
                observedValues.add(String.valueOf(context.getContextualName()));
                context.getAllKeyValues().forEach(kv -> observedValues.add(kv.getValue()));
            }
        });
    }

    private InvitationService service(InvitationMetrics metrics, DeliveryMode mode,
                                      io.invitations.spi.mail.Mailer mailer) {
        return metrics.bindTo(InvitationService.builder().store(new InMemoryInvitationStore())
                .keyRing(InMemoryKeyRing.of(InMemoryKeyRing.randomKey("k1"))).clock(CLOCK).deliveryMode(mode).deliveryExecutor(Runnable::run)
                .mailer(mailer).retryPolicy(new RetryPolicy(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 3)))
                .build();
    }

    private static InviteRequest invite(String email) {
        return InviteRequest.builder().email(email).role("member").build();
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void events_are_counted_by_type_and_outcome_and_an_invite_and_accept_are_observed() {
        InvitationMetrics metrics = InvitationMetrics.builder(meters).observationRegistry(observations).build();
        InvitationService service = service(metrics, DeliveryMode.IMMEDIATE, m -> { });

        Invitation inv = service.administration(ADMIN, ACME).invite(invite("jane@example.com"));
        String token = service.administration(ADMIN, ACME).revealClaimLink(inv.id()).token();
        service.invitee().accept(ClaimRequest.builder(token).password("correct horse battery staple".toCharArray()).build());

        assertThat(count(InvitationMetrics.EVENTS, "type", "invitation.invited", "outcome", "pending")).isEqualTo(1);
        assertThat(count(InvitationMetrics.EVENTS, "type", "delivery.delivered", "outcome", "delivered")).isEqualTo(1);
        assertThat(count(InvitationMetrics.EVENTS, "type", "invitation.accepted", "outcome", "accepted")).isEqualTo(1);
        assertThat(count(InvitationMetrics.DELIVERIES, "outcome", "delivered")).isEqualTo(1);

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(InvitationMetrics.OPERATION, 3)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "invite")
                        .hasLowCardinalityKeyValue("error.code", "none")
                        .hasContextualNameEqualTo("invitations invite"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "delivery"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "accept"));
    }

    @Test
    void the_conversion_funnel_is_counted_by_step_including_opens_bounces_and_the_copy_link_fallback() {
        InvitationMetrics metrics = InvitationMetrics.builder(meters).observationRegistry(observations).build();
        InvitationService service = service(metrics, DeliveryMode.IMMEDIATE, m -> { });
        Invitation jane = service.administration(ADMIN, ACME).invite(invite("jane@example.com"));
        Invitation john = service.administration(ADMIN, ACME).invite(invite("john@example.com"));
        String token = service.administration(ADMIN, ACME).revealClaimLink(jane.id()).token();
        service.invitee().inspect(token);
        service.invitee().inspect(token);
        service.invitee().accept(ClaimRequest.builder(token).password("correct horse battery staple".toCharArray()).build());
        service.deliveryFeedback().record(new io.invitations.spi.mail.DeliveryReport("test",
                List.of(john.id().value() + "#1"), io.invitations.spi.storage.OutboxMessage.DeliveryStep.HARD_BOUNCED,
                CLOCK.instant(), "550 user unknown"));
        service.administration(ADMIN, ACME).shareClaimLink(john.id());

        assertThat(count(InvitationMetrics.FUNNEL, "step", "sent")).isEqualTo(2);
        assertThat(count(InvitationMetrics.FUNNEL, "step", "delivered")).isEqualTo(2);
        assertThat(count(InvitationMetrics.FUNNEL, "step", "opened")).isEqualTo(1);
        assertThat(count(InvitationMetrics.FUNNEL, "step", "accepted")).isEqualTo(1);
        assertThat(count(InvitationMetrics.FUNNEL, "step", "bounced")).isEqualTo(1);
        assertThat(count(InvitationMetrics.FUNNEL, "step", "link_shared")).isEqualTo(1);
        assertThat(count(InvitationMetrics.EVENTS, "type", "delivery.bounced", "outcome", "bounced")).isEqualTo(1);
        assertNoPersonalData();
    }

    @Test
    void a_refusal_is_observed_as_an_error_with_its_code_only() {
        InvitationMetrics metrics = InvitationMetrics.builder(meters).observationRegistry(observations).build();
        InvitationService service = service(metrics, DeliveryMode.HOST_DRIVEN, m -> { });
        service.administration(ADMIN, ACME).invite(invite("jane@example.com"));

        assertThatThrownBy(() -> service.administration(ADMIN, ACME).invite(invite("jane@example.com")))
                .isInstanceOf(InvitationException.class);

        TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("error.code", ErrorCode.ALREADY_INVITED.name())
                        .assertThatError().isInstanceOf(InvitationException.class));
        assertNoPersonalData();
    }

    @Test
    void bulk_rows_are_counted_by_outcome_and_mode() {
        InvitationMetrics metrics = InvitationMetrics.builder(meters).observationRegistry(observations).build();
        InvitationService service = service(metrics, DeliveryMode.HOST_DRIVEN, m -> { });

        service.administration(ADMIN, ACME).bulk(BulkRequest.builder(List.of(
                InvitationRow.builder(1).set(RowField.EMAIL, "a@example.com").build(),
                InvitationRow.builder(2).set(RowField.EMAIL, "b@example.com").build(),
                InvitationRow.builder(3).set(RowField.EMAIL, "not an address").build()))
                .defaultRole("member").build());

        assertThat(count(InvitationMetrics.BULK_ROWS, "outcome", "created", "mode", "best_effort")).isEqualTo(2);
        assertThat(count(InvitationMetrics.BULK_ROWS, "outcome", "invalid", "mode", "best_effort")).isEqualTo(1);
        assertNoPersonalData();
    }

    @Test
    void delivery_outcomes_count_retries_and_permanent_failures() {
        InvitationMetrics metrics = InvitationMetrics.builder(meters).build();
        InvitationService service = service(metrics, DeliveryMode.HOST_DRIVEN, m -> {
            if (m.to().startsWith("bounce")) {
                throw MailDeliveryException.permanentFailure("550 no such user", null);
            }
            throw MailDeliveryException.transientFailure("421 try later", null);
        });
        service.administration(ADMIN, ACME).invite(invite("bounce@example.com"));
        service.administration(ADMIN, ACME).invite(invite("later@example.com"));

        service.maintenance().deliverDueMessages();

        assertThat(count(InvitationMetrics.DELIVERIES, "outcome", "failed")).isEqualTo(1);
        assertThat(count(InvitationMetrics.DELIVERIES, "outcome", "retrying")).isEqualTo(1);
        assertThat(count(InvitationMetrics.EVENTS, "type", "delivery.failed", "outcome", "failed")).isEqualTo(1);
    }

    @Test
    void the_tenant_tag_is_off_by_default_and_on_only_when_switched_on() {
        InvitationService plain = service(InvitationMetrics.builder(meters).observationRegistry(observations)
                .build(), DeliveryMode.HOST_DRIVEN, m -> { });
        plain.administration(ADMIN, ACME).invite(invite("a@example.com"));
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("tenant")).isNull());

        MeterRegistry tagged = new SimpleMeterRegistry();
        TestObservationRegistry taggedObservations = TestObservationRegistry.create();
        InvitationService service = service(InvitationMetrics.builder(tagged).observationRegistry(taggedObservations)
                .tenantTags(true).build(), DeliveryMode.HOST_DRIVEN, m -> { });
        service.administration(ADMIN, ACME).invite(invite("a@example.com"));
        assertThat(tagged.get(InvitationMetrics.EVENTS).tags("tenant", "acme").counter().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(taggedObservations)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("tenant", "acme"));
    }

    @Test
    void outbox_gauges_read_the_backlog_on_each_scrape() {
        AtomicReference<OutboxBacklog.Snapshot> now = new AtomicReference<>(OutboxBacklog.Snapshot.empty());
        InvitationMetrics.builder(meters).clock(CLOCK).outboxBacklog(at -> now.get()).build();

        assertThat(meters.get(InvitationMetrics.OUTBOX_BACKLOG).gauge().value()).isZero();
        assertThat(meters.get(InvitationMetrics.OUTBOX_OLDEST_DUE_AGE).timeGauge().value()).isZero();

        now.set(new OutboxBacklog.Snapshot(7, CLOCK.instant().minusSeconds(90)));
        assertThat(meters.get(InvitationMetrics.OUTBOX_BACKLOG).gauge().value()).isEqualTo(7);
        assertThat(meters.get(InvitationMetrics.OUTBOX_OLDEST_DUE_AGE).timeGauge()
                .value(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(90);

        now.set(null);
        assertThat(meters.get(InvitationMetrics.OUTBOX_BACKLOG).gauge().value()).isNaN();
    }

    /** No tag value may hold an address, a name, an id or a token. */
    private void assertNoPersonalData() {
        for (Meter m : meters.getMeters()) {
            m.getId().getTags().forEach(t -> assertThat(t.getValue())
                    .doesNotContain("@", "Ada", "admin-1", "acme", "inv1."));
        }
        assertThat(observedValues).isNotEmpty().allSatisfy(v ->
                assertThat(v).doesNotContain("@", "Ada", "admin-1", "acme", "inv1."));
    }
}
