package io.invitations.spi.settings;

import org.apiguardian.api.API;

/**
 * What happens when the person accepting an invitation is signed in with, or verified, another email
 * address than the one invited ({@code ClaimRequest.Builder.acceptingAs}). Addresses are compared
 * after normalisation (NFKC, IDN domain to ASCII, case), so {@code ALICE@Example.COM} and a full-width
 * {@code ａｌｉｃｅ@example.com} are the address {@code alice@example.com}, not another one. Whatever
 * the policy, a mismatch never uses up the invitation: a refused or rejected attempt leaves it
 * claimable by the person invited, and takes no seat.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public enum OtherAccountPolicy {
    /** Refused with {@code ACCOUNT_MISMATCH}: sign in with the invited address (the default). */
    STRICT,
    /**
     * Accepted when the host's identity directory confirms that the other address belongs to the same
     * person ({@code IdentityDirectory.samePerson}), or when its domain is one of the tenant's
     * {@link TenantSettings#aliasDomains() alias domains}; refused otherwise, as with {@link #STRICT}.
     */
    VERIFIED_ALIAS,
    /**
     * Held for an administrator: the invitation moves to AWAITING_APPROVAL, its history shows both
     * addresses, and {@code approve} accepts it for the other address while {@code reject} puts it back
     * to PENDING for the person invited. Until decided, the person invited may still claim it
     * themselves, which withdraws the held acceptance.
     */
    APPROVAL
}
