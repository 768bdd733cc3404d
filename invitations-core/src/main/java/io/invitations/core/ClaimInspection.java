package io.invitations.core;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a valid claim link opens, for the invitee page; reading it changes nothing. Only a
 * {@link #claimable() claimable} invitation can be accepted; otherwise {@link #status()} tells the
 * page why not (expired, revoked, already accepted, ...).
 *
 * @since 0.1.0
 */
public final class ClaimInspection {
    private final TenantId tenantId;
    private final String tenantName;
    private final InvitationId invitationId;
    private final String inviterName;
    private final Invitee invitee;
    private final Target target;
    private final Grant grant;
    private final String personalMessage;
    private final Locale locale;
    private final InvitationStatus status;
    private final Instant expiresAt;
    private final ClaimRequirements requirements;

    private ClaimInspection(TenantId tenantId, String tenantName, InvitationId invitationId, String inviterName,
            Invitee invitee, Target target, Grant grant, String personalMessage, Locale locale,
            InvitationStatus status, Instant expiresAt, ClaimRequirements requirements) {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(tenantName, "tenantName");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(inviterName, "inviterName");
        InvitationException.requireValue(invitee, "invitee");
        InvitationException.requireValue(target, "target");
        InvitationException.requireValue(grant, "grant");
        InvitationException.requireValue(locale, "locale");
        InvitationException.requireValue(status, "status");
        InvitationException.requireValue(requirements, "requirements");

        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.invitationId = invitationId;
        this.inviterName = inviterName;
        this.invitee = invitee;
        this.target = target;
        this.grant = grant;
        this.personalMessage = personalMessage;
        this.locale = locale;
        this.status = status;
        this.expiresAt = expiresAt;
        this.requirements = requirements;
    }

    /**
     * Tells whether the invitation can be accepted now.
     *
     * @return {@code true} while pending and before expiry
     */
    public boolean claimable() {
        return status == InvitationStatus.PENDING;
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
     * Returns the tenant's name from its branding, not {@code null}.
     *
     * @return the tenant's name from its branding, not {@code null}
     */
    public String tenantName() {
        return tenantName;
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
     * Returns who invited, not {@code null}.
     *
     * @return who invited, not {@code null}
     */
    public String inviterName() {
        return inviterName;
    }

    /**
     * Returns who is invited, as the inviter entered them; not {@code null}.
     *
     * @return who is invited, as the inviter entered them; not {@code null}
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
     * Returns what accepting gives, not {@code null}.
     *
     * @return what accepting gives, not {@code null}
     */
    public Grant grant() {
        return grant;
    }

    /**
     * Returns the inviter's message, or {@code null}.
     *
     * @return the inviter's message, or {@code null}
     */
    public String personalMessage() {
        return personalMessage;
    }

    /**
     * Returns the invitation's language, not {@code null}.
     *
     * @return the invitation's language, not {@code null}
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns the effective status now, not {@code null}.
     *
     * @return the effective status now, not {@code null}
     */
    public InvitationStatus status() {
        return status;
    }

    /**
     * Returns when the link stops working, or {@code null}.
     *
     * @return when the link stops working, or {@code null}
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns what the claim must bring, not {@code null}.
     *
     * @return what the claim must bring, not {@code null}
     */
    public ClaimRequirements requirements() {
        return requirements;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ClaimInspection other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(tenantName, other.tenantName)
                && Objects.equals(invitationId, other.invitationId)
                && Objects.equals(inviterName, other.inviterName)
                && Objects.equals(invitee, other.invitee)
                && Objects.equals(target, other.target)
                && Objects.equals(grant, other.grant)
                && Objects.equals(personalMessage, other.personalMessage)
                && Objects.equals(locale, other.locale)
                && Objects.equals(status, other.status)
                && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(requirements, other.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, tenantName, invitationId, inviterName, invitee, target, grant, personalMessage, locale, status, expiresAt, requirements);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "ClaimInspection[tenantId=" + tenantId + ", tenantName=" + tenantName + ", invitationId=" + invitationId
                + ", inviterName=" + inviterName + ", invitee=" + invitee + ", target=" + target + ", grant=" + grant
                + ", personalMessage=" + personalMessage + ", locale=" + locale + ", status=" + status
                + ", expiresAt=" + expiresAt + ", requirements=" + requirements + "]";
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
        b.tenantId = tenantId;
        b.tenantName = tenantName;
        b.invitationId = invitationId;
        b.inviterName = inviterName;
        b.invitee = invitee;
        b.target = target;
        b.grant = grant;
        b.personalMessage = personalMessage;
        b.locale = locale;
        b.status = status;
        b.expiresAt = expiresAt;
        b.requirements = requirements;
        return b;
    }

    /**
     * Builds {@link ClaimInspection} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private TenantId tenantId;
        private String tenantName;
        private InvitationId invitationId;
        private String inviterName;
        private Invitee invitee;
        private Target target;
        private Grant grant;
        private String personalMessage;
        private Locale locale;
        private InvitationStatus status;
        private Instant expiresAt;
        private ClaimRequirements requirements;

        private Builder() {
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
         * Sets the tenant's name from its branding, not {@code null}.
         *
         * @param v the tenant's name from its branding, not {@code null}
         * @return this builder
         */
        public Builder tenantName(String v) {
            tenantName = v;
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
         * Sets who invited, not {@code null}.
         *
         * @param v who invited, not {@code null}
         * @return this builder
         */
        public Builder inviterName(String v) {
            inviterName = v;
            return this;
        }

        /**
         * Sets who is invited, as the inviter entered them; not {@code null}.
         *
         * @param v who is invited, as the inviter entered them; not {@code null}
         * @return this builder
         */
        public Builder invitee(Invitee v) {
            invitee = v;
            return this;
        }

        /**
         * Sets membership or a resource, not {@code null}.
         *
         * @param v membership or a resource, not {@code null}
         * @return this builder
         */
        public Builder target(Target v) {
            target = v;
            return this;
        }

        /**
         * Sets what accepting gives, not {@code null}.
         *
         * @param v what accepting gives, not {@code null}
         * @return this builder
         */
        public Builder grant(Grant v) {
            grant = v;
            return this;
        }

        /**
         * Sets the inviter's message, or {@code null}.
         *
         * @param v the inviter's message, or {@code null}
         * @return this builder
         */
        public Builder personalMessage(String v) {
            personalMessage = v;
            return this;
        }

        /**
         * Sets the invitation's language, not {@code null}.
         *
         * @param v the invitation's language, not {@code null}
         * @return this builder
         */
        public Builder locale(Locale v) {
            locale = v;
            return this;
        }

        /**
         * Sets the effective status now, not {@code null}.
         *
         * @param v the effective status now, not {@code null}
         * @return this builder
         */
        public Builder status(InvitationStatus v) {
            status = v;
            return this;
        }

        /**
         * Sets when the link stops working, or {@code null}.
         *
         * @param v when the link stops working, or {@code null}
         * @return this builder
         */
        public Builder expiresAt(Instant v) {
            expiresAt = v;
            return this;
        }

        /**
         * Sets what the claim must bring, not {@code null}.
         *
         * @param v what the claim must bring, not {@code null}
         * @return this builder
         */
        public Builder requirements(ClaimRequirements v) {
            requirements = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public ClaimInspection build() {
            return new ClaimInspection(tenantId, tenantName, invitationId, inviterName, invitee, target, grant, personalMessage, locale, status, expiresAt, requirements);
        }
    }
}
