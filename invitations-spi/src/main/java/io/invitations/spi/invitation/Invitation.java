package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

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
 * <p>Stores and other adapters make snapshots with {@link #builder()}, so a field added later breaks
 * none of them. Two snapshots are equal when every field is equal.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class Invitation {
    private final InvitationId id;
    private final TenantId tenantId;
    private final Invitee invitee;
    private final Target target;
    private final Grant grant;
    private final String invitedBy;
    private final String inviterName;
    private final String personalMessage;
    private final Locale locale;
    private final InvitationSource source;
    private final InvitationStatus status;
    private final int tokenVersion;
    private final int resendCount;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant invitedAt;
    private final Instant expiresAt;
    private final Instant respondedAt;
    private final String accountId;
    private final DeliveryState delivery;
    private final long version;
    private final Instant nextReminderAt;

    private Invitation(InvitationId id, TenantId tenantId, Invitee invitee, Target target, Grant grant,
            String invitedBy, String inviterName, String personalMessage, Locale locale, InvitationSource source,
            InvitationStatus status, int tokenVersion, int resendCount, Instant createdAt, Instant updatedAt,
            Instant invitedAt, Instant expiresAt, Instant respondedAt, String accountId, DeliveryState delivery,
            long version, Instant nextReminderAt) {
        InvitationException.requireValue(id, "id");
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitee, "invitee");
        InvitationException.requireValue(target, "target");
        InvitationException.requireValue(grant, "grant");
        Values.requireText(invitedBy, "invitedBy", 256);
        Values.requireText(inviterName, "inviterName", 256);
        personalMessage = personalMessage == null || personalMessage.isBlank() ? null : personalMessage;
        InvitationException.requireValue(locale, "locale");
        InvitationException.requireValue(source, "source");
        InvitationException.requireValue(status, "status");
        InvitationException.requireValue(createdAt, "createdAt");
        InvitationException.requireValue(updatedAt, "updatedAt");
        InvitationException.requireValue(delivery, "delivery");
        if (tokenVersion < 1) {
            throw InvitationException.invalidValue("tokenVersion starts at 1");
        }
        if (resendCount < 0) {
            throw InvitationException.invalidValue("resendCount must not be negative");
        }
        if (version < 1) {
            throw InvitationException.invalidValue("version starts at 1");
        }

        this.id = id;
        this.tenantId = tenantId;
        this.invitee = invitee;
        this.target = target;
        this.grant = grant;
        this.invitedBy = invitedBy;
        this.inviterName = inviterName;
        this.personalMessage = personalMessage;
        this.locale = locale;
        this.source = source;
        this.status = status;
        this.tokenVersion = tokenVersion;
        this.resendCount = resendCount;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.invitedAt = invitedAt;
        this.expiresAt = expiresAt;
        this.respondedAt = respondedAt;
        this.accountId = accountId;
        this.delivery = delivery;
        this.version = version;
        this.nextReminderAt = nextReminderAt;
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
    @API(status = API.Status.STABLE, since = "1.0")
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
        private Instant nextReminderAt;

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
            nextReminderAt = i.nextReminderAt;
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
         * Sets when the next reminder is due.
         *
         * @param v the instant, or {@code null} when no reminder is planned
         * @return this builder
         * @since 1.1
         */
        public Builder nextReminderAt(Instant v) { nextReminderAt = v; return this; }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST}, naming the
         *                                               field, if a value is missing or out of range
         */
        public Invitation build() {
            return new Invitation(id, tenantId, invitee, target, grant, invitedBy, inviterName,
                    personalMessage, locale, source, status, tokenVersion, resendCount, createdAt,
                    updatedAt, invitedAt, expiresAt, respondedAt, accountId, delivery, version,
                    nextReminderAt);
        }
    }

    /**
     * Returns the invitation's id, not {@code null}.
     *
     * @return the invitation's id, not {@code null}
     */
    public InvitationId id() {
        return id;
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
     * Returns who is invited, not {@code null}.
     *
     * @return who is invited, not {@code null}
     */
    public Invitee invitee() {
        return invitee;
    }

    /**
     * Returns membership or a resource, not {@code null}.
     *
     * @return membership or a resource, not {@code null}
     */
    public Target target() {
        return target;
    }

    /**
     * Returns what acceptance gives, not {@code null}.
     *
     * @return what acceptance gives, not {@code null}
     */
    public Grant grant() {
        return grant;
    }

    /**
     * Returns the user id of the inviter, not blank.
     *
     * @return the user id of the inviter, not blank
     */
    public String invitedBy() {
        return invitedBy;
    }

    /**
     * Returns the inviter's display name at the time of inviting, not blank.
     *
     * @return the inviter's display name at the time of inviting, not blank
     */
    public String inviterName() {
        return inviterName;
    }

    /**
     * Returns the inviter's personal message, or {@code null}.
     *
     * @return the inviter's personal message, or {@code null}
     */
    public String personalMessage() {
        return personalMessage;
    }

    /**
     * Returns the invitee's language for messages, not {@code null}.
     *
     * @return the invitee's language for messages, not {@code null}
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns how the invitation came to be, not {@code null}.
     *
     * @return how the invitation came to be, not {@code null}
     */
    public InvitationSource source() {
        return source;
    }

    /**
     * Returns the stored status; see {@link #effectiveStatus(Instant)}; not {@code null}.
     *
     * @return the stored status; see {@link #effectiveStatus(Instant)}; not {@code null}
     */
    public InvitationStatus status() {
        return status;
    }

    /**
     * Returns the version mixed into the link token and access code; bumping it kills every older link; starts at 1.
     *
     * @return the version mixed into the link token and access code; bumping it kills every older link; starts at 1
     */
    public int tokenVersion() {
        return tokenVersion;
    }

    /**
     * Returns how many times the invitation was resent.
     *
     * @return how many times the invitation was resent
     */
    public int resendCount() {
        return resendCount;
    }

    /**
     * Returns when it was created, not {@code null}.
     *
     * @return when it was created, not {@code null}
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns when it last changed, not {@code null}.
     *
     * @return when it last changed, not {@code null}
     */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Returns when it was (last) invited, or {@code null} while provisioned.
     *
     * @return when it was (last) invited, or {@code null} while provisioned
     */
    public Instant invitedAt() {
        return invitedAt;
    }

    /**
     * Returns when the link stops working, or {@code null} while provisioned or for states that never expire.
     *
     * @return when the link stops working, or {@code null} while provisioned or for states that never expire
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns when the invitee accepted or declined, or {@code null}.
     *
     * @return when the invitee accepted or declined, or {@code null}
     */
    public Instant respondedAt() {
        return respondedAt;
    }

    /**
     * Returns the account the identity directory created or linked at acceptance, or {@code null}.
     *
     * @return the account the identity directory created or linked at acceptance, or {@code null}
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the delivery state of its messages, not {@code null}.
     *
     * @return the delivery state of its messages, not {@code null}
     */
    public DeliveryState delivery() {
        return delivery;
    }

    /**
     * Returns the optimistic-concurrency version; 1 for a new invitation, one more at every update.
     *
     * @return the optimistic-concurrency version; 1 for a new invitation, one more at every update
     */
    public long version() {
        return version;
    }

    /**
     * Returns when the invitation's next reminder is due, or {@code null} when none is planned
     * (no schedule, no email, or every step already sent). A reminder goes out only while the
     * invitation is PENDING; see the tenant's reminder schedule.
     *
     * @return the due time, or {@code null}
     * @since 1.1
     */
    public Instant nextReminderAt() {
        return nextReminderAt;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Invitation other
                && Objects.equals(id, other.id)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(invitee, other.invitee)
                && Objects.equals(target, other.target)
                && Objects.equals(grant, other.grant)
                && Objects.equals(invitedBy, other.invitedBy)
                && Objects.equals(inviterName, other.inviterName)
                && Objects.equals(personalMessage, other.personalMessage)
                && Objects.equals(locale, other.locale)
                && Objects.equals(source, other.source)
                && Objects.equals(status, other.status)
                && tokenVersion == other.tokenVersion
                && resendCount == other.resendCount
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(invitedAt, other.invitedAt)
                && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(respondedAt, other.respondedAt)
                && Objects.equals(accountId, other.accountId)
                && Objects.equals(delivery, other.delivery)
                && version == other.version
                && Objects.equals(nextReminderAt, other.nextReminderAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, invitee, target, grant, invitedBy, inviterName, personalMessage, locale, source, status, tokenVersion, resendCount, createdAt, updatedAt, invitedAt, expiresAt, respondedAt, accountId, delivery, version, nextReminderAt);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "Invitation[id=" + id + ", tenantId=" + tenantId + ", invitee=" + invitee + ", target=" + target
                + ", grant=" + grant + ", invitedBy=" + invitedBy + ", inviterName=" + inviterName
                + ", personalMessage=" + personalMessage + ", locale=" + locale + ", source=" + source
                + ", status=" + status + ", tokenVersion=" + tokenVersion + ", resendCount=" + resendCount
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + ", invitedAt=" + invitedAt
                + ", expiresAt=" + expiresAt + ", respondedAt=" + respondedAt + ", accountId=" + accountId
                + ", delivery=" + delivery + ", version=" + version + ", nextReminderAt=" + nextReminderAt + "]";
    }
}
