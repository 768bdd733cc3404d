package io.invitations.spi.mail;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready to send. Its bodies carry the claim link, so {@link #toString()} shows
 * neither body.
 *
 * @since 0.1.0
 */
public final class MailMessage {
    private final String idempotencyKey;
    private final TenantId tenantId;
    private final InvitationId invitationId;
    private final String to;
    private final String toName;
    private final String replyTo;
    private final String subject;
    private final String html;
    private final String text;
    private final Locale locale;
    private final Map<String, String> headers;

    private MailMessage(String idempotencyKey, TenantId tenantId, InvitationId invitationId, String to, String toName,
            String replyTo, String subject, String html, String text, Locale locale, Map<String, String> headers) {
        InvitationException.requireValue(idempotencyKey, "idempotencyKey");
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(to, "to");
        InvitationException.requireValue(subject, "subject");
        InvitationException.requireValue(html, "html");
        InvitationException.requireValue(text, "text");
        InvitationException.requireValue(locale, "locale");
        if (idempotencyKey.isBlank() || to.isBlank()) {
            throw InvitationException.invalidValue("idempotencyKey and to must not be blank");
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw InvitationException.invalidValue("subject must be one line");
        }
        headers = Map.copyOf(headers);

        this.idempotencyKey = idempotencyKey;
        this.tenantId = tenantId;
        this.invitationId = invitationId;
        this.to = to;
        this.toName = toName;
        this.replyTo = replyTo;
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.locale = locale;
        this.headers = headers;
    }

    /** Shows the routing, never the bodies (they carry the claim link). */
    @Override
    public String toString() {
        return "MailMessage[key=" + idempotencyKey + ", to=" + to + ", subject=" + subject + "]";
    }

    /**
     * Returns the idempotency key: invitation id and send number, the same on every attempt of one
     * message, also when a message whose delivery was in doubt after a crash is sent again. A mailer
     * that sees a key twice may drop the second, and should pass the key to a provider that
     * deduplicates by key (see {@link Mailer}); {@code SmtpMailer} derives the Message-ID from it.
     *
     * @return the key, not blank
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Returns the tenant, not {@code null}.
     *
     * @return the tenant, not {@code null}
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the invitation, not {@code null}.
     *
     * @return the invitation, not {@code null}
     */
    public InvitationId invitationId() {
        return invitationId;
    }

    /**
     * Returns the recipient's address, not blank.
     *
     * @return the recipient's address, not blank
     */
    public String to() {
        return to;
    }

    /**
     * Returns the recipient's display name, or {@code null}.
     *
     * @return the recipient's display name, or {@code null}
     */
    public String toName() {
        return toName;
    }

    /**
     * Returns where replies go (the inviter), or {@code null}.
     *
     * @return where replies go (the inviter), or {@code null}
     */
    public String replyTo() {
        return replyTo;
    }

    /**
     * Returns the subject, one line, not {@code null}.
     *
     * @return the subject, one line, not {@code null}
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns the HTML body, not {@code null}.
     *
     * @return the HTML body, not {@code null}
     */
    public String html() {
        return html;
    }

    /**
     * Returns the plain-text body, not {@code null}.
     *
     * @return the plain-text body, not {@code null}
     */
    public String text() {
        return text;
    }

    /**
     * Returns the language of the message, not {@code null}.
     *
     * @return the language of the message, not {@code null}
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns extra headers, possibly empty.
     *
     * @return extra headers, possibly empty
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MailMessage other
                && Objects.equals(idempotencyKey, other.idempotencyKey)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(invitationId, other.invitationId)
                && Objects.equals(to, other.to)
                && Objects.equals(toName, other.toName)
                && Objects.equals(replyTo, other.replyTo)
                && Objects.equals(subject, other.subject)
                && Objects.equals(html, other.html)
                && Objects.equals(text, other.text)
                && Objects.equals(locale, other.locale)
                && Objects.equals(headers, other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idempotencyKey, tenantId, invitationId, to, toName, replyTo, subject, html, text, locale, headers);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.idempotencyKey = idempotencyKey;
        b.tenantId = tenantId;
        b.invitationId = invitationId;
        b.to = to;
        b.toName = toName;
        b.replyTo = replyTo;
        b.subject = subject;
        b.html = html;
        b.text = text;
        b.locale = locale;
        b.headers = headers;
        return b;
    }

    /**
     * Builds {@link MailMessage} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String idempotencyKey;
        private TenantId tenantId;
        private InvitationId invitationId;
        private String to;
        private String toName;
        private String replyTo;
        private String subject;
        private String html;
        private String text;
        private Locale locale;
        private Map<String, String> headers;

        private Builder() {
        }

        /**
         * Sets invitation id and send number; a mailer that sees a key twice may drop the second; not blank.
         *
         * @param v invitation id and send number; a mailer that sees a key twice may drop the second; not blank
         * @return this builder
         */
        public Builder idempotencyKey(String v) {
            idempotencyKey = v;
            return this;
        }

        /**
         * Sets the tenant, not {@code null}.
         *
         * @param v the tenant, not {@code null}
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the invitation, not {@code null}.
         *
         * @param v the invitation, not {@code null}
         * @return this builder
         */
        public Builder invitationId(InvitationId v) {
            invitationId = v;
            return this;
        }

        /**
         * Sets the recipient's address, not blank.
         *
         * @param v the recipient's address, not blank
         * @return this builder
         */
        public Builder to(String v) {
            to = v;
            return this;
        }

        /**
         * Sets the recipient's display name, or {@code null}.
         *
         * @param v the recipient's display name, or {@code null}
         * @return this builder
         */
        public Builder toName(String v) {
            toName = v;
            return this;
        }

        /**
         * Sets where replies go (the inviter), or {@code null}.
         *
         * @param v where replies go (the inviter), or {@code null}
         * @return this builder
         */
        public Builder replyTo(String v) {
            replyTo = v;
            return this;
        }

        /**
         * Sets the subject, one line, not {@code null}.
         *
         * @param v the subject, one line, not {@code null}
         * @return this builder
         */
        public Builder subject(String v) {
            subject = v;
            return this;
        }

        /**
         * Sets the HTML body, not {@code null}.
         *
         * @param v the HTML body, not {@code null}
         * @return this builder
         */
        public Builder html(String v) {
            html = v;
            return this;
        }

        /**
         * Sets the plain-text body, not {@code null}.
         *
         * @param v the plain-text body, not {@code null}
         * @return this builder
         */
        public Builder text(String v) {
            text = v;
            return this;
        }

        /**
         * Sets the language of the message, not {@code null}.
         *
         * @param v the language of the message, not {@code null}
         * @return this builder
         */
        public Builder locale(Locale v) {
            locale = v;
            return this;
        }

        /**
         * Sets extra headers, possibly empty.
         *
         * @param v extra headers, possibly empty
         * @return this builder
         */
        public Builder headers(Map<String, String> v) {
            headers = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public MailMessage build() {
            return new MailMessage(idempotencyKey, tenantId, invitationId, to, toName, replyTo, subject, html, text, locale, headers);
        }
    }
}
