package io.invitations.spi.seats;

import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.OptionalLong;

/**
 * The host's view of a tenant's seats. The engine counts pending invitations on top of
 * {@link #seatsInUse(TenantId)} when it checks the limit.
 *
 * <p>Implementations must be safe for use by many threads at once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface SeatLedger {
    /**
     * Returns the tenant's seat limit.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the limit, or empty for no limit (a trial: unlimited)
     */
    OptionalLong seatLimit(TenantId tenantId);

    /**
     * Returns how many seats members already take.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the seats in use, at least 0
     */
    long seatsInUse(TenantId tenantId);
}
