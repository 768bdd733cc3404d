package io.invitations.core;

import io.invitations.core.message.MessageTemplates;
import io.invitations.jackson.InvitationEventJson;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.message.Branding;
import io.invitations.core.message.MessageRenderer;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.TemplateException;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.RetryPolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.tck.support.MutableClock;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Messages as a host sees them through {@link InvitationService}: rendered from the tenant's
 * branding and templates, delivered through the outbox right after the operation (the default) or
 * when the host drains it, failures recorded on the invitation, and previews equal to what is sent.
 * Message bodies hold claim links: they are checked with {@code contains(...)} turned into booleans,
 * so that a failure never prints one.
 */
@DisplayName("Messages through the facade")
class MessagesThroughTheFacadeTest {
    private static final String SCRIPT = "See you there <script>alert('x')</script> & welcome";

    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final List<InvitationEvent> events = new CopyOnWriteArrayList<>();

    /**
     * The default embedded setup, with the mailer to watch, the test clock and a listener; IMMEDIATE
     * delivery runs on the caller's thread, so that what it sent can be asserted right after.
     */
    private InvitationService.Builder service(Mailer mailer) {
        return InvitationService.builder().mailer(mailer).clock(clock).settings(settings)
                .deliveryExecutor(Runnable::run)
                .keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                .listener(e -> {
                    Secrets.observed(e.toString());
                    Secrets.observed(InvitationEventJson.toJson(e));
                    events.add(e);
                });
    }

    private void configure(UnaryOperator<TenantSettings.Builder> change) {
        settings.update(ACME, s -> change.apply(s.toBuilder()).build());
    }

    private static InviteRequest.Builder request(String email) {
        return InviteRequest.builder().email(email).role("member");
    }

    private static String claimUrl(InvitationService service, Invitation invitation) {
        var link = service.administration(ADMIN, invitation.tenantId()).revealClaimLink(invitation.id());
        Secrets.issued(link.token());
        return link.url();
    }

    private static Invitation find(InvitationService service, Invitation invitation) {
        return service.administration(ADMIN, invitation.tenantId()).find(invitation.id()).orElseThrow();
    }

    private List<String> eventTypes() {
        return events.stream().map(InvitationEvent::type).toList();
    }

    @Nested
    @DisplayName("with the default embedded setup (immediate delivery)")
    class Immediate {
        private final RecordingMailer mailer = new RecordingMailer();
        private final InvitationService invitations = service(mailer).build();

        @Test
        @DisplayName("an invitation is mailed once, with its claim link, and a <script> message escaped in HTML")
        void inviteSendsOneMessage() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane.doe@example.com").personalMessage(SCRIPT).build());

            assertThat(mailer.sent()).hasSize(1);
            MailMessage mail = mailer.sent().get(0);
            String url = claimUrl(invitations, inv);
            assertThat(url).startsWith("http://localhost:8080/claim/");
            assertThat(mail.text().contains(url)).as("the text holds the claim link").isTrue();
            assertThat(mail.html().contains("href=\"" + url + "\"")).as("the HTML links to the claim URL").isTrue();
            assertThat(mail.text()).contains(SCRIPT);
            assertThat(mail.html()).doesNotContain("<script>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; welcome");
            assertThat(mail.to()).isEqualTo("jane.doe@example.com");
            assertThat(mail.toName()).isEqualTo("Jane Doe");
            assertThat(mail.subject()).isEqualTo("Ada Admin invited you to join acme");
            assertThat(mail.idempotencyKey()).isEqualTo(inv.id().value() + "#1");
            assertThat(mail.headers()).containsEntry(MessageRenderer.KIND_HEADER, "invitation");

            Invitation stored = find(invitations, inv);
            assertThat(stored.delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(stored.delivery().lastDeliveredAt()).isEqualTo(clock.instant());
            assertThat(eventTypes()).containsExactly("invitation.invited", "delivery.delivered");
        }

        @Test
        @DisplayName("a resend mails a second message under a new idempotency key")
        void resendSendsASecondMessage() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            clock.advance(Duration.ofHours(1));
            invitations.administration(ADMIN, ACME).resend(inv.id());

            assertThat(mailer.sent()).extracting(MailMessage::idempotencyKey)
                    .containsExactly(inv.id().value() + "#1", inv.id().value() + "#2");
            MailMessage second = mailer.sent().get(1);
            assertThat(second.subject()).isEqualTo("Reminder: Ada Admin invited you to join acme");
            assertThat(second.headers()).containsEntry(MessageRenderer.KIND_HEADER, "resend");
            assertThat(second.text().contains(claimUrl(invitations, inv))).as("same link by default").isTrue();
            assertThat(find(invitations, inv).delivery().sendCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("a re-invite after expiry mails the new link; the old one is in no later message")
        void reinviteSendsTheNewLink() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            String old = claimUrl(invitations, inv);
            clock.advance(Duration.ofDays(8));
            Invitation again = invitations.administration(ADMIN, ACME).reinvite(inv.id());

            MailMessage last = mailer.sent().get(mailer.sent().size() - 1);
            assertThat(last.subject()).isEqualTo("New invitation to join acme");
            assertThat(last.text().contains(claimUrl(invitations, again))).isTrue();
            assertThat(last.text().contains(old)).as("the dead link is not sent").isFalse();
        }

        @Test
        @DisplayName("the tenant's branding from its settings is in the message")
        void brandingComesFromTheSettings() {
            configure(s -> s.branding(new Branding("Acme Café", "https://cdn.acme.example/logo.png", "#0B6E4F",
                    "Where the Acme crew plans its work.")).claimUrlBase("https://app.acme.example/join/"));
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());

            MailMessage mail = mailer.sent().get(0);
            assertThat(mail.subject()).isEqualTo("Ada Admin invited you to join Acme Café");
            assertThat(mail.html()).contains("src=\"https://cdn.acme.example/logo.png\"", "#0B6E4F",
                    "Where the Acme crew plans its work.");
            assertThat(mail.text().contains(claimUrl(invitations, inv))).isTrue();
            assertThat(claimUrl(invitations, inv)).startsWith("https://app.acme.example/join/");
        }

        @Test
        @DisplayName("French and German invitees get French and German messages; the tenant's language is the default")
        void messagesAreInTheInviteesLanguage() {
            invitations.administration(ADMIN, ACME).invite(request("zoe@example.fr").locale(Locale.FRENCH).build());
            invitations.administration(ADMIN, ACME).invite(request("jonas@example.de").locale(Locale.GERMAN).build());
            configure(s -> s.defaultLocale(Locale.GERMAN));
            invitations.administration(ADMIN, ACME).invite(request("lena@example.de").build());

            assertThat(mailer.sent()).extracting(MailMessage::subject).containsExactly(
                    "Ada Admin vous invite à rejoindre acme", "Ada Admin lädt Sie zu acme ein",
                    "Ada Admin lädt Sie zu acme ein");
            assertThat(mailer.sent()).extracting(MailMessage::locale)
                    .containsExactly(Locale.FRENCH, Locale.GERMAN, Locale.GERMAN);
            assertThat(mailer.sent().get(0).text()).contains("expire dans 7 jours");
            assertThat(mailer.sent().get(1).text()).contains("läuft in 7 Tagen ab");
        }

        @Test
        @DisplayName("an invitee without email is mailed nothing")
        void identifierInviteesGetNoMail() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(InviteRequest.builder()
                    .identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042").name("Alex", "Martin").role("member").build());

            assertThat(mailer.sent()).isEmpty();
            assertThat(find(invitations, inv).delivery().status()).isEqualTo(DeliveryState.Status.NOT_SENT);
            assertThat(invitations.maintenance().deliverDueMessages().total()).isZero();
        }

        @RepeatedTest(20)
        @DisplayName("a slow mail server holds up only the operation that queued, not others of the same tenant")
        void aSlowMailerHoldsNoLock() throws Exception {
            CountDownLatch sending = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RecordingMailer recorded = new RecordingMailer();
            InvitationService slow = service(message -> {
                if (message.to().startsWith("slow")) {
                    sending.countDown();
                    await(release);
                }
                recorded.send(message);
            }).build();
            ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
            try {
                CompletableFuture<Invitation> first = CompletableFuture.supplyAsync(
                        () -> slow.administration(ADMIN, ACME).invite(request("slow@example.com").build()), pool);
                assertThat(sending.await(10, TimeUnit.SECONDS)).as("the first message reached the mailer").isTrue();

                Invitation second = CompletableFuture.supplyAsync(() -> slow.administration(ADMIN, ACME).invite(request("fast@example.com")
                        .build())).get(10, TimeUnit.SECONDS);

                assertThat(first).isNotDone();
                assertThat(recorded.sent()).extracting(MailMessage::to).containsExactly("fast@example.com");
                release.countDown();
                assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(InvitationStatus.PENDING);
                assertThat(recorded.sent()).hasSize(2);
                assertThat(find(slow, second).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    @DisplayName("when the mail server fails")
    class Failures {
        private final Mailer mailer = mock(Mailer.class);

        @Test
        @DisplayName("a permanent failure is recorded on the invitation and announced; the invitation stays usable")
        void permanentFailure() {
            doThrow(MailDeliveryException.permanentFailure("550 5.1.1 mailbox unknown", null))
                    .when(mailer).send(any());
            InvitationService invitations = service(mailer).build();

            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("nobody@example.com").build());

            assertThat(inv.status()).isEqualTo(InvitationStatus.PENDING);
            Invitation stored = find(invitations, inv);
            assertThat(stored.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(stored.delivery().status()).isEqualTo(DeliveryState.Status.FAILED);
            assertThat(stored.delivery().lastError()).contains("550 5.1.1 mailbox unknown");
            assertThat(events).filteredOn(InvitationEvent.DeliveryFailed.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(InvitationEvent.DeliveryFailed.class, e -> {
                        assertThat(e.invitationId()).isEqualTo(inv.id());
                        assertThat(e.sendNumber()).isEqualTo(1);
                        assertThat(e.reason()).contains("550");
                    });
            verify(mailer, times(1)).send(any());

            String token = Secrets.issued(invitations.administration(ADMIN, ACME).revealClaimLink(inv.id()).token());
            assertThat(invitations.invitee().accept(claim(token)).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        }

        @Test
        @DisplayName("a transient failure is retried once its backoff passed on the test clock")
        void transientFailureIsRetried() {
            doThrow(MailDeliveryException.transientFailure("421 try again later", null)).doNothing()
                    .when(mailer).send(any());
            InvitationService invitations = service(mailer).build();

            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            assertThat(find(invitations, inv).delivery().status()).isEqualTo(DeliveryState.Status.QUEUED);
            assertThat(invitations.maintenance().deliverDueMessages().total()).as("not due before its backoff").isZero();

            clock.advance(RetryPolicy.defaults().baseDelay());
            assertThat(invitations.maintenance().deliverDueMessages()).isEqualTo(new DrainResult(1, 0, 0, 0, 0));

            verify(mailer, times(2)).send(any());
            assertThat(find(invitations, inv).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(eventTypes()).containsExactly("invitation.invited", "delivery.delivered");
        }

        @Test
        @DisplayName("the configured retry policy decides when transient failures give up")
        void retryPolicyFromTheBuilder() {
            doThrow(MailDeliveryException.transientFailure("connection refused", null)).when(mailer).send(any());
            InvitationService invitations = service(mailer)
                    .retryPolicy(new RetryPolicy(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10), 2)).build();

            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            clock.advance(Duration.ofMinutes(1));
            invitations.maintenance().deliverDueMessages();

            verify(mailer, times(2)).send(any());
            DeliveryState delivery = find(invitations, inv).delivery();
            assertThat(delivery.status()).isEqualTo(DeliveryState.Status.FAILED);
            assertThat(delivery.lastError()).contains("gave up after 2 attempts", "connection refused");
            assertThat(eventTypes()).containsExactly("invitation.invited", "delivery.failed");
        }

        @Test
        @DisplayName("a claim URL that is not absolute fails delivery for good with a reason naming the setting")
        void relativeClaimUrlFailsDelivery() {
            doNothing().when(mailer).send(any());
            configure(s -> s.claimUrlTemplate("/claim/{token}"));
            InvitationService invitations = service(mailer).build();

            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());

            verify(mailer, never()).send(any());
            DeliveryState delivery = find(invitations, inv).delivery();
            assertThat(delivery.status()).isEqualTo(DeliveryState.Status.FAILED);
            assertThat(delivery.lastError()).contains("'/claim/{token}'", "absolute http(s) URL", "claimUrlBase");
            assertThat(refused(() -> invitations.administration(ADMIN, ACME).preview(inv.id(), Kind.INVITATION)).code())
                    .isEqualTo(ErrorCode.CONFIGURATION);
        }
    }

    @Nested
    @DisplayName("with host-driven delivery")
    class HostDriven {
        private final RecordingMailer mailer = new RecordingMailer();
        private final InvitationService invitations = service(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN).build();

        @Test
        @DisplayName("nothing is sent until the host drains the outbox")
        void nothingIsSentUntilDrained() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            Invitation joe = invitations.administration(ADMIN, ACME).invite(request("joe@example.com").build());
            clock.advance(Duration.ofHours(1));
            invitations.administration(ADMIN, ACME).resend(joe.id());

            assertThat(mailer.sent()).isEmpty();
            assertThat(find(invitations, inv).delivery().status()).isEqualTo(DeliveryState.Status.QUEUED);

            DrainResult result = invitations.maintenance().deliverDueMessages();

            assertThat(result).as("joe's first message was replaced by the resend")
                    .isEqualTo(new DrainResult(2, 0, 0, 1, 0));
            assertThat(mailer.sent()).extracting(MailMessage::to).containsExactlyInAnyOrder("jane@example.com",
                    "joe@example.com");
            assertThat(find(invitations, inv).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(invitations.maintenance().deliverDueMessages().total()).isZero();
        }

        @Test
        @DisplayName("a message whose invitation was revoked before delivery is never sent")
        void revokedBeforeDelivery() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            invitations.administration(ADMIN, ACME).revoke(inv.id(), "typo in the address");

            assertThat(invitations.maintenance().deliverDueMessages()).isEqualTo(new DrainResult(0, 0, 0, 1, 0));
            assertThat(mailer.sent()).isEmpty();
        }

        @Test
        @DisplayName("the host's scheduler drains the outbox")
        void scheduledDelivery() throws Exception {
            CountDownLatch delivered = new CountDownLatch(1);
            InvitationService scheduled = service(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN)
                    .listener(e -> {
                        if (e instanceof InvitationEvent.Delivered) {
                            delivered.countDown();
                        }
                    }).build();
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            try {
                Invitation inv = scheduled.administration(ADMIN, ACME).invite(request("jane@example.com").build());
                ScheduledFuture<?> task = scheduled.maintenance().scheduleDelivery(executor, Duration.ofMillis(20));

                assertThat(delivered.await(10, TimeUnit.SECONDS)).as("delivered by the scheduler").isTrue();
                task.cancel(false);
                assertThat(mailer.sent()).extracting(MailMessage::to).containsExactly("jane@example.com");
                assertThat(find(scheduled, inv).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("preview")
    class Preview {
        private final RecordingMailer mailer = new RecordingMailer();
        private final InvitationService invitations = service(mailer).build();

        @Test
        @DisplayName("equals the sent message byte for byte, for the invitation and for a resend")
        void previewEqualsWhatIsSent() {
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("jane.doe@example.com").personalMessage(SCRIPT)
                    .locale(Locale.FRENCH).build());

            MailMessage preview = invitations.administration(ADMIN, ACME).preview(inv.id(), Kind.INVITATION);
            MailMessage sent = mailer.sent().get(0);
            assertThat(preview).isEqualTo(sent);
            assertThat(preview.html().getBytes(StandardCharsets.UTF_8)).isEqualTo(
                    sent.html().getBytes(StandardCharsets.UTF_8));
            assertThat(preview.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(
                    sent.text().getBytes(StandardCharsets.UTF_8));

            clock.advance(Duration.ofDays(2));
            invitations.administration(ADMIN, ACME).resend(inv.id());
            assertThat(invitations.administration(ADMIN, ACME).preview(inv.id(), Kind.RESEND)).isEqualTo(mailer.sent().get(1));
            assertThat(mailer.sent()).hasSize(2);
        }

        @Test
        @DisplayName("shows the message before it is sent, and sends and stores nothing")
        void previewBeforeSending() {
            InvitationService hostDriven = service(mailer).deliveryMode(DeliveryMode.HOST_DRIVEN).build();
            Invitation inv = hostDriven.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            Invitation before = find(hostDriven, inv);

            MailMessage preview = hostDriven.administration(ADMIN, ACME).preview(inv.id(), Kind.INVITATION);

            assertThat(mailer.sent()).isEmpty();
            assertThat(find(hostDriven, inv)).isEqualTo(before);
            hostDriven.maintenance().deliverDueMessages();
            assertThat(mailer.sent()).containsExactly(preview);
        }

        @Test
        @DisplayName("shows the claim link, so it takes an administrator of the invitation's unit")
        void previewNeedsAnAdministrator() {
            configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Inviter hr = Inviter.of("hr-1", "Harriet", PermissionLevel.HR_TENANT);
            Invitation inv = invitations.administration(hr, ACME).invite(InviteRequest.builder().email("jane@example.com")
                    .role("member").build());

            InvalidRequestException notice = (InvalidRequestException) refused(
                    () -> invitations.administration(ADMIN, ACME).preview(inv.id(), Kind.ACCESS_CODE_NOTICE));
            assertThat(notice.fields()).containsExactly("kind");
            assertThat(refused(() -> invitations.administration(hr, ACME).preview(inv.id(), Kind.INVITATION)).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
            assertThat(invitations.administration(ADMIN, ACME).preview(inv.id(), Kind.INVITATION).subject())
                    .isEqualTo("Harriet invited you to join acme");
        }

        @Test
        @DisplayName("a sample shows the tenant's branding and template before any invitation exists")
        void sample() {
            configure(s -> s.branding(Branding.named("Acme Café")));

            MailMessage sample = invitations.administration(ADMIN, ACME).previewSample(Locale.GERMAN, Kind.INVITATION);

            assertThat(sample.subject()).isEqualTo("Sam Taylor lädt Sie zu Acme Café ein");
            assertThat(sample.to()).isEqualTo("alex.martin@example.com");
            assertThat(mailer.sent()).isEmpty();
        }
    }

    @Nested
    @DisplayName("custom templates")
    class Templates {
        private final RecordingMailer mailer = new RecordingMailer();
        private final InvitationService invitations = service(mailer).build();

        @Test
        @DisplayName("an unknown placeholder is refused with TEMPLATE_INVALID and nothing is stored")
        void unknownPlaceholderIsRefused() {
            TemplateException e = (TemplateException) refused(() -> invitations.administration(ADMIN, ACME).saveTemplate(Locale.ENGLISH,
                    Kind.INVITATION, "Join {{tenantName}}", "<p>{{inviterEmail}} {{claimUrl}}</p>", "{{claimUrl}}"));

            assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_INVALID);
            assertThat(e.unknownPlaceholders()).containsExactly("inviterEmail");
            assertThat(invitations.administration(ADMIN, ACME).template(Locale.ENGLISH, Kind.INVITATION))
                    .isEqualTo(MessageTemplates.builtIn(Locale.ENGLISH, Kind.INVITATION));
        }

        @Test
        @DisplayName("a draft is previewed, then saved; the tenant's next messages use it, other tenants keep theirs")
        void draftThenSaved() {
            MessageTemplate draft = MessageTemplate.of("{{inviterName}} vous attend sur {{tenantName}}",
                    "<p>{{#personalMessage}}<q>{{personalMessage}}</q>{{/personalMessage}}"
                            + " <a href=\"{{claimUrl}}\">Rejoindre</a> ({{expiresIn}})</p>",
                    "{{personalMessage}} {{claimUrl}} ({{expiresIn}})");

            MailMessage tried = invitations.administration(ADMIN, ACME).previewSample(Locale.FRENCH, Kind.INVITATION, draft);
            assertThat(tried.subject()).isEqualTo("Sam Taylor vous attend sur acme");
            assertThat(invitations.administration(ADMIN, ACME).template(Locale.FRENCH, Kind.INVITATION)).as("a draft is not stored")
                    .isEqualTo(MessageTemplates.builtIn(Locale.FRENCH, Kind.INVITATION));

            invitations.administration(ADMIN, ACME).saveTemplate(Locale.CANADA_FRENCH, Kind.INVITATION, draft.subject(), draft.html(),
                    draft.text());
            Invitation inv = invitations.administration(ADMIN, ACME).invite(request("zoe@example.fr").personalMessage(SCRIPT)
                    .locale(Locale.FRENCH).build());
            invitations.administration(ADMIN, io.invitations.core.testing.Fixture.GLOBEX).invite(InviteRequest.builder()
                    .email("zoe@example.fr").role("member").locale(Locale.FRENCH).build());

            MailMessage mail = mailer.sent().get(0);
            assertThat(mail.subject()).isEqualTo("Ada Admin vous attend sur acme");
            assertThat(mail.html()).contains("<q>See you there &lt;script&gt;", "(expire dans 7 jours)");
            assertThat(mail.text().contains(claimUrl(invitations, inv))).isTrue();
            assertThat(mailer.sent().get(1).subject()).isEqualTo("Ada Admin vous invite à rejoindre globex");

            assertThat(invitations.administration(ADMIN, ACME).removeTemplate(Locale.FRENCH, Kind.INVITATION)).isTrue();
            assertThat(invitations.administration(ADMIN, ACME).previewSample(Locale.FRENCH, Kind.INVITATION).subject())
                    .isEqualTo("Sam Taylor vous invite à rejoindre acme");
        }
    }

    @Nested
    @DisplayName("the access-code notice")
    class Notice {
        private final RecordingMailer mailer = new RecordingMailer();
        private final InvitationService invitations = service(mailer).build();
        private final String code = "K7QM-3XPA-9T";

        private Invitation identifierInvite() {
            return invitations.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.PERSONNEL_NUMBER,
                    "E-1042").name("Alex", "Martin").role("member").locale(Locale.GERMAN).build());
        }

        @Test
        @DisplayName("is rendered for administrators with the code, the identifier and the page to enter them")
        void rendered() {
            configure(s -> s.claimUrlBase("https://app.acme.example/claim/"));
            Invitation inv = identifierInvite();

            MailMessage notice = invitations.administration(ADMIN, ACME).accessCodeNotice(inv.id(), code);

            assertThat(notice.subject()).isEqualTo("So treten Sie acme mit Ihrem Zugangscode bei");
            assertThat(notice.text()).contains(code, "E-1042", "https://app.acme.example/claim/");
            assertThat(notice.html()).contains(code, "E-1042");
            assertThat(notice.headers()).containsEntry(MessageRenderer.KIND_HEADER, "access-code-notice");
            assertThat(mailer.sent()).as("a notice is printed, never mailed").isEmpty();
        }

        @Test
        @DisplayName("carries the invitation's own access code, which redeems it, when the code is not passed in")
        void withItsOwnCode() {
            configure(s -> s.claimUrlBase("https://app.acme.example/claim/"));
            Invitation inv = identifierInvite();
            String own = invitations.administration(ADMIN, ACME).revealAccessCode(inv.id()).formatted();

            MailMessage notice = invitations.administration(ADMIN, ACME).accessCodeNotice(inv.id());

            assertThat(notice.text().contains(own)).isTrue();
            assertThat(notice).isEqualTo(invitations.administration(ADMIN, ACME).accessCodeNotice(inv.id(), own));
            assertThat(invitations.invitee().redeemCode(CodeRedemption.of(ACME, "personnel_number", "E-1042", own))
                    .inspection().invitationId()).isEqualTo(inv.id());
            assertThat(mailer.sent()).isEmpty();
        }

        @Test
        @DisplayName("is refused below the administrator levels, for email invitees and without a code")
        void refusals() {
            Invitation inv = identifierInvite();
            Invitation email = invitations.administration(ADMIN, ACME).invite(request("jane@example.com").build());
            Inviter hr = Inviter.of("hr-1", "Harriet", PermissionLevel.HR_TENANT);

            assertThat(refused(() -> invitations.administration(hr, ACME).accessCodeNotice(inv.id(), code)).code())
                    .as("below the manage level another one's invitation is not found").isEqualTo(ErrorCode.NOT_FOUND);
            configure(s -> s.manageLevel(PermissionLevel.HR_TENANT));
            assertThat(refused(() -> invitations.administration(hr, ACME).accessCodeNotice(inv.id(), code)).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
            configure(s -> s.manageLevel(PermissionLevel.ADMIN_LOCAL));
            assertThat(((InvalidRequestException) refused(() -> invitations.administration(ADMIN, ACME).accessCodeNotice(email.id(),
                    code))).fields()).containsExactly("invitee");
            assertThat(((InvalidRequestException) refused(() -> invitations.administration(ADMIN, ACME).accessCodeNotice(inv.id(),
                    " "))).fields()).containsExactly("accessCode");
            assertThat(((InvalidRequestException) refused(() -> invitations.administration(ADMIN, ACME).preview(inv.id(),
                    Kind.INVITATION))).fields()).containsExactly("invitee");
        }
    }
}
