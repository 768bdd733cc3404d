package io.invitations.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("The SMTP mailer")
class SmtpMailerTest {
    private static final String LINK = "https://app.example/claim/inv-42?t=abc&v=1";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static MailMessage message(String key, String to) {
        return MailMessage.builder()
                .idempotencyKey(key)
                .tenantId(TenantId.of("acme"))
                .invitationId(InvitationId.of("inv-42"))
                .to(to)
                .toName("Jérôme Dûpont")
                .replyTo("zoe@example.com")
                .subject("Zoë Müller vous invite à rejoindre Acmé Café")
                .html("<p>Bonjour Jérôme,</p><p><a href=\"https://app.example/claim/inv-42?t=abc&amp;v=1\">Accepter</a></p>")
                .text("Bonjour Jérôme,\n\nAccepter : " + LINK + "\n")
                .locale(Locale.FRENCH)
                .headers(Map.of("X-Invitation-Kind", "invitation"))
                .build();
    }

    private static SmtpMailer.Builder mailer(int port) {
        return SmtpMailer.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .from("invitations@acme.example", "Acmé Invitations")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    @Nested
    @DisplayName("against a real SMTP server")
    class Delivery {
        @Test
        @DisplayName("carries the RFC 8058 one-click opt-out headers unchanged, a long opt-out URL on one line")
        void deliversTheOptOutHeaders() throws Exception {
            String url = "https://app.example/opt-out/out1.k1.YWNtZQ." + "x".repeat(43) + ".1." + "M".repeat(43);
            MailMessage withOptOut = message("inv-42#2", "jerome@example.com").toBuilder()
                    .headers(Map.of("X-Invitation-Kind", "invitation", "List-Unsubscribe", "<" + url + ">",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
                    .build();

            mailer(GREEN_MAIL.getSmtp().getPort()).build().send(withOptOut);

            MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
            assertThat(jakarta.mail.internet.MimeUtility.unfold(mail.getHeader("List-Unsubscribe", null)))
                    .isEqualTo("<" + url + ">");
            assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        }

        @Test
        @DisplayName("delivers subject, recipient, both parts and the link, with UTF-8 headers")
        void deliversAMultipartMessage() throws Exception {
            SmtpMailer mailer = mailer(GREEN_MAIL.getSmtp().getPort()).build();

            mailer.send(message("inv-42#1", "jerome@example.com"));

            MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getSubject()).isEqualTo("Zoë Müller vous invite à rejoindre Acmé Café");
            InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
            assertThat(to.getAddress()).isEqualTo("jerome@example.com");
            assertThat(to.getPersonal()).isEqualTo("Jérôme Dûpont");
            InternetAddress from = (InternetAddress) mail.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("invitations@acme.example");
            assertThat(from.getPersonal()).isEqualTo("Acmé Invitations");
            assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("zoe@example.com");
            assertThat(mail.getHeader(SmtpMailer.KEY_HEADER, null)).isEqualTo("inv-42#1");
            assertThat(mail.getHeader("X-Invitation-Kind", null)).isEqualTo("invitation");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("fr");
            assertThat(mail.getMessageID()).isEqualTo(mailer.messageIdFor("inv-42#1")).endsWith("@acme.example>");

            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            BodyPart text = parts.getBodyPart(0);
            BodyPart html = parts.getBodyPart(1);
            assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
            assertThat((String) text.getContent()).contains("Bonjour Jérôme,", LINK);
            assertThat((String) html.getContent()).contains("<p>Bonjour Jérôme,</p>",
                    "href=\"https://app.example/claim/inv-42?t=abc&amp;v=1\"");
        }

        @Test
        @DisplayName("gives the same message the same Message-ID and different messages different ones")
        void messageIdIsDerivedFromTheKey() {
            SmtpMailer one = mailer(1025).build();
            SmtpMailer other = mailer(2025).build();

            assertThat(one.messageIdFor("inv-42#1")).isEqualTo(other.messageIdFor("inv-42#1"))
                    .isNotEqualTo(one.messageIdFor("inv-42#2")).matches("<[0-9a-f]{32}\\.invitation@acme\\.example>");
        }

        @Test
        @DisplayName("refuses a recipient that is not an email address as a permanent failure, without connecting")
        void notAnEmailAddressIsPermanent() {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class,
                    () -> mailer(GREEN_MAIL.getSmtp().getPort()).build()
                            .send(message("inv-42#1", "personnel_number:E-77")));

            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("inv-42#1", "is not an email address");
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    @DisplayName("reports failures")
    class Failures {
        @ParameterizedTest(name = "{0} answered with {1}: transient = {2}")
        @CsvSource(delimiter = '|', value = {
                "RCPT | 550 5.1.1 <jerome@example.com>: no such user | false",
                "RCPT | 451 4.7.1 greylisted, try again later         | true",
                ".    | 554 5.7.1 message rejected as spam            | false",
                ".    | 452 4.3.1 insufficient system storage         | true",
                "MAIL | 421 4.3.2 service not available               | true"})
        @DisplayName("SMTP 5xx as permanent and 4xx as transient, with the server's reply")
        void mapsReplyCodes(String command, String reply, boolean transientFailure) throws Exception {
            try (ScriptedSmtpServer server = new ScriptedSmtpServer(command, reply)) {
                MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class,
                        () -> mailer(server.port()).build().send(message("inv-42#3", "jerome@example.com")));

                assertThat(e.isTransient()).isEqualTo(transientFailure);
                assertThat(e.code()).isEqualTo(transientFailure ? ErrorCode.DELIVERY_TRANSIENT : ErrorCode.DELIVERY_PERMANENT);
                assertThat(e.getMessage()).contains("inv-42#3", reply.substring(0, 3))
                        .doesNotContain("Bonjour", "claim");
            }
        }

        @Test
        @DisplayName("a refused login as transient: the invitee is not at fault")
        void refusedLoginIsTransient() throws Exception {
            try (ScriptedSmtpServer server = new ScriptedSmtpServer("AUTH", "535 5.7.8 authentication failed")) {
                MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class,
                        () -> mailer(server.port()).credentials("bot", "s3cret").build()
                                .send(message("inv-42#1", "jerome@example.com")));

                assertThat(e.isTransient()).isTrue();
                assertThat(e.getMessage()).contains("check the mailer's credentials").doesNotContain("s3cret");
            }
        }

        @Test
        @DisplayName("a dead port as transient")
        void deadPortIsTransient() throws IOException {
            int deadPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                deadPort = probe.getLocalPort();
            }
            SmtpMailer mailer = mailer(deadPort).build();

            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class,
                    () -> mailer.send(message("inv-42#1", "jerome@example.com")));

            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("inv-42#1", String.valueOf(deadPort));
        }
    }

    @Nested
    @DisplayName("against a server that accepts and never answers")
    class Hanging {
        private MailDeliveryException sendTo(ServerSocket silent, SmtpMailer mailer) {
            return catchThrowableOfType(MailDeliveryException.class,
                    () -> mailer.send(message("inv-42#1", "jerome@example.com")));
        }

        @Test
        @DisplayName("fails transiently once the configured read timeout (1 s) runs out")
        void configuredReadTimeout() throws IOException {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                SmtpMailer mailer = mailer(silent.getLocalPort()).readTimeout(Duration.ofSeconds(1)).build();

                long start = System.nanoTime();
                MailDeliveryException e = sendTo(silent, mailer);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e).isNotNull();
                assertThat(e.isTransient()).isTrue();
                assertThat(e.getMessage()).contains("inv-42#1");
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
            }
        }

        @Test
        @DisplayName("fails transiently within the default timeouts of 5 seconds")
        void defaultTimeouts() throws IOException {
            assertThat(SmtpMailer.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
            assertThat(SmtpMailer.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
            assertThat(SmtpMailer.DEFAULT_WRITE_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(silent.getLocalPort())
                        .security(SmtpSecurity.NONE).from("invitations@acme.example", null).build();

                long start = System.nanoTime();
                MailDeliveryException e = sendTo(silent, mailer);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e).isNotNull();
                assertThat(e.isTransient()).isTrue();
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(4_900)).isLessThan(Duration.ofSeconds(8));
            }
        }
    }

    @Nested
    @DisplayName("is configured")
    class Configuration {
        @Test
        @DisplayName("with every missing or wrong setting named at once")
        void builderNamesEveryProblem() {
            assertThatThrownBy(() -> SmtpMailer.builder().port(70_000).credentials("bot", null)
                    .connectTimeout(Duration.ZERO).build())
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                    .hasMessageContainingAll("host is required", "from is required", "port must be between",
                            "credentials need a password", "timeouts must be positive");
        }

        @Test
        @DisplayName("with the security's default port and a description that never shows the password")
        void defaultsAndDescription() {
            SmtpMailer mailer = SmtpMailer.builder().host("smtp.example.com").security(SmtpSecurity.SMTPS)
                    .credentials("bot", "s3cret").from("bot@example.com", null).build();

            assertThat(mailer.toString()).isEqualTo("SmtpMailer[SMTPS smtp.example.com:465, from=bot@example.com,"
                    + " user=bot]");
        }
    }
}
