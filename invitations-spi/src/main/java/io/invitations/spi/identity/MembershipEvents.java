package io.invitations.spi.identity;

import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

/**
 * Where a host's directory reports that a member left a tenant or changed level, so that the open
 * invitations they sent follow the tenant's {@code DepartedInviterPolicy}: revoked, handed to a
 * successor, or kept. The engine implements it ({@code InvitationService.membershipEvents()}) and
 * acts as {@code system:directory}, with history entries and events for every invitation it changes.
 * Calls are idempotent: a second report finds nothing left to change.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public interface MembershipEvents {
    /**
     * Reports that a member left the tenant.
     *
     * @param tenantId  the tenant, not {@code null}
     * @param userId    the member's user id, as their invitations name them; not {@code null}
     * @param successor who takes over their invitations under {@code REASSIGN}, or {@code null}
     *                  (then they are revoked)
     * @return how many invitations were revoked or reassigned
     */
    int memberLeft(TenantId tenantId, String userId, Inviter successor);

    /**
     * Reports that a member's permission level changed; below the tenant's minimum inviting level,
     * their open invitations are handled as if they had left.
     *
     * @param tenantId  the tenant, not {@code null}
     * @param userId    the member's user id, not {@code null}
     * @param level     the new level, not {@code null}
     * @param successor who takes over under {@code REASSIGN}, or {@code null}
     * @return how many invitations were revoked or reassigned (0 when the level still allows inviting)
     */
    int levelChanged(TenantId tenantId, String userId, PermissionLevel level, Inviter successor);
}
