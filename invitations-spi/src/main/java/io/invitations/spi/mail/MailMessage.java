package io.invitations.spi.mail;

import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready to send. Its bodies carry the claim link, so {@link #toString()} shows
 * neither body.
 *
 * @param idempotencyKey invitation id and send number, the same on every attempt of one message
 *                       (also after a crash); a mailer that sees a key twice may drop the second and
 *                       should pass it to a provider that deduplicates by key (see {@link Mailer});
 *                       not blank
 * @param tenantId       the tenant, not {@code null}
 * @param invitationId   the invitation, not {@code null}
 * @param to             the recipient's address, not blank
 * @param toName         the recipient's display name, or {@code null}
 * @param replyTo        where replies go (the inviter), or {@code null}
 * @param subject        the subject, one line, not {@code null}
 * @param html           the HTML body, not {@code null}
 * @param text           the plain-text body, not {@code null}
 * @param locale         the language of the message, not {@code null}
 * @param headers        extra headers, possibly empty
 * @since 0.1.0
 */
public record MailMessage(String idempotencyKey, TenantId tenantId, InvitationId invitationId, String to,
                          String toName, String replyTo, String subject, String html, String text, Locale locale,
                          Map<String, String> headers) {
    /**
     * Validates the message.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if the key or recipient is blank, or the subject spans lines
     */
    public MailMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        if (idempotencyKey.isBlank() || to.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey and to must not be blank");
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject must be one line");
        }
        headers = Map.copyOf(headers);
    }

    /** Shows the routing, never the bodies (they carry the claim link). */
    @Override
    public String toString() {
        return "MailMessage[key=" + idempotencyKey + ", to=" + to + ", subject=" + subject + "]";
    }
}
