package io.invitations.core.internal;

import io.invitations.core.AccountMismatchException;
import io.invitations.core.Acceptance;
import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.FieldProblem;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.invitee.Invitees;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.LinkClosedException;
import io.invitations.core.link.LinkNotFoundException;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.spi.InvitationException;
import io.invitations.spi.settings.LookAlikePolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.core.token.InvalidTokenException;
import io.invitations.core.token.internal.TokenClaims;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apiguardian.api.API;

import java.net.IDN;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Shareable invitation links: creating, revealing, deactivating and reactivating them, and joining
 * through one. A join first reserves: it stores the new invitation (source LINK) as PENDING together
 * with the link's compare-and-set use increment, guarded by the seat limit, in one write. Only then
 * does the identity directory make the account, and a second write confirms the invitation as
 * accepted (or awaiting approval). So an account is made only for a join that already won its seat
 * and its use of the link, on whichever node; a join that loses the link's version reads the link
 * again and retries while uses remain. No lock inside this process decides.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Linking {
    /** The history note of an invitation a shareable link join closed; the link's id follows. */
    static final String SUPERSEDED = "superseded by link join: the invitee joined through shareable link ";

    private static final Logger LOG = LoggerFactory.getLogger(Linking.class);
    /** Enough for every racing process to win once; a store that refuses more is broken. */
    private static final int ATTEMPTS = 100;

    private final WaysIn ways;
    private final Context ctx;
    private final Claiming claiming;

    /**
     * Creates the operations.
     *
     * @param ways     the context of the other ways in
     * @param claiming the claim steps joins share with invitations
     */
    public Linking(WaysIn ways, Claiming claiming) {
        this.ways = ways;
        this.ctx = ways.ctx();
        this.claiming = claiming;
    }

    /**
     * Creates an active link.
     *
     * @param creator  who creates it
     * @param tenantId the tenant
     * @param request  the link to create
     * @return the link with its URL
     */
    public RevealedShareableLink create(Inviter creator, TenantId tenantId, ShareableLinkRequest request) {
        List<FieldProblem> problems = new ArrayList<>(ctx.requests().problems(request));
        Set<String> domains = normaliseDomains(request.allowedDomains(), problems);
        Instant now = ctx.now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "must be in the future, was " + request.expiresAt()));
        }
        RequestValidator.throwIfAny(problems);
        TenantSettings settings = ctx.settingsFor(tenantId);
        Grant grant = grant(request, creator, settings);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkLink(creator, request.target(), grant, true));
        ShareableLink link = ShareableLink.builder()
                .id(ways.nextLinkId())
                .tenantId(tenantId)
                .target(request.target())
                .grant(grant)
                .createdBy(creator.userId())
                .createdAt(now)
                .updatedAt(now)
                .expiresAt(request.expiresAt())
                .maxUses(request.maxUses())
                .uses(0)
                .allowedDomains(domains)
                .active(true)
                .tokenVersion(1)
                .version(1)
                .build();
        Change change = new Change(now).insertLink(link, new InvitationEvent.LinkCreated(tenantId, link.id(), now,
                creator.userId()));
        change.commit(ctx);
        return shareable(link, settings);
    }

    /**
     * Reveals a link's current URL.
     *
     * @param actor    who asks
     * @param tenantId the tenant
     * @param id       the link
     * @return the link with its URL
     */
    public RevealedShareableLink reveal(Inviter actor, TenantId tenantId, LinkId id) {
        ShareableLink link = require(tenantId, id);
        TenantSettings settings = ctx.settingsFor(tenantId);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkLink(actor, link.target(), link.grant(), true));
        return shareable(link, settings);
    }

    /**
     * Deactivates a link: its URL dies at once. An inactive link stays as it is.
     *
     * @param actor    who deactivates
     * @param tenantId the tenant
     * @param id       the link
     * @return the link as stored
     */
    public ShareableLink deactivate(Inviter actor, TenantId tenantId, LinkId id) {
        return change(actor, tenantId, id, false);
    }

    /**
     * Reactivates a link under a new URL; the old URL stays dead. An active link stays as it is.
     *
     * @param actor    who reactivates
     * @param tenantId the tenant
     * @param id       the link
     * @return the link with its (new) URL
     */
    public RevealedShareableLink reactivate(Inviter actor, TenantId tenantId, LinkId id) {
        ShareableLink link = change(actor, tenantId, id, true);
        return shareable(link, ctx.settingsFor(tenantId));
    }

    /**
     * Switches a tenant's shareable links on or off. Switching off retires every link for good: each
     * active one is deactivated, so its URL stays dead when links are switched on again, and only
     * reactivating it (which gives it a new URL) or creating a new link shares one again. The setting
     * is stored first, through the settings source when it can store it; otherwise the host sets
     * {@code linkInvitationsEnabled} in its own settings (logged). A link created by a request that
     * read the settings just before they changed is retired the first time it is used while off.
     *
     * @param actor    who switches, at ADMIN_TENANT
     * @param tenantId the tenant
     * @param enabled  {@code true} to switch links on
     * @return how many links this call retired
     */
    public int switchLinks(Inviter actor, TenantId tenantId, boolean enabled) {
        PolicyViolationException.throwIfAny(InvitationPolicy.tenantAdmin(actor,
                "switching shareable links on or off"));
        if (!ctx.settings().switchLinkInvitations(tenantId, enabled)) {
            LOG.warn("tenant {} switched shareable links {}; its settings source cannot store that, so set"
                    + " linkInvitationsEnabled in the host's settings", tenantId, enabled ? "on" : "off");
        }
        if (enabled) {
            return 0;
        }
        int retired = 0;
        for (ShareableLink link : ctx.store().links(tenantId)) {
            if (link.active() && !change(actor, tenantId, link.id(), false).active()) {
                retired++;
            }
        }
        return retired;
    }

    /**
     * Lists a tenant's links.
     *
     * @param tenantId the tenant
     * @return the links, oldest first
     */
    public List<ShareableLink> list(TenantId tenantId) {
        return ctx.store().links(tenantId);
    }

    /**
     * Reads what a usable link offers; changes nothing, except that a link found while the tenant's
     * links are switched off is retired.
     *
     * @param token the link's token
     * @return the offer
     */
    public ShareableLinkOffer offer(String token) {
        TokenClaims claims = verify(token);
        TenantSettings settings = ctx.settingsFor(claims.tenantId());
        ShareableLink link = usable(claims, settings, ctx.now());
        return ShareableLinkOffer.builder()
                .tenantId(link.tenantId())
                .tenantName(settings.brandingFor(link.tenantId()).tenantName())
                .linkId(link.id())
                .target(link.target())
                .grant(link.grant())
                .expiresAt(link.expiresAt())
                .usesLeft(link.maxUses() == null ? null : link.maxUses() - link.uses())
                .allowedDomains(link.allowedDomains())
                .requirements(claiming.requirements(settings, link.tenantId()))
                .build();
    }

    /**
     * Joins through a link: checks the link, the joiner and the claim, has the identity directory
     * create or link the account once, then stores the accepted (or awaiting-approval) invitation
     * and the link's next use together. The typed email is unverified unless the claim's
     * {@code acceptingAs} (the host's signed-in address) names the same address: only such a proven
     * join closes the joiner's open invitation to the target; an unproven one is refused while that
     * invitation is open, before the directory is called. A mismatching {@code acceptingAs}, or none
     * where the tenant requires it, is refused before anything is stored.
     *
     * @param request the join
     * @return the stored invitation and the account id
     */
    public Acceptance join(JoinRequest request) {
        List<FieldProblem> problems = new ArrayList<>(ctx.requests().problems(request));
        Optional<String> email = request.email() == null ? Optional.empty() : Invitees.normalizeEmail(request.email());
        ContactText.unsafeCharacter("email", request.email()).ifPresent(m -> problems.add(new FieldProblem("email", m)));
        if (request.email() != null && email.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("email"))) {
            problems.add(new FieldProblem("email", "must be a well-formed email address like jane@example.com"));
        }
        RequestValidator.throwIfAny(problems);
        ClaimRequest claim = request.claim();
        EmailAddress acceptingAs = OtherAccounts.accepting(claim.acceptingAs());
        TokenClaims claims = verify(claim.token());
        TenantId tenantId = claims.tenantId();
        EmailAddress address = new EmailAddress(email.orElseThrow());
        proveAddress(ctx.settingsFor(tenantId), tenantId, address, acceptingAs);
        // the typed address is the joiner's own only when the host's sign-in says so
        boolean proven = acceptingAs != null;
        Invitee invitee = new Invitee(address, claim.firstName(), claim.lastName(),
                Invitees.displayName(claim.firstName(), claim.lastName(), address));
        InvitationId invitationId = ctx.ids().get();
        Reservation reserved = reserve(claims, claim, tenantId, address, invitee, invitationId, proven);
        TenantSettings settings = reserved.settings();
        Invitation pending = reserved.invitation();
        Grant grant = Claiming.withChosenGroups(pending.grant(), claim.chosenGroups());
        // The seat, the link's use and the one-open rule are won: only now is the account made.
        String accountId;
        try {
            accountId = Claiming.register(ctx, settings.approvalRequired(),
                    claiming.accountRequest(claim, pending, grant, pending.invitee().contact()));
        } catch (RuntimeException e) {
            release(pending, reserved.linkId(), "the identity directory refused the account");
            throw e;
        }
        return confirm(pending, reserved.linkId(), grant, accountId, settings.approvalRequired(), acceptingAs);
    }

    /**
     * Refuses a join the tenant's accepting-address rule forbids, before anything is stored or the
     * identity directory is asked: without the signed-in address when the tenant requires it
     * ({@code ACCEPTING_ADDRESS_REQUIRED}), or with a signed-in address other than the typed one
     * ({@code ACCOUNT_MISMATCH}, whatever the tenant's other-account policy: a join has no invitation
     * an administrator could hold for another address).
     */
    private static void proveAddress(TenantSettings settings, TenantId tenantId, EmailAddress typed,
                                     EmailAddress acceptingAs) {
        if (acceptingAs == null && settings.acceptingAddressRequired()) {
            throw new InvitationException(ErrorCode.ACCEPTING_ADDRESS_REQUIRED, "tenant " + tenantId
                    + " requires the accepting address to join through a shareable link: acceptingAs is missing;"
                    + " the host must pass the address the joiner is signed in with"
                    + " (ClaimRequest.Builder.acceptingAs), e.g. after asking them to sign in");
        }
        if (!OtherAccounts.isInvited(typed, acceptingAs)) {
            throw AccountMismatchException.onJoin();
        }
    }

    /** A join's invitation, stored PENDING with the link's use and the seat taken. */
    private record Reservation(Invitation invitation, LinkId linkId, TenantSettings settings) {
    }

    /**
     * Stores the join's invitation as PENDING together with the link's next use, guarded by the seat
     * limit: from here on it holds a seat and a use, on every node, until it is confirmed or
     * released. It expires after the tenant's invitation lifetime if this process dies before.
     */
    private Reservation reserve(TokenClaims claims, ClaimRequest claim, TenantId tenantId, EmailAddress address,
                                Invitee invitee, InvitationId invitationId, boolean proven) {
        for (int attempt = 1; ; attempt++) {
            Instant now = ctx.now();
            TenantSettings settings = ctx.settingsFor(tenantId);
            ShareableLink link = usable(claims, settings, now);
            InvitationPolicy policy = InvitationPolicy.of(settings);
            List<Refusal> refusals = new ArrayList<>(policy.checkJoin(address, link));
            policy.checkSeats(ctx.seatCountForCheck(tenantId, now), 1).ifPresent(refusals::add);
            PolicyViolationException.throwIfAny(refusals);

            Change change = new Change(now);
            Optional<Invitation> open = ctx.store().findOpen(tenantId, link.target(), address);
            if (link.target().isMembership() && ctx.directory().isMember(tenantId, address)) {
                throw AlreadyInvitedException.alreadyInvitedOrMember(address.toString());
            }
            if (open.isPresent()) {
                Invitation expired = change.expireIfDue(open.get());
                if (expired != open.get()) {
                    change.update(open.get(), expired);
                } else if (expired.status() == InvitationStatus.AWAITING_APPROVAL || !proven) {
                    // anyone holding the URL may try any address: say neither which nor whose invitation.
                    // Only the person signed in with the address may replace their open invitation; an
                    // unproven join leaves it untouched and never reaches the identity directory
                    throw AlreadyInvitedException.alreadyInvitedOrMember(address.toString());
                } else {
                    closeSuperseded(change, expired, link);
                }
            }
            // a look-alike of an existing invitee or member reads like that person when refused
            String note = Inviting.lookAlikeNote(ctx, settings, tenantId, address);
            if (settings.lookAlikes() == LookAlikePolicy.REFUSE && LookAlikes.any(ctx, tenantId, address)) {
                throw AlreadyInvitedException.alreadyInvitedOrMember(address.toString());
            }
            Invitation invited = Invitation.builder().id(invitationId).tenantId(tenantId).invitee(invitee)
                    .target(link.target()).grant(link.grant()).invitedBy(link.createdBy())
                    .inviterName(link.createdBy()).locale(settings.defaultLocale())
                    .source(InvitationSource.link(link.id())).status(InvitationStatus.PENDING)
                    .createdAt(now).updatedAt(now).invitedAt(now).expiresAt(now.plus(settings.invitationTtl()))
                    .build();
            claiming.checkComplete(claim, invited, settings);
            String linkActor = "link:" + link.id();
            change.transition(invited, linkActor, Action.INVITE, null, InvitationStatus.PENDING,
                    "joined through link " + link.id() + (note == null ? "" : "; " + note),
                    new InvitationEvent.Invited(tenantId, invitationId, now, linkActor, null));
            change.insert(invited);
            change.updateLink(link.withOneMoreUse(now), null);
            Limits.guard(ctx, change, tenantId, settings, null, 1);
            try {
                change.commit(ctx);
                return new Reservation(invited, link.id(), settings);
            } catch (StaleVersionException e) {
                // another process changed the link (a join, a deactivation): judge it again
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            } catch (DuplicateInvitationException e) {
                throw AlreadyInvitedException.alreadyInvitedOrMember(address.toString());
            }
        }
    }

    /**
     * Closes the joiner's pending (or provisioned) invitation to the link's target, in the join's own
     * write: the shareable link served as the fallback for an email that never arrived. It becomes
     * REVOKED and its history says it was superseded by the link join; the joiner is told nothing of
     * it, so the join's answer does not say whether such an invitation existed.
     */
    private static void closeSuperseded(Change change, Invitation open, ShareableLink link) {
        revokeAsLink(change, open, link.id(), SUPERSEDED + link.id());
    }

    /** Adds the revocation of an invitation, by the link, to a change. */
    private static void revokeAsLink(Change change, Invitation invitation, LinkId linkId, String reason) {
        String actor = "link:" + linkId;
        change.transition(invitation, actor, Action.REVOKE, invitation.status(), InvitationStatus.REVOKED, reason,
                new InvitationEvent.Revoked(invitation.tenantId(), invitation.id(), change.now(), actor,
                        invitation.status(), reason));
        change.update(invitation, invitation.toBuilder().status(InvitationStatus.REVOKED).build());
    }

    /**
     * Moves the reserved invitation to ACCEPTED (or AWAITING_APPROVAL) with the account. Only a
     * manager revoking the reservation in between can make it fail; then the account is handed back
     * to the directory ({@code IdentityDirectory.acceptanceAbandoned}) and the join is refused.
     */
    private Acceptance confirm(Invitation pending, LinkId linkId, Grant grant, String accountId,
                               boolean approvalRequired, EmailAddress acceptingAs) {
        Instant now = ctx.now();
        TenantId tenantId = pending.tenantId();
        InvitationStatus to = approvalRequired ? InvitationStatus.AWAITING_APPROVAL : InvitationStatus.ACCEPTED;
        Change change = new Change(now);
        change.transition(pending, accountId, Action.ACCEPT, InvitationStatus.PENDING, to, null,
                to == InvitationStatus.ACCEPTED
                        ? new InvitationEvent.Accepted(tenantId, pending.id(), now, accountId, accountId,
                        pending.invitedBy())
                        : new InvitationEvent.ApprovalRequested(tenantId, pending.id(), now, accountId, accountId),
                acceptingAs);
        Invitation joined = change.update(pending, pending.toBuilder().status(to).grant(grant).respondedAt(now)
                .accountId(accountId).build());
        try {
            change.commit(ctx);
            return new Acceptance(joined, accountId);
        } catch (StaleVersionException e) {
            Claiming.abandon(ctx, pending, accountId);
            throw new LinkClosedException(ErrorCode.LINK_INACTIVE, linkId);
        }
    }

    /** Revokes a reservation whose account could not be made; its seat is free again at once. */
    private void release(Invitation pending, LinkId linkId, String reason) {
        Change change = new Change(ctx.now());
        revokeAsLink(change, pending, linkId, reason);
        try {
            change.commit(ctx);
        } catch (RuntimeException e) {
            LOG.warn("could not release the reserved invitation {} of a failed join through link {}; it expires"
                    + " on its own", pending.id(), linkId, e);
        }
    }

    private ShareableLink change(Inviter actor, TenantId tenantId, LinkId id, boolean activate) {
        {
            for (int attempt = 1; ; attempt++) {
                ShareableLink stored = require(tenantId, id);
                TenantSettings settings = ctx.settingsFor(tenantId);
                PolicyViolationException.throwIfAny(InvitationPolicy.of(settings)
                        .checkLink(actor, stored.target(), stored.grant(), activate));
                if (stored.active() == activate) {
                    return stored;
                }
                Instant now = ctx.now();
                ShareableLink next = stored.withActive(activate, now);
                InvitationEvent event = activate
                        ? new InvitationEvent.LinkReactivated(tenantId, id, now, actor.userId())
                        : new InvitationEvent.LinkDeactivated(tenantId, id, now, actor.userId());
                try {
                    new Change(now).updateLink(next, event).commit(ctx);
                    return next;
                } catch (StaleVersionException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private ShareableLink require(TenantId tenantId, LinkId id) {
        return ctx.store().findLink(tenantId, id).orElseThrow(() -> new LinkNotFoundException(tenantId, id));
    }

    private TokenClaims verify(String token) {
        return ctx.signer().verify(TokenPurpose.SHAREABLE_LINK, token).orElseThrow(InvalidTokenException::new);
    }

    /**
     * Reads the link a verified token names and checks that it takes a join now. A token of an
     * older version is a link that was deactivated and reactivated since: it stays dead.
     */
    private ShareableLink usable(TokenClaims claims, TenantSettings settings, Instant now) {
        ShareableLink link;
        try {
            link = ctx.store().findLink(claims.tenantId(), LinkId.of(claims.subjectId())).orElse(null);
        } catch (InvitationException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            link = null;
        }
        if (link == null || claims.version() > link.tokenVersion()) {
            throw new InvalidTokenException();
        }
        if (!settings.linkInvitationsEnabled()) {
            retire(link);
            throw new LinkClosedException(ErrorCode.LINKS_DISABLED, link.id());
        }
        if (!link.active() || claims.version() != link.tokenVersion()) {
            throw new LinkClosedException(ErrorCode.LINK_INACTIVE, link.id());
        }
        if (link.expiresAt() != null && !now.isBefore(link.expiresAt())) {
            throw new LinkClosedException(ErrorCode.LINK_EXPIRED, link.id());
        }
        if (link.maxUses() != null && link.uses() >= link.maxUses()) {
            throw new LinkClosedException(ErrorCode.LINK_EXHAUSTED, link.id());
        }
        return link;
    }

    /**
     * Retires a link found while the tenant's links are switched off (a host that switched them off
     * in its own settings, or a link created in a race with the switch): it then stays dead when they
     * are switched on again. Best effort: a racing change of the link wins, and the next use while off
     * judges it again.
     */
    private void retire(ShareableLink link) {
        if (!link.active()) {
            return;
        }
        Instant now = ctx.now();
        try {
            new Change(now).updateLink(link.withActive(false, now), new InvitationEvent.LinkDeactivated(
                    link.tenantId(), link.id(), now, Context.LINKS_OFF_ACTOR)).commit(ctx);
        } catch (StaleVersionException e) {
            LOG.debug("link {} changed while being retired; its next use while links are off retires it", link.id());
        }
    }

    private RevealedShareableLink shareable(ShareableLink link, TenantSettings settings) {
        String token = ctx.signer().issue(TokenPurpose.SHAREABLE_LINK, link.tenantId(), link.id().value(),
                link.tokenVersion());
        String url = settings.joinUrlTemplate().replace(TenantSettings.TOKEN_PLACEHOLDER, token)
                .replace(TenantSettings.TENANT_PLACEHOLDER,
                        URLEncoder.encode(link.tenantId().value(), StandardCharsets.UTF_8));
        return new RevealedShareableLink(link, url, token);
    }

    /** The grant with the role spelled as the tenant does; a local creator's only unit by default. */
    private static Grant grant(ShareableLinkRequest r, Inviter creator, TenantSettings settings) {
        UnitId unit = r.unit();
        if (unit == null && creator.level().isLocal() && creator.units().size() == 1) {
            unit = creator.units().iterator().next();
        }
        return new Grant(settings.canonicalRole(r.role()).orElse(r.role()), r.membershipType(), r.groups(), unit,
                r.metadata());
    }

    private static Set<String> normaliseDomains(Set<String> domains, List<FieldProblem> problems) {
        Set<String> out = new LinkedHashSet<>();
        if (domains == null) {
            return out;
        }
        for (String d : domains) {
            if (d == null || d.isBlank()) {
                continue;
            }
            String cleaned = d.strip();
            cleaned = cleaned.startsWith("@") ? cleaned.substring(1) : cleaned;
            try {
                String ascii = IDN.toASCII(cleaned, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                if (ascii.contains(".")) {
                    out.add(ascii);
                    continue;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problems.add(new FieldProblem("allowedDomains", "'" + d + "' is not a domain like example.com"));
        }
        return out;
    }
}
