package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Thrown when a claim misses something the tenant requires: accepting the terms, a password
 * (unless the tenant uses SSO), a profile field, or picks groups outside the offered pool. Lists
 * everything missing at once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class ClaimIncompleteException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** What is missing or wrong, each naming the field. */
    private final List<String> missing;
    private final Set<ClaimStep> steps;

    /**
     * Creates the exception.
     *
     * @param missing what is missing or wrong, each naming the field; not empty
     */
    public ClaimIncompleteException(List<String> missing) {
        this(Set.of(), missing);
    }

    /**
     * Creates the exception naming the steps that were not completed.
     *
     * @param steps   the steps not completed, possibly empty
     * @param missing what is missing or wrong, each naming the field; not empty; never a password
     */
    public ClaimIncompleteException(Set<ClaimStep> steps, List<String> missing) {
        super(ErrorCode.CLAIM_INCOMPLETE, "the claim is incomplete — " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
        this.steps = steps.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(steps));
    }

    /**
     * Returns the steps the claim did not complete, so the invitee page can go back to them.
     *
     * @return the steps, in claim order; possibly empty
     */
    public Set<ClaimStep> steps() {
        return steps;
    }

    /**
     * Returns what is missing or wrong.
     *
     * @return the items, each naming the field
     */
    public List<String> missing() {
        return missing;
    }
}
