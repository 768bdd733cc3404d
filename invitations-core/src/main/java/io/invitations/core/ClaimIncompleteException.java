package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

import java.util.List;

/**
 * Thrown when a claim misses something the tenant requires: accepting the terms, a password
 * (unless the tenant uses SSO), a profile field, or picks groups outside the offered pool. Lists
 * everything missing at once.
 *
 * @since 0.1.0
 */
public class ClaimIncompleteException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** What is missing or wrong, each naming the field. */
    private final List<String> missing;

    /**
     * Creates the exception.
     *
     * @param missing what is missing or wrong, each naming the field; not empty
     */
    public ClaimIncompleteException(List<String> missing) {
        super(ErrorCode.CLAIM_INCOMPLETE, "the claim is incomplete — " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
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
