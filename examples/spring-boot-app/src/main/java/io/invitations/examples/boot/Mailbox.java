package io.invitations.examples.boot;

import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;

import java.util.ArrayList;
import java.util.List;

/** The in-app mailbox: every message the engine sends lands here instead of an SMTP server. */
public final class Mailbox implements Mailer {
    private final List<MailMessage> messages = new ArrayList<>();

    @Override
    public synchronized void send(MailMessage message) {
        messages.add(message);
    }

    /**
     * The messages, newest first.
     *
     * @return a copy
     */
    public synchronized List<MailMessage> newestFirst() {
        List<MailMessage> copy = new ArrayList<>(messages);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /**
     * One message by its position in {@link #newestFirst()}.
     *
     * @param index the position
     * @return the message
     */
    public synchronized MailMessage get(int index) {
        return newestFirst().get(index);
    }
}
