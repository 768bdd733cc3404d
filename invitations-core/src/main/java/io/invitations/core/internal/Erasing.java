package io.invitations.core.internal;

import io.invitations.core.ErasureReport;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.Erasure;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Erases invitees' personal data: on request for one contact, and by the tenant's retention period.
 * The tombstone is {@code keyId:hash}, the hash an HMAC of the contact's match key under the key
 * ring's key, mixed with the tenant and the {@link TokenPurpose#ERASURE} purpose: a tenant key. The
 * same contact therefore finds its tombstones again (under every accepted key), and nothing else can.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Erasing {
    /** The actor of the retention sweep. */
    public static final Inviter RETENTION = Inviter.system("retention");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Context ctx;
    private final Managing managing;

    /**
     * Creates the operation.
     *
     * @param ctx      the context
     * @param managing the revocation and rejection it uses to close open invitations first
     */
    public Erasing(Context ctx, Managing managing) {
        this.ctx = ctx;
        this.managing = managing;
    }

    /**
     * Erases one contact's personal data from every invitation of a tenant, as an administrator.
     *
     * @param actor    who acts; must be an administrator
     * @param tenantId the tenant
     * @param contact  the person's contact
     * @return what was done
     */
    public ErasureReport erase(Inviter actor, TenantId tenantId, Contact contact) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contact, "contact");
        InvitationPolicy.adminLevel(actor, "erasing a person's personal data")
                .ifPresent(r -> PolicyViolationException.throwIfAny(List.of(r)));
        List<InvitationId> closed = new ArrayList<>();
        List<InvitationId> erased = new ArrayList<>();
        Identifier tombstone = tombstone(ctx.signer().keyRing().current(), tenantId, contact);
        for (Invitation inv : ctx.store().findByInvitee(tenantId, contact)) {
            if (close(actor, inv)) {
                closed.add(inv.id());
            }
            if (eraseOne(actor, ctx.require(tenantId, inv.id()), tombstone, "erasure requested", false)) {
                erased.add(inv.id());
            }
        }
        Set<InvitationId> erasedNow = Set.copyOf(erased);
        List<InvitationId> before = erasedInvitationsOf(tenantId, contact).stream().map(Invitation::id)
                .filter(id -> !erasedNow.contains(id)).toList();
        return new ErasureReport(erased, before, closed);
    }

    /**
     * Finds the erased invitations of a contact by their tombstones, under every key the ring accepts,
     * that the actor may {@linkplain InvitationPolicy#mayRead read}, as {@code invitationsOf} lists.
     *
     * @param actor    who reads
     * @param tenantId the tenant
     * @param contact  the contact
     * @return the erased invitations, oldest first
     */
    public List<Invitation> erasedInvitationsOf(Inviter actor, TenantId tenantId, Contact contact) {
        InvitationPolicy policy = InvitationPolicy.of(ctx.settingsFor(tenantId));
        return erasedInvitationsOf(tenantId, contact).stream().filter(i -> policy.mayRead(actor, i)).toList();
    }

    /**
     * Finds every erased invitation of a contact by their tombstones, whoever may read them (for the
     * erasure's own report).
     *
     * @param tenantId the tenant
     * @param contact  the contact
     * @return the erased invitations, oldest first
     */
    List<Invitation> erasedInvitationsOf(TenantId tenantId, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Map<InvitationId, Invitation> found = new LinkedHashMap<>();
        for (SigningKey key : ctx.signer().keyRing().accepted()) {
            ctx.store().findByInvitee(tenantId, tombstone(key, tenantId, contact))
                    .forEach(i -> found.putIfAbsent(i.id(), i));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(Invitation::createdAt)).toList();
    }

    /**
     * Erases the personal data of a tenant's expired, declined, revoked and rejected invitations
     * whose last change is older than the tenant's retention period, in batches. Safe with several
     * nodes at once: each invitation is erased once.
     *
     * @param tenantId the tenant
     * @return how many invitations this call erased
     */
    public int applyRetention(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        Optional<Duration> retention = ctx.settingsFor(tenantId).retention();
        if (retention.isEmpty()) {
            return 0;
        }
        Instant before = ctx.now().minus(retention.get());
        SigningKey key = ctx.signer().keyRing().current();
        return Sweep.run(ctx, (now, n) -> ctx.store().dueForRetention(tenantId, before, n),
                (inv, now) -> eraseOne(RETENTION, inv, tombstone(key, tenantId, inv.invitee().contact()),
                        "retention period passed", true));
    }

    private boolean close(Inviter actor, Invitation inv) {
        InvitationStatus status = inv.effectiveStatus(ctx.now());
        try {
            if (status == InvitationStatus.PROVISIONED || status == InvitationStatus.PENDING) {
                managing.revoke(actor, inv.tenantId(), inv.id(), "erasure requested");
                return true;
            }
            if (status == InvitationStatus.AWAITING_APPROVAL) {
                managing.reject(actor, inv.tenantId(), inv.id(), "erasure requested");
                return true;
            }
        } catch (IllegalTransitionException moved) {
            // answered or expired meanwhile: it is closed either way
        }
        return false;
    }

    /** Erases one invitation as it stands now ({@code current}: re-read after closing it, if closed). */
    private boolean eraseOne(Inviter actor, Invitation current, Identifier tombstone, String reason,
                             boolean retention) {
        Instant now = ctx.now();
        TenantId tenantId = current.tenantId();
        InvitationId id = current.id();
        HistoryEntry entry = HistoryEntry.builder().tenantId(tenantId).invitationId(id).at(now)
                .actor(actor.userId()).action(Action.ERASE).from(current.status()).to(current.status())
                .reason(reason).build();
        boolean done = ctx.store().erase(new Erasure(tenantId, id, tombstone, entry));
        if (done) {
            ctx.publisher().publish(List.of(new InvitationEvent.Erased(tenantId, id, now, actor.userId(),
                    retention)));
        }
        return done;
    }

    /**
     * Computes a contact's tombstone under one key.
     *
     * @param key      the key
     * @param tenantId the tenant
     * @param contact  the contact
     * @return the tombstone identifier
     */
    static Identifier tombstone(SigningKey key, TenantId tenantId, Contact contact) {
        byte[] mac = TokenSigner.mac(key, TokenPurpose.ERASURE, tenantId, contact.matchKey(), 1);
        return Erasure.tombstone(key.id() + ":" + ENCODER.encodeToString(mac));
    }
}
