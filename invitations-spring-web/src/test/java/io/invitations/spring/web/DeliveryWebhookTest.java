package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.mail.MailMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.invitations.spring.web.WebTestApplication.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The providers' sample payloads (after their public documentation) through the webhook endpoints. */
@DisplayName("Delivery webhooks: authenticated provider payloads reach the engine; everything else is refused")
@SpringBootTest(classes = WebTestApplication.class, properties = {
        // messages go out only when the test drains the outbox: no delivery thread races the reports
        "invitations.delivery.mode=HOST_DRIVEN",
        "invitations.web.webhooks.max-body-bytes=65536",
        "invitations.web.webhooks.amazon-ses.enabled=true",
        "invitations.web.webhooks.amazon-ses.username=sns",
        "invitations.web.webhooks.amazon-ses.password=" + DeliveryWebhookTest.PASSWORD,
        "invitations.web.webhooks.sendgrid.enabled=true",
        "invitations.web.webhooks.sendgrid.username=sendgrid",
        "invitations.web.webhooks.sendgrid.password=" + DeliveryWebhookTest.PASSWORD,
        "invitations.web.webhooks.postmark.enabled=true",
        "invitations.web.webhooks.postmark.username=postmark",
        "invitations.web.webhooks.postmark.password=" + DeliveryWebhookTest.PASSWORD,
        "invitations.web.webhooks.mailgun.enabled=true",
        "invitations.web.webhooks.mailgun.signing-key=" + DeliveryWebhookTest.MAILGUN_KEY})
@AutoConfigureMockMvc
class DeliveryWebhookTest {
    static final String PASSWORD = "s3cret-webhook-password-0123";
    static final String MAILGUN_KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationService service;
    @Autowired
    RecordingMailer mailer;
    @Autowired
    MutableClock clock;
    @Autowired
    DeliveryWebhookController webhooks;

    /** An invitation whose message went out, and the key its outbox message goes by. */
    private record Sent(InvitationId id, String key) {
    }

    private Sent invite() {
        String email = UUID.randomUUID() + "@example.com";
        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email(email)
                .role("member").build());
        service.maintenance().deliverDueMessages();
        MailMessage message = mailer.sent().stream().filter(m -> m.to().equals(email)).reduce((a, b) -> b)
                .orElseThrow();
        return new Sent(inv.id(), message.idempotencyKey());
    }

    private DeliveryState.Status deliveryStatus(Sent sent) {
        return service.administration(ADMIN, ACME).find(sent.id()).orElseThrow().delivery().status();
    }

    private static String sample(String name, String key) throws IOException {
        try (InputStream in = DeliveryWebhookTest.class.getResourceAsStream("/webhooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${KEY}", key);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String mailgunSigned(String eventData, String key, long timestamp) throws Exception {
        return mailgunSigned(eventData, key, timestamp, UUID.randomUUID().toString().replace("-", ""));
    }

    private static String mailgunSigned(String eventData, String key, long timestamp, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
                + signature + "\"},\"event-data\":" + eventData + "}";
    }

    private static MockHttpServletRequestBuilder webhook(String provider, String body) {
        return post("/invitations/webhooks/{p}", provider).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void an_amazon_ses_bounce_through_sns_marks_the_invitation_bounced() throws Exception {
        Sent sent = invite();
        String notification = sample("amazon-ses-bounce.json", sent.key());
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\","
                + "\"TopicArn\":\"arn:aws:sns:us-west-2:123456789012:ses-feedback\",\"Message\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(notification) + "}";
        // SNS posts its JSON as text/plain
        mvc.perform(post("/invitations/webhooks/amazon-ses").contentType(MediaType.TEXT_PLAIN).content(envelope)
                        .header(HttpHeaders.AUTHORIZATION, basic("sns", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.unknown").doesNotExist());
        assertThat(deliveryStatus(sent)).isEqualTo(DeliveryState.Status.BOUNCED);
    }

    @Test
    void a_sendgrid_batch_records_its_bounce_and_counts_reports_about_other_mail() throws Exception {
        Sent sent = invite();
        long unknownBefore = webhooks.unknownMessageReports();
        mvc.perform(webhook("sendgrid", sample("sendgrid-events.json", sent.key()))
                        .header(HttpHeaders.AUTHORIZATION, basic("sendgrid", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.received").value(2))
                .andExpect(jsonPath("$.unknown").doesNotExist());
        assertThat(deliveryStatus(sent)).isEqualTo(DeliveryState.Status.BOUNCED);
        assertThat(webhooks.unknownMessageReports()).isEqualTo(unknownBefore + 1);
    }

    @Test
    void a_postmark_hard_bounce_marks_the_invitation_bounced_and_a_retry_changes_nothing() throws Exception {
        Sent sent = invite();
        String body = sample("postmark-bounce.json", sent.key());
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(webhook("postmark", body).header(HttpHeaders.AUTHORIZATION, basic("postmark", PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.received").value(1));
        }
        assertThat(deliveryStatus(sent)).isEqualTo(DeliveryState.Status.BOUNCED);
        assertThat(service.administration(ADMIN, ACME).history(sent.id()))
                .filteredOn(e -> e.action() == io.invitations.spi.invitation.Action.BOUNCE).hasSize(1);
    }

    @Test
    void a_signed_mailgun_failure_marks_the_invitation_bounced() throws Exception {
        Sent sent = invite();
        String body = mailgunSigned(sample("mailgun-failed-event-data.json", sent.key()), MAILGUN_KEY,
                clock.instant().getEpochSecond());
        mvc.perform(webhook("mailgun", body)).andExpect(status().isOk()).andExpect(jsonPath("$.received").value(1));
        assertThat(deliveryStatus(sent)).isEqualTo(DeliveryState.Status.BOUNCED);
    }

    @Test
    void missing_or_wrong_credentials_answer_401_and_record_nothing() throws Exception {
        Sent sent = invite();
        String body = sample("postmark-bounce.json", sent.key());
        mvc.perform(webhook("postmark", body)).andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("NOT_AUTHENTICATED"));
        mvc.perform(webhook("postmark", body).header(HttpHeaders.AUTHORIZATION, basic("postmark", PASSWORD + "x")))
                .andExpect(status().isUnauthorized());
        // another provider's credentials do not open this one
        mvc.perform(webhook("postmark", body).header(HttpHeaders.AUTHORIZATION, basic("sendgrid", PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(webhook("sendgrid", "[]").header(HttpHeaders.AUTHORIZATION, "Basic not*base64"))
                .andExpect(status().isUnauthorized()).andExpect(content().string(not(containsString(PASSWORD))));
        assertThat(deliveryStatus(sent)).isNotEqualTo(DeliveryState.Status.BOUNCED);
    }

    @Test
    void a_wrong_or_stale_mailgun_signature_answers_403_and_records_nothing() throws Exception {
        Sent sent = invite();
        String eventData = sample("mailgun-failed-event-data.json", sent.key());
        long now = clock.instant().getEpochSecond();
        mvc.perform(webhook("mailgun", mailgunSigned(eventData, "key-of-somebody-else-0123456789", now)))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        mvc.perform(webhook("mailgun", mailgunSigned(eventData, MAILGUN_KEY, now - 3600)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("max-age")));
        mvc.perform(webhook("mailgun", "{\"event-data\":" + eventData + "}")).andExpect(status().isForbidden());
        assertThat(deliveryStatus(sent)).isNotEqualTo(DeliveryState.Status.BOUNCED);
    }

    @Test
    void a_bad_payload_answers_400_naming_what_was_wrong_without_echoing_it() throws Exception {
        mvc.perform(webhook("postmark", "{\"RecordType\":\"Bounce\",\"Content\":\"SECRET-CONTENT\", oops")
                        .header(HttpHeaders.AUTHORIZATION, basic("postmark", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("FEEDBACK_PAYLOAD_INVALID"))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(content().string(not(containsString("SECRET"))));
        mvc.perform(webhook("sendgrid", "[{\"event\":\"bounce\",\"timestamp\":1}]")
                        .header(HttpHeaders.AUTHORIZATION, basic("sendgrid", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("sg_message_id")));
        mvc.perform(webhook("sendgrid", "").header(HttpHeaders.AUTHORIZATION, basic("sendgrid", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("empty")));
    }

    @Test
    void a_body_above_the_limit_answers_413() throws Exception {
        String huge = "[" + "{\"event\":\"open\"},".repeat(5000) + "{\"event\":\"open\"}]";
        mvc.perform(webhook("sendgrid", huge).header(HttpHeaders.AUTHORIZATION, basic("sendgrid", PASSWORD)))
                .andExpect(status().isPayloadTooLarge()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("invitations.web.webhooks.max-body-bytes")));
    }

    @Test
    void an_sns_subscription_confirmation_naming_a_foreign_host_is_refused_and_not_fetched() throws Exception {
        String body = sample("amazon-ses-subscription-confirmation.json", "")
                .replace("${URL}", "https://sns.evil.example/?Action=ConfirmSubscription");
        mvc.perform(webhook("amazon-ses", body).header(HttpHeaders.AUTHORIZATION, basic("sns", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("SubscribeURL")));
        // unauthenticated, nothing is looked at
        mvc.perform(webhook("amazon-ses", body)).andExpect(status().isUnauthorized());
    }

    @Test
    void an_sns_subscription_is_left_to_the_host_when_automatic_confirmation_is_off() throws Exception {
        WebhookProperties p = new WebhookProperties();
        p.getAmazonSes().setEnabled(true);
        p.getAmazonSes().setUsername("sns");
        p.getAmazonSes().setPassword(PASSWORD);
        p.getAmazonSes().setConfirmSubscriptions(false);
        DeliveryWebhookController controller = new DeliveryWebhookController(service.deliveryFeedback(), p, clock);
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/invitations/webhooks/amazon-ses");
        request.addHeader(HttpHeaders.AUTHORIZATION, basic("sns", PASSWORD));
        request.setContent(sample("amazon-ses-subscription-confirmation.json", "")
                .replace("${URL}", "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=t")
                .getBytes(StandardCharsets.UTF_8));
        var answer = controller.amazonSes(request);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(java.util.Map.of("confirmed", false));
    }

    @Test
    void a_replayed_mailgun_token_answers_403_even_with_other_event_data() throws Exception {
        Sent sent = invite();
        Sent victim = invite();
        long now = clock.instant().getEpochSecond();
        String token = UUID.randomUUID().toString().replace("-", "");
        String delivered = sample("mailgun-failed-event-data.json", sent.key())
                .replace("\"failed\"", "\"delivered\"");
        mvc.perform(webhook("mailgun", mailgunSigned(delivered, MAILGUN_KEY, now, token)))
                .andExpect(status().isOk());
        // the signature covers timestamp and token only: the same signature over a forged complaint
        String forged = mailgunSigned(sample("mailgun-failed-event-data.json", victim.key()), MAILGUN_KEY, now, token);
        mvc.perform(webhook("mailgun", forged)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("SIGNATURE_REPLAYED"))
                .andExpect(content().string(not(containsString(token))));
        assertThat(deliveryStatus(victim)).isNotEqualTo(DeliveryState.Status.BOUNCED);
    }

    @Test
    void a_report_about_an_unknown_message_gets_the_same_answer_as_a_known_one() throws Exception {
        Sent sent = invite();
        long unknownBefore = webhooks.unknownMessageReports();
        String known = mvc.perform(webhook("postmark", sample("postmark-bounce.json", sent.key()))
                        .header(HttpHeaders.AUTHORIZATION, basic("postmark", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(webhook("postmark", sample("postmark-bounce.json", "no-such-message-key"))
                        .header(HttpHeaders.AUTHORIZATION, basic("postmark", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).isEqualTo(known).isEqualTo("{\"received\":1}");
        assertThat(webhooks.unknownMessageReports()).isEqualTo(unknownBefore + 1);
    }

    @Test
    void credentials_are_checked_before_the_body_is_read() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/invitations/webhooks/postmark") {
                    @Override
                    public jakarta.servlet.ServletInputStream getInputStream() {
                        read.set(true);
                        return super.getInputStream();
                    }
                };
        request.setContent("{\"RecordType\":\"Bounce\"}".getBytes(StandardCharsets.UTF_8));
        request.addHeader(HttpHeaders.AUTHORIZATION, basic("postmark", "wrong-password-0123456789"));
        assertThat(webhooks.postmark(request).getStatusCode().value()).isEqualTo(401);
        assertThat(read).as("the body of an unauthenticated request is never read").isFalse();
    }

    @Test
    void a_mailgun_timestamp_out_of_range_answers_403_not_500() throws Exception {
        for (long timestamp : new long[] {Long.MAX_VALUE, Long.MIN_VALUE + 1, 99_999_999_999_999L}) {
            mvc.perform(webhook("mailgun", mailgunSigned("{\"event\":\"delivered\"}", MAILGUN_KEY, timestamp)))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
        }
    }

    @Test
    void max_body_bytes_above_16_mib_stops_the_start_naming_the_property() {
        WebhookProperties p = new WebhookProperties();
        p.setMaxBodyBytes(Long.MAX_VALUE);
        assertThatThrownBy(() -> new DeliveryWebhookController(service.deliveryFeedback(), p, clock))
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("invitations.web.webhooks.max-body-bytes");
        p.setMaxBodyBytes(16L * 1024 * 1024);
        assertThat(new DeliveryWebhookController(service.deliveryFeedback(), p, clock)).isNotNull();
    }

    @Test
    void a_mailgun_signature_is_fresh_for_5_minutes_by_default() {
        assertThat(new WebhookProperties().getMailgun().getMaxAge()).isEqualTo(java.time.Duration.ofMinutes(5));
    }

    @Test
    void two_nodes_on_one_shared_throttle_accept_a_mailgun_token_once() throws Exception {
        // a throttle admitting 5 attempts per key, as the JDBC one shared by the nodes does by default
        InMemoryAttemptThrottle shared = InMemoryAttemptThrottle.builder().clock(clock).build();
        WebhookProperties p = new WebhookProperties();
        p.getMailgun().setEnabled(true);
        p.getMailgun().setSigningKey(MAILGUN_KEY);
        DeliveryWebhookController nodeA = new DeliveryWebhookController(service.deliveryFeedback(), p, clock, shared);
        DeliveryWebhookController nodeB = new DeliveryWebhookController(service.deliveryFeedback(), p, clock, shared);
        String body = mailgunSigned(sample("mailgun-failed-event-data.json", "no-such-message-key"), MAILGUN_KEY,
                clock.instant().getEpochSecond());
        assertThat(nodeA.mailgun(mailgunRequest(body)).getStatusCode().value()).isEqualTo(200);
        for (DeliveryWebhookController node : List.of(nodeA, nodeB, nodeB)) {
            var answer = node.mailgun(mailgunRequest(body));
            assertThat(answer.getStatusCode().value()).isEqualTo(403);
            assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getProperties())
                    .containsEntry("code", "SIGNATURE_REPLAYED");
        }
    }

    private static org.springframework.mock.web.MockHttpServletRequest mailgunRequest(String body) {
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/invitations/webhooks/mailgun");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void secrets_never_show_in_the_settings_text() {
        WebhookProperties p = new WebhookProperties();
        p.getSendgrid().setPassword(PASSWORD);
        p.getMailgun().setSigningKey(MAILGUN_KEY);
        assertThat(p.toString()).doesNotContain(PASSWORD, MAILGUN_KEY).contains("******");
    }
}
