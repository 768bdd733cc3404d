package io.invitations.core.memory;

import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The embedded default {@link Mailer}: delivers nothing, keeps the messages it was handed, in
 * order. Use it in demos and tests to see what would have been sent.
 *
 * <p>It keeps at most {@link #capacity()} messages ({@value #DEFAULT_CAPACITY} unless built with
 * {@link #keepingAtMost(int)}); past that, each new message drops the oldest, so a service left on
 * this default by mistake does not grow without bound. {@link #dropped()} says how many were dropped.
 *
 * <p>Thread-safe. Messages carry claim links; this class never logs them.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class RecordingMailer implements Mailer {
    /** How many messages a mailer made with {@link #RecordingMailer()} keeps: {@value}. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private final Deque<MailMessage> sent = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    /** Creates a mailer that has sent nothing and keeps the last {@value #DEFAULT_CAPACITY} messages. */
    public RecordingMailer() {
        this(DEFAULT_CAPACITY);
    }

    private RecordingMailer(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Creates a mailer that has sent nothing and keeps the last {@code capacity} messages.
     *
     * @param capacity how many messages to keep, at least 1
     * @return the mailer
     * @throws InvitationException ({@code INVALID_REQUEST}) if {@code capacity} is below 1
     */
    public static RecordingMailer keepingAtMost(int capacity) {
        if (capacity < 1) {
            throw InvitationException.invalidValue("capacity must be at least 1 (got " + capacity + ")");
        }
        return new RecordingMailer(capacity);
    }

    @Override
    public synchronized void send(MailMessage message) {
        InvitationException.requireValue(message, "message");
        if (sent.size() == capacity) {
            sent.removeFirst();
            dropped++;
        }
        sent.addLast(message);
    }

    /**
     * Returns how many messages this mailer keeps at most.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns how many messages were dropped, oldest first, to stay within {@link #capacity()}.
     *
     * @return the count since creation or the last {@link #clear()}
     */
    public synchronized long dropped() {
        return dropped;
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
        dropped = 0;
    }

    @Override
    public synchronized String toString() {
        return "RecordingMailer[sent=" + sent.size() + ", capacity=" + capacity + ", dropped=" + dropped + "]";
    }
}
