package io.invitations.core.conversion;

import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's conversion over a period, per {@link ConversionGroup}: immutable.
 *
 * @param tenantId  the tenant
 * @param from      inclusive start of the period (by sending time)
 * @param until     exclusive end
 * @param groupedBy what the funnels are per
 * @param funnels   the funnels, most sent first, ties by key
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record ConversionReport(TenantId tenantId, Instant from, Instant until, ConversionGroup groupedBy,
                               List<ConversionFunnel> funnels) {
    /**
     * Validates the report and copies the funnels.
     *
     * @throws NullPointerException if a component is null
     */
    public ConversionReport {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(groupedBy, "groupedBy");
        funnels = List.copyOf(funnels);
    }

    /**
     * Returns the funnel with a key.
     *
     * @param key the key (tenant id, inviter id, batch id or channel name)
     * @return the funnel, or empty when nothing was sent under that key
     */
    public Optional<ConversionFunnel> funnel(String key) {
        return funnels.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
