package io.invitations.spring.boot;

import io.invitations.mail.SmtpMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apiguardian.api.API;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.util.Map;
import java.util.Objects;

/**
 * A {@link Mailer} over the application's {@link JavaMailSender} ({@code spring.mail.*}). Failures
 * are classified as the engine expects: SMTP 5xx replies and messages that cannot be built are
 * permanent (recorded on the invitation, not retried); 4xx replies, connection failures, timeouts and
 * refused logins are transient (retried with backoff). Every message carries the
 * {@value SmtpMailer#KEY_HEADER} header with its idempotency key. Thread-safe when the sender is.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class JavaMailSenderMailer implements Mailer {
    private final JavaMailSender sender;
    private final String from;

    /**
     * Creates the mailer.
     *
     * @param sender the application's sender, not {@code null}
     * @param from   the sender address of every message, not blank
     * @throws io.invitations.spi.InvitationException with {@code CONFIGURATION} if {@code from} is blank
     *                                                 (naming {@code invitations.mail.from})
     */
    public JavaMailSenderMailer(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        if (from == null || from.isBlank()) {
            throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.mail.from must be set to the sender"
                    + " address of invitation messages, e.g. invitations.mail.from=invitations@example.com");
        }
        this.from = from;
    }

    @Override
    public void send(MailMessage message) {
        String key = message.idempotencyKey();
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            if (message.toName() != null) {
                helper.setTo(new jakarta.mail.internet.InternetAddress(message.to(), message.toName(), "UTF-8"));
            } else {
                helper.setTo(message.to());
            }
            if (message.replyTo() != null) {
                helper.setReplyTo(message.replyTo());
            }
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mime.setHeader("Content-Language", message.locale().toLanguageTag());
            mime.setHeader(SmtpMailer.KEY_HEADER, key);
            for (Map.Entry<String, String> h : message.headers().entrySet()) {
                mime.setHeader(h.getKey(), h.getValue());
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            throw MailDeliveryException.permanentFailure("message " + key + " could not be built: "
                    + e.getClass().getSimpleName(), e);
        }
        try {
            sender.send(mime);
        } catch (MailException e) {
            throw classify(key, e);
        }
    }

    /**
     * Classifies a failure of Spring's mail support.
     *
     * @param key the message's idempotency key
     * @param e   the failure
     * @return the exception to throw
     */
    static MailDeliveryException classify(String key, MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return MailDeliveryException.permanentFailure("message " + key + " could not be built: "
                    + e.getClass().getSimpleName(), e);
        }
        MessagingException cause = messagingCause(e);
        if (cause != null) {
            return SmtpMailer.classify(key, cause);
        }
        String what = e instanceof MailAuthenticationException ? "SMTP login failed for message " + key
                + "; check spring.mail.username/password" : "could not deliver message " + key;
        return MailDeliveryException.transientFailure(what + " (" + e.getClass().getSimpleName() + ")", e);
    }

    private static MessagingException messagingCause(MailException e) {
        if (e instanceof MailSendException s) {
            for (Exception failed : s.getFailedMessages().values()) {
                if (failed instanceof MessagingException m) {
                    return m;
                }
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MessagingException m) {
                return m;
            }
        }
        return null;
    }

    /** Shows the sender address only. */
    @Override
    public String toString() {
        return "JavaMailSenderMailer[from=" + from + "]";
    }
}
