package io.invitations.core;

import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.settings.DepartedInviterPolicy;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What happened to the open invitations of an inviter who left the tenant or dropped below the
 * inviting level: immutable.
 *
 * @param inviterId  the departed inviter's user id
 * @param policy     the tenant's policy that was applied
 * @param successor  the user id of who took the invitations over, or {@code null} when none did
 * @param revoked    the invitations revoked, oldest first
 * @param reassigned the invitations handed to the successor, oldest first
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record DepartureReport(String inviterId, DepartedInviterPolicy policy, String successor,
                              List<InvitationId> revoked, List<InvitationId> reassigned) {
    /**
     * Validates the report and copies the lists.
     *
     * @throws NullPointerException if a required component is null
     */
    public DepartureReport {
        Objects.requireNonNull(inviterId, "inviterId");
        Objects.requireNonNull(policy, "policy");
        revoked = List.copyOf(revoked);
        reassigned = List.copyOf(reassigned);
    }

    /**
     * Returns how many invitations changed.
     *
     * @return revoked plus reassigned
     */
    public int changed() {
        return revoked.size() + reassigned.size();
    }
}
