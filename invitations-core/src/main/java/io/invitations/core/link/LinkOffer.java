package io.invitations.core.link;

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
 * @param tenantId       the tenant, not {@code null}
 * @param tenantName     the tenant's name from its branding, not {@code null}
 * @param linkId         the link, not {@code null}
 * @param target         membership or the resource the link is for, not {@code null}
 * @param grant          what joining gives, not {@code null}
 * @param expiresAt      when the link stops working, or {@code null} for never
 * @param usesLeft       how many more joins it takes, or {@code null} for no limit
 * @param allowedDomains the email domains that may join; empty for any
 * @param requirements   what the join's claim must bring, not {@code null}
 * @since 0.1.0
 */
public record LinkOffer(TenantId tenantId, String tenantName, LinkId linkId, Target target, Grant grant,
                        Instant expiresAt, Integer usesLeft, Set<String> allowedDomains,
                        ClaimRequirements requirements) {
    /**
     * Validates the offer and copies the domains.
     *
     * @throws NullPointerException if a required component is null
     */
    public LinkOffer {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(grant, "grant");
        allowedDomains = Set.copyOf(allowedDomains);
        Objects.requireNonNull(requirements, "requirements");
    }
}
