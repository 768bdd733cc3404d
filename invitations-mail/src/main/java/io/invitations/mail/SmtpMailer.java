package io.invitations.mail;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.IdentifyingMailer;
import io.invitations.spi.mail.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.apiguardian.api.API;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Delivers invitation messages over SMTP with Jakarta Mail (Eclipse Angus).
 *
 * <p>Each message goes out as {@code multipart/alternative} (plain text, then HTML), both UTF-8,
 * with UTF-8 encoded subject and display names, a {@code Content-Language}, the idempotency key in
 * the {@value #KEY_HEADER} header and a {@code Message-ID} derived from that key, so that the same
 * message always has the same id and receiving systems can recognise a repeat. That is what makes
 * the outbox's one possible duplicate recognisable: a message whose delivery was in doubt when a
 * process stopped (the server may have accepted it) is sent again with the same key, and so with the
 * same {@code Message-ID} (see {@link Mailer}).
 *
 * <p>Failures are reported as {@link MailDeliveryException}: SMTP 4xx replies, connection and
 * timeout failures and refused logins are transient (the outbox retries them; a wrong password is
 * not the invitee's fault), SMTP 5xx replies and recipient addresses that are not email addresses
 * are permanent. Exception messages carry the server's reply, never the message body.
 *
 * <p>A hanging or slow server never holds a sending thread for long: connecting, each wait for a
 * server reply and each blocked write are bounded by {@link #DEFAULT_CONNECT_TIMEOUT},
 * {@link #DEFAULT_READ_TIMEOUT} and {@link #DEFAULT_WRITE_TIMEOUT} (5 seconds each, configurable on
 * the builder); when one runs out, {@link #send(MailMessage)} fails with a transient
 * {@link MailDeliveryException} and the outbox retries later.
 *
 * <p>Opens one connection per message. Thread-safe. {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * Mailer mailer = SmtpMailer.builder()
 *         .host("smtp.example.com").security(SmtpSecurity.STARTTLS)
 *         .credentials("invitations@example.com", System.getenv("SMTP_PASSWORD"))
 *         .from("invitations@example.com", "Example Invitations")
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class SmtpMailer implements IdentifyingMailer {
    /** The header carrying the message's idempotency key. */
    public static final String KEY_HEADER = "X-Invitation-Key";
    /** How long connecting may take unless configured otherwise: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for each server reply unless configured otherwise: 5 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long a write may block unless configured otherwise: 5 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,76}");
    private static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "reply-to", "sender",
            "subject", "date", "message-id", "mime-version", "content-type", "content-transfer-encoding",
            "content-language", KEY_HEADER.toLowerCase(Locale.ROOT));

    private final String host;
    private final int port;
    private final SmtpSecurity security;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;
    private final Session session;

    private SmtpMailer(Builder b, InternetAddress from) {
        host = b.host;
        port = b.port > 0 ? b.port : b.security.defaultPort();
        security = b.security;
        username = b.username;
        password = b.password;
        this.from = from;
        messageIdDomain = b.messageIdDomain != null ? b.messageIdDomain
                : from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        clock = b.clock;
        session = Session.getInstance(properties(b));
    }

    private Properties properties(Builder b) {
        String protocol = security == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(b.readTimeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(b.writeTimeout.toMillis()));
        props.setProperty(p + "auth", Boolean.toString(username != null));
        props.setProperty(p + "from", from.getAddress());
        if (security == SmtpSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (security != SmtpSecurity.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        b.properties.forEach(props::setProperty);
        return props;
    }

    /**
     * Starts a builder; host and sender are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends one message over a new SMTP connection.
     *
     * @param message the message, not {@code null}
     * @throws MailDeliveryException transient for SMTP 4xx, connection failures, timeouts and
     *                               refused logins; permanent for SMTP 5xx and recipients that are
     *                               not email addresses or headers that cannot be sent
     */
    @Override
    public void send(MailMessage message) {
        MimeMessage mime = toMime(message);
        try (Transport transport = session.getTransport()) {
            transport.connect(host, port, username, password);
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(message.idempotencyKey(), e);
        }
        LOG.debug("sent {} through {}:{}", message.idempotencyKey(), host, port);
    }

    /**
     * Sends one message as {@link #send(MailMessage)} does and reports its {@code Message-ID}
     * ({@link #messageIdFor(String)}), by which providers that relay SMTP (Amazon SES, SendGrid,
     * Mailgun) name it in their delivery webhooks.
     *
     * @param message the message, not {@code null}
     * @return the Message-ID, with angle brackets
     * @throws MailDeliveryException as {@link #send(MailMessage)}
     * @since 1.1
     */
    @Override
    public String sendAndIdentify(MailMessage message) {
        send(message);
        return messageIdFor(message.idempotencyKey());
    }

    /**
     * The {@code Message-ID} of the message with a given idempotency key: a hash of the key at the
     * sender's domain (or the configured one).
     *
     * @param idempotencyKey the key, not {@code null}
     * @return the Message-ID, with angle brackets
     */
    public String messageIdFor(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".invitation@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    MimeMessage toMime(MailMessage message) {
        String key = message.idempotencyKey();
        try {
            MimeMessage mime = new KeyedMimeMessage(session, messageIdFor(key));
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, address(message.to(), message.toName(), key, "recipient"));
            if (message.replyTo() != null) {
                mime.setReplyTo(new InternetAddress[] {address(message.replyTo(), null, key, "reply-to")});
            }
            mime.setSubject(message.subject(), "UTF-8");
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader("Content-Language", message.locale().toLanguageTag());
            mime.setHeader(KEY_HEADER, key);
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                addHeader(mime, header.getKey(), header.getValue(), key);
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw MailDeliveryException.permanentFailure("message " + key + " could not be built: " + e.getMessage(),
                    e);
        }
    }

    private static InternetAddress address(String email, String name, String key, String role) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            if (name != null) {
                address.setPersonal(name, "UTF-8");
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw MailDeliveryException.permanentFailure("message " + key + ": the " + role + " '" + email
                    + "' is not an email address", e);
        }
    }

    private static void addHeader(MimeMessage mime, String name, String value, String key) throws MessagingException {
        if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw MailDeliveryException.permanentFailure("message " + key + ": header '" + name
                    + "' cannot be sent; use a printable ASCII name other than " + RESERVED_HEADERS
                    + " and a value on one line", null);
        }
        try {
            mime.setHeader(name, MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, "UTF-8", null)));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java platform has UTF-8", e);
        }
    }

    /**
     * Classifies a Jakarta Mail failure the way this mailer does, for other mailers over Jakarta Mail
     * (e.g. one over Spring's {@code JavaMailSender}): SMTP 5xx is permanent; 4xx, connection
     * failures, timeouts and refused logins are transient. The message names the key and the
     * server's reply, never the message body.
     *
     * @param key the message's idempotency key, not {@code null}
     * @param e   the failure, not {@code null}
     * @return the exception to throw from {@link io.invitations.spi.mail.Mailer#send}
     * @since 0.1.0
     */
    public static MailDeliveryException classify(String key, MessagingException e) {
        List<Throwable> chain = chain(e);
        Throwable smtp = chain.stream().filter(t -> replyCode(t) > 0).findFirst().orElse(null);
        int code = smtp == null ? 0 : replyCode(smtp);
        if (code >= 500 && code < 600) {
            return MailDeliveryException.permanentFailure("SMTP server refused message " + key + ": "
                    + oneLine(smtp.getMessage()), e);
        }
        if (code >= 400 && code < 500) {
            return MailDeliveryException.transientFailure("SMTP server deferred message " + key + ": "
                    + oneLine(smtp.getMessage()), e);
        }
        if (e instanceof AuthenticationFailedException) {
            return MailDeliveryException.transientFailure("SMTP login failed for message " + key
                    + "; check the mailer's credentials: " + oneLine(e.getMessage()), e);
        }
        Throwable root = chain.get(chain.size() - 1);
        return MailDeliveryException.transientFailure("could not deliver message " + key + " to the SMTP server: "
                + oneLine(e.getMessage()) + (root == e ? "" : " (" + oneLine(root.getMessage()) + ")"), e);
    }

    /** The SMTP reply code an exception carries, or 0. */
    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        return 0;
    }

    private static String oneLine(String text) {
        String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    /** The exception, its next exceptions and causes, outermost first. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Throwable t = e;
        while (t != null && all.size() < 16 && !all.contains(t)) {
            all.add(t);
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return all;
    }

    /** Shows where and as whom it connects, never the password. */
    @Override
    public String toString() {
        return "SmtpMailer[" + security + " " + host + ":" + port + ", from=" + from.getAddress()
                + (username == null ? "" : ", user=" + username) + "]";
    }

    /** A MimeMessage whose Message-ID is fixed instead of random. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /**
     * Builds an {@link SmtpMailer}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private String host;
        private int port;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private String username;
        private String password;
        private String fromAddress;
        private String fromName;
        private String messageIdDomain;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the SMTP server's host name (required).
         *
         * @param v the host
         * @return this builder
         */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /**
         * Sets the port (default: the security's {@linkplain SmtpSecurity#defaultPort() default port}).
         *
         * @param v the port, 1 to 65535
         * @return this builder
         */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /**
         * Sets how the connection is protected (default {@link SmtpSecurity#STARTTLS}).
         *
         * @param v the security
         * @return this builder
         */
        public Builder security(SmtpSecurity v) {
            security = v;
            return this;
        }

        /**
         * Logs in with a user name and password (default: no login).
         *
         * @param user     the user name
         * @param secret   the password; kept in memory only, never shown
         * @return this builder
         */
        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        /**
         * Sets the sender (required).
         *
         * @param address the sender's email address
         * @param name    the sender's display name (may have accents), or {@code null}
         * @return this builder
         */
        public Builder from(String address, String name) {
            fromAddress = address;
            fromName = name;
            return this;
        }

        /**
         * Sets the domain of generated Message-IDs (default: the sender's domain).
         *
         * @param v the domain
         * @return this builder
         */
        public Builder messageIdDomain(String v) {
            messageIdDomain = v;
            return this;
        }

        /**
         * Sets how long connecting may take (default {@link SmtpMailer#DEFAULT_CONNECT_TIMEOUT}, 5 seconds).
         *
         * @param v the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /**
         * Sets how long to wait for each server reply (default {@link SmtpMailer#DEFAULT_READ_TIMEOUT}, 5 seconds).
         *
         * @param v the timeout, positive
         * @return this builder
         */
        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        /**
         * Sets how long writing may block (default {@link SmtpMailer#DEFAULT_WRITE_TIMEOUT}, 5 seconds).
         *
         * @param v the timeout, positive
         * @return this builder
         */
        public Builder writeTimeout(Duration v) {
            writeTimeout = v;
            return this;
        }

        /**
         * Sets the clock of the {@code Date} header (default: the system clock).
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /**
         * Sets a Jakarta Mail session property not covered by this builder, e.g.
         * {@code mail.smtp.ssl.trust}; it wins over the builder's own settings.
         *
         * @param key   the property, e.g. {@code mail.smtp.localhost}
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the mailer. Does not connect.
         *
         * @return the mailer
         * @throws InvitationException with {@link ErrorCode#CONFIGURATION} naming every missing or
         *                             wrong setting
         */
        public SmtpMailer build() {
            Set<String> problems = new TreeSet<>();
            if (host == null || host.isBlank()) {
                problems.add("host is required");
            }
            if (port < 0 || port > 65_535) {
                problems.add("port must be between 1 and 65535, was " + port);
            }
            if (security == null) {
                problems.add("security must not be null");
            }
            if (username != null && password == null) {
                problems.add("credentials need a password");
            }
            for (Duration timeout : new Duration[] {connectTimeout, readTimeout, writeTimeout}) {
                if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                    problems.add("timeouts must be positive");
                }
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            InternetAddress from = null;
            if (fromAddress == null) {
                problems.add("from is required");
            } else {
                try {
                    from = new InternetAddress(fromAddress, true);
                    if (fromName != null) {
                        from.setPersonal(fromName, "UTF-8");
                    }
                } catch (AddressException | UnsupportedEncodingException e) {
                    problems.add("from '" + fromAddress + "' is not an email address");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvitationException(ErrorCode.CONFIGURATION,
                        "cannot build the SMTP mailer: " + String.join("; ", problems));
            }
            return new SmtpMailer(this, from);
        }
    }
}
