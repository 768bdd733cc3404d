package io.invitations.core;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a claim must bring (terms, profile fields, password, group choice), as the invitee page should ask for it.
 *
 * @param termsRequired    whether the tenant's terms must be accepted
 * @param profileFields    profile fields to confirm, in order
 * @param passwordRequired whether a password must be chosen ({@code false} under SSO)
 * @param groupPool        default groups the invitee may pick from; possibly empty
 * @param minimumPasswordLength the fewest characters the password may have; 0 when no password
 *                              is required
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ClaimRequirements(boolean termsRequired, List<String> profileFields, boolean passwordRequired,
                                Set<String> groupPool, int minimumPasswordLength) {
    /**
     * Copies the collections.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if a required password has no minimum length, or the
     *         length is negative
     */
    public ClaimRequirements {
        profileFields = List.copyOf(profileFields);
        groupPool = Set.copyOf(groupPool);
        if (minimumPasswordLength < 0 || (passwordRequired && minimumPasswordLength < 1)) {
            throw InvitationException.invalidValue("a required password needs a minimum length of at least 1");
        }
    }

    /**
     * Lists the steps this claim has, in order: terms (when required), profile fields (when any),
     * password (unless SSO) and groups (when the tenant offers a pool).
     *
     * @return the steps, possibly empty
     */
    public List<ClaimStep> steps() {
        List<ClaimStep> steps = new ArrayList<>(ClaimStep.values().length);
        if (termsRequired) {
            steps.add(ClaimStep.TERMS);
        }
        if (!profileFields.isEmpty()) {
            steps.add(ClaimStep.PROFILE);
        }
        if (passwordRequired) {
            steps.add(ClaimStep.PASSWORD);
        }
        if (!groupPool.isEmpty()) {
            steps.add(ClaimStep.GROUPS);
        }
        return List.copyOf(steps);
    }
}
