package io.invitations.core.bulk.internal;

import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.internal.Context;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Re-derives the claim links of a tenant's pending invitations for an administrator to export.
 * Links are never stored; each is computed from the key ring at the time of the export.
 * Thread-safe.
 */
public final class ClaimLinkExporter {
    private final Context ctx;

    /**
     * Creates the exporter.
     *
     * @param ctx the facade's context, not {@code null}
     */
    public ClaimLinkExporter(Context ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Returns the claim links of every invitation that is PENDING now (invited, not claimed, not
     * expired), oldest first; a {@code *_LOCAL} administrator gets those of their units only.
     *
     * @param actor    who exports, not {@code null}
     * @param tenantId the tenant, not {@code null}
     * @param batch    only the invitations of this bulk batch, or {@code null} for all
     * @return the invitations with their links
     * @throws PolicyViolationException with {@link ErrorCode#LEVEL_TOO_LOW} when the actor is not
     *                                  an administrator
     */
    public List<ClaimLinkEntry> export(Inviter actor, TenantId tenantId, BatchId batch) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenantId, "tenantId");
        PolicyViolationException.throwIfAny(InvitationPolicy.adminLevel(actor, "exporting claim links").stream()
                .toList());
        InvitationPolicy policy = InvitationPolicy.of(ctx.settingsFor(tenantId));
        Instant now = ctx.now();
        InvitationQuery.Builder q = InvitationQuery.builder(tenantId).statuses(InvitationStatus.PENDING).asOf(now)
                .page(0, InvitationQuery.MAX_LIMIT);
        if (batch != null) {
            q.source(InvitationSource.bulk(batch));
        }
        List<ClaimLinkEntry> entries = new ArrayList<>();
        InvitationQuery query = q.build();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            for (Invitation i : page.items()) {
                // A local administrator's export silently leaves out the units that are not theirs.
                if (policy.checkReveal(actor, i).isEmpty()) {
                    entries.add(new ClaimLinkEntry(i, ctx.links().linkFor(i).url()));
                }
            }
            query = query.nextPage();
        } while (page.hasMore());
        return List.copyOf(entries);
    }
}
