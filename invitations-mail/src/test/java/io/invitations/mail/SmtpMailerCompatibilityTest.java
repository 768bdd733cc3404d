package io.invitations.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.invitations.spi.mail.Mailer;
import io.invitations.tck.MailerCompatibilityKit;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the mailer kit against {@link SmtpMailer}: deliveries against GreenMail, a permanent failure
 * as a server answering RCPT with 550, a transient one as a server answering MAIL with 421.
 */
@DisplayName("SmtpMailer keeps the mailer contract")
class SmtpMailerCompatibilityTest extends MailerCompatibilityKit {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<ScriptedSmtpServer> scripted = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopScriptedServers() throws IOException {
        for (ScriptedSmtpServer server : scripted) {
            server.close();
        }
    }

    private static SmtpMailer mailer(int port) {
        return SmtpMailer.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .from("invitations@acme.example", "Acmé Invitations")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    protected Mailer createMailer() {
        return mailer(GREEN_MAIL.getSmtp().getPort());
    }

    @Override
    protected List<Delivery> delivered() {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(SmtpMailerCompatibilityTest::delivery).toList();
    }

    @Override
    protected Mailer mailerFacingPermanentFailure() {
        return mailer(scripted("RCPT", "550 5.1.1 no such user").port());
    }

    @Override
    protected Mailer mailerFacingTransientFailure() {
        return mailer(scripted("MAIL", "421 4.3.2 service not available").port());
    }

    private ScriptedSmtpServer scripted(String command, String reply) {
        try {
            ScriptedSmtpServer server = new ScriptedSmtpServer(command, reply);
            scripted.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Delivery delivery(MimeMessage mail) {
        try {
            InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
            Address[] replyTo = mail.getReplyTo();
            String replyAddress = replyTo == null || replyTo.length == 0 ? null
                    : ((InternetAddress) replyTo[0]).getAddress();
            if ("invitations@acme.example".equalsIgnoreCase(replyAddress)) {
                replyAddress = null;   // without Reply-To, JavaMail answers with From
            }
            String html = null;
            String text = null;
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            for (int n = 0; n < parts.getCount(); n++) {
                BodyPart part = parts.getBodyPart(n);
                if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                } else if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                }
            }
            Map<String, String> headers = new HashMap<>();
            for (Header h : Collections.list(mail.getAllHeaders())) {
                if (h.getName().startsWith("X-")) {
                    headers.put(h.getName(), h.getValue());
                }
            }
            return new Delivery(to.getAddress(), to.getPersonal(), replyAddress, mail.getSubject(), html, text,
                    headers);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("GreenMail received a message that cannot be read: " + e, e);
        }
    }
}
