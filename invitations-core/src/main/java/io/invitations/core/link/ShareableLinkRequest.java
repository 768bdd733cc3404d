package io.invitations.core.link;

import java.util.Objects;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.UnitId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new shareable link: for the tenant or a resource, with the grant every joiner gets and its
 * limits. Build with {@link #builder()}; the facade validates it and reports every
 * problem at once.
 *
 * @since 0.1.0
 */
public final class ShareableLinkRequest {
    private final @NotNull Target target;
    private final @NotBlank @Size(max = 128) String role;
    private final @NotNull MembershipType membershipType;
    private final @NotNull @Size(max = 100) Set<@NotBlank @Size(max = 128) String> groups;
    private final UnitId unit;
    private final @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> metadata;
    private final Instant expiresAt;
    private final @Min(1) Integer maxUses;
    private final @NotNull @Size(max = 100) Set<@NotBlank @Size(max = 253) String> allowedDomains;

    private ShareableLinkRequest(Target target, String role, MembershipType membershipType,
            Set<String> groups, UnitId unit, Map<String, String> metadata, Instant expiresAt, Integer maxUses,
            Set<String> allowedDomains) {
        role = role == null ? null : role.strip();
        groups = groups == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        allowedDomains = allowedDomains == null ? null
                : Collections.unmodifiableSet(new LinkedHashSet<>(allowedDomains));
        this.target = target;
        this.role = role;
        this.membershipType = membershipType;
        this.groups = groups;
        this.unit = unit;
        this.metadata = metadata;
        this.expiresAt = expiresAt;
        this.maxUses = maxUses;
        this.allowedDomains = allowedDomains;
    }

    /**
     * Starts a request for a tenant-membership link granting members; no expiry, no limit.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ShareableLinkRequest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Target target = Target.membership();
        private String role;
        private MembershipType membershipType = MembershipType.MEMBER;
        private Set<String> groups = new LinkedHashSet<>();
        private UnitId unit;
        private Map<String, String> metadata = new LinkedHashMap<>();
        private Instant expiresAt;
        private Integer maxUses;
        private Set<String> allowedDomains = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Makes the link join a resource (a group, an event) instead of the tenant.
         *
         * @param value the target
         * @return this builder
         */
        public Builder target(Target value) {
            target = value;
            return this;
        }

        /**
         * Sets the role joiners get.
         *
         * @param value one of the tenant's roles
         * @return this builder
         */
        public Builder role(String value) {
            role = value;
            return this;
        }

        /**
         * Sets member or guest.
         *
         * @param value the membership type
         * @return this builder
         */
        public Builder membershipType(MembershipType value) {
            membershipType = value;
            return this;
        }

        /**
         * Sets the groups joiners join.
         *
         * @param values the groups
         * @return this builder
         */
        public Builder groups(Collection<String> values) {
            groups = values == null ? null : new LinkedHashSet<>(values);
            return this;
        }

        /**
         * Sets the groups joiners join.
         *
         * @param values the groups
         * @return this builder
         */
        public Builder groups(String... values) {
            return groups(List.of(values));
        }

        /**
         * Sets the unit joiners belong to.
         *
         * @param value the unit, or {@code null}
         * @return this builder
         */
        public Builder unit(UnitId value) {
            unit = value;
            return this;
        }

        /**
         * Replaces the metadata copied onto joiners' accounts.
         *
         * @param values the metadata
         * @return this builder
         */
        public Builder metadata(Map<String, String> values) {
            metadata = values == null ? null : new LinkedHashMap<>(values);
            return this;
        }

        /**
         * Sets when the link stops working.
         *
         * @param value the instant, or {@code null} for never
         * @return this builder
         */
        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        /**
         * Limits how many people may join.
         *
         * @param value at least 1, or {@code null} for no limit
         * @return this builder
         */
        public Builder maxUses(Integer value) {
            maxUses = value;
            return this;
        }

        /**
         * Limits joiners to email addresses at these domains.
         *
         * @param values the domains, e.g. {@code example.com}
         * @return this builder
         */
        public Builder allowedDomains(Collection<String> values) {
            allowedDomains = values == null ? null : new LinkedHashSet<>(values);
            return this;
        }

        /**
         * Limits joiners to email addresses at these domains.
         *
         * @param values the domains
         * @return this builder
         */
        public Builder allowedDomains(String... values) {
            return allowedDomains(List.of(values));
        }

        /**
         * Builds the request; does not validate it (the facade does).
         *
         * @return the request
         */
        public ShareableLinkRequest build() {
            return new ShareableLinkRequest(target, role, membershipType, groups, unit, metadata, expiresAt,
                    maxUses, allowedDomains);
        }
    }



    /**
     * Returns membership (the default) or a resource such as a group or an event, required.
     *
     * @return membership (the default) or a resource such as a group or an event, required
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the role joiners get, required; one of the tenant's roles.
     *
     * @return the role joiners get, required; one of the tenant's roles
     */
    public String role() {
        return role;
    }

    /**
     * Returns member (the default) or guest, required.
     *
     * @return member (the default) or guest, required
     */
    public MembershipType membershipType() {
        return membershipType;
    }

    /**
     * Returns groups joiners join; possibly empty.
     *
     * @return groups joiners join; possibly empty
     */
    public Set<String> groups() {
        return groups;
    }

    /**
     * Returns the unit joiners belong to, or {@code null}.
     *
     * @return the unit joiners belong to, or {@code null}
     */
    public UnitId unit() {
        return unit;
    }

    /**
     * Returns values copied onto each joiner's account; at most 50 entries.
     *
     * @return values copied onto each joiner's account; at most 50 entries
     */
    public Map<String, String> metadata() {
        return metadata;
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
     * Returns how many joins it takes, at least 1, or {@code null} for no limit.
     *
     * @return how many joins it takes, at least 1, or {@code null} for no limit
     */
    public Integer maxUses() {
        return maxUses;
    }

    /**
     * Returns email domains that may join (e.g. {@code example.com}); empty for any.
     *
     * @return email domains that may join (e.g. {@code example.com}); empty for any
     */
    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ShareableLinkRequest other
                && Objects.equals(target, other.target)
                && Objects.equals(role, other.role)
                && Objects.equals(membershipType, other.membershipType)
                && Objects.equals(groups, other.groups)
                && Objects.equals(unit, other.unit)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(maxUses, other.maxUses)
                && Objects.equals(allowedDomains, other.allowedDomains);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, role, membershipType, groups, unit, metadata, expiresAt, maxUses, allowedDomains);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "ShareableLinkRequest[target=" + target + ", role=" + role
                + ", membershipType=" + membershipType + ", groups=" + groups + ", unit=" + unit
                + ", metadata=" + metadata + ", expiresAt=" + expiresAt + ", maxUses=" + maxUses
                + ", allowedDomains=" + allowedDomains + "]";
    }
}
