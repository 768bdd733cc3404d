package io.invitations.core.memory;

import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default {@link Mailer}: delivers nothing, keeps every message it was handed, in
 * order. Use it in demos and tests to see what would have been sent.
 *
 * <p>Thread-safe. Messages carry claim links; this class never logs them.
 *
 * @since 0.1.0
 */
public final class RecordingMailer implements Mailer {
    private final List<MailMessage> sent = new ArrayList<>();

    /** Creates a mailer that has sent nothing. */
    public RecordingMailer() {
    }

    @Override
    public synchronized void send(MailMessage message) {
        sent.add(java.util.Objects.requireNonNull(message, "message"));
    }

    /**
     * Returns the messages sent so far.
     *
     * @return a snapshot, oldest first
     */
    public synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** Forgets every message sent so far. */
    public synchronized void clear() {
        sent.clear();
    }

    @Override
    public synchronized String toString() {
        return "RecordingMailer[sent=" + sent.size() + "]";
    }
}
