package io.invitations.core;

import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

import java.util.List;

/**
 * What an erasure did: immutable. Carries no personal data.
 *
 * @param erased        the invitations whose personal data this call erased, oldest first
 * @param alreadyErased the invitations of that contact erased before (found by the tombstone)
 * @param closed        the open invitations revoked or rejected first, so that no erased invitation
 *                      stays usable
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record ErasureReport(List<InvitationId> erased, List<InvitationId> alreadyErased, List<InvitationId> closed) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public ErasureReport {
        erased = List.copyOf(erased);
        alreadyErased = List.copyOf(alreadyErased);
        closed = List.copyOf(closed);
    }

    /**
     * Tells whether the contact had any invitation in the tenant, erased now or before.
     *
     * @return {@code true} if anything was or had been erased
     */
    public boolean found() {
        return !erased.isEmpty() || !alreadyErased.isEmpty();
    }
}
