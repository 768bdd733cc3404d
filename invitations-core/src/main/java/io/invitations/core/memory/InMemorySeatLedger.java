package io.invitations.core.memory;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.seats.SeatLedger;
import org.apiguardian.api.API;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The embedded default {@link SeatLedger}: no limit until one is set per tenant. Seats in use come
 * from a function (by default the member count of an {@link InMemoryIdentityDirectory}) or are set
 * by hand.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemorySeatLedger implements SeatLedger {
    private final Map<TenantId, Long> limits = new ConcurrentHashMap<>();
    private final Map<TenantId, Long> inUseOverrides = new ConcurrentHashMap<>();
    private final ToLongFunction<TenantId> inUse;

    /** Creates a ledger with no limits and no seats in use. */
    public InMemorySeatLedger() {
        this(t -> 0L);
    }

    /**
     * Creates a ledger that counts seats in use with a function.
     *
     * @param inUse counts the seats members take in a tenant, not {@code null}
     */
    public InMemorySeatLedger(ToLongFunction<TenantId> inUse) {
        this.inUse = Objects.requireNonNull(inUse, "inUse");
    }

    /**
     * Creates a ledger whose seats in use are the members of a directory.
     *
     * @param directory the directory, not {@code null}
     * @return the ledger
     */
    public static InMemorySeatLedger countingMembersOf(InMemoryIdentityDirectory directory) {
        return new InMemorySeatLedger(directory::memberCount);
    }

    @Override
    public OptionalLong seatLimit(TenantId tenantId) {
        Long limit = limits.get(tenantId);
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    @Override
    public long seatsInUse(TenantId tenantId) {
        Long fixed = inUseOverrides.get(tenantId);
        return fixed != null ? fixed : inUse.applyAsLong(tenantId);
    }

    /**
     * Sets a tenant's seat limit.
     *
     * @param tenantId the tenant
     * @param limit    the limit, at least 0
     */
    public void setLimit(TenantId tenantId, long limit) {
        if (limit < 0) {
            throw InvitationException.invalidValue("a seat limit must not be negative");
        }
        limits.put(tenantId, limit);
    }

    /**
     * Removes a tenant's seat limit (unlimited, as in a trial).
     *
     * @param tenantId the tenant
     */
    public void clearLimit(TenantId tenantId) {
        limits.remove(tenantId);
    }

    /**
     * Fixes how many seats a tenant's members take, overriding the counting function.
     *
     * @param tenantId the tenant
     * @param seats    the seats in use, at least 0
     */
    public void setSeatsInUse(TenantId tenantId, long seats) {
        if (seats < 0) {
            throw InvitationException.invalidValue("seats in use must not be negative");
        }
        inUseOverrides.put(tenantId, seats);
    }
}
