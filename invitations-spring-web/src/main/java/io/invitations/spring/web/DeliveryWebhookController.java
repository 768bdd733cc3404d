package io.invitations.spring.web;

import io.invitations.jackson.ProviderWebhooks;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.mail.DeliveryFeedback;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.mail.UnknownMessageException;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spring.web.internal.OneTimeTokens;
import io.invitations.spring.web.internal.Problems;
import io.invitations.spring.web.internal.WebhookChecks;
import io.invitations.spring.web.internal.WebhookChecks.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Mail providers' delivery webhooks (deliveries, bounces, complaints) fed into the engine's
 * {@link DeliveryFeedback}, under {@code ${invitations.web.path:/invitations}/webhooks}:
 *
 * <ul>
 *   <li>{@code POST /amazon-ses}: Amazon SES notifications through an SNS HTTPS subscription,
 *       authenticated by HTTP Basic credentials in the subscription's URL; an authenticated
 *       SubscriptionConfirmation is confirmed by fetching its {@code SubscribeURL} (only an https
 *       URL of {@code sns.<region>.amazonaws.com});</li>
 *   <li>{@code POST /sendgrid}: the SendGrid Event Webhook, HTTP Basic credentials in its URL;</li>
 *   <li>{@code POST /postmark}: Postmark's Bounce, Spam complaint and Delivery webhooks, HTTP Basic
 *       credentials in their URL;</li>
 *   <li>{@code POST /mailgun}: Mailgun's JSON webhooks, HMAC-SHA256 signed with the domain's webhook
 *       signing key, a timestamp no further than {@code max-age} (5 minutes) from now, and a
 *       signature token not accepted before (the signature does not cover {@code event-data}, so
 *       each token is accepted once, on the attempt throttle shared by the nodes).</li>
 * </ul>
 *
 * <p>Each provider answers 404 until switched on in {@link WebhookProperties}; a missing or wrong
 * credential answers 401 (checked before the body is read), a wrong or stale Mailgun signature 403
 * ({@code SIGNATURE_INVALID}), a replayed one 403 ({@code SIGNATURE_REPLAYED}), a body above the
 * limit 413, a payload that cannot be read 400 naming the field, all as problem details. An accepted
 * request answers 200 {@code {"received": n}}, the number of delivery reports it carried, whether
 * or not the outbox knows their messages (so the answer reveals no message id, and the provider
 * stops retrying reports about other systems' mail); reports about unknown messages are counted in
 * {@link #unknownMessageReports()}. Reports are idempotent, so a retried request changes nothing.
 * Payloads and secrets are never logged.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
@RestController
@RequestMapping("${invitations.web.path:/invitations}/webhooks")
public class DeliveryWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWebhookController.class);
    private static final String PREFIX = "invitations.web.webhooks.";
    /** The largest {@code max-body-bytes} accepted: 16 MiB. */
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** The throttle keys of Mailgun signature tokens (followed by the token's SHA-256). */
    private static final String MAILGUN_TOKEN_KEYS = "mailgun-token:";

    private final DeliveryFeedback feedback;
    private final WebhookProperties properties;
    private final Clock clock;
    private final AtomicLong unknown = new AtomicLong();
    private final HttpClient http;
    private final OneTimeTokens mailgunTokens;

    /**
     * Creates the controller, checking the secret of every enabled provider.
     *
     * @param feedback   {@code service.deliveryFeedback()}, not {@code null}
     * @param properties the settings, not {@code null}
     * @param clock      the clock Mailgun signature timestamps are checked against, not {@code null}
     * @throws InvitationException with {@code CONFIGURATION} naming the property when an enabled
     *                             provider has no secret or a short one, or a limit is not positive
     */
    public DeliveryWebhookController(DeliveryFeedback feedback, WebhookProperties properties, Clock clock) {
        this(feedback, properties, clock, null);
    }

    /**
     * Creates the controller, checking the secret of every enabled provider, with the throttle on
     * which each Mailgun signature token is accepted once.
     *
     * @param feedback      {@code service.deliveryFeedback()}, not {@code null}
     * @param properties    the settings, not {@code null}
     * @param clock         the clock Mailgun signature timestamps are checked against, not {@code null}
     * @param tokenThrottle the attempt throttle shared by the nodes (keys {@code "mailgun-token:"} plus
     *                      the token's SHA-256; a token is accepted only when it gets every attempt
     *                      the throttle admits per key, so once per window; the window should be at
     *                      least twice {@code mailgun.max-age}), or {@code null} for one inside this
     *                      JVM (one attempt per key, a window of twice {@code max-age})
     * @throws InvitationException with {@code CONFIGURATION} naming the property when an enabled
     *                             provider has no secret or a short one, or a limit is out of range
     * @since 1.1
     */
    public DeliveryWebhookController(DeliveryFeedback feedback, WebhookProperties properties, Clock clock,
                                     AttemptThrottle tokenThrottle) {
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        requireBasic(properties.getAmazonSes(), "amazon-ses");
        requireBasic(properties.getSendgrid(), "sendgrid");
        requireBasic(properties.getPostmark(), "postmark");
        WebhookChecks.requireSecret(properties.getMailgun().isEnabled(), properties.getMailgun().getSigningKey(),
                PREFIX + "mailgun.signing-key");
        Duration maxAge = properties.getMailgun().getMaxAge();
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new InvitationException(ErrorCode.CONFIGURATION, PREFIX + "mailgun.max-age must be a positive"
                    + " duration such as 5m, was " + maxAge);
        }
        if (properties.getMaxBodyBytes() < 1 || properties.getMaxBodyBytes() > MAX_BODY_BYTES) {
            throw new InvitationException(ErrorCode.CONFIGURATION, PREFIX + "max-body-bytes must be between 1 and "
                    + MAX_BODY_BYTES + " (16 MiB), was " + properties.getMaxBodyBytes());
        }
        this.mailgunTokens = tokenThrottle != null ? new OneTimeTokens(tokenThrottle, MAILGUN_TOKEN_KEYS, 0)
                : new OneTimeTokens(InMemoryAttemptThrottle.builder().maxFailures(1).window(maxAge.multipliedBy(2))
                .clock(clock).build(), MAILGUN_TOKEN_KEYS, 1);
        this.http = properties.getAmazonSes().isEnabled() && properties.getAmazonSes().isConfirmSubscriptions()
                ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build() : null;
    }

    private static void requireBasic(WebhookProperties.BasicAuth p, String provider) {
        if (p.isEnabled() && (p.getUsername() == null || p.getUsername().isBlank() || p.getUsername().contains(":"))) {
            throw new InvitationException(ErrorCode.CONFIGURATION, PREFIX + provider + ".username must be set (without"
                    + " ':') while the webhook is enabled: the user name written into the provider's webhook URL");
        }
        WebhookChecks.requireSecret(p.isEnabled(), p.getPassword(), PREFIX + provider + ".password");
    }

    /**
     * Receives Amazon SES notifications delivered by SNS (whose requests say {@code text/plain}).
     *
     * @param request the request
     * @return the count of reports received, or a problem
     */
    @PostMapping("/amazon-ses")
    public ResponseEntity<Object> amazonSes(HttpServletRequest request) {
        WebhookProperties.AmazonSes p = properties.getAmazonSes();
        return withBasicAuth(request, p, body -> WebhookChecks.snsSubscribeUrl(body)
                .map(url -> confirm(url, p.isConfirmSubscriptions()))
                .orElseGet(() -> record(ProviderWebhooks.amazonSes(body))));
    }

    /**
     * Receives a SendGrid Event Webhook batch.
     *
     * @param request the request
     * @return the count of reports received, or a problem
     */
    @PostMapping("/sendgrid")
    public ResponseEntity<Object> sendGrid(HttpServletRequest request) {
        return withBasicAuth(request, properties.getSendgrid(), body -> record(ProviderWebhooks.sendGrid(body)));
    }

    /**
     * Receives a Postmark webhook.
     *
     * @param request the request
     * @return the count of reports received, or a problem
     */
    @PostMapping("/postmark")
    public ResponseEntity<Object> postmark(HttpServletRequest request) {
        return withBasicAuth(request, properties.getPostmark(), body -> record(ProviderWebhooks.postmark(body)));
    }

    /**
     * Receives a Mailgun webhook (JSON with {@code signature} and {@code event-data}).
     *
     * @param request the request
     * @return the count of reports received, or a problem
     */
    @PostMapping("/mailgun")
    public ResponseEntity<Object> mailgun(HttpServletRequest request) {
        WebhookProperties.Mailgun p = properties.getMailgun();
        return receive(request, p.isEnabled(), body -> {
            boolean valid;
            try {
                valid = ProviderWebhooks.mailgunSignatureValid(body, p.getSigningKey());
            } catch (InvitationException unsigned) {
                valid = false;
            }
            if (!valid) {
                throw new Refusal(HttpStatus.FORBIDDEN, "SIGNATURE_INVALID", "The Mailgun signature is missing or"
                        + " does not match invitations.web.webhooks.mailgun.signing-key");
            }
            Instant now = clock.instant();
            WebhookChecks.requireFresh(body, now, p.getMaxAge());
            List<DeliveryReport> reports = ProviderWebhooks.mailgun(body);
            String token = WebhookChecks.mailgunToken(body);
            if (!mailgunTokens.firstUse(token, now)) {
                throw new Refusal(HttpStatus.FORBIDDEN, "SIGNATURE_REPLAYED", "This Mailgun signature token was"
                        + " accepted before: each signed request is accepted once");
            }
            try {
                return record(reports);
            } catch (RuntimeException e) {
                mailgunTokens.release(token);
                throw e;
            }
        });
    }

    /**
     * How many reports named a message the outbox does not know, since this controller started.
     *
     * @return the count
     */
    public long unknownMessageReports() {
        return unknown.get();
    }

    private ResponseEntity<Object> withBasicAuth(HttpServletRequest request, WebhookProperties.BasicAuth p,
                                                 Function<String, Map<String, Object>> handle) {
        return receive(request, p.isEnabled(), () -> WebhookChecks.requireBasic(
                request.getHeader(HttpHeaders.AUTHORIZATION), p.getUsername(), p.getPassword()), handle);
    }

    private ResponseEntity<Object> receive(HttpServletRequest request, boolean enabled,
                                           Function<String, Map<String, Object>> handle) {
        return receive(request, enabled, () -> { }, handle);
    }

    /** Refuses a disabled provider, then checks the credentials, and only then reads the body. */
    private ResponseEntity<Object> receive(HttpServletRequest request, boolean enabled, Runnable authenticate,
                                           Function<String, Map<String, Object>> handle) {
        try {
            if (!enabled) {
                throw new Refusal(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such webhook: this provider is not enabled");
            }
            authenticate.run();
            String body = WebhookChecks.body(request.getInputStream(), request.getContentLengthLong(),
                    properties.getMaxBodyBytes());
            return ResponseEntity.ok(handle.apply(body));
        } catch (Refusal r) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(r.status());
            if (r.status() == HttpStatus.UNAUTHORIZED) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"invitations-webhooks\"");
            }
            return answer.body(Problems.of(r.status(), r.code(), r.getMessage()));
        } catch (InvitationException e) {
            ProblemDetail problem = Problems.forAdministrator(e);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "FEEDBACK_PAYLOAD_INVALID",
                    "The request body could not be read completely; the provider retries"));
        }
    }

    private Map<String, Object> record(List<DeliveryReport> reports) {
        for (DeliveryReport report : reports) {
            try {
                feedback.record(report);
            } catch (UnknownMessageException other) {
                unknown.incrementAndGet();
                LOG.debug("{} reported a message this library did not send: {}", report.provider(),
                        other.getMessage());
            }
        }
        // the same answer whether or not the outbox knows each message: a caller learns no message id
        return Map.of("received", reports.size());
    }

    private Map<String, Object> confirm(URI subscribeUrl, boolean automatically) {
        if (!automatically) {
            LOG.info("An SNS SubscriptionConfirmation arrived at the Amazon SES webhook; confirm the subscription in"
                    + " SNS (invitations.web.webhooks.amazon-ses.confirm-subscriptions=false)");
            return Map.of("confirmed", false);
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(subscribeUrl).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                LOG.info("Confirmed the SNS subscription of the Amazon SES webhook (host {})", subscribeUrl.getHost());
                return Map.of("confirmed", true);
            }
            LOG.warn("SNS refused the subscription confirmation of the Amazon SES webhook: HTTP {}",
                    answer.statusCode());
        } catch (IOException e) {
            LOG.warn("Could not reach SNS to confirm the Amazon SES webhook's subscription: {}", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The SNS subscription could not be"
                + " confirmed now; request the confirmation again in the SNS console");
    }
}
