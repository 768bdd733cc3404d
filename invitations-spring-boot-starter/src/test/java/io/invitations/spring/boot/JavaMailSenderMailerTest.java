package io.invitations.spring.boot;

import io.invitations.spi.mail.MailDeliveryException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The JavaMailSender mailer tells transient from permanent failures")
class JavaMailSenderMailerTest {
    @Test
    void smtp_5xx_is_permanent_and_4xx_is_transient() throws Exception {
        InternetAddress to = new InternetAddress("jane@example.com");
        MailSendException refused = new MailSendException(Map.of(new Object(),
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user")));
        MailSendException deferred = new MailSendException(Map.of(new Object(),
                new SMTPSendFailedException("DATA", 421, "421 try later", null, null, null, null)));

        MailDeliveryException permanent = JavaMailSenderMailer.classify("inv#1", refused);
        MailDeliveryException later = JavaMailSenderMailer.classify("inv#1", deferred);

        assertThat(permanent.isTransient()).isFalse();
        assertThat(permanent).hasMessageContaining("inv#1").hasMessageContaining("550");
        assertThat(later.isTransient()).isTrue();
    }

    @Test
    void refused_logins_and_lost_connections_are_transient_and_unbuildable_messages_permanent() {
        assertThat(JavaMailSenderMailer.classify("k", new MailAuthenticationException("535 bad credentials"))
                .isTransient()).isTrue();
        assertThat(JavaMailSenderMailer.classify("k", new MailSendException("Mail server connection failed"))
                .isTransient()).isTrue();
        assertThat(JavaMailSenderMailer.classify("k", new MailParseException("bad address")).isTransient())
                .isFalse();
    }
}
