package io.invitations.spi.invitation;

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
 * @param id             the link's id, not {@code null}
 * @param tenantId       the tenant, not {@code null}
 * @param target         membership or a resource (a group, an event), not {@code null}
 * @param grant          what joining gives, not {@code null}
 * @param createdBy      the user id of the creator, not blank
 * @param createdAt      when it was created, not {@code null}
 * @param updatedAt      when it last changed, not {@code null}
 * @param expiresAt      when it stops working, or {@code null} for never
 * @param maxUses        how many joins it allows, or {@code null} for no limit; at least 1
 * @param uses           how many joins it had; never above {@code maxUses}
 * @param allowedDomains email domains that may join (lower case); empty for any
 * @param active         whether the link works
 * @param tokenVersion   the version mixed into its token; starts at 1
 * @param version        the optimistic-concurrency version; starts at 1
 * @since 0.1.0
 */
public record InvitationLink(LinkId id, TenantId tenantId, Target target, Grant grant, String createdBy,
                             Instant createdAt, Instant updatedAt, Instant expiresAt, Integer maxUses,
                             int uses, Set<String> allowedDomains, boolean active, int tokenVersion,
                             long version) {
    /**
     * Validates the link.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public InvitationLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(grant, "grant");
        Values.requireText(createdBy, "createdBy", 256);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (maxUses != null && maxUses < 1) {
            throw new IllegalArgumentException("maxUses must be at least 1, or null for no limit");
        }
        if (uses < 0 || (maxUses != null && uses > maxUses)) {
            throw new IllegalArgumentException("uses must be between 0 and maxUses");
        }
        allowedDomains = allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (tokenVersion < 1 || version < 1) {
            throw new IllegalArgumentException("tokenVersion and version start at 1");
        }
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
    public InvitationLink withOneMoreUse(Instant now) {
        if (maxUses != null && uses >= maxUses) {
            throw new IllegalStateException("link " + id + " has no use left");
        }
        return new InvitationLink(id, tenantId, target, grant, createdBy, createdAt, now, expiresAt, maxUses,
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
    public InvitationLink withActive(boolean nowActive, Instant now) {
        int nextTokenVersion = nowActive && !active ? tokenVersion + 1 : tokenVersion;
        return new InvitationLink(id, tenantId, target, grant, createdBy, createdAt, now, expiresAt, maxUses,
                uses, allowedDomains, nowActive, nextTokenVersion, version + 1);
    }
}
