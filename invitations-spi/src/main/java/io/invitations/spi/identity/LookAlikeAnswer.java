package io.invitations.spi.identity;

import org.apiguardian.api.API;

/**
 * What an {@link IdentityDirectory} answers when the engine asks whether a member of a tenant has a
 * contact that looks like a new one ({@link IdentityDirectory#memberLookingLike}).
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum LookAlikeAnswer {
    /** A member's contact has the same look-alike key as the new contact without being it. */
    LOOKS_ALIKE,
    /** No member's contact looks like the new one (the member with exactly that contact does not count). */
    NONE,
    /**
     * The directory cannot tell (it cannot list or index its members): the engine then compares the new
     * contact with the tenant's invitations only. The default of existing directories.
     */
    UNKNOWN
}
