package io.invitations.core.optout;

import org.apiguardian.api.API;

/**
 * What an opt-out covers.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public enum OptOutScope {
    /** Invitations of the tenant whose message carried the link (the one-click default). */
    TENANT,
    /** Invitations of every tenant of the host. */
    ALL_TENANTS
}
