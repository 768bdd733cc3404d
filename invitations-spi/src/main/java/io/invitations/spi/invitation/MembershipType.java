package io.invitations.spi.invitation;

import org.apiguardian.api.API;

/**
 * What kind of member an invitation makes.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum MembershipType {
    /** A full member of the tenant. */
    MEMBER,
    /** A guest: sees only the groups or resources it was invited to. */
    GUEST
}
