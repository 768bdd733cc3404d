package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.ContactType;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import org.apiguardian.api.API;

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
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InvitationQuery {
    private final TenantId tenantId;
    private final Set<InvitationStatus> statuses;
    private final String invitedBy;
    private final InvitationSource source;
    private final Target target;
    private final Contact invitee;
    private final ContactType contactType;
    private final Instant createdFrom;
    private final Instant createdUntil;
    private final Instant asOf;
    private final int offset;
    private final int limit;
    private final DeliveryState.Status deliveryStatus;
    private final Scope scope;

    /** The largest page a store must serve. */
    public static final int MAX_LIMIT = 1000;

    private InvitationQuery(TenantId tenantId, Set<InvitationStatus> statuses, String invitedBy,
            InvitationSource source, Target target, Contact invitee, ContactType contactType, Instant createdFrom,
            Instant createdUntil, Instant asOf, int offset, int limit, DeliveryState.Status deliveryStatus,
            Scope scope) {
        InvitationException.requireValue(tenantId, "tenantId");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (offset < 0) {
            throw InvitationException.invalidValue("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvitationException.invalidValue("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }

        this.tenantId = tenantId;
        this.statuses = statuses;
        this.invitedBy = invitedBy;
        this.source = source;
        this.target = target;
        this.invitee = invitee;
        this.contactType = contactType;
        this.createdFrom = createdFrom;
        this.createdUntil = createdUntil;
        this.asOf = asOf;
        this.offset = offset;
        this.limit = limit;
        this.deliveryStatus = deliveryStatus;
        this.scope = scope;
    }

    /**
     * Starts a query over one tenant: all statuses, first page of 100.
     *
     * @param tenantId the tenant
     * @return a new builder
     */
    public static Builder builder(TenantId tenantId) {
        return new Builder(tenantId);
    }

    /**
     * Returns a builder holding this query, to derive another one (a later page, another instant).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(tenantId).statuses(statuses).invitedBy(invitedBy).source(source).target(target).invitee(invitee)
                .contactType(contactType).createdBetween(createdFrom, createdUntil).asOf(asOf).page(offset, limit)
                .deliveryStatus(deliveryStatus).scope(scope);
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
                && (invitee == null || invitee.matchKey().equals(i.inviteeKey()))
                && (contactType == null || contactType == ContactType.of(i.invitee().contact()))
                && (createdFrom == null || !i.createdAt().isBefore(createdFrom))
                && (createdUntil == null || i.createdAt().isBefore(createdUntil))
                && (deliveryStatus == null || deliveryStatus == i.delivery().status())
                && (scope == null || scope.contains(i));
    }

    /**
     * Returns the query for the next page.
     *
     * @return a query with the offset moved by one page
     */
    public InvitationQuery nextPage() {
        return new InvitationQuery(tenantId, statuses, invitedBy, source, target, invitee, contactType, createdFrom,
                createdUntil, asOf, offset + limit, limit, deliveryStatus, scope);
    }

    /**
     * Builds {@link InvitationQuery} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private final TenantId tenantId;
        private Set<InvitationStatus> statuses = Set.of();
        private String invitedBy;
        private InvitationSource source;
        private Target target;
        private Contact invitee;
        private ContactType contactType;
        private DeliveryState.Status deliveryStatus;
        private Scope scope;
        private Instant createdFrom;
        private Instant createdUntil;
        private Instant asOf;
        private int offset;
        private int limit = 100;

        private Builder(TenantId tenantId) {
            this.tenantId = InvitationException.requireValue(tenantId, "tenantId");
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
         * Matches one invitee: invitations whose contact has the same {@linkplain Contact#matchKey() match
         * key} (an email address whatever its case, or an identifier of the same kind and value), as
         * {@link InvitationStore#findByInvitee} does. Stores answer it from their invitee index.
         *
         * @param value the invitee's contact, or {@code null} for any
         * @return this builder
         * @since 0.2.0
         */
        public Builder invitee(Contact value) {
            invitee = value;
            return this;
        }

        /**
         * Matches one kind of contact: {@link ContactType#IDENTIFIER} lists the invitations without
         * email (people reached by an identifier and access code), {@link ContactType#EMAIL} the
         * others.
         *
         * @param value the kind, or {@code null} for both
         * @return this builder
         */
        public Builder contactType(ContactType value) {
            contactType = value;
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
         * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if the page is out of
         *                                               range
         */
        public InvitationQuery build() {
            return new InvitationQuery(tenantId, statuses, invitedBy, source, target, invitee, contactType, createdFrom,
                    createdUntil, asOf, offset, limit, deliveryStatus, scope);
        }

        /**
         * Matches only invitations whose delivery state has a status, e.g.
         * {@link DeliveryState.Status#BOUNCED} to list those an administrator should look at.
         *
         * @param value the status, or {@code null} for any
         * @return this builder
         * @since 1.1
         */
        public Builder deliveryStatus(DeliveryState.Status value) {
            deliveryStatus = value;
            return this;
        }

        /**
         * Matches only the invitations one actor may read: those they sent, and those granted into
         * one of their units. The engine sets it for an actor who may not read the whole tenant;
         * stores must apply it in the query itself, so that pages hold only matching invitations.
         *
         * @param value the scope, or {@code null} for the whole tenant
         * @return this builder
         * @since 1.1
         */
        public Builder scope(Scope value) {
            scope = value;
            return this;
        }
    }

    /**
     * Which invitations of a tenant one actor may read: those {@code invitedBy} sent, plus those
     * whose grant names one of {@code units}. With no units, only the actor's own.
     *
     * <pre>{@code
     * InvitationQuery.builder(tenant).scope(new InvitationQuery.Scope("u-17", Set.of())).build();
     * }</pre>
     *
     * @param invitedBy the actor's user id, not {@code null}
     * @param units     the units whose invitations are readable too; not {@code null}, may be empty
     * @since 1.1
     */
    @API(status = API.Status.STABLE, since = "1.1")
    public record Scope(String invitedBy, Set<UnitId> units) {
        /**
         * Checks and copies the values.
         *
         * @throws InvitationException with {@code INVALID_REQUEST} naming the missing field, or
         *                              {@code scope.units} when one of the units is {@code null}
         */
        public Scope {
            InvitationException.requireValue(invitedBy, "scope.invitedBy");
            for (UnitId unit : InvitationException.requireValue(units, "scope.units")) {
                if (unit == null) {
                    throw InvitationException.invalidValue("scope.units must not contain null; leave a unit out"
                            + " instead, or give no units for the actor's own invitations only");
                }
            }
            units = Set.copyOf(units);
        }

        /**
         * Tells whether an invitation lies in the scope.
         *
         * @param invitation the invitation, not {@code null}
         * @return {@code true} when the actor sent it or its grant names one of the units
         * @throws NullPointerException if {@code invitation} is {@code null}
         */
        public boolean contains(io.invitations.spi.invitation.Invitation invitation) {
            java.util.Objects.requireNonNull(invitation, "invitation");
            UnitId unit = invitation.grant().unit();
            return invitedBy.equals(invitation.invitedBy()) || unit != null && units.contains(unit);
        }
    }

    /**
     * Returns the tenant, not {@code null}.
     *
     * @return the tenant, not {@code null}
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the statuses to match; empty for all.
     *
     * @return the statuses to match; empty for all
     */
    public Set<InvitationStatus> statuses() {
        return statuses;
    }

    /**
     * Returns the inviter's user id to match, or {@code null} for any.
     *
     * @return the inviter's user id to match, or {@code null} for any
     */
    public String invitedBy() {
        return invitedBy;
    }

    /**
     * Returns the source to match (kind and reference, e.g. one batch), or {@code null}.
     *
     * @return the source to match (kind and reference, e.g. one batch), or {@code null}
     */
    public InvitationSource source() {
        return source;
    }

    /**
     * Returns the target to match, or {@code null} for any.
     *
     * @return the target to match, or {@code null} for any
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the invitee to match (by {@linkplain Contact#matchKey() match key}), or {@code null} for any.
     *
     * @return the invitee to match, or {@code null} for any
     * @since 0.2.0
     */
    public Contact invitee() {
        return invitee;
    }

    /**
     * Returns the kind of contact to match, or {@code null} for both.
     *
     * @return the kind of contact to match, or {@code null} for both
     */
    public ContactType contactType() {
        return contactType;
    }

    /**
     * Returns created at or after, or {@code null}.
     *
     * @return created at or after, or {@code null}
     */
    public Instant createdFrom() {
        return createdFrom;
    }

    /**
     * Returns created strictly before, or {@code null}.
     *
     * @return created strictly before, or {@code null}
     */
    public Instant createdUntil() {
        return createdUntil;
    }

    /**
     * Returns the instant for effective statuses, or {@code null} for stored statuses.
     *
     * @return the instant for effective statuses, or {@code null} for stored statuses
     */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Returns how many matches to skip, at least 0.
     *
     * @return how many matches to skip, at least 0
     */
    public int offset() {
        return offset;
    }

    /**
     * Returns the page size, 1 to {@value #MAX_LIMIT}.
     *
     * @return the page size, 1 to {@value #MAX_LIMIT}
     */
    public int limit() {
        return limit;
    }

    /**
     * Returns the delivery status to match, or {@code null} for any.
     *
     * @return the delivery status to match, or {@code null}
     * @since 1.1
     */
    public DeliveryState.Status deliveryStatus() {
        return deliveryStatus;
    }

    /**
     * Returns the readable scope to match, or {@code null} for the whole tenant.
     *
     * @return the scope, or {@code null}
     * @since 1.1
     */
    public Scope scope() {
        return scope;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof InvitationQuery other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(statuses, other.statuses)
                && Objects.equals(invitedBy, other.invitedBy)
                && Objects.equals(source, other.source)
                && Objects.equals(target, other.target)
                && Objects.equals(invitee, other.invitee)
                && contactType == other.contactType
                && Objects.equals(createdFrom, other.createdFrom)
                && Objects.equals(createdUntil, other.createdUntil)
                && Objects.equals(asOf, other.asOf)
                && offset == other.offset
                && limit == other.limit
                && deliveryStatus == other.deliveryStatus
                && Objects.equals(scope, other.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, statuses, invitedBy, source, target, invitee, contactType, createdFrom, createdUntil,
                asOf, offset, limit, deliveryStatus, scope);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "InvitationQuery[tenantId=" + tenantId + ", statuses=" + statuses + ", invitedBy=" + invitedBy
                + ", source=" + source + ", target=" + target
                + (invitee == null ? "" : ", invitee=" + invitee.matchKey()) + ", contactType=" + contactType
                + ", createdFrom=" + createdFrom
                + ", createdUntil=" + createdUntil + ", asOf=" + asOf + ", offset=" + offset
                + ", limit=" + limit + ", deliveryStatus=" + deliveryStatus + ", scope=" + scope + "]";
    }
}
