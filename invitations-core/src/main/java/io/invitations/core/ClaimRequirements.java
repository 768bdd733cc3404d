package io.invitations.core;

import java.util.List;
import java.util.Set;

/**
 * What a claim must bring (DESIGN §7), as the invitee page should ask for it.
 *
 * @param termsRequired    whether the tenant's terms must be accepted
 * @param profileFields    profile fields to confirm, in order
 * @param passwordRequired whether a password must be chosen ({@code false} under SSO)
 * @param groupPool        default groups the invitee may pick from; possibly empty
 * @since 0.1.0
 */
public record ClaimRequirements(boolean termsRequired, List<String> profileFields, boolean passwordRequired,
                                Set<String> groupPool) {
    /** Copies the collections. */
    public ClaimRequirements {
        profileFields = List.copyOf(profileFields);
        groupPool = Set.copyOf(groupPool);
    }
}
