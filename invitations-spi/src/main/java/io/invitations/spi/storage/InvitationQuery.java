package io.invitations.spi.storage;

import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which invitations of one tenant to read, and which page. Results are ordered by creation time,
 * then id, oldest first.
 *
 * <p>When {@link #asOf()} is set, statuses match <em>effectively</em>: a PENDING invitation whose
 * expiry is at or before {@code asOf} counts as EXPIRED and not as PENDING. Without it, the stored
 * status is matched.
 *
 * @param tenantId     the tenant, not {@code null}
 * @param statuses     the statuses to match; empty for all
 * @param invitedBy    the inviter's user id to match, or {@code null} for any
 * @param source       the source to match (kind and reference, e.g. one batch), or {@code null}
 * @param target       the target to match, or {@code null} for any
 * @param createdFrom  created at or after, or {@code null}
 * @param createdUntil created strictly before, or {@code null}
 * @param asOf         the instant for effective statuses, or {@code null} for stored statuses
 * @param offset       how many matches to skip, at least 0
 * @param limit        the page size, 1 to {@value #MAX_LIMIT}
 * @since 0.1.0
 */
public record InvitationQuery(TenantId tenantId, Set<InvitationStatus> statuses, String invitedBy,
                              InvitationSource source, Target target, Instant createdFrom, Instant createdUntil,
                              Instant asOf, int offset, int limit) {
    /** The largest page a store must serve. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Validates the query.
     *
     * @throws NullPointerException     if {@code tenantId} or {@code statuses} is null
     * @throws IllegalArgumentException if offset or limit is out of range
     */
    public InvitationQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Starts a query over one tenant: all statuses, first page of 100.
     *
     * @param tenantId the tenant
     * @return a new builder
     */
    public static Builder of(TenantId tenantId) {
        return new Builder(tenantId);
    }

    /**
     * Tells whether an invitation matches every filter (not the page). Stores may use this as the
     * reference meaning of the filters.
     *
     * @param i the invitation
     * @return {@code true} when it matches
     */
    public boolean matches(io.invitations.spi.invitation.Invitation i) {
        if (!i.tenantId().equals(tenantId)) {
            return false;
        }
        if (!statuses.isEmpty()) {
            InvitationStatus s = asOf == null ? i.status() : i.effectiveStatus(asOf);
            if (!statuses.contains(s)) {
                return false;
            }
        }
        return (invitedBy == null || invitedBy.equals(i.invitedBy()))
                && (source == null || source.equals(i.source()))
                && (target == null || target.equals(i.target()))
                && (createdFrom == null || !i.createdAt().isBefore(createdFrom))
                && (createdUntil == null || i.createdAt().isBefore(createdUntil));
    }

    /**
     * Returns the query for the next page.
     *
     * @return a query with the offset moved by one page
     */
    public InvitationQuery nextPage() {
        return new InvitationQuery(tenantId, statuses, invitedBy, source, target, createdFrom, createdUntil, asOf,
                offset + limit, limit);
    }

    /**
     * Builds {@link InvitationQuery} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final TenantId tenantId;
        private Set<InvitationStatus> statuses = Set.of();
        private String invitedBy;
        private InvitationSource source;
        private Target target;
        private Instant createdFrom;
        private Instant createdUntil;
        private Instant asOf;
        private int offset;
        private int limit = 100;

        private Builder(TenantId tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        }

        /**
         * Matches any of these statuses.
         *
         * @param first the first status
         * @param more  further statuses
         * @return this builder
         */
        public Builder statuses(InvitationStatus first, InvitationStatus... more) {
            statuses = EnumSet.of(first, more);
            return this;
        }

        /**
         * Matches any of these statuses; empty for all.
         *
         * @param values the statuses
         * @return this builder
         */
        public Builder statuses(Set<InvitationStatus> values) {
            statuses = Set.copyOf(values);
            return this;
        }

        /**
         * Matches one inviter.
         *
         * @param userId the inviter's user id, or {@code null} for any
         * @return this builder
         */
        public Builder invitedBy(String userId) {
            invitedBy = userId;
            return this;
        }

        /**
         * Matches one source, e.g. {@code InvitationSource.bulk(batchId)}.
         *
         * @param value the source, or {@code null} for any
         * @return this builder
         */
        public Builder source(InvitationSource value) {
            source = value;
            return this;
        }

        /**
         * Matches one target.
         *
         * @param value the target, or {@code null} for any
         * @return this builder
         */
        public Builder target(Target value) {
            target = value;
            return this;
        }

        /**
         * Matches invitations created in {@code [from, until)}.
         *
         * @param from  inclusive lower bound, or {@code null}
         * @param until exclusive upper bound, or {@code null}
         * @return this builder
         */
        public Builder createdBetween(Instant from, Instant until) {
            createdFrom = from;
            createdUntil = until;
            return this;
        }

        /**
         * Matches statuses effectively as of an instant (pending past expiry counts as expired).
         *
         * @param now the instant, or {@code null} for stored statuses
         * @return this builder
         */
        public Builder asOf(Instant now) {
            asOf = now;
            return this;
        }

        /**
         * Chooses the page.
         *
         * @param newOffset how many matches to skip
         * @param newLimit  the page size
         * @return this builder
         */
        public Builder page(int newOffset, int newLimit) {
            offset = newOffset;
            limit = newLimit;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalArgumentException if the page is out of range
         */
        public InvitationQuery build() {
            return new InvitationQuery(tenantId, statuses, invitedBy, source, target, createdFrom, createdUntil, asOf,
                    offset, limit);
        }
    }
}
