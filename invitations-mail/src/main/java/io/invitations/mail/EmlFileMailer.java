package io.invitations.mail;

import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.IdentifyingMailer;
import io.invitations.spi.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Objects;

/**
 * A {@link Mailer} for development and demos: writes each message as an RFC 822 {@code .eml} file
 * (the same multipart MIME message {@link SmtpMailer} would send) into a directory, where any mail
 * client can open it. The file is named after the idempotency key, so a message delivered twice
 * would overwrite itself rather than appear twice.
 *
 * <pre>{@code
 * Mailer mailer = EmlFileMailer.into(Path.of("target/outbox"), "invitations@example.com");
 * }</pre>
 *
 * <p>Thread-safe. Files hold claim links: keep the directory private.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class EmlFileMailer implements IdentifyingMailer {
    private final Path directory;
    private final SmtpMailer mime;

    private EmlFileMailer(Path directory, SmtpMailer mime) {
        this.directory = directory;
        this.mime = mime;
    }

    /**
     * Creates a mailer that writes into a directory (created if missing).
     *
     * @param directory   where to write the files, not {@code null}
     * @param fromAddress the sender address written into each message, not {@code null}
     * @return the mailer
     */
    public static EmlFileMailer into(Path directory, String fromAddress) {
        return into(directory, fromAddress, Clock.systemUTC());
    }

    /**
     * Creates a mailer that writes into a directory, dating messages by a clock.
     *
     * @param directory   where to write the files, not {@code null}
     * @param fromAddress the sender address written into each message, not {@code null}
     * @param clock       the clock for the {@code Date} header, not {@code null}
     * @return the mailer
     */
    public static EmlFileMailer into(Path directory, String fromAddress, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        SmtpMailer composer = SmtpMailer.builder().host("localhost").port(25).security(SmtpSecurity.NONE)
                .from(fromAddress, null).clock(clock).build();
        return new EmlFileMailer(directory, composer);
    }

    /**
     * Returns the directory the files are written into.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Writes the message to {@code <directory>/<key>.eml}, atomically (a temporary file moved into place).
     *
     * @param message the message, not {@code null}
     * @throws MailDeliveryException permanent when the message cannot be built, transient when the
     *                               file cannot be written
     */
    @Override
    public void send(MailMessage message) {
        MimeMessage mimeMessage = mime.toMime(message);
        String name = message.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                mimeMessage.writeTo(out);
            }
            Files.move(tmp, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw MailDeliveryException.transientFailure("could not write " + name + " into " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the message as {@link #send(MailMessage)} does and reports its {@code Message-ID}, the
     * one {@code SmtpMailer} would give it.
     *
     * @param message the message, not {@code null}
     * @return the Message-ID, with angle brackets
     * @throws MailDeliveryException as {@link #send(MailMessage)}
     * @since 1.1
     */
    @Override
    public String sendAndIdentify(MailMessage message) {
        send(message);
        return mime.messageIdFor(message.idempotencyKey());
    }

    @Override
    public String toString() {
        return "EmlFileMailer[" + directory + "]";
    }
}
