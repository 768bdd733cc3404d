package io.invitations.spi.invitation;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of an invitation, appended to its history and never changed.
 *
 * @param tenantId     the tenant, not {@code null}
 * @param invitationId the invitation, not {@code null}
 * @param at           when it happened, not {@code null}
 * @param actor        the user id of who did it (or {@code system:…}), not blank
 * @param action       what was done, not {@code null}
 * @param from         the state before, or {@code null} for the creating transition
 * @param to           the state after, not {@code null}
 * @param reason       a free-text reason or detail, or {@code null}; never a secret
 * @since 0.1.0
 */
public record HistoryEntry(TenantId tenantId, InvitationId invitationId, Instant at, String actor,
                           Action action, InvitationStatus from, InvitationStatus to, String reason) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if the actor is blank
     */
    public HistoryEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(at, "at");
        Values.requireText(actor, "actor", 256);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
    }
}
