package io.invitations.jackson;

import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the delivery webhooks of common mail providers into {@link DeliveryReport}s for
 * {@code InvitationService.deliveryFeedback()}. Each method takes the request body as received and
 * returns the reports it holds: none for events that say nothing about delivery (opens, clicks,
 * SNS subscription confirmations), one per delivery event otherwise.
 *
 * <h2>Mapping</h2>
 * <table>
 *   <caption>Provider events and the delivery step they record</caption>
 *   <tr><th>Provider</th><th>DELIVERED</th><th>SOFT_BOUNCED</th><th>HARD_BOUNCED</th><th>COMPLAINED</th>
 *       <th>Message references, in order</th></tr>
 *   <tr><td>Amazon SES (SNS notification or raw; {@code notificationType} or {@code eventType})</td>
 *       <td>Delivery</td><td>Bounce with bounceType Transient or Undetermined</td>
 *       <td>Bounce with bounceType Permanent</td><td>Complaint</td>
 *       <td>{@code mail.messageId}, {@code mail.commonHeaders.messageId}</td></tr>
 *   <tr><td>SendGrid (Event Webhook, an array)</td><td>delivered</td><td>deferred; bounce with type
 *       blocked</td><td>bounce; dropped for a bounced or invalid address</td><td>spamreport; dropped
 *       for a spam-reporting address</td><td>{@code sg_message_id} and its part before
 *       {@code .filter}, {@code smtp-id}, custom argument {@value #KEY_METADATA}</td></tr>
 *   <tr><td>Postmark (Bounce, Spam complaint and Delivery webhooks)</td><td>RecordType Delivery</td>
 *       <td>Type SoftBounce, Transient, DnsError, Blocked, Unknown</td><td>Type HardBounce,
 *       BadEmailAddress, ManuallyDeactivated, DMARCPolicy</td><td>RecordType or Type
 *       SpamComplaint</td><td>{@code MessageID}, {@code Metadata.}{@value #KEY_METADATA}</td></tr>
 *   <tr><td>Mailgun (webhooks with {@code event-data})</td><td>delivered</td><td>failed with severity
 *       temporary</td><td>failed with severity permanent</td><td>complained</td>
 *       <td>{@code message.headers.message-id}, {@code user-variables.}{@value #KEY_METADATA}</td></tr>
 * </table>
 * With {@code SmtpMailer} through a provider's SMTP relay, the outbox records the
 * {@code Message-ID}, which SES ({@code commonHeaders}), SendGrid ({@code smtp-id}) and Mailgun
 * ({@code message-id}) report back. With a provider's HTTP API, let the mailer return the API's
 * message id from {@code IdentifyingMailer.sendAndIdentify}, or attach the message's idempotency key as
 * metadata named {@value #KEY_METADATA}.
 *
 * <p>Payloads are never logged, and errors name fields, not content: bounce payloads may quote the
 * message, whose claim link is a secret. Verify the provider's signature before parsing (for
 * Mailgun: {@link #mailgunSignatureValid(String, String)}).
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public final class ProviderWebhooks {
    /** The metadata, custom-argument or user-variable name under which a message's idempotency key may travel. */
    public static final String KEY_METADATA = "invitation-key";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> POSTMARK_HARD = Set.of("HardBounce", "BadEmailAddress", "ManuallyDeactivated",
            "DMARCPolicy");
    private static final Set<String> POSTMARK_SOFT = Set.of("SoftBounce", "Transient", "DnsError", "Blocked",
            "Unknown");

    private ProviderWebhooks() {
    }

    /**
     * Reads an Amazon SES notification: the SNS envelope ({@code "Type": "Notification"} with the
     * notification as the {@code Message} string) or the raw notification.
     *
     * @param body the request body, not {@code null}
     * @return the reports; empty for SNS subscription messages and other notification types
     * @throws FeedbackPayloadException if the body is not JSON or a delivery notification lacks a field
     */
    public static List<DeliveryReport> amazonSes(String body) {
        JsonNode root = read("Amazon SES", body);
        if (root.has("Type") && !root.has("notificationType") && !root.has("eventType")) {
            if (!"Notification".equals(root.path("Type").asString())) {
                return List.of();
            }
            root = read("Amazon SES (SNS Message)", text(root, "Message", "Amazon SES"));
        }
        String type = root.has("notificationType") ? text(root, "notificationType", "Amazon SES")
                : text(root, "eventType", "Amazon SES");
        JsonNode mail = object(root, "mail", "Amazon SES");
        List<String> refs = new ArrayList<>();
        refs.add(text(mail, "messageId", "Amazon SES mail"));
        addIfText(refs, mail.path("commonHeaders").path("messageId"));
        return switch (type) {
            case "Bounce" -> {
                JsonNode bounce = object(root, "bounce", "Amazon SES");
                String bounceType = text(bounce, "bounceType", "Amazon SES bounce");
                DeliveryStep step = "Permanent".equals(bounceType) ? DeliveryStep.HARD_BOUNCED
                        : DeliveryStep.SOFT_BOUNCED;
                String diagnostic = bounce.path("bouncedRecipients").path(0).path("diagnosticCode").asString("");
                String detail = bounceType + "/" + bounce.path("bounceSubType").asString("?")
                        + (diagnostic.isEmpty() ? "" : ": " + diagnostic);
                yield List.of(report("ses", refs, step, iso(bounce, "timestamp", "Amazon SES bounce"), detail));
            }
            case "Complaint" -> {
                JsonNode complaint = object(root, "complaint", "Amazon SES");
                String kind = complaint.path("complaintFeedbackType").asString("");
                yield List.of(report("ses", refs, DeliveryStep.COMPLAINED,
                        iso(complaint, "timestamp", "Amazon SES complaint"),
                        kind.isEmpty() ? "complaint" : "complaint: " + kind));
            }
            case "Delivery" -> {
                JsonNode delivery = object(root, "delivery", "Amazon SES");
                yield List.of(report("ses", refs, DeliveryStep.DELIVERED,
                        iso(delivery, "timestamp", "Amazon SES delivery"), null));
            }
            default -> List.of();
        };
    }

    /**
     * Reads a SendGrid Event Webhook request: an array of events.
     *
     * @param body the request body, not {@code null}
     * @return one report per delivery event, in order; opens, clicks and others are left out
     * @throws FeedbackPayloadException if the body is not a JSON array or a delivery event lacks a field
     */
    public static List<DeliveryReport> sendGrid(String body) {
        JsonNode root = read("SendGrid", body);
        if (!root.isArray()) {
            throw new FeedbackPayloadException("SendGrid Event Webhook body must be a JSON array of events");
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (int k = 0; k < root.size(); k++) {
            JsonNode e = root.get(k);
            String where = "SendGrid event " + k;
            if (!e.isObject()) {
                throw new FeedbackPayloadException(where + " must be a JSON object");
            }
            String event = text(e, "event", where);
            String reason = e.path("reason").asString(e.path("response").asString(""));
            DeliveryStep step = switch (event) {
                case "delivered" -> DeliveryStep.DELIVERED;
                case "deferred" -> DeliveryStep.SOFT_BOUNCED;
                case "bounce" -> "blocked".equals(e.path("type").asString("")) ? DeliveryStep.SOFT_BOUNCED
                        : DeliveryStep.HARD_BOUNCED;
                case "spamreport" -> DeliveryStep.COMPLAINED;
                case "dropped" -> droppedStep(reason);
                default -> null;
            };
            if (step == null) {
                continue;
            }
            List<String> refs = new ArrayList<>();
            String sgId = e.path("sg_message_id").asString("");
            if (!sgId.isBlank()) {
                refs.add(sgId);
                int filter = sgId.indexOf(".filter");
                if (filter > 0) {
                    refs.add(sgId.substring(0, filter));
                }
            }
            addIfText(refs, e.path("smtp-id"));
            addIfText(refs, e.path(KEY_METADATA));
            requireReference(refs, where, "sg_message_id or smtp-id");
            reports.add(report("sendgrid", refs, step, epochSeconds(e, "timestamp", where), reason));
        }
        return List.copyOf(reports);
    }

    private static DeliveryStep droppedStep(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("spam")) {
            return DeliveryStep.COMPLAINED;
        }
        return r.contains("bounce") || r.contains("invalid") ? DeliveryStep.HARD_BOUNCED : null;
    }

    /**
     * Reads a Postmark webhook request: Bounce, SpamComplaint or Delivery (other record types, such as
     * Open and Click, give no report). The bounce's {@code Content} (the raw bounced message) is never
     * read.
     *
     * @param body the request body, not {@code null}
     * @return the reports
     * @throws FeedbackPayloadException if the body is not a JSON object or a delivery record lacks a field
     */
    public static List<DeliveryReport> postmark(String body) {
        JsonNode root = read("Postmark", body);
        if (!root.isObject()) {
            throw new FeedbackPayloadException("Postmark webhook body must be a JSON object");
        }
        String recordType = root.path("RecordType").asString("Bounce");
        List<String> refs = new ArrayList<>();
        addIfText(refs, root.path("MessageID"));
        addIfText(refs, root.path("Metadata").path(KEY_METADATA));
        if ("Delivery".equals(recordType)) {
            requireReference(refs, "Postmark delivery", "MessageID");
            return List.of(report("postmark", refs, DeliveryStep.DELIVERED, iso(root, "DeliveredAt",
                    "Postmark delivery"), null));
        }
        if (!"Bounce".equals(recordType) && !"SpamComplaint".equals(recordType)) {
            return List.of();
        }
        String type = "SpamComplaint".equals(recordType) ? "SpamComplaint" : text(root, "Type", "Postmark bounce");
        DeliveryStep step = "SpamComplaint".equals(type) ? DeliveryStep.COMPLAINED
                : POSTMARK_HARD.contains(type) ? DeliveryStep.HARD_BOUNCED
                : POSTMARK_SOFT.contains(type) ? DeliveryStep.SOFT_BOUNCED : null;
        if (step == null) {
            return List.of();
        }
        requireReference(refs, "Postmark " + recordType, "MessageID");
        String details = root.path("Details").asString(root.path("Description").asString(""));
        return List.of(report("postmark", refs, step, iso(root, "BouncedAt", "Postmark " + recordType),
                details.isEmpty() ? type : type + ": " + details));
    }

    /**
     * Reads a Mailgun webhook request (the JSON form with {@code signature} and {@code event-data}).
     * Check {@link #mailgunSignatureValid(String, String)} first.
     *
     * @param body the request body, not {@code null}
     * @return the reports; empty for opens, clicks and other events
     * @throws FeedbackPayloadException if the body is not JSON or a delivery event lacks a field
     */
    public static List<DeliveryReport> mailgun(String body) {
        JsonNode root = read("Mailgun", body);
        JsonNode data = object(root, "event-data", "Mailgun");
        String event = text(data, "event", "Mailgun event-data");
        DeliveryStep step = switch (event) {
            case "delivered" -> DeliveryStep.DELIVERED;
            case "failed" -> "permanent".equals(data.path("severity").asString("")) ? DeliveryStep.HARD_BOUNCED
                    : DeliveryStep.SOFT_BOUNCED;
            case "complained" -> DeliveryStep.COMPLAINED;
            default -> null;
        };
        if (step == null) {
            return List.of();
        }
        List<String> refs = new ArrayList<>();
        addIfText(refs, data.path("message").path("headers").path("message-id"));
        addIfText(refs, data.path("user-variables").path(KEY_METADATA));
        requireReference(refs, "Mailgun " + event, "message.headers.message-id");
        JsonNode status = data.path("delivery-status");
        String detail = step == DeliveryStep.DELIVERED ? null : status.path("description").asString("").isBlank()
                ? status.path("message").asString(data.path("reason").asString(""))
                : status.path("description").asString("");
        return List.of(report("mailgun", refs, step, epochSeconds(data, "timestamp", "Mailgun event-data"), detail));
    }

    /**
     * Checks a Mailgun webhook's signature: HMAC-SHA256 of {@code timestamp + token} under the
     * domain's webhook signing key, compared in constant time with {@code signature.signature}.
     * Also reject old timestamps and reused tokens, as Mailgun recommends.
     *
     * @param body       the request body, not {@code null}
     * @param signingKey the webhook signing key, not {@code null}
     * @return {@code true} when the signature matches
     * @throws FeedbackPayloadException if the body is not JSON or has no signature fields
     */
    public static boolean mailgunSignatureValid(String body, String signingKey) {
        Objects.requireNonNull(signingKey, "signingKey");
        JsonNode signature = object(read("Mailgun", body), "signature", "Mailgun");
        String timestamp = text(signature, "timestamp", "Mailgun signature");
        String token = text(signature, "token", "Mailgun signature");
        String given = text(signature, "signature", "Mailgun signature");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
            byte[] actual;
            try {
                actual = HexFormat.of().parseHex(given.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static DeliveryReport report(String provider, List<String> refs, DeliveryStep step, Instant at,
                                         String detail) {
        return new DeliveryReport(provider, refs, step, at, detail == null || detail.isBlank() ? null : detail);
    }

    private static JsonNode read(String provider, String body) {
        Objects.requireNonNull(body, "body");
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode() || !(root.isObject() || root.isArray())) {
                throw new FeedbackPayloadException(provider + " payload must be a JSON object or array");
            }
            return root;
        } catch (JacksonException e) {
            // the parser's own message may quote the payload: name the place only
            TokenStreamLocation at = e.getLocation();
            throw new FeedbackPayloadException(provider + " payload is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; pass the request body unchanged");
        }
    }

    private static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new FeedbackPayloadException(where + " payload has no \"" + field + "\" object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.path(field);
        if (!node.isString() || node.asString().isBlank()) {
            throw new FeedbackPayloadException(where + " payload has no \"" + field + "\" text");
        }
        return node.asString();
    }

    private static void addIfText(List<String> refs, JsonNode node) {
        if (node.isString() && !node.asString().isBlank() && !refs.contains(node.asString().strip())) {
            refs.add(node.asString().strip());
        }
    }

    private static void requireReference(List<String> refs, String where, String fields) {
        if (refs.isEmpty()) {
            throw new FeedbackPayloadException(where + " payload names no message: expected " + fields);
        }
    }

    private static Instant iso(JsonNode parent, String field, String where) {
        String value = text(parent, field, where);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new FeedbackPayloadException(where + " payload's \"" + field
                    + "\" is not an ISO-8601 date-time with offset");
        }
    }

    private static Instant epochSeconds(JsonNode parent, String field, String where) {
        JsonNode node = parent.path(field);
        if (!node.isNumber()) {
            throw new FeedbackPayloadException(where + " payload has no numeric \"" + field + "\" (epoch seconds)");
        }
        double seconds = node.asDouble();
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000) * 1_000);
    }
}
