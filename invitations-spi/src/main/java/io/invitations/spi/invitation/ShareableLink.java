package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A shareable, multi-use invitation link for a tenant or a resource, with a preset grant.
 * Deactivating it kills its URL at once; reactivating bumps {@link #tokenVersion()}, so the URL is
 * new and the old one stays dead. Its token is derived, never stored.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class ShareableLink {
    private final LinkId id;
    private final TenantId tenantId;
    private final Target target;
    private final Grant grant;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final Integer maxUses;
    private final int uses;
    private final Set<String> allowedDomains;
    private final boolean active;
    private final int tokenVersion;
    private final long version;

    private ShareableLink(LinkId id, TenantId tenantId, Target target, Grant grant, String createdBy,
            Instant createdAt, Instant updatedAt, Instant expiresAt, Integer maxUses, int uses,
            Set<String> allowedDomains, boolean active, int tokenVersion, long version) {
        InvitationException.requireValue(id, "id");
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(target, "target");
        InvitationException.requireValue(grant, "grant");
        Values.requireText(createdBy, "createdBy", 256);
        InvitationException.requireValue(createdAt, "createdAt");
        InvitationException.requireValue(updatedAt, "updatedAt");
        if (maxUses != null && maxUses < 1) {
            throw InvitationException.invalidValue("maxUses must be at least 1, or null for no limit");
        }
        if (uses < 0 || (maxUses != null && uses > maxUses)) {
            throw InvitationException.invalidValue("uses must be between 0 and maxUses");
        }
        allowedDomains = allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (tokenVersion < 1 || version < 1) {
            throw InvitationException.invalidValue("tokenVersion and version start at 1");
        }

        this.id = id;
        this.tenantId = tenantId;
        this.target = target;
        this.grant = grant;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.expiresAt = expiresAt;
        this.maxUses = maxUses;
        this.uses = uses;
        this.allowedDomains = allowedDomains;
        this.active = active;
        this.tokenVersion = tokenVersion;
        this.version = version;
    }

    /**
     * Tells whether another join is possible as of an instant.
     *
     * @param now the instant to judge at
     * @return {@code true} when active, not expired and not exhausted
     */
    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt)) && (maxUses == null || uses < maxUses);
    }

    /**
     * Returns a copy with one more use and the next version.
     *
     * @param now when the join happened
     * @return a new snapshot
     * @throws IllegalStateException if the link has no use left
     */
    public ShareableLink withOneMoreUse(Instant now) {
        if (maxUses != null && uses >= maxUses) {
            throw new IllegalStateException("link " + id + " has no use left");
        }
        return new ShareableLink(id, tenantId, target, grant, createdBy, createdAt, now, expiresAt, maxUses,
                uses + 1, allowedDomains, active, tokenVersion, version + 1);
    }

    /**
     * Returns a copy that is active or not, with the next version. Reactivating an inactive link
     * bumps the token version so that its URL is new.
     *
     * @param nowActive whether the link should work
     * @param now       when it changed
     * @return a new snapshot
     */
    public ShareableLink withActive(boolean nowActive, Instant now) {
        int nextTokenVersion = nowActive && !active ? tokenVersion + 1 : tokenVersion;
        return new ShareableLink(id, tenantId, target, grant, createdBy, createdAt, now, expiresAt, maxUses,
                uses, allowedDomains, nowActive, nextTokenVersion, version + 1);
    }

    /**
     * Returns the link's id, not {@code null}.
     *
     * @return the link's id, not {@code null}
     */
    public LinkId id() {
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
     * Returns membership or a resource (a group, an event), not {@code null}.
     *
     * @return membership or a resource (a group, an event), not {@code null}
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
     * Returns the user id of the creator, not blank.
     *
     * @return the user id of the creator, not blank
     */
    public String createdBy() {
        return createdBy;
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
     * Returns when it stops working, or {@code null} for never.
     *
     * @return when it stops working, or {@code null} for never
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns how many joins it allows, or {@code null} for no limit; at least 1.
     *
     * @return how many joins it allows, or {@code null} for no limit; at least 1
     */
    public Integer maxUses() {
        return maxUses;
    }

    /**
     * Returns how many joins it had; never above {@code maxUses}.
     *
     * @return how many joins it had; never above {@code maxUses}
     */
    public int uses() {
        return uses;
    }

    /**
     * Returns email domains that may join (lower case); empty for any.
     *
     * @return email domains that may join (lower case); empty for any
     */
    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    /**
     * Returns whether the link works.
     *
     * @return whether the link works
     */
    public boolean active() {
        return active;
    }

    /**
     * Returns the version mixed into its token; starts at 1.
     *
     * @return the version mixed into its token; starts at 1
     */
    public int tokenVersion() {
        return tokenVersion;
    }

    /**
     * Returns the optimistic-concurrency version; starts at 1.
     *
     * @return the optimistic-concurrency version; starts at 1
     */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ShareableLink other
                && Objects.equals(id, other.id)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(target, other.target)
                && Objects.equals(grant, other.grant)
                && Objects.equals(createdBy, other.createdBy)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(maxUses, other.maxUses)
                && uses == other.uses
                && Objects.equals(allowedDomains, other.allowedDomains)
                && active == other.active
                && tokenVersion == other.tokenVersion
                && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, target, grant, createdBy, createdAt, updatedAt, expiresAt, maxUses, uses, allowedDomains, active, tokenVersion, version);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "ShareableLink[id=" + id + ", tenantId=" + tenantId + ", target=" + target + ", grant=" + grant
                + ", createdBy=" + createdBy + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt
                + ", expiresAt=" + expiresAt + ", maxUses=" + maxUses + ", uses=" + uses
                + ", allowedDomains=" + allowedDomains + ", active=" + active + ", tokenVersion=" + tokenVersion
                + ", version=" + version + "]";
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
        b.id = id;
        b.tenantId = tenantId;
        b.target = target;
        b.grant = grant;
        b.createdBy = createdBy;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.expiresAt = expiresAt;
        b.maxUses = maxUses;
        b.uses = uses;
        b.allowedDomains = allowedDomains;
        b.active = active;
        b.tokenVersion = tokenVersion;
        b.version = version;
        return b;
    }

    /**
     * Builds {@link ShareableLink} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private LinkId id;
        private TenantId tenantId;
        private Target target;
        private Grant grant;
        private String createdBy;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant expiresAt;
        private Integer maxUses;
        private int uses;
        private Set<String> allowedDomains;
        private boolean active;
        private int tokenVersion;
        private long version;

        private Builder() {
        }

        /**
         * Sets the link's id, not {@code null}.
         *
         * @param v the link's id, not {@code null}
         * @return this builder
         */
        public Builder id(LinkId v) {
            id = v;
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
         * Sets membership or a resource (a group, an event), not {@code null}.
         *
         * @param v membership or a resource (a group, an event), not {@code null}
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
         * Sets the user id of the creator, not blank.
         *
         * @param v the user id of the creator, not blank
         * @return this builder
         */
        public Builder createdBy(String v) {
            createdBy = v;
            return this;
        }

        /**
         * Sets when it was created, not {@code null}.
         *
         * @param v when it was created, not {@code null}
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * Sets when it last changed, not {@code null}.
         *
         * @param v when it last changed, not {@code null}
         * @return this builder
         */
        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        /**
         * Sets when it stops working, or {@code null} for never.
         *
         * @param v when it stops working, or {@code null} for never
         * @return this builder
         */
        public Builder expiresAt(Instant v) {
            expiresAt = v;
            return this;
        }

        /**
         * Sets how many joins it allows, or {@code null} for no limit; at least 1.
         *
         * @param v how many joins it allows, or {@code null} for no limit; at least 1
         * @return this builder
         */
        public Builder maxUses(Integer v) {
            maxUses = v;
            return this;
        }

        /**
         * Sets how many joins it had; never above {@code maxUses}.
         *
         * @param v how many joins it had; never above {@code maxUses}
         * @return this builder
         */
        public Builder uses(int v) {
            uses = v;
            return this;
        }

        /**
         * Sets email domains that may join (lower case); empty for any.
         *
         * @param v email domains that may join (lower case); empty for any
         * @return this builder
         */
        public Builder allowedDomains(Set<String> v) {
            allowedDomains = v;
            return this;
        }

        /**
         * Sets whether the link works.
         *
         * @param v whether the link works
         * @return this builder
         */
        public Builder active(boolean v) {
            active = v;
            return this;
        }

        /**
         * Sets the version mixed into its token; starts at 1.
         *
         * @param v the version mixed into its token; starts at 1
         * @return this builder
         */
        public Builder tokenVersion(int v) {
            tokenVersion = v;
            return this;
        }

        /**
         * Sets the optimistic-concurrency version; starts at 1.
         *
         * @param v the optimistic-concurrency version; starts at 1
         * @return this builder
         */
        public Builder version(long v) {
            version = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public ShareableLink build() {
            return new ShareableLink(id, tenantId, target, grant, createdBy, createdAt, updatedAt, expiresAt, maxUses, uses, allowedDomains, active, tokenVersion, version);
        }
    }
}
