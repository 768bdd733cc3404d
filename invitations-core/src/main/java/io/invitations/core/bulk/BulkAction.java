package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * What a bulk call does with each creatable row.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum BulkAction {
    /** Invite now: the invitation is PENDING and its message is queued with it. */
    INVITE,
    /**
     * Invite later: the invitation is PROVISIONED (the account is prepared, no message is sent and it
     * cannot be claimed) until it is sent individually, as a selection or with invite-all.
     */
    PROVISION
}
