package io.invitations.core.message;

import io.invitations.spi.InvitationException;
import io.invitations.spi.message.Branding;
import io.invitations.core.message.internal.Phrases;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one message is rendered from: which message, the invitation as stored, the tenant's
 * branding, the claim link (derived at delivery time, never stored) and, for an access-code notice,
 * the code. The same context always renders the same bytes, which is what makes a preview exact.
 *
 * <p>{@link #toString()} shows neither the claim link nor the access code.
 *
 * @since 0.1.0
 */
public final class MessageContext {
    private final Kind kind;
    private final Invitation invitation;
    private final int sendNumber;
    private final Branding branding;
    private final String claimUrl;
    private final String accessCode;
    private final Instant now;
    private final Locale locale;

    private static final Duration SAMPLE_VALIDITY = Duration.ofDays(7);

    private MessageContext(Kind kind, Invitation invitation, int sendNumber, Branding branding, String claimUrl,
            String accessCode, Instant now, Locale locale) {
        InvitationException.requireValue(kind, "kind");
        InvitationException.requireValue(invitation, "invitation");
        InvitationException.requireValue(branding, "branding");
        InvitationException.requireValue(claimUrl, "claimUrl");
        InvitationException.requireValue(now, "now");
        InvitationException.requireValue(locale, "locale");
        if (sendNumber < 1) {
            throw InvitationException.invalidValue("sendNumber starts at 1, was " + sendNumber);
        }
        if (!(claimUrl.startsWith("https://") || claimUrl.startsWith("http://")) || claimUrl.strip().length()
                != claimUrl.length()) {
            throw InvitationException.invalidValue("claimUrl must be an absolute http(s) URL without spaces around it");
        }
        if (kind == Kind.ACCESS_CODE_NOTICE && (accessCode == null || accessCode.isBlank())) {
            throw InvitationException.invalidValue("an access-code notice needs the access code");
        }

        this.kind = kind;
        this.invitation = invitation;
        this.sendNumber = sendNumber;
        this.branding = branding;
        this.claimUrl = claimUrl;
        this.accessCode = accessCode;
        this.now = now;
        this.locale = locale;
    }

    /**
     * The context of a queued outbox message, in the invitation's language.
     *
     * @param message    the outbox message (kind and send number), not {@code null}
     * @param invitation the invitation it belongs to, not {@code null}
     * @param branding   the tenant's branding, not {@code null}
     * @param claimUrl   the claim link (or the redeem page for a notice), not {@code null}
     * @param now        the instant of rendering, not {@code null}
     * @return the context, without access code (add it with {@link #withAccessCode(String)})
     * @throws IllegalArgumentException if the message belongs to another invitation, or is an
     *                                  access-code notice (use {@link #forNotice})
     */
    public static MessageContext forMessage(OutboxMessage message, Invitation invitation, Branding branding,
                                            String claimUrl, Instant now) {
        requireSameInvitation(message, invitation);
        return new MessageContext(message.kind(), invitation, message.sendNumber(), branding, claimUrl, null, now,
                invitation.locale());
    }

    /**
     * The context of an access-code notice for an outbox message.
     *
     * @param message    the outbox message, not {@code null}
     * @param invitation the invitation it belongs to, not {@code null}
     * @param branding   the tenant's branding, not {@code null}
     * @param redeemUrl  the page where the identifier and code are entered, not {@code null}
     * @param accessCode the access code, not blank
     * @param now        the instant of rendering, not {@code null}
     * @return the context
     * @throws IllegalArgumentException if the message belongs to another invitation, or the code is blank
     */
    public static MessageContext forNotice(OutboxMessage message, Invitation invitation, Branding branding,
                                           String redeemUrl, String accessCode, Instant now) {
        requireSameInvitation(message, invitation);
        return new MessageContext(message.kind(), invitation, message.sendNumber(), branding, redeemUrl, accessCode,
                now, invitation.locale());
    }

    /**
     * The context of an access-code notice produced on demand (printed or handed over by the host,
     * not queued): its send number is the invitation's send count, at least 1.
     *
     * @param invitation the invitation of an identifier invitee, not {@code null}
     * @param branding   the tenant's branding, not {@code null}
     * @param redeemUrl  the page where the identifier and code are entered, not {@code null}
     * @param accessCode the access code, not blank
     * @param now        the instant of rendering, not {@code null}
     * @return the context
     * @throws IllegalArgumentException if the code is blank or the page is not an absolute http(s) URL
     */
    public static MessageContext forNotice(Invitation invitation, Branding branding, String redeemUrl,
                                           String accessCode, Instant now) {
        return new MessageContext(Kind.ACCESS_CODE_NOTICE, invitation, Math.max(1, invitation.delivery().sendCount()),
                branding, redeemUrl, accessCode, now, invitation.locale());
    }

    private static void requireSameInvitation(OutboxMessage message, Invitation invitation) {
        if (!message.invitationId().equals(invitation.id())) {
            throw new IllegalArgumentException("outbox message " + message.id() + " belongs to invitation "
                    + message.invitationId() + ", not " + invitation.id());
        }
    }

    /**
     * The context of the latest message of an invitation, for a preview: same content as the
     * message that is (or would be) sent; its send number is the invitation's current send count
     * (at least 1).
     *
     * @param kind       which message, not {@code null}
     * @param invitation the invitation, not {@code null}
     * @param branding   the tenant's branding, not {@code null}
     * @param claimUrl   the claim link, not {@code null}
     * @param now        the instant of rendering, not {@code null}
     * @return the context, without access code
     */
    public static MessageContext of(Kind kind, Invitation invitation, Branding branding, String claimUrl,
                                    Instant now) {
        return new MessageContext(kind, invitation, Math.max(1, invitation.delivery().sendCount()), branding,
                claimUrl, null, now, invitation.locale());
    }

    /**
     * A context around a sample invitation (Alex Martin invited by Sam Taylor with a personal
     * message, expiring 7 days after {@code now}), to preview a tenant's templates before any
     * invitation exists. Notices get a sample personnel number and access code.
     *
     * @param kind     which message, not {@code null}
     * @param tenantId the tenant, not {@code null}
     * @param branding the tenant's branding, not {@code null}
     * @param locale   the language, not {@code null}
     * @param now      the instant of rendering, not {@code null}
     * @return the sample context, with the claim link {@code https://invitations.example/claim/sample}
     */
    public static MessageContext sample(Kind kind, TenantId tenantId, Branding branding, Locale locale, Instant now) {
        boolean notice = kind == Kind.ACCESS_CODE_NOTICE;
        Invitee invitee = (notice ? Invitee.identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042")
                : Invitee.email("alex.martin@example.com")).withName("Alex", "Martin");
        Invitation invitation = Invitation.builder()
                .id(InvitationId.of("sample"))
                .tenantId(tenantId)
                .invitee(invitee)
                .grant(Grant.role("member"))
                .invitedBy("sample-inviter")
                .inviterName("Sam Taylor")
                .personalMessage(Phrases.of(locale).get("sample.personalMessage"))
                .locale(locale)
                .createdAt(now)
                .updatedAt(now)
                .invitedAt(now)
                .expiresAt(now.plus(SAMPLE_VALIDITY))
                .build();
        return new MessageContext(kind, invitation, 1, branding, "https://invitations.example/claim/sample",
                notice ? "SAMPLE-CODE" : null, now, locale);
    }

    /**
     * Returns a copy with an access code.
     *
     * @param code the access code, not blank
     * @return a new context
     */
    public MessageContext withAccessCode(String code) {
        return new MessageContext(kind, invitation, sendNumber, branding, claimUrl, code, now, locale);
    }

    /**
     * Returns a copy rendered in another language.
     *
     * @param other the language, not {@code null}
     * @return a new context
     */
    public MessageContext withLocale(Locale other) {
        return new MessageContext(kind, invitation, sendNumber, branding, claimUrl, accessCode, now, other);
    }

    /**
     * The key the message is delivered under: invitation id and send number, as
     * {@link OutboxMessage#idempotencyKey()}.
     *
     * @return the idempotency key
     */
    public String idempotencyKey() {
        return invitation.id().value() + "#" + sendNumber;
    }

    /** Shows which message for which invitation, never the claim link or the access code. */
    @Override
    public String toString() {
        return "MessageContext[kind=" + kind + ", invitation=" + invitation.id() + ", sendNumber=" + sendNumber
                + ", locale=" + locale + ", now=" + now + "]";
    }

    /**
     * Returns which message, not {@code null}.
     *
     * @return which message, not {@code null}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the invitation snapshot, not {@code null}.
     *
     * @return the invitation snapshot, not {@code null}
     */
    public Invitation invitation() {
        return invitation;
    }

    /**
     * Returns which message of the invitation (1 for the first); part of the idempotency key.
     *
     * @return which message of the invitation (1 for the first); part of the idempotency key
     */
    public int sendNumber() {
        return sendNumber;
    }

    /**
     * Returns the tenant's branding, not {@code null}.
     *
     * @return the tenant's branding, not {@code null}
     */
    public Branding branding() {
        return branding;
    }

    /**
     * Returns the absolute http(s) claim link; for an {@link Kind#ACCESS_CODE_NOTICE} the address of the page where the code is entered; not {@code null}.
     *
     * @return the absolute http(s) claim link; for an {@link Kind#ACCESS_CODE_NOTICE} the address of the page where the code is entered; not {@code null}
     */
    public String claimUrl() {
        return claimUrl;
    }

    /**
     * Returns the access code, required for an {@link Kind#ACCESS_CODE_NOTICE} and ignored by every other kind; otherwise {@code null}.
     *
     * @return the access code, required for an {@link Kind#ACCESS_CODE_NOTICE} and ignored by every other kind; otherwise {@code null}
     */
    public String accessCode() {
        return accessCode;
    }

    /**
     * Returns the instant the expiry is described from, not {@code null}.
     *
     * @return the instant the expiry is described from, not {@code null}
     */
    public Instant now() {
        return now;
    }

    /**
     * Returns the language to render in, usually the invitation's; not {@code null}.
     *
     * @return the language to render in, usually the invitation's; not {@code null}
     */
    public Locale locale() {
        return locale;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MessageContext other
                && Objects.equals(kind, other.kind)
                && Objects.equals(invitation, other.invitation)
                && sendNumber == other.sendNumber
                && Objects.equals(branding, other.branding)
                && Objects.equals(claimUrl, other.claimUrl)
                && Objects.equals(accessCode, other.accessCode)
                && Objects.equals(now, other.now)
                && Objects.equals(locale, other.locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, invitation, sendNumber, branding, claimUrl, accessCode, now, locale);
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
        b.kind = kind;
        b.invitation = invitation;
        b.sendNumber = sendNumber;
        b.branding = branding;
        b.claimUrl = claimUrl;
        b.accessCode = accessCode;
        b.now = now;
        b.locale = locale;
        return b;
    }

    /**
     * Builds {@link MessageContext} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Kind kind;
        private Invitation invitation;
        private int sendNumber;
        private Branding branding;
        private String claimUrl;
        private String accessCode;
        private Instant now;
        private Locale locale;

        private Builder() {
        }

        /**
         * Sets which message, not {@code null}.
         *
         * @param v which message, not {@code null}
         * @return this builder
         */
        public Builder kind(Kind v) {
            kind = v;
            return this;
        }

        /**
         * Sets the invitation snapshot, not {@code null}.
         *
         * @param v the invitation snapshot, not {@code null}
         * @return this builder
         */
        public Builder invitation(Invitation v) {
            invitation = v;
            return this;
        }

        /**
         * Sets which message of the invitation (1 for the first); part of the idempotency key.
         *
         * @param v which message of the invitation (1 for the first); part of the idempotency key
         * @return this builder
         */
        public Builder sendNumber(int v) {
            sendNumber = v;
            return this;
        }

        /**
         * Sets the tenant's branding, not {@code null}.
         *
         * @param v the tenant's branding, not {@code null}
         * @return this builder
         */
        public Builder branding(Branding v) {
            branding = v;
            return this;
        }

        /**
         * Sets the absolute http(s) claim link; for an {@link Kind#ACCESS_CODE_NOTICE} the address of the page where the code is entered; not {@code null}.
         *
         * @param v the absolute http(s) claim link; for an {@link Kind#ACCESS_CODE_NOTICE} the address of the page where the code is entered; not {@code null}
         * @return this builder
         */
        public Builder claimUrl(String v) {
            claimUrl = v;
            return this;
        }

        /**
         * Sets the access code, required for an {@link Kind#ACCESS_CODE_NOTICE} and ignored by every other kind; otherwise {@code null}.
         *
         * @param v the access code, required for an {@link Kind#ACCESS_CODE_NOTICE} and ignored by every other kind; otherwise {@code null}
         * @return this builder
         */
        public Builder accessCode(String v) {
            accessCode = v;
            return this;
        }

        /**
         * Sets the instant the expiry is described from, not {@code null}.
         *
         * @param v the instant the expiry is described from, not {@code null}
         * @return this builder
         */
        public Builder now(Instant v) {
            now = v;
            return this;
        }

        /**
         * Sets the language to render in, usually the invitation's; not {@code null}.
         *
         * @param v the language to render in, usually the invitation's; not {@code null}
         * @return this builder
         */
        public Builder locale(Locale v) {
            locale = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public MessageContext build() {
            return new MessageContext(kind, invitation, sendNumber, branding, claimUrl, accessCode, now, locale);
        }
    }
}
