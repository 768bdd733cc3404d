package io.invitations.jackson;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sample payloads written after each provider's public documentation of its webhooks. */
@DisplayName("Provider webhooks become delivery reports")
class ProviderWebhooksTest {
    private static final String SECRET_LINK = "https://app.example.com/invitations/claim#tok.en-SECRET-abc123";

    @Nested
    @DisplayName("Amazon SES")
    class AmazonSes {
        private static final String BOUNCE = """
                {"notificationType":"Bounce",
                 "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                   "bouncedRecipients":[{"emailAddress":"jane@example.com","action":"failed","status":"5.1.1",
                     "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
                   "timestamp":"2026-11-20T11:05:06.477Z","feedbackId":"0102015fd91a6479-ae22395c-000000",
                   "reportingMTA":"dsn; a4-8.smtp-out.eu-west-1.amazonses.com"},
                 "mail":{"timestamp":"2026-11-20T11:05:04.000Z","source":"invites@example.org",
                   "messageId":"0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000",
                   "destination":["jane@example.com"],
                   "commonHeaders":{"from":["invites@example.org"],"to":["jane@example.com"],
                     "messageId":"<3f2a9c0d1e4b5a6c.invitation@example.org>","subject":"You are invited"}}}
                """;

        @Test
        void a_permanent_bounce_is_hard_and_names_both_message_ids() {
            List<DeliveryReport> reports = ProviderWebhooks.amazonSes(BOUNCE);
            assertThat(reports).singleElement().satisfies(r -> {
                assertThat(r.provider()).isEqualTo("ses");
                assertThat(r.step()).isEqualTo(DeliveryStep.HARD_BOUNCED);
                assertThat(r.at()).isEqualTo(Instant.parse("2026-11-20T11:05:06.477Z"));
                assertThat(r.references()).containsExactly("0102015fd91a5ca3-93c245fe-e333-46ae-8fed-96160d20cfab-000000",
                        "<3f2a9c0d1e4b5a6c.invitation@example.org>");
                assertThat(r.detail()).isEqualTo("Permanent/General: smtp; 550 5.1.1 user unknown");
            });
        }

        @Test
        void the_sns_envelope_is_unwrapped_and_transient_bounces_are_soft() {
            String inner = BOUNCE.replace("Permanent", "Transient").replace("General", "MailboxFull");
            String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\","
                    + "\"TopicArn\":\"arn:aws:sns:us-west-2:123456789012:ses-feedback\",\"Message\":"
                    + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(inner) + "}";
            assertThat(ProviderWebhooks.amazonSes(envelope)).singleElement()
                    .extracting(DeliveryReport::step).isEqualTo(DeliveryStep.SOFT_BOUNCED);
            assertThat(ProviderWebhooks.amazonSes("{\"Type\":\"SubscriptionConfirmation\",\"Token\":\"x\"}")).isEmpty();
        }

        @Test
        void complaints_and_deliveries_and_event_publishing_payloads() {
            String complaint = """
                    {"eventType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"jane@example.com"}],
                     "timestamp":"2026-11-21T08:00:00Z","feedbackId":"f-1","complaintFeedbackType":"abuse"},
                     "mail":{"messageId":"ses-2","commonHeaders":{"messageId":"<m2@example.org>"}}}
                    """;
            String delivery = """
                    {"notificationType":"Delivery","delivery":{"timestamp":"2026-11-21T08:00:01.5Z",
                     "processingTimeMillis":546,"recipients":["jane@example.com"],"smtpResponse":"250 ok"},
                     "mail":{"messageId":"ses-3"}}
                    """;
            assertThat(ProviderWebhooks.amazonSes(complaint)).singleElement().satisfies(r -> {
                assertThat(r.step()).isEqualTo(DeliveryStep.COMPLAINED);
                assertThat(r.detail()).isEqualTo("complaint: abuse");
            });
            assertThat(ProviderWebhooks.amazonSes(delivery)).singleElement().satisfies(r -> {
                assertThat(r.step()).isEqualTo(DeliveryStep.DELIVERED);
                assertThat(r.references()).containsExactly("ses-3");
                assertThat(r.at()).isEqualTo(Instant.parse("2026-11-21T08:00:01.5Z"));
            });
        }
    }

    @Nested
    @DisplayName("SendGrid")
    class SendGrid {
        private static final String EVENTS = """
                [{"email":"jane@example.com","timestamp":1513299569,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>",
                  "event":"processed","category":"invites","sg_event_id":"e1",
                  "sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"},
                 {"email":"jane@example.com","timestamp":1513299570,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>",
                  "event":"delivered","response":"250 OK","sg_event_id":"e2",
                  "sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"},
                 {"email":"jane@example.com","timestamp":1513299571,"event":"open","sg_event_id":"e3",
                  "sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0","useragent":"Mozilla"},
                 {"email":"john@example.com","timestamp":1513299572,"smtp-id":"<a1@ismtpd-555>","event":"bounce",
                  "type":"bounce","status":"5.0.0","reason":"500 unknown recipient","sg_event_id":"e4",
                  "sg_message_id":"a1.filter0002.1.2.0","invitation-key":"inv-9#1"},
                 {"email":"joe@example.com","timestamp":1513299573,"event":"bounce","type":"blocked",
                  "reason":"blocked by policy","sg_event_id":"e5","sg_message_id":"b2.filter3.0"},
                 {"email":"joe@example.com","timestamp":1513299574,"event":"deferred","response":"400 try again later",
                  "attempt":"5","sg_event_id":"e6","sg_message_id":"b3.filter3.0"},
                 {"email":"ann@example.com","timestamp":1513299575,"event":"spamreport","sg_event_id":"e7",
                  "sg_message_id":"c4.filter3.0"},
                 {"email":"bob@example.com","timestamp":1513299576,"event":"dropped","reason":"Bounced Address",
                  "sg_event_id":"e8","sg_message_id":"d5.filter3.0"},
                 {"email":"bob@example.com","timestamp":1513299577,"event":"dropped","reason":"Unsubscribed Address",
                  "sg_event_id":"e9","sg_message_id":"d6.filter3.0"}]
                """;

        @Test
        void every_delivery_event_of_a_batch_is_reported_and_engagement_events_are_left_out() {
            List<DeliveryReport> reports = ProviderWebhooks.sendGrid(EVENTS);
            assertThat(reports).extracting(DeliveryReport::step).containsExactly(DeliveryStep.DELIVERED,
                    DeliveryStep.HARD_BOUNCED, DeliveryStep.SOFT_BOUNCED, DeliveryStep.SOFT_BOUNCED,
                    DeliveryStep.COMPLAINED, DeliveryStep.HARD_BOUNCED);
            assertThat(reports.get(0).references()).containsExactly(
                    "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0", "14c5d75ce93.dfd.64b469",
                    "<14c5d75ce93.dfd.64b469@ismtpd-555>");
            assertThat(reports.get(0).at()).isEqualTo(Instant.ofEpochSecond(1513299570));
            assertThat(reports.get(1).references()).contains("inv-9#1");
            assertThat(reports.get(1).detail()).isEqualTo("500 unknown recipient");
        }
    }

    @Nested
    @DisplayName("Postmark")
    class Postmark {
        @Test
        void hard_and_soft_bounces_complaints_and_deliveries_and_the_bounce_dump_is_never_read() {
            String hard = """
                    {"RecordType":"Bounce","ID":42,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce","Tag":"invite",
                     "MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","Metadata":{"invitation-key":"inv-7#1"},
                     "ServerID":23,"MessageStream":"outbound",
                     "Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
                     "Details":"smtp;550 5.1.1 The email account that you tried to reach does not exist",
                     "Email":"jane@example.com","From":"invites@example.org",
                     "BouncedAt":"2026-11-20T13:28:10.2735393-04:00","DumpAvailable":true,"Inactive":true,
                     "CanActivate":true,"Subject":"You are invited","Content":"%s"}
                    """.formatted(SECRET_LINK);
            DeliveryReport r = ProviderWebhooks.postmark(hard).get(0);
            assertThat(r.step()).isEqualTo(DeliveryStep.HARD_BOUNCED);
            assertThat(r.references()).containsExactly("883953f4-6105-42a2-a16a-77a8eac79483", "inv-7#1");
            assertThat(r.at()).isEqualTo(Instant.parse("2026-11-20T17:28:10.2735393Z"));
            assertThat(r.detail()).startsWith("HardBounce: smtp;550 5.1.1").doesNotContain("SECRET");

            assertThat(ProviderWebhooks.postmark(hard.replace("\"HardBounce\"", "\"SoftBounce\"")).get(0).step())
                    .isEqualTo(DeliveryStep.SOFT_BOUNCED);
            assertThat(ProviderWebhooks.postmark(hard.replace("\"HardBounce\"", "\"AutoResponder\""))).isEmpty();
            assertThat(ProviderWebhooks.postmark(hard.replace("\"RecordType\":\"Bounce\"",
                    "\"RecordType\":\"SpamComplaint\"")).get(0).step()).isEqualTo(DeliveryStep.COMPLAINED);
            String delivery = """
                    {"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound",
                     "MessageID":"00000000-0000-0000-0000-000000000000","Recipient":"john@example.com",
                     "Tag":"welcome-email","DeliveredAt":"2026-11-20T16:33:54.9070259Z","Details":"Test delivery",
                     "Metadata":{"a_key":"a_value"}}
                    """;
            assertThat(ProviderWebhooks.postmark(delivery)).singleElement().satisfies(d -> {
                assertThat(d.step()).isEqualTo(DeliveryStep.DELIVERED);
                assertThat(d.references()).containsExactly("00000000-0000-0000-0000-000000000000");
            });
            assertThat(ProviderWebhooks.postmark("{\"RecordType\":\"Open\",\"MessageID\":\"m\"}")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Mailgun")
    class Mailgun {
        private static final String KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

        private static String signed(String eventData, String signingKey) throws Exception {
            String timestamp = "1529006854";
            String token = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
            return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
                    + signature + "\"},\"event-data\":" + eventData + "}";
        }

        private static final String FAILED = """
                {"event":"failed","id":"G9Bn5sl1TC6nu79C8C0bwg","timestamp":1521233195.375624,"log-level":"error",
                 "severity":"permanent","reason":"bounce","recipient":"alice@example.com",
                 "delivery-status":{"code":550,"attempt-no":1,
                   "message":"5.1.1 The email account that you tried to reach does not exist.",
                   "description":"","mx-host":"mx.example.com"},
                 "message":{"headers":{"to":"Alice <alice@example.com>",
                   "message-id":"3f2a9c0d1e4b5a6c.invitation@example.org","from":"Invites <invites@example.org>",
                   "subject":"You are invited"},"attachments":[],"size":111},
                 "user-variables":{"invitation-key":"inv-3#1"}}
                """;

        @Test
        void permanent_failures_are_hard_temporary_ones_soft_and_the_signature_is_checked() throws Exception {
            String body = signed(FAILED, KEY);
            assertThat(ProviderWebhooks.mailgunSignatureValid(body, KEY)).isTrue();
            assertThat(ProviderWebhooks.mailgunSignatureValid(body, "another-key")).isFalse();

            DeliveryReport r = ProviderWebhooks.mailgun(body).get(0);
            assertThat(r.step()).isEqualTo(DeliveryStep.HARD_BOUNCED);
            assertThat(r.references()).containsExactly("3f2a9c0d1e4b5a6c.invitation@example.org", "inv-3#1");
            assertThat(r.at()).isEqualTo(Instant.ofEpochSecond(1521233195, 375_624_000));
            assertThat(r.detail()).startsWith("5.1.1 The email account");
            assertThat(ProviderWebhooks.mailgun(signed(FAILED.replace("permanent", "temporary"), KEY)).get(0).step())
                    .isEqualTo(DeliveryStep.SOFT_BOUNCED);
            assertThat(ProviderWebhooks.mailgun(signed(FAILED.replace("\"failed\"", "\"complained\""), KEY)).get(0)
                    .step()).isEqualTo(DeliveryStep.COMPLAINED);
            assertThat(ProviderWebhooks.mailgun(signed(FAILED.replace("\"failed\"", "\"delivered\""), KEY)).get(0)
                    .step()).isEqualTo(DeliveryStep.DELIVERED);
            assertThat(ProviderWebhooks.mailgun(signed(FAILED.replace("\"failed\"", "\"opened\""), KEY))).isEmpty();
        }
    }

    @Nested
    @DisplayName("malformed payloads")
    class Malformed {
        @Test
        void broken_json_is_a_typed_error_naming_the_place_and_never_the_content() {
            FeedbackPayloadException e = catchThrowableOfType(FeedbackPayloadException.class,
                    () -> ProviderWebhooks.postmark("{\"Content\":\"" + SECRET_LINK + "\", oops"));
            assertThat(e.code()).isEqualTo(ErrorCode.FEEDBACK_PAYLOAD_INVALID);
            assertThat(e.getMessage()).contains("Postmark", "not valid JSON", "line 1").doesNotContain("SECRET");
            assertThat(e.getCause()).isNull();
        }

        @Test
        void a_delivery_event_without_its_message_or_time_names_the_missing_field() {
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.amazonSes(
                    "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"timestamp\":\"x\"}}"))
                    .getMessage()).contains("\"mail\"");
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.amazonSes(
                    "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\"},"
                            + "\"bounce\":{\"bounceType\":\"Permanent\",\"timestamp\":\"yesterday\"}}"))
                    .getMessage()).contains("timestamp", "ISO-8601");
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.sendGrid(
                    "[{\"event\":\"bounce\",\"timestamp\":1}]")).getMessage()).contains("SendGrid event 0",
                    "sg_message_id");
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.sendGrid(
                    "{\"event\":\"bounce\"}")).getMessage()).contains("array");
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.mailgun(
                    "{\"event-data\":{\"event\":\"failed\",\"timestamp\":1}}")).getMessage()).contains("message-id");
            assertThat(catchThrowableOfType(FeedbackPayloadException.class, () -> ProviderWebhooks.postmark(
                    "\"just a string\"")).getMessage()).contains("JSON object");
        }

        @Test
        void random_mutations_of_the_samples_never_escape_as_an_untyped_exception() {
            long seed = System.nanoTime();
            java.util.Random random = new java.util.Random(seed);
            List<String> samples = List.of(AmazonSes.BOUNCE, SendGrid.EVENTS, Mailgun.FAILED);
            for (int round = 0; round < 500; round++) {
                String sample = samples.get(round % samples.size());
                StringBuilder mutated = new StringBuilder(sample);
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, "{}[]\",:0a".charAt(random.nextInt(9)));
                        default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                String body = mutated.toString();
                try {
                    ProviderWebhooks.amazonSes(body);
                    ProviderWebhooks.sendGrid(body);
                    ProviderWebhooks.postmark(body);
                    ProviderWebhooks.mailgun(body);
                } catch (io.invitations.spi.InvitationException expected) {
                    assertThat(expected.code()).as("seed %d", seed).isIn(ErrorCode.FEEDBACK_PAYLOAD_INVALID,
                            ErrorCode.INVALID_REQUEST);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": untyped " + e, e);
                }
            }
        }
    }
}
