package io.invitations.spi.mail;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;

/**
 * Delivery feedback named a message the outbox does not know: sent by another system through the
 * same provider, deleted, or the host passed the wrong id. Webhook endpoints usually answer such
 * reports with success so the provider stops retrying, and log this exception's message (it holds
 * the references, never a token).
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public class UnknownMessageException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** The references tried. */
    private final List<String> references;

    /**
     * Creates the exception.
     *
     * @param references the references tried, not {@code null}
     */
    public UnknownMessageException(List<String> references) {
        super(ErrorCode.NOT_FOUND, "no outbox message has the id or provider message id " + references
                + "; check that the mailer reports the provider's message id, or ignore reports about messages"
                + " other systems sent");
        this.references = List.copyOf(references);
    }

    /**
     * Returns the references tried.
     *
     * @return the references
     */
    public List<String> references() {
        return references;
    }
}
