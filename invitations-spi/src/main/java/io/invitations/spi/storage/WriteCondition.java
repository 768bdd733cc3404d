package io.invitations.spi.storage;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.TenantId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A check that an {@link InvitationStore} runs inside a write, atomically with it: the store first
 * takes the tenant's write guard (a lock that every guarded write of the tenant takes, in every
 * process sharing the store), then calls the condition with counts that see every write committed
 * before, then applies the batch and releases the guard only when the batch is stored. The engine
 * uses it for seat limits and per-inviter quotas, so that the check and the write cannot be split by
 * another node's write.
 *
 * <p>A condition that refuses throws; the store then stores nothing of the batch and lets the
 * exception reach its caller unchanged. A condition must not write, and should be quick: it runs
 * while the tenant's guarded writes wait.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface WriteCondition {
    /**
     * Checks the tenant's state before the batch is applied.
     *
     * @param counts the tenant's invitations as stored when the guard was taken (the batch's own rows
     *               are not included yet)
     * @throws RuntimeException to refuse the write; it propagates unchanged
     */
    void check(TenantCounts counts);

    /**
     * Counts a guarded tenant's invitations inside a guarded write.
     *
     * @since 0.2.0
     */
    @FunctionalInterface
    interface TenantCounts {
        /**
         * Counts the invitations that match a query's filters (its page is ignored), as
         * {@link InvitationStore#count(InvitationQuery)} but within the guarded write.
         *
         * @param query the filters; its tenant must be the guarded one
         * @return the number of matches
         * @throws IllegalArgumentException if the query is about another tenant
         */
        long count(InvitationQuery query);

        /**
         * Counts, for each of several invitees, the invitations that match a query's filters and
         * have that invitee (see {@link InvitationQuery.Builder#invitee}), within the guarded write.
         * The engine uses it for the cap of open invitations per identifier, for every identifier of
         * a bulk write at once.
         *
         * <p>The default calls {@link #count} once per distinct invitee; stores should override it with
         * one grouped count (a store's own implementation of this interface), so that a guarded write
         * of many invitees stays a constant number of round trips.
         *
         * @param query    the filters (its invitee filter and page are ignored); its tenant must be the
         *                 guarded one
         * @param invitees the invitees, not {@code null}
         * @return the count per {@linkplain Contact#matchKey() match key}, for every distinct invitee
         *         given (zero included)
         * @throws IllegalArgumentException if the query is about another tenant
         * @since 0.2.0
         */
        default Map<String, Long> countPerInvitee(InvitationQuery query, Collection<? extends Contact> invitees) {
            Map<String, Long> counts = new HashMap<>();
            for (Contact invitee : invitees) {
                if (!counts.containsKey(invitee.matchKey())) {
                    counts.put(invitee.matchKey(), count(query.toBuilder().invitee(invitee).build()));
                }
            }
            return Map.copyOf(counts);
        }

        /**
         * Counts the guarded tenant's {@linkplain WriteBatch#sends() recorded sends} since an instant,
         * to one contact, by one inviter, or both, within the guarded write. The engine uses it for the
         * tenant's {@link io.invitations.spi.settings.SendLimits}.
         *
         * <p>The default throws {@link UnsupportedOperationException}: a store without it cannot
         * enforce send limits (the engine then refuses sends of tenants that set them).
         *
         * @param contactKey the recipient's opt-out key, or {@code null} for any
         * @param inviter    the inviter's user id, or {@code null} for any
         * @param since      the window's start (inclusive), not {@code null}
         * @return the number of recorded sends
         * @since 1.1
         */
        default long countSends(String contactKey, String inviter, java.time.Instant since) {
            throw new UnsupportedOperationException("this store does not count sends; use a store that"
                    + " records WriteBatch.sends(), or set no send limits");
        }
    }

    /**
     * A condition with the tenant whose guard it needs.
     *
     * @param tenantId  the tenant, not {@code null}
     * @param condition the check, not {@code null}
     * @since 0.2.0
     */
    record Guard(TenantId tenantId, WriteCondition condition) {
        /** Checks that nothing is missing. */
        public Guard {
            io.invitations.spi.InvitationException.requireValue(tenantId, "tenantId");
            io.invitations.spi.InvitationException.requireValue(condition, "condition");
        }

        /**
         * Runs the condition, refusing counts of other tenants.
         *
         * @param counts the store's counts within the write
         */
        public void check(TenantCounts counts) {
            condition.check(new TenantCounts() {
                @Override
                public long count(InvitationQuery query) {
                    requireGuarded(query);
                    return counts.count(query);
                }

                @Override
                public Map<String, Long> countPerInvitee(InvitationQuery query,
                                                         Collection<? extends Contact> invitees) {
                    requireGuarded(query);
                    return counts.countPerInvitee(query, invitees);
                }

                @Override
                public long countSends(String contactKey, String inviter, java.time.Instant since) {
                    return counts.countSends(contactKey, inviter, since);
                }
            });
        }

        private void requireGuarded(InvitationQuery query) {
            if (!query.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("a condition guarded by tenant " + tenantId
                        + " counted tenant " + query.tenantId() + "; count only the guarded tenant");
            }
        }
    }
}
