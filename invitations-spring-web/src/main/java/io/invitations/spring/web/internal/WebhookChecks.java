package io.invitations.spring.web.internal;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the delivery webhook endpoints check before a payload reaches the engine: the body's size,
 * HTTP Basic credentials (compared in constant time), a Mailgun signature's age, and an SNS
 * subscription's confirmation URL. Nothing here logs or echoes a secret or the payload.
 */
public final class WebhookChecks {
    /** The hosts an SNS SubscribeURL may name. */
    private static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private WebhookChecks() {
    }

    /**
     * A request the endpoint refuses before the engine sees it: answered as a problem with the status
     * and code, without a stack trace.
     */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final HttpStatus status;
        private final String code;

        /**
         * Creates the refusal.
         *
         * @param status the status
         * @param code   the problem's code
         * @param detail what was wrong and how to fix it; never a secret
         */
        public Refusal(HttpStatus status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }

        /**
         * The status.
         *
         * @return the status
         */
        public HttpStatus status() {
            return status;
        }

        /**
         * The problem's code.
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }

    /**
     * Checks a configured secret at start: present and at least 16 characters when the provider is on.
     *
     * @param enabled  whether the provider is on
     * @param value    the secret
     * @param property its property name
     * @throws InvitationException with {@code CONFIGURATION} naming the property
     */
    public static void requireSecret(boolean enabled, String value, String property) {
        if (enabled && (value == null || value.strip().length() < 16)) {
            throw new InvitationException(ErrorCode.CONFIGURATION, property + " must be set to a random secret of at"
                    + " least 16 characters (e.g. from 'openssl rand -base64 24') while the webhook is enabled,"
                    + " or switch the webhook off");
        }
    }

    /**
     * Reads the body as UTF-8, refusing one above the limit (413) before reading it all.
     *
     * @param in            the body
     * @param contentLength the declared length, or -1
     * @param limit         the most bytes accepted
     * @return the body
     * @throws IOException if reading fails
     */
    public static String body(InputStream in, long contentLength, long limit) throws IOException {
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        if (bytes.length == 0) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "FEEDBACK_PAYLOAD_INVALID", "The request body is empty: the"
                    + " provider's webhook payload is expected");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Refusal tooLarge(long limit) {
        return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is larger than "
                + limit + " bytes; raise invitations.web.webhooks.max-body-bytes if the provider sends larger batches");
    }

    /**
     * Checks HTTP Basic credentials in constant time (both compared as SHA-256 digests, so the
     * length does not leak either).
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param username      the expected user name
     * @param password      the expected password
     * @throws Refusal 401 when missing or wrong
     */
    public static void requireBasic(String authorization, String username, String password) {
        byte[] given = Optional.ofNullable(authorization).filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> {
                    try {
                        return Base64.getDecoder().decode(h.substring(6).strip());
                    } catch (IllegalArgumentException notBase64) {
                        return null;
                    }
                }).orElse(null);
        byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        boolean match = MessageDigest.isEqual(sha256(expected), sha256(given == null ? new byte[0] : given));
        if (given == null || !match) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, "NOT_AUTHENTICATED", "The webhook's HTTP Basic credentials"
                    + " are missing or wrong: put the configured user name and password into the webhook URL");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Refuses a Mailgun request whose signature timestamp is further from now than allowed.
     *
     * @param body   the request body, already found signed
     * @param now    the current instant
     * @param maxAge the largest distance
     * @throws Refusal 403 when the timestamp is missing or too far
     */
    public static void requireFresh(String body, Instant now, Duration maxAge) {
        long seconds;
        try {
            JsonNode ts = MAPPER.readTree(body).path("signature").path("timestamp");
            seconds = Long.parseLong(ts.isNumber() ? String.valueOf(ts.asLong()) : ts.asString(""));
        } catch (JacksonException | NumberFormatException e) {
            seconds = Long.MIN_VALUE;
        }
        boolean fresh;
        try {
            fresh = seconds != Long.MIN_VALUE
                    && Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(maxAge) <= 0;
        } catch (DateTimeException | ArithmeticException outOfRange) {
            fresh = false;
        }
        if (!fresh) {
            throw new Refusal(HttpStatus.FORBIDDEN, "SIGNATURE_INVALID", "The Mailgun signature's timestamp is"
                    + " missing or further than invitations.web.webhooks.mailgun.max-age from now");
        }
    }

    /**
     * Reads the {@code signature.token} of a Mailgun request already found signed.
     *
     * @param body the request body
     * @return the token
     * @throws Refusal 403 when it is missing
     */
    public static String mailgunToken(String body) {
        String token;
        try {
            token = MAPPER.readTree(body).path("signature").path("token").asString("");
        } catch (JacksonException e) {
            token = "";
        }
        if (token.isBlank()) {
            throw new Refusal(HttpStatus.FORBIDDEN, "SIGNATURE_INVALID", "The Mailgun signature has no token");
        }
        return token;
    }

    /**
     * The SHA-256 of a text as lower-case hex: how a token is named in a throttle key, never in clear.
     *
     * @param text the text
     * @return 64 hex digits
     */
    public static String sha256Hex(String text) {
        return java.util.HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads an SNS SubscriptionConfirmation's SubscribeURL, accepting only https URLs of an SNS host.
     *
     * @param body the request body
     * @return the URL, or empty when the body is not a SubscriptionConfirmation
     * @throws Refusal 400 when it is one but its URL is not an SNS https URL
     */
    public static Optional<URI> snsSubscribeUrl(String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !"SubscriptionConfirmation".equals(root.path("Type").asString(""))) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(root.path("SubscribeURL").asString(""));
            if ("https".equals(url.getScheme()) && url.getHost() != null && url.getUserInfo() == null
                    && url.getPort() == -1 && SNS_HOST.matcher(url.getHost()).matches()) {
                return Optional.of(url);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, "FEEDBACK_PAYLOAD_INVALID", "The SNS SubscriptionConfirmation's"
                + " SubscribeURL is not an https URL of sns.<region>.amazonaws.com");
    }
}
