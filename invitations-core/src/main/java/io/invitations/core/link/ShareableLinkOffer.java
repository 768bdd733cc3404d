package io.invitations.core.link;

import io.invitations.spi.InvitationException;
import io.invitations.core.ClaimRequirements;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a usable shareable link offers, for the join page; reading it changes nothing.
 *
 * @since 0.1.0
 */
public final class ShareableLinkOffer {
    private final TenantId tenantId;
    private final String tenantName;
    private final LinkId linkId;
    private final Target target;
    private final Grant grant;
    private final Instant expiresAt;
    private final Integer usesLeft;
    private final Set<String> allowedDomains;
    private final ClaimRequirements requirements;

    private ShareableLinkOffer(TenantId tenantId, String tenantName, LinkId linkId, Target target, Grant grant,
            Instant expiresAt, Integer usesLeft, Set<String> allowedDomains, ClaimRequirements requirements) {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(tenantName, "tenantName");
        InvitationException.requireValue(linkId, "linkId");
        InvitationException.requireValue(target, "target");
        InvitationException.requireValue(grant, "grant");
        allowedDomains = Set.copyOf(allowedDomains);
        InvitationException.requireValue(requirements, "requirements");

        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.linkId = linkId;
        this.target = target;
        this.grant = grant;
        this.expiresAt = expiresAt;
        this.usesLeft = usesLeft;
        this.allowedDomains = allowedDomains;
        this.requirements = requirements;
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
     * Returns the link, not {@code null}.
     *
     * @return the link, not {@code null}
     */
    public LinkId linkId() {
        return linkId;
    }

    /**
     * Returns membership or the resource the link is for, not {@code null}.
     *
     * @return membership or the resource the link is for, not {@code null}
     */
    public Target target() {
        return target;
    }

    /**
     * Returns what joining gives, not {@code null}.
     *
     * @return what joining gives, not {@code null}
     */
    public Grant grant() {
        return grant;
    }

    /**
     * Returns when the link stops working, or {@code null} for never.
     *
     * @return when the link stops working, or {@code null} for never
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns how many more joins it takes, or {@code null} for no limit.
     *
     * @return how many more joins it takes, or {@code null} for no limit
     */
    public Integer usesLeft() {
        return usesLeft;
    }

    /**
     * Returns the email domains that may join; empty for any.
     *
     * @return the email domains that may join; empty for any
     */
    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    /**
     * Returns what the join's claim must bring, not {@code null}.
     *
     * @return what the join's claim must bring, not {@code null}
     */
    public ClaimRequirements requirements() {
        return requirements;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ShareableLinkOffer other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(tenantName, other.tenantName)
                && Objects.equals(linkId, other.linkId)
                && Objects.equals(target, other.target)
                && Objects.equals(grant, other.grant)
                && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(usesLeft, other.usesLeft)
                && Objects.equals(allowedDomains, other.allowedDomains)
                && Objects.equals(requirements, other.requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, tenantName, linkId, target, grant, expiresAt, usesLeft, allowedDomains, requirements);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "ShareableLinkOffer[tenantId=" + tenantId + ", tenantName=" + tenantName + ", linkId=" + linkId
                + ", target=" + target + ", grant=" + grant + ", expiresAt=" + expiresAt + ", usesLeft=" + usesLeft
                + ", allowedDomains=" + allowedDomains + ", requirements=" + requirements + "]";
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
        b.linkId = linkId;
        b.target = target;
        b.grant = grant;
        b.expiresAt = expiresAt;
        b.usesLeft = usesLeft;
        b.allowedDomains = allowedDomains;
        b.requirements = requirements;
        return b;
    }

    /**
     * Builds {@link ShareableLinkOffer} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private TenantId tenantId;
        private String tenantName;
        private LinkId linkId;
        private Target target;
        private Grant grant;
        private Instant expiresAt;
        private Integer usesLeft;
        private Set<String> allowedDomains;
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
         * Sets the link, not {@code null}.
         *
         * @param v the link, not {@code null}
         * @return this builder
         */
        public Builder linkId(LinkId v) {
            linkId = v;
            return this;
        }

        /**
         * Sets membership or the resource the link is for, not {@code null}.
         *
         * @param v membership or the resource the link is for, not {@code null}
         * @return this builder
         */
        public Builder target(Target v) {
            target = v;
            return this;
        }

        /**
         * Sets what joining gives, not {@code null}.
         *
         * @param v what joining gives, not {@code null}
         * @return this builder
         */
        public Builder grant(Grant v) {
            grant = v;
            return this;
        }

        /**
         * Sets when the link stops working, or {@code null} for never.
         *
         * @param v when the link stops working, or {@code null} for never
         * @return this builder
         */
        public Builder expiresAt(Instant v) {
            expiresAt = v;
            return this;
        }

        /**
         * Sets how many more joins it takes, or {@code null} for no limit.
         *
         * @param v how many more joins it takes, or {@code null} for no limit
         * @return this builder
         */
        public Builder usesLeft(Integer v) {
            usesLeft = v;
            return this;
        }

        /**
         * Sets the email domains that may join; empty for any.
         *
         * @param v the email domains that may join; empty for any
         * @return this builder
         */
        public Builder allowedDomains(Set<String> v) {
            allowedDomains = v;
            return this;
        }

        /**
         * Sets what the join's claim must bring, not {@code null}.
         *
         * @param v what the join's claim must bring, not {@code null}
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
        public ShareableLinkOffer build() {
            return new ShareableLinkOffer(tenantId, tenantName, linkId, target, grant, expiresAt, usesLeft, allowedDomains, requirements);
        }
    }
}
