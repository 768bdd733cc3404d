package io.invitations.core.policy;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the tenant's rules refuse a request. Carries every refusal; {@link #code()} is the
 * first one's.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class PolicyViolationException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** Every refusal, in the order found. */
    private final List<Refusal> refusals;

    /**
     * Creates the exception.
     *
     * @param refusals every refusal, not empty
     * @throws IllegalArgumentException if {@code refusals} is empty
     */
    public PolicyViolationException(List<Refusal> refusals) {
        super(first(refusals).code(), refusals.stream().map(Refusal::toString).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    /**
     * Throws if there is any refusal.
     *
     * @param refusals the refusals, possibly empty
     * @throws PolicyViolationException if {@code refusals} is not empty
     */
    public static void throwIfAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new PolicyViolationException(refusals);
        }
    }

    /**
     * Returns every refusal, in the order found.
     *
     * @return the refusals, not empty
     */
    public List<Refusal> refusals() {
        return refusals;
    }

    private static Refusal first(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a policy violation needs at least one refusal");
        }
        return refusals.get(0);
    }
}
