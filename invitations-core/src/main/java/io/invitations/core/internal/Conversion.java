package io.invitations.core.internal;

import io.invitations.core.conversion.Channel;
import io.invitations.core.conversion.ConversionFunnel;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.conversion.ConversionReport;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.FunnelEntry;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes conversion reports from the store's funnel facts.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Conversion {
    private final Context ctx;

    /**
     * Creates the computation.
     *
     * @param ctx the context
     */
    public Conversion(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Reports a tenant's conversion over {@code [from, until)}; needs the tenant's manage level.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param from     inclusive start
     * @param until    exclusive end, after {@code from}
     * @param by       the grouping
     * @return the report
     * @throws io.invitations.core.InvalidRequestException naming {@code until} if the period is empty
     * @throws io.invitations.core.policy.PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE}
     *                                  below the manage level
     */
    public ConversionReport report(Inviter actor, TenantId tenantId, Instant from, Instant until,
                                   ConversionGroup by) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(by, "by");
        Reporting.requireManageLevel(ctx, actor, tenantId, "reading conversion reports");
        Reporting.requirePeriod(from, until);
        return summarise(tenantId, from, until, by, ctx.store().funnel(tenantId, from, until));
    }

    /**
     * Groups funnel facts into a report.
     *
     * @param tenantId the tenant
     * @param from     inclusive start
     * @param until    exclusive end
     * @param by       the grouping
     * @param entries  the facts
     * @return the report
     */
    public static ConversionReport summarise(TenantId tenantId, Instant from, Instant until, ConversionGroup by,
                                             List<FunnelEntry> entries) {
        Map<String, List<FunnelEntry>> groups = new LinkedHashMap<>();
        for (FunnelEntry e : entries) {
            String key = switch (by) {
                case TENANT -> tenantId.value();
                case INVITER -> e.invitedBy();
                case BATCH -> e.source().kind() == InvitationSource.Kind.BULK ? e.source().reference() : null;
                case CHANNEL -> Channel.of(e).name();
            };
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        List<ConversionFunnel> funnels = new ArrayList<>();
        groups.forEach((key, list) -> funnels.add(funnel(key, list)));
        funnels.sort(Comparator.comparingLong(ConversionFunnel::sent).reversed().thenComparing(ConversionFunnel::key));
        return new ConversionReport(tenantId, from, until, by, funnels);
    }

    private static ConversionFunnel funnel(String key, List<FunnelEntry> entries) {
        long delivered = 0;
        long opened = 0;
        List<Duration> toAccept = new ArrayList<>();
        for (FunnelEntry e : entries) {
            boolean mailed = Channel.of(e) == Channel.EMAIL;
            if (!mailed || (e.deliveredAt() != null && !e.bounced())) {
                delivered++;
            }
            if (e.openedAt() != null || e.acceptedAt() != null) {
                opened++;
            }
            if (e.acceptedAt() != null) {
                Duration d = Duration.between(e.invitedAt(), e.acceptedAt());
                toAccept.add(d.isNegative() ? Duration.ZERO : d);
            }
        }
        toAccept.sort(Comparator.naturalOrder());
        return new ConversionFunnel(key, entries.size(), delivered, opened, toAccept.size(),
                percentile(toAccept, 50), percentile(toAccept, 90), percentile(toAccept, 99));
    }

    /** Nearest-rank percentile of a sorted list; {@code null} when empty. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
