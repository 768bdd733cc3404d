package io.invitations.core.policy;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A tenant's seats: the limit the host reports, the seats members take, and the open invitations
 * that count against the limit.
 *
 * @param limit   the seat limit, or empty for none (a trial: unlimited)
 * @param inUse   seats members already take, at least 0
 * @param pending open invitations (provisioned, pending and awaiting approval, not expired)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record SeatCount(OptionalLong limit, long inUse, long pending) {
    /**
     * Validates the count.
     *
     * @throws NullPointerException     if {@code limit} is null
     * @throws InvitationException with {@code INVALID_REQUEST} if a number is negative
     */
    public SeatCount {
        Objects.requireNonNull(limit, "limit");
        if (inUse < 0 || pending < 0) {
            throw InvitationException.invalidValue("seat counts must not be negative");
        }
    }

    /**
     * Tells whether the tenant has no seat limit.
     *
     * @return {@code true} when unlimited
     */
    public boolean unlimited() {
        return limit.isEmpty();
    }

    /**
     * Returns how many more people may be invited.
     *
     * @return the seats left (never negative), or empty when unlimited
     */
    public OptionalLong remaining() {
        return limit.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, limit.getAsLong() - inUse - pending));
    }
}
