package io.invitations.tck;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The contract of {@link Mailer} as JUnit 5 checks: what arrives must be what the engine handed
 * over (recipient and name, reply-to, one-line subject, HTML and text bodies with non-ASCII text
 * and the claim link intact, extra headers), each message exactly once even when 32 threads send
 * at once; a failure is a typed {@link MailDeliveryException}, transient (DELIVERY_TRANSIENT) when a
 * later attempt may succeed and permanent (DELIVERY_PERMANENT) when it never will, and neither its
 * message nor the mailer's {@code toString()} shows a body (bodies carry claim links).
 *
 * <p>The kit reads what arrived through {@link #delivered()}, which an adapter implements with its
 * test server (GreenMail, a fake HTTP API ...), and makes the mail system fail through
 * {@link #mailerFacingPermanentFailure()} and {@link #mailerFacingTransientFailure()}:
 *
 * <pre>{@code
 * class SmtpMailerCompatibilityTest extends MailerCompatibilityKit {
 *     @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);
 *
 *     protected Mailer createMailer() {
 *         return SmtpMailer.builder("localhost", smtp.getSmtp().getPort()).build();
 *     }
 *     protected List<Delivery> delivered() {
 *         return Arrays.stream(smtp.getReceivedMessages()).map(MyMime::toDelivery).toList();
 *     }
 *     protected Mailer mailerFacingTransientFailure() {
 *         return SmtpMailer.builder("localhost", unusedPort()).build();   // connection refused
 *     }
 * }
 * }</pre>
 *
 * <p>A failure hook left at its default skips its check (it is reported as skipped, not failed).
 *
 * @since 0.1.0
 */
public abstract class MailerCompatibilityKit {
    /** How many threads send at once in the concurrency check. */
    protected static final int RACERS = 32;
    private static final String CLAIM_URL = "https://app.example.com/claim/tck-SECRET-TOKEN-9f3a";

    /** The mailer under test, new for each check. */
    protected Mailer mailer;
    /** A fresh tenant per check. */
    protected TenantId tenant;

    /**
     * Creates the mailer under test. Called once before each check; {@link #delivered()} must be
     * empty at the start of each check.
     *
     * @return a mailer, ready to use
     */
    protected abstract Mailer createMailer();

    /**
     * Returns what arrived at the mail system since the current check began, in any order.
     *
     * @return the deliveries
     */
    protected abstract List<Delivery> delivered();

    /**
     * Returns a mailer whose mail system refuses for good (an SMTP 5xx, a bad address). The
     * default aborts the calling check (reported as skipped).
     *
     * @return the mailer
     */
    protected Mailer mailerFacingPermanentFailure() {
        return abort("no permanently failing mail system was given");
    }

    /**
     * Returns a mailer whose mail system fails for now (connection refused, an SMTP 4xx). The
     * default aborts the calling check (reported as skipped).
     *
     * @return the mailer
     */
    protected Mailer mailerFacingTransientFailure() {
        return abort("no transiently failing mail system was given");
    }

    /**
     * One message as it arrived at the mail system.
     *
     * @param to      the recipient's address
     * @param toName  the recipient's display name, or {@code null} if the system has none
     * @param replyTo the reply-to address, or {@code null}
     * @param subject the subject
     * @param html    the HTML body
     * @param text    the plain-text body
     * @param headers the extra headers that arrived (others may be left out)
     * @since 0.1.0
     */
    public record Delivery(String to, String toName, String replyTo, String subject, String html, String text,
                           Map<String, String> headers) {
        /**
         * Copies the headers.
         *
         * @throws NullPointerException if {@code headers} is null
         */
        public Delivery {
            headers = Map.copyOf(headers);
        }

        /**
         * Describes a message as a mailer that loses nothing would deliver it.
         *
         * @param message the message, not {@code null}
         * @return its delivery
         */
        public static Delivery of(MailMessage message) {
            return new Delivery(message.to(), message.toName(), message.replyTo(), message.subject(), message.html(),
                    message.text(), message.headers());
        }
    }

    @BeforeEach
    void createTheMailer() {
        mailer = createMailer();
        tenant = Fixtures.newTenant();
    }

    @Nested
    @DisplayName("delivery")
    class Delivering {
        @Test
        @DisplayName("delivers the recipient, subject and both bodies, claim link included, exactly once")
        void deliversWhatItWasGiven() {
            MailMessage message = message(1, "ada@example.com");

            mailer.send(message);

            assertThat(delivered()).singleElement().satisfies(d -> {
                assertThat(d.to()).as("to").isEqualToIgnoringCase(message.to());
                assertThat(d.subject()).as("subject").isEqualTo(message.subject());
                assertThat(normalised(d.html())).as("html").isEqualTo(normalised(message.html()));
                assertThat(normalised(d.text())).as("text").isEqualTo(normalised(message.text()));
            });
        }

        @Test
        @DisplayName("keeps non-ASCII text in the subject, the bodies and the recipient's name intact")
        void nonAsciiSurvives() {
            MailMessage message = MailMessage.builder()
                    .idempotencyKey("tck-" + InvitationId.random() + "#1")
                    .tenantId(tenant)
                    .invitationId(InvitationId.random())
                    .to("zoe@example.org")
                    .toName("Zoë Müller")
                    .subject("Zoë, rejoignez l'Équipe Nord — 欢迎 ✓")
                    .html("<p>Bienvenue, Zoë ! À bientôt — 欢迎</p><a href=\"" + CLAIM_URL + "\">Rejoindre</a>")
                    .text("Bienvenue, Zoë ! À bientôt — 欢迎\nRejoindre : " + CLAIM_URL)
                    .locale(Locale.FRENCH)
                    .headers(Map.of())
                    .build();

            mailer.send(message);

            assertThat(delivered()).singleElement().satisfies(d -> {
                assertThat(d.subject()).as("subject").isEqualTo(message.subject());
                assertThat(normalised(d.html())).as("html").isEqualTo(normalised(message.html()));
                assertThat(normalised(d.text())).as("text").isEqualTo(normalised(message.text()));
                if (d.toName() != null) {
                    assertThat(d.toName()).as("toName").isEqualTo(message.toName());
                }
            });
        }

        @Test
        @DisplayName("carries the recipient's name, the reply-to address and the extra headers")
        void carriesNameReplyToAndHeaders() {
            MailMessage message = MailMessage.builder()
                    .idempotencyKey("tck-" + InvitationId.random() + "#1")
                    .tenantId(tenant)
                    .invitationId(InvitationId.random())
                    .to("grace@example.com")
                    .toName("Grace Hopper")
                    .replyTo("ada@example.com")
                    .subject("Join us")
                    .html("<p>Join: " + CLAIM_URL + "</p>")
                    .text("Join: " + CLAIM_URL)
                    .locale(Locale.ENGLISH)
                    .headers(Map.of("X-Invitation-Tenant", tenant.value()))
                    .build();

            mailer.send(message);

            assertThat(delivered()).singleElement().satisfies(d -> {
                assertThat(d.toName()).as("toName").isEqualTo("Grace Hopper");
                assertThat(d.replyTo()).as("replyTo").isEqualToIgnoringCase("ada@example.com");
                assertThat(d.headers()).as("headers").containsEntry("X-Invitation-Tenant", tenant.value());
            });
        }

        @Test
        @DisplayName("delivers several messages, each to its own recipient, none lost or mixed up")
        void deliversEachMessageToItsRecipient() {
            List<MailMessage> messages = IntStream.rangeClosed(1, 5)
                    .mapToObj(n -> message(n, "person" + n + "@example.com")).toList();

            messages.forEach(mailer::send);

            assertThat(delivered()).extracting(d -> d.to().toLowerCase(Locale.ROOT), Delivery::subject)
                    .containsExactlyInAnyOrderElementsOf(messages.stream()
                            .map(m -> org.assertj.core.groups.Tuple.tuple(m.to(), m.subject())).toList());
        }

        @Test
        @DisplayName("32 threads sending at once deliver every message exactly once")
        void racingSendsDeliverEveryMessageOnce() {
            List<MailMessage> messages = IntStream.range(0, RACERS)
                    .mapToObj(n -> message(n + 1, "racer" + n + "@example.com")).toList();

            Race.Outcomes outcomes;
            try (Race race = new Race(RACERS)) {
                outcomes = race.run(n -> () -> mailer.send(messages.get(n)));
            }

            assertThat(outcomes.failures()).isEmpty();
            assertThat(delivered()).extracting(d -> d.to().toLowerCase(Locale.ROOT))
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(MailMessage::to).toList());
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {
        @Test
        @DisplayName("a refusal for good is a permanent MailDeliveryException (DELIVERY_PERMANENT) showing no body")
        void permanentFailureIsTyped() {
            Mailer failing = mailerFacingPermanentFailure();
            MailMessage message = message(1, "nobody@example.com");

            Throwable thrown = catchThrowable(() -> failing.send(message));

            assertThat(thrown).as("what send threw").isInstanceOf(MailDeliveryException.class);
            MailDeliveryException e = (MailDeliveryException) thrown;
            assertThat(e.isTransient()).as("transient").isFalse();
            assertThat(e.code()).isEqualTo(ErrorCode.DELIVERY_PERMANENT);
            assertShowsNoBody(e, message);
        }

        @Test
        @DisplayName("a failure for now is a transient MailDeliveryException (DELIVERY_TRANSIENT) showing no body")
        void transientFailureIsTyped() {
            Mailer failing = mailerFacingTransientFailure();
            MailMessage message = message(1, "later@example.com");

            Throwable thrown = catchThrowable(() -> failing.send(message));

            assertThat(thrown).as("what send threw").isInstanceOf(MailDeliveryException.class);
            MailDeliveryException e = (MailDeliveryException) thrown;
            assertThat(e.isTransient()).as("transient").isTrue();
            assertThat(e.code()).isEqualTo(ErrorCode.DELIVERY_TRANSIENT);
            assertShowsNoBody(e, message);
        }

        @Test
        @DisplayName("the mailer's toString() shows no body after sending")
        void toStringShowsNoBody() {
            mailer.send(message(1, "ada@example.com"));

            assertThat(String.valueOf(mailer)).doesNotContain(CLAIM_URL);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /**
     * Returns a message as the engine renders it: subject, HTML and text bodies carrying a claim link.
     *
     * @param sendNumber the send number (part of the subject and idempotency key)
     * @param to         the recipient
     * @return the message
     */
    protected MailMessage message(int sendNumber, String to) {
        InvitationId invitation = InvitationId.random();
        return MailMessage.builder()
                .idempotencyKey(invitation.value() + "#" + sendNumber)
                .tenantId(tenant)
                .invitationId(invitation)
                .to(to)
                .subject("Ada Lovelace invites you to Analytical Engines (" + sendNumber + ")")
                .html("<p>Ada Lovelace invites you.</p><p><a href=\"" + CLAIM_URL + "\">Accept</a></p>")
                .text("Ada Lovelace invites you.\nAccept: " + CLAIM_URL)
                .locale(Locale.ENGLISH)
                .headers(Map.of())
                .build();
    }

    /** Line endings and the trailing line break a transport may add do not count. */
    private static String normalised(String body) {
        return Objects.requireNonNull(body, "body").replace("\r\n", "\n").stripTrailing();
    }

    private static void assertShowsNoBody(Throwable e, MailMessage message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName())
                    .doesNotContain(CLAIM_URL).doesNotContain(message.html()).doesNotContain(message.text());
            assertThat(t.toString()).as("toString of %s", t.getClass().getName()).doesNotContain(CLAIM_URL);
        }
    }
}
