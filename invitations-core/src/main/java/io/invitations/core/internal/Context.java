package io.invitations.core.internal;

import io.invitations.core.InvitationNotFoundException;
import io.invitations.core.invitee.ContactSkeleton;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.SeatCount;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.storage.InvitationStore;
import org.apiguardian.api.API;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Everything an operation needs: the adapters, the clock, the id generator, the token signer and the
 * in-process locks. Built once by the facade's builder; immutable and thread-safe.
 *
 * @param store           the invitation store
 * @param directory       the identity directory
 * @param seats           the seat ledger
 * @param settings        the tenant settings source
 * @param clock           the clock
 * @param ids             the invitation id generator
 * @param signer          the token signer
 * @param links           the claim-link derivation
 * @param publisher       the event publisher
 * @param invitationLocks locks by invitation id (fewer compare-and-set retries inside one process;
 *                        limits never rest on them, see {@link Limits})
 * @param delivery        the outbox driver, told after each write that queued messages
 * @param requests        the validator of requests' constraints
 * @param skeleton        the look-alike comparison of contacts
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record Context(InvitationStore store, IdentityDirectory directory, SeatLedger seats,
                      TenantSettingsSource settings, Clock clock, Supplier<InvitationId> ids, TokenSigner signer,
                      ClaimLinks links, EventPublisher publisher, StripedLocks invitationLocks,
                      Delivery delivery, RequestValidator requests, ContactSkeleton skeleton) {
    /** The actor of changes the engine makes by itself (expiry). */
    public static final String EXPIRY_ACTOR = "system:expiry";
    /** The actor of a shareable link retired because the tenant's links were found switched off. */
    public static final String LINKS_OFF_ACTOR = "system:links-off";
    /** The actor recorded when an invitee declines. */
    public static final String INVITEE_ACTOR = "invitee";

    /** Checks that nothing is missing. */
    public Context {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(invitationLocks, "invitationLocks");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(skeleton, "skeleton");
    }

    /**
     * Returns the current instant.
     *
     * @return now, from the injected clock
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Returns a tenant's settings.
     *
     * @param tenantId the tenant
     * @return the settings, never {@code null}
     */
    public TenantSettings settingsFor(TenantId tenantId) {
        return Objects.requireNonNull(settings.settingsFor(tenantId), "the settings source returned null");
    }

    /**
     * Counts a tenant's seats: the ledger's limit and seats in use, plus open invitations that are
     * not past their expiry.
     *
     * @param tenantId the tenant
     * @param now      the instant for effective statuses
     * @return the count
     */
    public SeatCount seatCount(TenantId tenantId, Instant now) {
        long pending = store.count(Limits.openSeats(tenantId, now));
        return new SeatCount(seats.seatLimit(tenantId), seats.seatsInUse(tenantId), pending);
    }

    /**
     * Counts a tenant's seats for a limit check: as {@link #seatCount(TenantId, Instant)}, except
     * that a tenant without a limit is not counted at all (nothing can exceed it), which spares every
     * invitation of an unlimited tenant a count over its open invitations.
     *
     * @param tenantId the tenant
     * @param now      the instant for effective statuses
     * @return the count; zero in use and pending when there is no limit
     */
    public SeatCount seatCountForCheck(TenantId tenantId, Instant now) {
        OptionalLong limit = seats.seatLimit(tenantId);
        return limit.isEmpty() ? new SeatCount(limit, 0, 0) : seatCount(tenantId, now);
    }

    /**
     * Reads an invitation or fails.
     *
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored snapshot
     * @throws InvitationNotFoundException if there is none in that tenant
     */
    public Invitation require(TenantId tenantId, InvitationId id) {
        return store.find(tenantId, id).orElseThrow(() -> new InvitationNotFoundException(tenantId, id));
    }

    /**
     * Reads an invitation an actor may {@linkplain InvitationPolicy#mayRead read}, or fails: one they
     * may not read is not found, exactly as a missing one (same exception, same message), so no
     * refusal tells them it exists, who sent it or which unit it is in.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored snapshot
     * @throws InvitationNotFoundException if there is none in that tenant, or the actor may not read it
     */
    public Invitation requireReadable(Inviter actor, TenantId tenantId, InvitationId id) {
        return readable(actor, require(tenantId, id));
    }

    /**
     * Returns a loaded invitation when an actor may read it; otherwise fails as if it were missing.
     *
     * @param actor      who reads
     * @param invitation the stored snapshot
     * @return the snapshot
     * @throws InvitationNotFoundException if the actor may not read it
     */
    public Invitation readable(Inviter actor, Invitation invitation) {
        if (!InvitationPolicy.of(settingsFor(invitation.tenantId())).mayRead(actor, invitation)) {
            throw new InvitationNotFoundException(invitation.tenantId(), invitation.id());
        }
        return invitation;
    }

    /**
     * Returns a snapshot as it reads at an instant: a pending invitation past its expiry reads as
     * EXPIRED (same version), before any sweep stored it.
     *
     * @param stored the stored snapshot
     * @param now    the instant
     * @return the effective snapshot
     */
    public static Invitation effective(Invitation stored, Instant now) {
        InvitationStatus s = stored.effectiveStatus(now);
        return s == stored.status() ? stored : stored.toBuilder().status(s).build();
    }
}
