package io.invitations.spi.settings;

import org.apiguardian.api.API;

/**
 * What happens to the open invitations of an inviter who leaves the tenant or drops below the
 * tenant's inviting level, when the host reports it ({@code InvitationAdministration.handleDeparture}
 * or {@code InvitationService.membershipEvents()}).
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public enum DepartedInviterPolicy {
    /** Revoke their provisioned and pending invitations: the links die at once (the default). */
    REVOKE,
    /**
     * Hand their provisioned, pending and awaiting-approval invitations to a successor, who becomes
     * the inviter; without a successor they are revoked.
     */
    REASSIGN,
    /** Leave them as they are. */
    KEEP
}
