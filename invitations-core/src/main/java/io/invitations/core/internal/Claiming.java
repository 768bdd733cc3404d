package io.invitations.core.internal;

import io.invitations.core.Acceptance;
import io.invitations.core.AccountMismatchException;
import io.invitations.core.ClaimIncompleteException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.ClaimRequirements;
import io.invitations.core.ClaimStep;
import io.invitations.core.ClaimInspection;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.lifecycle.internal.Lifecycle;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.core.token.ClaimLink;
import io.invitations.core.token.InvalidTokenException;
import io.invitations.core.token.internal.TokenClaims;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.core.invitee.Invitees;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.WriteBatch;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What invitees do with a claim link (inspect, accept, decline), and revealing a link to an
 * administrator. Every token is verified against the key ring before storage is read; an unknown,
 * forged, retired or rotated token always gives the same {@link InvalidTokenException}.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Claiming {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Claiming.class);

    /** Invitations known to have their OPEN entry: later inspections on this node read nothing more. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> opened =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofDays(1)).build();
    private static final int ATTEMPTS = 5;

    private final Context ctx;

    /**
     * Creates the operations.
     *
     * @param ctx the context
     */
    public Claiming(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Reads what a link opens. The first time a pending invitation is opened, an OPEN history entry
     * is appended (conversion reports count it) and {@link InvitationEvent.Opened} published; the
     * invitation itself does not change. A provisioned invitation is refused: it cannot be claimed
     * before it is sent.
     *
     * @param token the token
     * @return the inspection
     */
    public ClaimInspection inspect(String token) {
        Invitation invitation = resolve(verify(token));
        if (invitation.status() == InvitationStatus.PROVISIONED) {
            // prepared but not invited: the invitee cannot know of it yet, nor claim it
            throw new IllegalTransitionException(invitation.id(), InvitationStatus.PROVISIONED, Action.ACCEPT);
        }
        Invitation current = Context.effective(invitation, ctx.now());
        if (current.status() == InvitationStatus.PENDING) {
            recordFirstOpen(current);
        }
        TenantSettings settings = ctx.settingsFor(current.tenantId());
        return ClaimInspection.builder()
                .tenantId(current.tenantId())
                .tenantName(settings.brandingFor(current.tenantId()).tenantName())
                .invitationId(current.id())
                .inviterName(current.inviterName())
                .invitee(current.invitee())
                .target(current.target())
                .grant(current.grant())
                .personalMessage(current.personalMessage())
                .locale(current.locale())
                .status(current.status())
                .expiresAt(current.expiresAt())
                .requirements(requirements(settings, current.tenantId()))
                .build();
    }

    /**
     * Accepts an invitation exactly once: the identity directory is asked once to create or link the
     * account, then the invitation moves to ACCEPTED (or AWAITING_APPROVAL) by compare-and-set. When
     * that loses for good (revoked, declined or expired meanwhile, or accepted with another account
     * on another node) the directory is told to undo the account, so none is left orphaned.
     *
     * @param claim the claim
     * @return the result
     */
    public Acceptance accept(ClaimRequest claim) {
        ctx.requests().check(claim);
        TokenClaims claims = verify(claim.token());
        InvitationId id = InvitationId.of(claims.subjectId());
        EmailAddress acceptingAs = OtherAccounts.accepting(claim.acceptingAs());
        return ctx.invitationLocks().with(id, () -> {
            String accountId = null;
            OtherAccounts.Verdict other = null;
            for (int attempt = 1; ; attempt++) {
                Invitation stored = resolveOrAbandon(claims, accountId);
                Instant now = ctx.now();
                TenantSettings settings = ctx.settingsFor(stored.tenantId());
                if (accountId == null && acceptingAs == null && settings.acceptingAddressRequired()
                        && stored.invitee().contact() instanceof EmailAddress) {
                    throw new InvitationException(ErrorCode.ACCEPTING_ADDRESS_REQUIRED, "invitation " + id
                            + " was sent to an email address and the tenant requires the accepting address:"
                            + " acceptingAs is missing; the host must pass the address the invitee is signed in"
                            + " with (ClaimRequest.Builder.acceptingAs), e.g. after asking them to sign in");
                }
                InvitationStatus status = stored.effectiveStatus(now);
                boolean invited = OtherAccounts.isInvited(stored.invitee().contact(), acceptingAs);
                HistoryEntry held = status == InvitationStatus.AWAITING_APPROVAL
                        ? OtherAccounts.heldMismatch(ctx, stored) : null;
                // only the person invited, naming the invited address, may replace an acceptance held for
                // another address (a mismatch never uses it up); a claim without an address may be anyone's
                boolean supersede = held != null && acceptingAs != null && invited;
                if (status != InvitationStatus.PENDING && !supersede) {
                    if (accountId != null && !accountId.equals(stored.accountId())) {
                        // revoked, declined, expired or accepted with another account meanwhile: this
                        // acceptance can never be stored, so the account made for it is handed back
                        abandon(ctx, stored, accountId);
                    }
                    if (held != null) {
                        throw new InvitationException(ErrorCode.AWAITING_DECISION, "invitation " + id
                                + " awaits an administrator's decision on an acceptance with another address;"
                                + " only the person invited, signed in with the invited address (acceptingAs),"
                                + " may claim it meanwhile — otherwise wait for the decision");
                    }
                    throw new IllegalTransitionException(id, status, Action.ACCEPT);
                }
                if (!invited && other == null) {
                    other = OtherAccounts.judge(ctx, settings, stored, acceptingAs);
                    if (other.outcome() == InvitationEvent.AccountMismatch.Outcome.REFUSED) {
                        ctx.publisher().publish(List.of(new InvitationEvent.AccountMismatch(stored.tenantId(), id, now,
                                Context.INVITEE_ACTOR, other.outcome())));
                        throw new AccountMismatchException(id);
                    }
                }
                boolean hold = other != null && other.outcome() == InvitationEvent.AccountMismatch.Outcome.HELD_FOR_APPROVAL;
                Grant grant = withChosenGroups(stored.grant(), claim.chosenGroups());
                if (accountId == null) {
                    checkComplete(claim, stored, settings);
                    accountId = register(ctx, settings.approvalRequired() || hold, accountRequest(claim, stored, grant,
                            invited ? stored.invitee().contact() : acceptingAs));
                }
                InvitationStatus from = supersede ? InvitationStatus.AWAITING_APPROVAL : InvitationStatus.PENDING;
                InvitationStatus to = Lifecycle.require(id, InvitationStatus.PENDING, Action.ACCEPT,
                        settings.approvalRequired() || hold);
                Change change = new Change(now);
                InvitationEvent event = to == InvitationStatus.ACCEPTED
                        ? new InvitationEvent.Accepted(stored.tenantId(), id, now, accountId, accountId,
                        stored.invitedBy())
                        : new InvitationEvent.ApprovalRequested(stored.tenantId(), id, now, accountId, accountId);
                String reason = supersede ? "claimed by the person invited; the acceptance held for another"
                        + " address was withdrawn" : other != null ? other.reason() : null;
                change.transition(stored, accountId, Action.ACCEPT, from, to, reason, event, acceptingAs);
                if (supersede || other != null) {
                    change.event(new InvitationEvent.AccountMismatch(stored.tenantId(), id, now, accountId,
                            supersede ? InvitationEvent.AccountMismatch.Outcome.HOLD_SUPERSEDED : other.outcome()));
                }
                Invitation next = change.update(stored, stored.toBuilder().status(to).grant(grant).respondedAt(now)
                        .accountId(accountId).build());
                try {
                    change.commit(ctx);
                    if (supersede) {
                        // only once the invited person's acceptance is stored: a failed registration or a
                        // lost race must leave the hold, and its registration, as they were
                        withdrawHeld(stored, accountId);
                    }
                    return new Acceptance(next, accountId);
                } catch (StaleVersionException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * Withdraws the registration of an acceptance held for another address after the person invited
     * replaced it ({@code approvalDecided(..., false)}); a failure there is logged, not thrown, since
     * the acceptance is stored.
     */
    private void withdrawHeld(Invitation held, String replacedBy) {
        if (held.accountId() == null || held.accountId().equals(replacedBy)) {
            return;
        }
        try {
            ctx.directory().approvalDecided(held.tenantId(), held.id(), held.accountId(), held.grant(), false);
        } catch (RuntimeException e) {
            LOG.warn("the identity directory could not withdraw the held registration {} of invitation {} in"
                    + " tenant {}, replaced by the person invited; remove it by hand", held.accountId(), held.id(),
                    held.tenantId(), e);
        }
    }

    /**
     * Reads the invitation again; when the token died meanwhile (a resend rotated it) after an
     * account was made for this acceptance, hands the account back before refusing.
     */
    private Invitation resolveOrAbandon(TokenClaims claims, String accountId) {
        try {
            return resolve(claims);
        } catch (InvalidTokenException e) {
            if (accountId != null) {
                ctx.store().find(claims.tenantId(), InvitationId.of(claims.subjectId()))
                        // only once no acceptance of it can be stored any more: another node may be
                        // accepting it with the new token and the same (idempotent) account
                        .filter(i -> i.effectiveStatus(ctx.now()) != InvitationStatus.PENDING
                                && !accountId.equals(i.accountId()))
                        .ifPresent(i -> abandon(ctx, i, accountId));
            }
            throw e;
        }
    }

    /**
     * Tells the identity directory that an account made for an acceptance will never be used by it
     * ({@code IdentityDirectory.acceptanceAbandoned}); a failure there is logged, not thrown, so that
     * the caller learns why the acceptance lost.
     *
     * @param ctx        the context
     * @param invitation the invitation as stored now (final, not accepted with this account)
     * @param accountId  the account made for the lost acceptance
     */
    static void abandon(Context ctx, Invitation invitation, String accountId) {
        try {
            ctx.directory().acceptanceAbandoned(invitation.tenantId(), invitation.id(), accountId);
        } catch (RuntimeException e) {
            LOG.warn("the identity directory could not undo the account {} made for the lost acceptance of"
                    + " invitation {} in tenant {}; remove it by hand", accountId, invitation.id(),
                    invitation.tenantId(), e);
        }
    }

    /**
     * Declines an invitation, by the invitee.
     *
     * @param token the token
     * @return the stored invitation
     */
    public Invitation decline(String token) {
        TokenClaims claims = verify(token);
        Invitation found = resolve(claims);
        return Mutation.run(ctx, found.tenantId(), found.id(), (stored, change) -> {
            if (stored.tokenVersion() != claims.version()) {
                throw new InvalidTokenException();
            }
            InvitationStatus to = Lifecycle.require(stored.id(), stored.effectiveStatus(change.now()), Action.DECLINE,
                    false);
            change.transition(stored, Context.INVITEE_ACTOR, Action.DECLINE, InvitationStatus.PENDING, to, null,
                    new InvitationEvent.Declined(stored.tenantId(), stored.id(), change.now(), Context.INVITEE_ACTOR));
            return change.update(stored, stored.toBuilder().status(to).respondedAt(change.now()).build());
        });
    }

    /**
     * Reveals an invitation's current claim link to an administrator.
     *
     * @param actor    who asks
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the link
     */
    public ClaimLink reveal(Inviter actor, TenantId tenantId, InvitationId id) {
        Invitation invitation = ctx.requireReadable(actor, tenantId, id);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(ctx.settingsFor(tenantId))
                .checkReveal(actor, invitation));
        return ctx.links().linkFor(invitation);
    }

    /**
     * Appends the OPEN entry unless the history has one. Two first opens racing may both append one;
     * reports count the earliest. Once known, later inspections on this node skip the history read.
     * A failure is logged and does not fail the inspection.
     */
    private void recordFirstOpen(Invitation invitation) {
        String key = invitation.tenantId().value() + '\u0000' + invitation.id().value();
        if (opened.getIfPresent(key) != null) {
            return;
        }
        try {
            boolean recorded = ctx.store().history(invitation.tenantId(), invitation.id()).stream()
                    .anyMatch(h -> h.action() == Action.OPEN);
            if (recorded) {
                opened.put(key, Boolean.TRUE);
                return;
            }
            Instant now = ctx.now();
            ctx.store().write(WriteBatch.builder().append(HistoryEntry.builder().tenantId(invitation.tenantId())
                    .invitationId(invitation.id()).at(now).actor(Context.INVITEE_ACTOR).action(Action.OPEN)
                    .from(invitation.status()).to(invitation.status()).build()).build());
            opened.put(key, Boolean.TRUE);
            ctx.publisher().publish(List.of(new InvitationEvent.Opened(invitation.tenantId(), invitation.id(), now,
                    Context.INVITEE_ACTOR)));
        } catch (RuntimeException e) {
            LOG.warn("could not record that invitation {} was opened: {}", invitation.id(), e.getClass().getSimpleName());
        }
    }

    /**
     * Reveals a fresh claim link for an administrator to share by hand (the copy-link fallback, e.g.
     * after a bounce): the token version moves on, so earlier links stop working; a SHARE_LINK history
     * entry and {@link InvitationEvent.ClaimLinkShared} record who did it.
     *
     * @param actor    who reveals; must be allowed to reveal claim links
     * @param tenantId the tenant
     * @param id       the invitation, which must be pending
     * @return the fresh link
     */
    public ClaimLink share(Inviter actor, TenantId tenantId, InvitationId id) {
        Invitation stored = Mutation.run(ctx, actor, tenantId, id, (current, change) -> {
            PolicyViolationException.throwIfAny(InvitationPolicy.of(ctx.settingsFor(tenantId))
                    .checkReveal(actor, current));
            InvitationStatus status = current.effectiveStatus(change.now());
            if (status != InvitationStatus.PENDING) {
                throw new IllegalTransitionException(id, status, Action.SHARE_LINK);
            }
            change.transition(current, actor.userId(), Action.SHARE_LINK, status, status,
                    "fresh claim link revealed to share by hand" + (current.delivery().status()
                            == io.invitations.spi.invitation.DeliveryState.Status.BOUNCED ? " after a bounce" : ""),
                    new InvitationEvent.ClaimLinkShared(tenantId, id, change.now(), actor.userId()));
            return change.update(current, current.toBuilder().tokenVersion(current.tokenVersion() + 1).build());
        });
        return ctx.links().linkFor(stored);
    }

    private TokenClaims verify(String token) {
        return ctx.signer().verify(TokenPurpose.INVITATION_LINK, token).orElseThrow(InvalidTokenException::new);
    }

    /** Reads the invitation a verified token names; the token must be of its current version. */
    private Invitation resolve(TokenClaims claims) {
        Invitation invitation;
        try {
            invitation = ctx.store().find(claims.tenantId(), InvitationId.of(claims.subjectId())).orElse(null);
        } catch (InvitationException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            invitation = null;
        }
        if (invitation == null || invitation.tokenVersion() != claims.version()) {
            throw new InvalidTokenException();
        }
        return invitation;
    }

    ClaimRequirements requirements(TenantSettings settings, TenantId tenantId) {
        boolean passwordRequired = !ctx.directory().ssoEnabled(tenantId);
        return new ClaimRequirements(settings.termsRequired(), settings.profileFields(), passwordRequired,
                settings.defaultGroupPool(), passwordRequired ? settings.minimumPasswordLength() : 0);
    }

    /**
     * Checks every step of a claim against the tenant's settings and lists all that are missing.
     * The password is only measured, on a copy that is wiped at once.
     */
    void checkComplete(ClaimRequest claim, Invitation invitation, TenantSettings settings) {
        Set<ClaimStep> steps = EnumSet.noneOf(ClaimStep.class);
        List<String> missing = new ArrayList<>();
        if (settings.termsRequired() && !claim.termsAccepted()) {
            steps.add(ClaimStep.TERMS);
            missing.add("termsAccepted: the tenant's terms must be accepted");
        }
        for (String field : settings.profileFields()) {
            if (profileValue(field, claim, invitation) == null) {
                steps.add(ClaimStep.PROFILE);
                missing.add("profile." + field + ": must be confirmed");
            }
        }
        char[] password = claim.password();
        try {
            if (!ctx.directory().ssoEnabled(invitation.tenantId())) {
                int min = settings.minimumPasswordLength();
                if (password == null || password.length == 0) {
                    steps.add(ClaimStep.PASSWORD);
                    missing.add("password: choose a password of at least " + min
                            + " characters (this tenant does not sign in through SSO)");
                } else if (password.length < min) {
                    steps.add(ClaimStep.PASSWORD);
                    missing.add("password: too short — choose one of at least " + min + " characters");
                }
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        Set<String> outside = new TreeSet<>(claim.chosenGroups());
        outside.removeAll(settings.defaultGroupPool());
        if (!outside.isEmpty() && settings.claimGroupsFromDirectory()) {
            // "a group found by search": any group the directory lists for the tenant
            outside.removeAll(ctx.directory().groups(invitation.tenantId()));
        }
        if (!outside.isEmpty()) {
            steps.add(ClaimStep.GROUPS);
            missing.add("chosenGroups: " + outside + " are not among the groups offered "
                    + new TreeSet<>(settings.defaultGroupPool())
                    + (settings.claimGroupsFromDirectory() ? " nor the directory's groups" : ""));
        }
        if (!missing.isEmpty()) {
            throw new ClaimIncompleteException(steps, missing);
        }
    }

    private static String profileValue(String field, ClaimRequest claim, Invitation invitation) {
        String value = switch (field) {
            case "firstName" -> claim.firstName() != null ? claim.firstName() : invitation.invitee().firstName();
            case "lastName" -> claim.lastName() != null ? claim.lastName() : invitation.invitee().lastName();
            default -> claim.profile().get(field);
        };
        return value == null || value.isBlank() ? null : value;
    }

    static Grant withChosenGroups(Grant grant, Set<String> chosen) {
        if (chosen.isEmpty()) {
            return grant;
        }
        Set<String> groups = new LinkedHashSet<>(grant.groups());
        groups.addAll(chosen);
        return grant.withGroups(groups);
    }

    /**
     * Asks the identity directory for the account: with the grant applied, or held back until a
     * manager decides when the tenant requires approval.
     */
    static String register(Context ctx, boolean approvalRequired, AccountRequest request) {
        return approvalRequired ? ctx.directory().registerAwaitingApproval(request)
                : ctx.directory().createOrLinkAccount(request);
    }

    /**
     * The first and last name the directory gets: those of the claim, else those of the invitation,
     * else the ones guessed from the email ("jane.doe@..." gives Jane and Doe), as shown everywhere.
     */
    static Names names(ClaimRequest claim, Invitation invitation) {
        Invitee invitee = invitation.invitee();
        String first = claim.firstName() != null ? claim.firstName() : invitee.firstName();
        String last = claim.lastName() != null ? claim.lastName() : invitee.lastName();
        if (blank(first) && blank(last) && invitee.contact() instanceof EmailAddress email) {
            String guessed = Invitees.nameFromLocalPart(email.localPart()).strip();
            int space = guessed.indexOf(' ');
            first = space < 0 ? guessed : guessed.substring(0, space);
            last = space < 0 ? null : guessed.substring(space + 1);
        }
        return new Names(first, last);
    }

    /** A first and a last name, either possibly {@code null}. */
    record Names(String first, String last) {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The request to the identity directory. The password goes only to a tenant without SSO; the
     * copy taken here is wiped once the request holds its own.
     */
    AccountRequest accountRequest(ClaimRequest claim, Invitation invitation, Grant grant,
                                  io.invitations.spi.invitation.Contact contact) {
        char[] password = ctx.directory().ssoEnabled(invitation.tenantId()) ? null : claim.password();
        Names names = names(claim, invitation);
        try {
            return AccountRequest.builder()
                    .tenantId(invitation.tenantId())
                    .invitationId(invitation.id())
                    .contact(contact)
                    .firstName(names.first())
                    .lastName(names.last())
                    .displayName(Invitees.displayName(names.first(), names.last(), invitation.invitee().contact()))
                    .target(invitation.target())
                    .grant(grant)
                    .profile(Map.copyOf(claim.profile()))
                    .password(password)
                    .termsAccepted(claim.termsAccepted())
                    .invitedBy(invitation.invitedBy())
                    .build();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
