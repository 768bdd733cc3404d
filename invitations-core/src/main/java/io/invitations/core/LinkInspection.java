package io.invitations.core;

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
 * @param tenantId        the tenant, not {@code null}
 * @param tenantName      the tenant's name from its branding, not {@code null}
 * @param invitationId    the invitation, not {@code null}
 * @param inviterName     who invited, not {@code null}
 * @param invitee         who is invited, as the inviter entered them; not {@code null}
 * @param target          membership or a resource, not {@code null}
 * @param grant           what accepting gives, not {@code null}
 * @param personalMessage the inviter's message, or {@code null}
 * @param locale          the invitation's language, not {@code null}
 * @param status          the effective status now, not {@code null}
 * @param expiresAt       when the link stops working, or {@code null}
 * @param requirements    what the claim must bring, not {@code null}
 * @since 0.1.0
 */
public record LinkInspection(TenantId tenantId, String tenantName, InvitationId invitationId, String inviterName,
                             Invitee invitee, Target target, Grant grant, String personalMessage, Locale locale,
                             InvitationStatus status, Instant expiresAt, ClaimRequirements requirements) {
    /**
     * Validates the inspection.
     *
     * @throws NullPointerException if a required component is null
     */
    public LinkInspection {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(inviterName, "inviterName");
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requirements, "requirements");
    }

    /**
     * Tells whether the invitation can be accepted now.
     *
     * @return {@code true} while pending and before expiry
     */
    public boolean claimable() {
        return status == InvitationStatus.PENDING;
    }
}
