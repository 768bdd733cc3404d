package io.invitations.core.memory;

import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.Mailer;

/**
 * Mailers whose mail system fails, reporting it as the mailer contract says: a typed
 * {@link MailDeliveryException} naming the recipient, never a body.
 */
final class FailingMailers {
    private FailingMailers() {
    }

    /** A mail system that refuses the recipient for good, as an SMTP 550 does. */
    static Mailer refusingForGood() {
        return message -> {
            throw MailDeliveryException.permanentFailure("550 mailbox unavailable: " + message.to(), null);
        };
    }

    /** A mail system that cannot be reached for now, as when the connection is refused. */
    static Mailer failingForNow() {
        return message -> {
            throw MailDeliveryException.transientFailure("connection refused while sending to " + message.to(),
                    new java.net.ConnectException("Connection refused"));
        };
    }
}
