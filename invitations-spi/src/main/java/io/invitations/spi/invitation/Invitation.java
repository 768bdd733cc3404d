package io.invitations.spi.invitation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable snapshot of one invitation as stored. The engine creates new snapshots for every
 * change ({@link #toBuilder()}); stores persist them and compare-and-set on {@link #version()}.
 *
 * <p>Nothing secret is part of a snapshot: the link token and access code are derived from the
 * tenant, the id and the {@link #tokenVersion()} under a key from the key ring.
 *
 * @param id              the invitation's id, not {@code null}
 * @param tenantId        the tenant, not {@code null}
 * @param invitee         who is invited, not {@code null}
 * @param target          membership or a resource, not {@code null}
 * @param grant           what acceptance gives, not {@code null}
 * @param invitedBy       the user id of the inviter, not blank
 * @param inviterName     the inviter's display name at the time of inviting, not blank
 * @param personalMessage the inviter's personal message, or {@code null}
 * @param locale          the invitee's language for messages, not {@code null}
 * @param source          how the invitation came to be, not {@code null}
 * @param status          the stored status; see {@link #effectiveStatus(Instant)}; not {@code null}
 * @param tokenVersion    the version mixed into the link token and access code; bumping it kills
 *                        every older link; starts at 1
 * @param resendCount     how many times the invitation was resent
 * @param createdAt       when it was created, not {@code null}
 * @param updatedAt       when it last changed, not {@code null}
 * @param invitedAt       when it was (last) invited, or {@code null} while provisioned
 * @param expiresAt       when the link stops working, or {@code null} while provisioned or for
 *                        states that never expire
 * @param respondedAt     when the invitee accepted or declined, or {@code null}
 * @param accountId       the account the identity directory created or linked at acceptance, or
 *                        {@code null}
 * @param delivery        the delivery state of its messages, not {@code null}
 * @param version         the optimistic-concurrency version; 1 for a new invitation, one more at
 *                        every update
 * @since 0.1.0
 */
public record Invitation(
        InvitationId id,
        TenantId tenantId,
        Invitee invitee,
        Target target,
        Grant grant,
        String invitedBy,
        String inviterName,
        String personalMessage,
        Locale locale,
        InvitationSource source,
        InvitationStatus status,
        int tokenVersion,
        int resendCount,
        Instant createdAt,
        Instant updatedAt,
        Instant invitedAt,
        Instant expiresAt,
        Instant respondedAt,
        String accountId,
        DeliveryState delivery,
        long version) {

    /**
     * Validates the snapshot.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if a number is out of range or a text is blank
     */
    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(grant, "grant");
        Values.requireText(invitedBy, "invitedBy", 256);
        Values.requireText(inviterName, "inviterName", 256);
        personalMessage = personalMessage == null || personalMessage.isBlank() ? null : personalMessage;
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(delivery, "delivery");
        if (tokenVersion < 1) {
            throw new IllegalArgumentException("tokenVersion starts at 1");
        }
        if (resendCount < 0) {
            throw new IllegalArgumentException("resendCount must not be negative");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /**
     * Returns the status as of an instant: a {@link InvitationStatus#PENDING} invitation whose
     * expiry is at or before {@code now} is {@link InvitationStatus#EXPIRED}, even before a sweep
     * stores it.
     *
     * @param now the instant to judge at, not {@code null}
     * @return the effective status
     */
    public InvitationStatus effectiveStatus(Instant now) {
        if (status == InvitationStatus.PENDING && expiresAt != null && !now.isBefore(expiresAt)) {
            return InvitationStatus.EXPIRED;
        }
        return status;
    }

    /**
     * Returns the key that identifies the invitee within tenant and target, see
     * {@link Contact#matchKey()}.
     *
     * @return the invitee's match key
     */
    public String inviteeKey() {
        return invitee.contact().matchKey();
    }

    /**
     * Returns a builder holding this snapshot's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns an empty builder: status PENDING, token version 1, version 1, locale English, source
     * individual, no delivery.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link Invitation} snapshots. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private InvitationId id;
        private TenantId tenantId;
        private Invitee invitee;
        private Target target = Target.membership();
        private Grant grant;
        private String invitedBy;
        private String inviterName;
        private String personalMessage;
        private Locale locale = Locale.ENGLISH;
        private InvitationSource source = InvitationSource.individual();
        private InvitationStatus status = InvitationStatus.PENDING;
        private int tokenVersion = 1;
        private int resendCount;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant invitedAt;
        private Instant expiresAt;
        private Instant respondedAt;
        private String accountId;
        private DeliveryState delivery = DeliveryState.none();
        private long version = 1;

        private Builder() {
        }

        private Builder(Invitation i) {
            id = i.id;
            tenantId = i.tenantId;
            invitee = i.invitee;
            target = i.target;
            grant = i.grant;
            invitedBy = i.invitedBy;
            inviterName = i.inviterName;
            personalMessage = i.personalMessage;
            locale = i.locale;
            source = i.source;
            status = i.status;
            tokenVersion = i.tokenVersion;
            resendCount = i.resendCount;
            createdAt = i.createdAt;
            updatedAt = i.updatedAt;
            invitedAt = i.invitedAt;
            expiresAt = i.expiresAt;
            respondedAt = i.respondedAt;
            accountId = i.accountId;
            delivery = i.delivery;
            version = i.version;
        }

        /**
         * Sets the id.
         *
         * @param v the id
         * @return this builder
         */
        public Builder id(InvitationId v) { id = v; return this; }
        /**
         * Sets the tenant.
         *
         * @param v the tenant
         * @return this builder
         */
        public Builder tenantId(TenantId v) { tenantId = v; return this; }
        /**
         * Sets the invitee.
         *
         * @param v the invitee
         * @return this builder
         */
        public Builder invitee(Invitee v) { invitee = v; return this; }
        /**
         * Sets the target.
         *
         * @param v the target
         * @return this builder
         */
        public Builder target(Target v) { target = v; return this; }
        /**
         * Sets the grant.
         *
         * @param v the grant
         * @return this builder
         */
        public Builder grant(Grant v) { grant = v; return this; }
        /**
         * Sets the inviter's user id.
         *
         * @param v the inviter's user id
         * @return this builder
         */
        public Builder invitedBy(String v) { invitedBy = v; return this; }
        /**
         * Sets the inviter's display name.
         *
         * @param v the inviter's display name
         * @return this builder
         */
        public Builder inviterName(String v) { inviterName = v; return this; }
        /**
         * Sets inviter id and name from an actor.
         *
         * @param inviter the actor
         * @return this builder
         */
        public Builder inviter(Inviter inviter) {
            invitedBy = inviter.userId();
            inviterName = inviter.displayName();
            return this;
        }
        /**
         * Sets the personal message, or null.
         *
         * @param v the personal message, or null
         * @return this builder
         */
        public Builder personalMessage(String v) { personalMessage = v; return this; }
        /**
         * Sets the invitee's locale.
         *
         * @param v the invitee's locale
         * @return this builder
         */
        public Builder locale(Locale v) { locale = v; return this; }
        /**
         * Sets the source.
         *
         * @param v the source
         * @return this builder
         */
        public Builder source(InvitationSource v) { source = v; return this; }
        /**
         * Sets the status.
         *
         * @param v the status
         * @return this builder
         */
        public Builder status(InvitationStatus v) { status = v; return this; }
        /**
         * Sets the token version.
         *
         * @param v the token version
         * @return this builder
         */
        public Builder tokenVersion(int v) { tokenVersion = v; return this; }
        /**
         * Sets the resend count.
         *
         * @param v the resend count
         * @return this builder
         */
        public Builder resendCount(int v) { resendCount = v; return this; }
        /**
         * Sets the creation instant.
         *
         * @param v the creation instant
         * @return this builder
         */
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        /**
         * Sets the last-change instant.
         *
         * @param v the last-change instant
         * @return this builder
         */
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        /**
         * Sets when invited, or null.
         *
         * @param v when invited, or null
         * @return this builder
         */
        public Builder invitedAt(Instant v) { invitedAt = v; return this; }
        /**
         * Sets the expiry, or null.
         *
         * @param v the expiry, or null
         * @return this builder
         */
        public Builder expiresAt(Instant v) { expiresAt = v; return this; }
        /**
         * Sets when the invitee responded, or null.
         *
         * @param v when the invitee responded, or null
         * @return this builder
         */
        public Builder respondedAt(Instant v) { respondedAt = v; return this; }
        /**
         * Sets the account id, or null.
         *
         * @param v the account id, or null
         * @return this builder
         */
        public Builder accountId(String v) { accountId = v; return this; }
        /**
         * Sets the delivery state.
         *
         * @param v the delivery state
         * @return this builder
         */
        public Builder delivery(DeliveryState v) { delivery = v; return this; }
        /**
         * Sets the version.
         *
         * @param v the version
         * @return this builder
         */
        public Builder version(long v) { version = v; return this; }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws NullPointerException     if a required value is missing
         * @throws IllegalArgumentException if a value is out of range
         */
        public Invitation build() {
            return new Invitation(id, tenantId, invitee, target, grant, invitedBy, inviterName,
                    personalMessage, locale, source, status, tokenVersion, resendCount, createdAt,
                    updatedAt, invitedAt, expiresAt, respondedAt, accountId, delivery, version);
        }
    }
}
