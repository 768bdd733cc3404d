package io.invitations.core;

import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.core.code.AccessCode;
import io.invitations.core.code.AccessCodeGate;
import io.invitations.core.code.AccessCodes;
import io.invitations.core.internal.Linking;
import io.invitations.core.internal.Redeeming;
import io.invitations.core.internal.RequestValidator;
import io.invitations.core.internal.Syncing;
import io.invitations.core.internal.WaysIn;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.LinkOffer;
import io.invitations.core.link.LinkRequest;
import io.invitations.core.link.ShareableLink;
import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.observe.InvitationObserver;
import io.invitations.core.observe.InvitationObserver.Operation;
import io.invitations.spi.invitation.InvitationLink;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.security.AttemptThrottle;

import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.internal.BulkEngine;
import io.invitations.core.bulk.internal.ClaimLinkExporter;
import io.invitations.core.internal.ClaimLinks;
import io.invitations.core.internal.Claiming;
import io.invitations.core.internal.Composer;
import io.invitations.core.internal.Context;
import io.invitations.core.internal.Delivery;
import io.invitations.core.internal.EventPublisher;
import io.invitations.core.internal.Inviting;
import io.invitations.core.internal.Managing;
import io.invitations.core.internal.Messaging;
import io.invitations.core.internal.Reporting;
import io.invitations.core.internal.StripedLocks;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.message.MessageContext;
import io.invitations.core.message.MessageRenderer;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.outbox.DrainResult;
import io.invitations.core.outbox.OutboxProcessor;
import io.invitations.core.outbox.RetryPolicy;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.token.ClaimLink;
import io.invitations.core.token.TokenSigner;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * The one entry point of the engine: invite, provision and send, resend, re-invite, revoke, the
 * invitee's inspect / accept / decline, approval, queries, history, seats and referrals; and the
 * other ways in: access codes for invitees without email, shareable links, directory sync and
 * matching people who signed up another way.
 *
 * <pre>{@code
 * InvitationService invitations = InvitationService.builder().build();   // everything in memory
 * Invitation inv = invitations.invite(InviteRequest.builder(tenant, admin)
 *         .email("jane.doe@example.com").role("member").build());
 * }</pre>
 *
 * <p>Every operation that sends a message stores the invitation and an outbox row in one atomic
 * write; delivery happens after, so a failing mail server never loses an invitation. By the
 * {@linkplain Builder#deliveryMode delivery mode}, the engine delivers right after the operation
 * (the default) or the host {@linkplain #deliverDueMessages() drains} the outbox from its own
 * scheduler. Messages are rendered from the tenant's templates and branding at delivery time;
 * {@link #preview} shows exactly what is sent. Events are published to the listeners after each
 * successful write, and the outbox's {@code Delivered} / {@code DeliveryFailed} to the same listeners. Refusals are typed
 * {@link io.invitations.spi.InvitationException}s with a stable code.
 *
 * <p>Thread-safe: one instance serves the whole application. Several instances (or processes) may
 * share one store; acceptance stays exactly-once through compare-and-set.
 *
 * @since 0.1.0
 */
public final class InvitationService {
    private final Context ctx;
    // The outbox worker delivers through this mailer (wired with message rendering).
    private final Mailer mailer;
    private final Inviting inviting;
    private final Managing managing;
    private final Claiming claiming;
    private final Reporting reporting;
    private final Redeeming redeeming;
    private final Linking linking;
    private final Syncing syncing;
    private final Messaging messaging;
    private final InvitationObserver observer;

    private InvitationService(Context ctx, WaysIn ways, Mailer mailer, Messaging messaging,
                              InvitationObserver observer) {
        this.ctx = ctx;
        this.observer = observer;
        this.mailer = mailer;
        this.messaging = messaging;
        this.inviting = new Inviting(ctx);
        this.managing = new Managing(ctx);
        this.claiming = new Claiming(ctx);
        this.reporting = new Reporting(ctx);
        this.redeeming = new Redeeming(ways, claiming);
        this.linking = new Linking(ways, claiming);
        this.syncing = new Syncing(ctx, inviting);
    }

    /**
     * Starts configuring a service; every part defaults to the embedded in-memory one.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Invites someone: stores a PENDING invitation that expires after the tenant's validity (7 days
     * by default) and queues its message.
     *
     * @param request who, into what, with which grant; validated in full
     * @return the stored invitation
     * @throws InvalidRequestException   listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with every refusal of the tenant's
     *                                   rules (level, unit, role, guests, domain, seats, quota, ...)
     * @throws AlreadyInvitedException   if the invitee has an open invitation for the target, or is
     *                                   already a member
     */
    public Invitation invite(InviteRequest request) {
        Objects.requireNonNull(request, "request");
        return observer.observe(Operation.INVITE, request.tenantId(), () -> inviting.create(request, true));
    }

    /**
     * Provisions someone ("invite later"): stores a PROVISIONED invitation that sends nothing and
     * cannot be claimed until {@linkplain #send sent}. It takes a seat.
     *
     * @param request who, into what, with which grant; validated in full
     * @return the stored invitation
     * @throws InvalidRequestException   listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with every refusal
     * @throws AlreadyInvitedException   if the invitee has an open invitation or is a member
     */
    public Invitation provision(InviteRequest request) {
        Objects.requireNonNull(request, "request");
        return observer.observe(Operation.PROVISION, request.tenantId(), () -> inviting.create(request, false));
    }

    /**
     * Invites (or provisions) many people at once, from rows an importer read or the host built. The
     * call takes at most the tenant's bulk limit (500 by default); split longer lists with
     * {@link io.invitations.core.bulk.Batches#split(List, int)}. Each row is validated like a single
     * invitation and checked against the tenant's rules, with seats and quota counted across the
     * batch. Everything that is created is written in one store call; events follow the write.
     * {@link io.invitations.core.bulk.BulkMode#DRY_RUN} writes nothing, {@code BEST_EFFORT} writes
     * the rows that can be created, {@code ALL_OR_NOTHING} writes nothing unless every row can be.
     *
     * @param request the rows, defaults, action and mode; not {@code null}
     * @return one line per row: its outcome, the created invitation, or every reason with its field
     * @throws io.invitations.core.bulk.BulkLimitExceededException if there are more rows than the
     *                                   tenant's bulk limit; nothing is read or written
     */
    public BulkReport bulk(BulkRequest request) {
        Objects.requireNonNull(request, "request");
        return observer.observe(Operation.BULK, request.tenantId(), () -> new BulkEngine(ctx).run(request));
    }

    /**
     * Sends one provisioned invitation: it becomes PENDING and its message is queued.
     *
     * @param actor    who sends: the one who provisioned it, or someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation in the tenant
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or invitations are off
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PROVISIONED
     */
    public Invitation send(Inviter actor, TenantId tenantId, InvitationId id) {
        return inviting.send(actor, tenantId, id);
    }

    /**
     * Sends a selection of provisioned invitations, each on its own.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param ids      the invitations
     * @return what was sent and what was refused (with code and reason)
     */
    public SendReport send(Inviter actor, TenantId tenantId, Collection<InvitationId> ids) {
        return inviting.sendSelected(actor, tenantId, List.copyOf(ids));
    }

    /**
     * Sends every provisioned invitation of a tenant ("invite all"), then switches the tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#inviteOnCreation() invite-on-creation}
     * on through {@link TenantSettingsSource#switchOnInviteOnCreation(TenantId)}, so that accounts
     * directory sync creates from now on are invited at once.
     *
     * @param actor    who sends; needs the tenant's manage level
     * @param tenantId the tenant
     * @return what was sent and what was refused
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is below the manage level
     */
    public SendReport sendAllProvisioned(Inviter actor, TenantId tenantId) {
        return syncing.inviteAll(actor, tenantId);
    }

    /**
     * Resends a pending invitation: queues the message again and starts its validity afresh; by the
     * tenant's resend policy the link stays the same (default) or is rotated.
     *
     * @param actor    the original inviter, or someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or the resend
     *                                   cap or cooldown refuses it
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PENDING
     */
    public Invitation resend(Inviter actor, TenantId tenantId, InvitationId id) {
        return managing.resend(actor, tenantId, id);
    }

    /**
     * Invites again after expiry: a new link (older ones die) and a new expiry.
     *
     * @param actor    the original inviter, or someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or no seat is left
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not EXPIRED
     * @throws AlreadyInvitedException if the invitee was invited again meanwhile
     */
    public Invitation reinvite(Inviter actor, TenantId tenantId, InvitationId id) {
        return managing.reinvite(actor, tenantId, id);
    }

    /**
     * Revokes a provisioned, pending or expired invitation; its link dies at once.
     *
     * @param actor    the original inviter, or someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @param reason   why, or {@code null}; kept in the history
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException in any other status
     */
    public Invitation revoke(Inviter actor, TenantId tenantId, InvitationId id, String reason) {
        return managing.revoke(actor, tenantId, id, reason);
    }

    /**
     * Reads what a claim link opens, for the invitee page. Changes nothing, so mail scanners that
     * open links do no harm.
     *
     * @param token the token from the link
     * @return the invitation's details, its effective status and what the claim needs
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid (the same
     *                                   whether or not such an invitation exists)
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if the invitation is still
     *                                   PROVISIONED: prepared but not invited, it cannot be claimed
     */
    public LinkInspection inspect(String token) {
        return claiming.inspect(token);
    }

    /**
     * Accepts an invitation, exactly once: the identity directory creates or links the account, and
     * the invitation becomes ACCEPTED, or AWAITING_APPROVAL when the tenant requires approval.
     *
     * @param claim the token and what the claim needs
     * @return the stored invitation and the account id
     * @throws InvalidRequestException if the claim is malformed
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with code EXPIRED, REVOKED,
     *                                   ALREADY_ACCEPTED, or ILLEGAL_TRANSITION (declined, rejected, not sent)
     * @throws ClaimIncompleteException if terms, password, a profile field or the group choice is wrong
     */
    public Acceptance accept(ClaimRequest claim) {
        Objects.requireNonNull(claim, "claim");
        return observer.observe(Operation.ACCEPT, null, () -> claiming.accept(claim));
    }

    /**
     * Declines an invitation, by the invitee.
     *
     * @param token the token from the link
     * @return the stored invitation
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PENDING
     */
    public Invitation decline(String token) {
        return claiming.decline(token);
    }

    /**
     * Approves an acceptance awaiting approval: the invitation becomes ACCEPTED.
     *
     * @param actor    someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with APPROVAL_NOT_REQUIRED if
     *                                   it is not AWAITING_APPROVAL
     */
    public Invitation approve(Inviter actor, TenantId tenantId, InvitationId id) {
        return managing.approve(actor, tenantId, id);
    }

    /**
     * Rejects an acceptance awaiting approval: the invitation becomes REJECTED.
     *
     * @param actor    someone at the tenant's manage level
     * @param tenantId the tenant
     * @param id       the invitation
     * @param reason   why, or {@code null}
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with APPROVAL_NOT_REQUIRED if
     *                                   it is not AWAITING_APPROVAL
     */
    public Invitation reject(Inviter actor, TenantId tenantId, InvitationId id, String reason) {
        return managing.reject(actor, tenantId, id, reason);
    }

    /**
     * Stores EXPIRED, with history and events, for every pending invitation past its expiry. Reads
     * already report them EXPIRED; run this periodically so that stored data and events follow.
     *
     * @return how many invitations were expired
     */
    public int expireDue() {
        return managing.expireDue();
    }

    /**
     * Reveals an invitation's current claim link, e.g. to hand it over another way or export it.
     *
     * @param actor    an administrator ({@code ADMIN_LOCAL} within their units, or {@code ADMIN_TENANT})
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the link; a secret, whose {@code toString()} hides it
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     *                                   (of the invitation's unit)
     */
    public ClaimLink revealLink(Inviter actor, TenantId tenantId, InvitationId id) {
        return claiming.reveal(actor, tenantId, id);
    }

    /**
     * Reveals the access code of an invitation without email ("see access code"), to hand to the
     * invitee by other means. The code is derived, never stored; it changes when the invitation's
     * link is rotated or it is re-invited.
     *
     * @param actor    an administrator ({@code ADMIN_LOCAL} within their units, or {@code ADMIN_TENANT})
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the code; a secret, whose {@code toString()} hides it
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException with LEVEL_TOO_LOW (or OUTSIDE_UNIT)
     *                                   if the actor is not an administrator (of the invitation's unit)
     * @throws InvalidRequestException   if the invitee has an email (reveal the claim link instead)
     */
    public AccessCode revealAccessCode(Inviter actor, TenantId tenantId, InvitationId id) {
        return redeeming.reveal(actor, tenantId, id);
    }

    /**
     * Redeems an identifier and access code: when they open an invitation, returns what
     * {@link #inspect(String)} would and the claim token to {@link #accept(ClaimRequest)} (or
     * {@link #decline(String)}) with. Changes nothing but the throttle: wrong codes are counted per
     * identifier and per client key, and after 5 within 15 minutes (by default) attempts are refused
     * for the rest of the window.
     *
     * @param entry the identifier and code as typed, and the client key if the host has one
     * @return the inspection and the claim token
     * @throws InvalidRequestException if the entry is malformed
     * @throws io.invitations.core.code.InvalidAccessCodeException if identifier and code open no
     *                                   invitation (the same whether or not the identifier exists)
     * @throws io.invitations.core.code.ThrottledException with THROTTLED after too many failures
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if the invitation is still
     *                                   PROVISIONED
     */
    public RedeemedCode redeemCode(CodeRedemption entry) {
        return redeeming.redeem(Objects.requireNonNull(entry, "entry"));
    }

    /**
     * Creates a shareable invitation link for the tenant or a resource, with a preset grant.
     *
     * @param request the link: target, grant, expiry, maximum uses, allowed domains
     * @return the stored link with its URL
     * @throws InvalidRequestException listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with LINKS_DISABLED,
     *                                   LEVEL_TOO_LOW, ROLE_ABOVE_INVITER, ... when not allowed
     */
    public ShareableLink createLink(LinkRequest request) {
        return linking.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Reveals a shareable link's current URL.
     *
     * @param actor    an administrator
     * @param tenantId the tenant
     * @param id       the link
     * @return the link with its URL
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or links are off
     */
    public ShareableLink revealShareableLink(Inviter actor, TenantId tenantId, LinkId id) {
        return linking.reveal(actor, tenantId, id);
    }

    /**
     * Deactivates a shareable link: its URL dies at once. Works while links are switched off;
     * deactivating an inactive link changes nothing.
     *
     * @param actor    an administrator
     * @param tenantId the tenant
     * @param id       the link
     * @return the link as stored
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     */
    public InvitationLink deactivateLink(Inviter actor, TenantId tenantId, LinkId id) {
        return linking.deactivate(actor, tenantId, id);
    }

    /**
     * Reactivates a shareable link under a NEW URL; the URL it had before stays dead. Reactivating an
     * active link changes nothing and returns its current URL.
     *
     * @param actor    an administrator
     * @param tenantId the tenant
     * @param id       the link
     * @return the link with its new URL
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or links are off
     */
    public ShareableLink reactivateLink(Inviter actor, TenantId tenantId, LinkId id) {
        return linking.reactivate(actor, tenantId, id);
    }

    /**
     * Lists a tenant's shareable links, active or not.
     *
     * @param tenantId the tenant
     * @return the links, oldest first
     */
    public List<InvitationLink> links(TenantId tenantId) {
        return linking.list(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /**
     * Reads what a shareable link offers, for the join page. Changes nothing.
     *
     * @param token the token from the link's URL
     * @return the tenant, target, grant, limits and what joining needs
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.link.LinkClosedException with LINKS_DISABLED, LINK_INACTIVE,
     *                                   LINK_EXPIRED or LINK_EXHAUSTED
     */
    public LinkOffer inspectLink(String token) {
        return linking.offer(token);
    }

    /**
     * Joins through a shareable link: creates an invitation with source LINK that is accepted at
     * once (or awaits approval when the tenant requires it), stored in one write with the link's
     * next use. The identity directory creates or links the account once; the claim must bring
     * what {@link LinkOffer#requirements()} asks for. The use count never exceeds the link's
     * maximum, however many join at once.
     *
     * @param request the joiner's email and claim (whose token is the link's)
     * @return the stored invitation and the account id
     * @throws InvalidRequestException if the request is malformed
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.link.LinkClosedException if the link takes no more joins
     * @throws io.invitations.core.policy.PolicyViolationException with DOMAIN_NOT_ALLOWED,
     *                                   SEAT_LIMIT_REACHED or INVITATIONS_DISABLED
     * @throws AlreadyInvitedException   if the joiner is already a member or has an open invitation
     * @throws ClaimIncompleteException  if terms, profile, password or groups are missing or wrong
     */
    public Acceptance joinLink(JoinRequest request) {
        Objects.requireNonNull(request, "request");
        return observer.observe(Operation.JOIN, null, () -> linking.join(request));
    }

    /**
     * Creates the invitation of an entry from an identity provider or directory (directory sync,
     * an account-management API): PROVISIONED, so it sends nothing and cannot be claimed until sent,
     * unless the tenant {@linkplain io.invitations.spi.settings.TenantSettings#inviteOnCreation()
     * invites on creation}, in which case it is invited at once. The source becomes DIRECTORY
     * unless the request already names a directory.
     *
     * @param request the entry; usually with a system inviter such as {@code Inviter.system("azure-ad")}
     * @return the stored invitation
     * @throws InvalidRequestException   listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with every refusal
     * @throws AlreadyInvitedException   if the person has an open invitation or is a member
     */
    public Invitation provisionFromDirectory(InviteRequest request) {
        return syncing.fromDirectory(Objects.requireNonNull(request, "request"));
    }

    /**
     * Matches someone who registered another way (SSO, self-registration) with a verified email to
     * their pending invitations in the tenant, and accepts those for them: the identity directory
     * links the account and applies each grant. Provisioned (not yet invited) invitations are not
     * matched.
     *
     * @param signUp who registered, with a verified email
     * @return the invitations accepted (or awaiting approval), oldest first; empty when none was pending
     * @throws InvalidRequestException if the email is malformed or not verified
     */
    public List<Invitation> matchSignUp(SignUp signUp) {
        return syncing.match(Objects.requireNonNull(signUp, "signUp"));
    }

    /**
     * Tells whether a tenant lets people register without an invitation, so the host can offer
     * (or hide) its sign-up page.
     *
     * @param tenantId the tenant
     * @return the tenant's self-registration setting
     */
    public boolean selfRegistrationAllowed(TenantId tenantId) {
        return ctx.settingsFor(Objects.requireNonNull(tenantId, "tenantId")).selfRegistration();
    }

    /**
     * Exports the claim links of pending invitations, e.g. to print them or hand them to an SMS
     * gateway; the CSV module writes them with {@code ClaimLinkExport}. Links are re-derived from the
     * key ring, never stored. A {@code *_LOCAL} administrator gets the invitations of their units only.
     *
     * @param actor    an administrator ({@code ADMIN_LOCAL} or {@code ADMIN_TENANT})
     * @param tenantId the tenant
     * @param batch    only the invitations of this bulk batch, or {@code null} for every pending one
     * @return the invitations that are PENDING now with their links, oldest first; the links are secrets
     * @throws io.invitations.core.policy.PolicyViolationException with {@code LEVEL_TOO_LOW} if the
     *                                   actor is not an administrator
     */
    public List<ClaimLinkEntry> exportClaimLinks(Inviter actor, TenantId tenantId, BatchId batch) {
        return new ClaimLinkExporter(ctx).export(actor, tenantId, batch);
    }

    /**
     * Reads one invitation as it reads now (EXPIRED once past its expiry).
     *
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the invitation, or empty
     */
    public Optional<Invitation> find(TenantId tenantId, InvitationId id) {
        return reporting.find(tenantId, id);
    }

    /**
     * Reads a page of a tenant's invitations, filtered by status (effective: EXPIRED includes pending
     * ones past expiry), inviter, source, target and creation time.
     *
     * @param query the filters and page; see {@link InvitationQuery#builder(TenantId)}
     * @return the page, oldest first
     */
    public Page<Invitation> query(InvitationQuery query) {
        return reporting.query(Objects.requireNonNull(query, "query"));
    }

    /**
     * Reads the history of one invitation: one entry per transition (actor, time, from, to, reason).
     *
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the entries, oldest first
     * @throws InvitationNotFoundException if there is no such invitation
     */
    public List<HistoryEntry> history(TenantId tenantId, InvitationId id) {
        return reporting.history(tenantId, id);
    }

    /**
     * Counts a tenant's seats: "how many can I still invite".
     *
     * @param tenantId the tenant
     * @return the limit, seats taken, open invitations and what remains (empty when unlimited)
     */
    public SeatCount seats(TenantId tenantId) {
        return reporting.seats(tenantId);
    }

    /**
     * Returns one inviter's referrals over a period: sent, accepted, acceptance rate.
     *
     * @param tenantId  the tenant
     * @param inviterId the inviter's user id
     * @param from      inclusive start (by creation time), or {@code null}
     * @param until     exclusive end, or {@code null}
     * @return the statistics
     */
    public ReferralStats referrals(TenantId tenantId, String inviterId, Instant from, Instant until) {
        return reporting.referrals(tenantId, inviterId, from, until);
    }

    /**
     * Returns a tenant's top inviters over a period, by accepted invitations.
     *
     * @param tenantId the tenant
     * @param from     inclusive start, or {@code null}
     * @param until    exclusive end, or {@code null}
     * @param limit    how many, at least 1
     * @return the inviters, best first
     */
    public List<ReferralStats> topInviters(TenantId tenantId, Instant from, Instant until, int limit) {
        return reporting.topInviters(tenantId, from, until, limit);
    }

    /**
     * Delivers every queued message that is due now: what the engine does by itself after each
     * operation in {@link DeliveryMode#IMMEDIATE}, and what a host in {@link DeliveryMode#HOST_DRIVEN}
     * calls from its own scheduler (also useful in IMMEDIATE mode to retry transient failures whose
     * backoff has passed). Several threads or processes may call it at once. Never throws: a failing
     * mail server or store leaves the messages queued.
     *
     * @return how many messages were delivered, are retrying, failed, were cancelled or left unsettled
     */
    public DrainResult deliverDueMessages() {
        return ctx.delivery().drainNow();
    }

    /**
     * Calls {@link #deliverDueMessages()} on the host's scheduler: at once, then with a fixed delay
     * between the end of one run and the start of the next. Cancel the returned future to stop; the
     * executor stays the host's to shut down.
     *
     * @param executor the host's scheduler, not {@code null}
     * @param delay    the pause between runs, positive
     * @return the scheduled task
     * @throws IllegalArgumentException if the delay is not positive
     */
    public ScheduledFuture<?> scheduleDelivery(ScheduledExecutorService executor, Duration delay) {
        return ctx.delivery().scheduleWith(executor, Objects.requireNonNull(delay, "delay"));
    }

    /**
     * Renders an invitation's message exactly as the outbox would send it now: same template,
     * branding, claim link, expiry words and idempotency key (of the invitation's latest message).
     * Sends and stores nothing. The message carries the claim link, so the actor needs the level that
     * reveals links: an administrator ({@code ADMIN_LOCAL} within their units, or {@code ADMIN_TENANT}).
     *
     * @param actor    who asks
     * @param tenantId the tenant
     * @param id       the invitation
     * @param kind     which message: invitation, resend or re-invite
     * @return the message; its bodies hold the claim link, a secret (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     *                                   (of the invitation's unit)
     * @throws InvalidRequestException   for an access-code notice (see {@link #accessCodeNotice}) or an
     *                                   invitee without email (who is sent no message)
     * @throws io.invitations.spi.InvitationException with CONFIGURATION if the tenant's claim URL is
     *                                   not an absolute http(s) URL
     */
    public MailMessage preview(Inviter actor, TenantId tenantId, InvitationId id, OutboxMessage.Kind kind) {
        return messaging.preview(actor, tenantId, id, kind);
    }

    /**
     * Renders the printable notice that tells an invitee without email how to redeem their access
     * code: the tenant's {@link OutboxMessage.Kind#ACCESS_CODE_NOTICE} template with the code, the
     * identifier, and the page where both are entered (the tenant's claim URL without a token).
     * Nothing is mailed or stored; the host prints or hands it over.
     *
     * @param actor      who asks; the code is a secret, so an administrator as for {@link #preview}
     * @param tenantId   the tenant
     * @param id         the invitation, for an identifier invitee
     * @param accessCode the invitation's access code, as revealed to an administrator
     * @return the notice; its bodies hold the code (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     * @throws InvalidRequestException   if the invitee has an email address, or the code is blank
     * @throws io.invitations.spi.InvitationException with CONFIGURATION if the tenant's claim URL is
     *                                   not an absolute http(s) URL
     */
    public MailMessage accessCodeNotice(Inviter actor, TenantId tenantId, InvitationId id, String accessCode) {
        return messaging.accessCodeNotice(actor, tenantId, id, accessCode);
    }

    /**
     * Renders the printable access-code notice of an invitee without email with their current code:
     * {@link #revealAccessCode(Inviter, TenantId, InvitationId)} then
     * {@link #accessCodeNotice(Inviter, TenantId, InvitationId, String)}. Nothing is mailed or stored.
     *
     * @param actor    an administrator (the code is a secret)
     * @param tenantId the tenant
     * @param id       the invitation, for an identifier invitee
     * @return the notice; its bodies hold the code (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     * @throws InvalidRequestException   if the invitee has an email address
     */
    public MailMessage accessCodeNotice(Inviter actor, TenantId tenantId, InvitationId id) {
        return accessCodeNotice(actor, tenantId, id, revealAccessCode(actor, tenantId, id).formatted());
    }

    /**
     * Renders a tenant's message around a sample invitation (see {@link MessageContext#sample}), to
     * preview its templates and branding before any invitation exists. Reveals nothing.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     which message
     * @return the message, addressed to the sample invitee
     */
    public MailMessage previewSample(TenantId tenantId, Locale locale, OutboxMessage.Kind kind) {
        return messaging.sample(tenantId, locale, kind, null);
    }

    /**
     * Renders a draft template around a sample invitation with the tenant's branding, before the
     * tenant saves it. Reveals nothing.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     which message
     * @param draft    the draft, from {@link MessageTemplate#of} (which refuses unknown placeholders)
     * @return the message, addressed to the sample invitee
     */
    public MailMessage previewSample(TenantId tenantId, Locale locale, OutboxMessage.Kind kind,
                                     MessageTemplate draft) {
        return messaging.sample(tenantId, locale, kind, Objects.requireNonNull(draft, "draft"));
    }

    /**
     * Returns the template a tenant's messages of a kind and language are rendered with: its custom
     * one, else the built-in one. A starting point for editing.
     *
     * @param tenantId the tenant
     * @param locale   the language (only the language counts)
     * @param kind     which message
     * @return the template
     */
    public MessageTemplate template(TenantId tenantId, Locale locale, OutboxMessage.Kind kind) {
        return messaging.template(tenantId, locale, kind);
    }

    /**
     * Validates and stores a tenant's custom template for a language and kind of message; it applies
     * to the next message rendered, queued ones included. As with settings, the host decides who may
     * edit a tenant's templates.
     *
     * @param tenantId the tenant
     * @param locale   the language (only the language counts: {@code fr-CA} and {@code fr} share one)
     * @param kind     which message
     * @param subject  the subject, one line
     * @param html     the HTML body
     * @param text     the plain-text body
     * @return the stored template
     * @throws io.invitations.spi.message.TemplateException with TEMPLATE_INVALID, listing every
     *                                   unknown placeholder and other problem; nothing is stored then
     */
    public MessageTemplate saveTemplate(TenantId tenantId, Locale locale, OutboxMessage.Kind kind, String subject,
                                        String html, String text) {
        return messaging.saveTemplate(tenantId, locale, kind, subject, html, text);
    }

    /**
     * Removes a tenant's custom template, so that the built-in one is used again.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     which message
     * @return {@code true} if there was a custom template
     */
    public boolean removeTemplate(TenantId tenantId, Locale locale, OutboxMessage.Kind kind) {
        return messaging.removeTemplate(tenantId, locale, kind);
    }

    @Override
    public String toString() {
        return "InvitationService[store=" + ctx.store().getClass().getSimpleName() + ", mailer="
                + mailer.getClass().getSimpleName() + ", delivery=" + ctx.delivery().mode() + "]";
    }

    /**
     * Configures an {@link InvitationService}. Every part is optional and defaults to the embedded
     * in-memory adapter of {@link io.invitations.core.memory}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

        private InvitationStore store;
        private Mailer mailer;
        private IdentityDirectory directory;
        private SeatLedger seats;
        private KeyRing keyRing;
        private TenantSettingsSource settings;
        private Clock clock = Clock.systemUTC();
        private Supplier<InvitationId> ids = InvitationId::random;
        private Supplier<LinkId> linkIds = LinkId::random;
        private AttemptThrottle throttle;
        private final List<InvitationEventListener> listeners = new ArrayList<>();
        private MessageTemplateStore templates;
        private DeliveryMode deliveryMode = DeliveryMode.IMMEDIATE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private InvitationObserver observer = InvitationObserver.noop();
        private Duration outboxLease;
        private int outboxBatchSize;
        private Validator validator;

        private Builder() {
        }

        /**
         * Sets where invitations are stored.
         *
         * @param value the store (default: an {@link InMemoryInvitationStore})
         * @return this builder
         */
        public Builder store(InvitationStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets how messages are delivered.
         *
         * @param value the mailer (default: a {@link RecordingMailer} that keeps what it was sent)
         * @return this builder
         */
        public Builder mailer(Mailer value) {
            mailer = Objects.requireNonNull(value, "mailer");
            return this;
        }

        /**
         * Sets the host's directory of accounts.
         *
         * @param value the directory (default: an {@link InMemoryIdentityDirectory})
         * @return this builder
         */
        public Builder identityDirectory(IdentityDirectory value) {
            directory = Objects.requireNonNull(value, "identityDirectory");
            return this;
        }

        /**
         * Sets the host's seat ledger.
         *
         * @param value the ledger (default: an {@link InMemorySeatLedger}, unlimited; it counts the
         *              members of the default directory)
         * @return this builder
         */
        public Builder seatLedger(SeatLedger value) {
            seats = Objects.requireNonNull(value, "seatLedger");
            return this;
        }

        /**
         * Sets the keys links are signed with.
         *
         * @param value the key ring (default: one random in-process key — links die with the process)
         * @return this builder
         */
        public Builder keyRing(KeyRing value) {
            keyRing = Objects.requireNonNull(value, "keyRing");
            return this;
        }

        /**
         * Sets where tenant settings come from.
         *
         * @param value the source (default: an {@link InMemoryTenantSettingsSource} with defaults)
         * @return this builder
         */
        public Builder settings(TenantSettingsSource value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Sets the clock every timestamp and expiry comes from.
         *
         * @param value the clock (default: {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how invitation ids are made.
         *
         * @param value the generator; must return a fresh id each call (default: random UUIDs)
         * @return this builder
         */
        public Builder idGenerator(Supplier<InvitationId> value) {
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /**
         * Sets how shareable-link ids are made.
         *
         * @param value the generator; must return a fresh id each call (default: random UUIDs)
         * @return this builder
         */
        public Builder linkIdGenerator(Supplier<LinkId> value) {
            linkIds = Objects.requireNonNull(value, "linkIdGenerator");
            return this;
        }

        /**
         * Sets the throttle of wrong access codes; clusters share one so that guesses cannot be
         * spread over nodes.
         *
         * @param value the throttle (default: the store's {@linkplain
         *              io.invitations.spi.storage.InvitationStore#sharedAttemptThrottle() shared throttle}
         *              when it has one, as the JDBC store does; otherwise an {@link InMemoryAttemptThrottle}
         *              on the service's clock, 5 failures per 15 minutes)
         * @return this builder
         */
        public Builder attemptThrottle(AttemptThrottle value) {
            throttle = Objects.requireNonNull(value, "attemptThrottle");
            return this;
        }

        /**
         * Adds an event listener; listeners are called in the order added, after each write.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(InvitationEventListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Sets where tenants' custom message templates are kept.
         *
         * @param value the store (default: {@link InMemoryMessageTemplateStore}; tenants without a
         *              custom template get the built-in English, French and German ones)
         * @return this builder
         */
        public Builder messageTemplates(MessageTemplateStore value) {
            templates = Objects.requireNonNull(value, "messageTemplates");
            return this;
        }

        /**
         * Sets the Jakarta Validation validator that checks every request's constraints (any
         * provider will do; its message interpolator words the problems hosts see).
         *
         * @param value the validator (default: one from the provider {@code jakarta.validation.Validation}
         *              finds on the class path, with Hibernate Validator's Expression-Language-free
         *              {@code ParameterMessageInterpolator} when Hibernate Validator is that provider;
         *              without a provider {@link #build()} throws {@link NoValidationProviderException})
         * @return this builder
         */
        public Builder validator(Validator value) {
            validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /**
         * Sets when queued messages are delivered.
         *
         * @param value {@link DeliveryMode#IMMEDIATE} (the default): right after each operation that
         *              queued messages, once it released its locks — a failing mail server never fails
         *              the operation, a slow one delays its return; {@link DeliveryMode#HOST_DRIVEN}:
         *              only when the host calls {@link InvitationService#deliverDueMessages()} or
         *              {@link InvitationService#scheduleDelivery}
         * @return this builder
         */
        public Builder deliveryMode(DeliveryMode value) {
            deliveryMode = Objects.requireNonNull(value, "deliveryMode");
            return this;
        }

        /**
         * Sets how transient delivery failures are retried. A retry happens on the next drain after
         * its backoff: hosts in IMMEDIATE mode should still {@linkplain InvitationService#scheduleDelivery
         * schedule} draining so that retries do not wait for the next operation.
         *
         * @param value the policy (default: {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Adds an observer called around invite, provision, bulk, accept, link join and each outbox
         * drain, e.g. to time and trace them; observers added earlier wrap those added later.
         *
         * @param value the observer (default: none)
         * @return this builder
         * @since 0.1.0
         */
        public Builder observer(InvitationObserver value) {
            observer = InvitationObserver.both(observer, Objects.requireNonNull(value, "observer"));
            return this;
        }

        /**
         * Sets how long a claimed outbox message stays reserved for the worker that claimed it;
         * another worker (or node) may claim it again once the lease ran out.
         *
         * @param value the lease, positive (default: the outbox processor's default)
         * @return this builder
         * @throws IllegalArgumentException if the lease is not positive
         * @since 0.1.0
         */
        public Builder outboxLease(Duration value) {
            Objects.requireNonNull(value, "outboxLease");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("outboxLease must be positive, was " + value);
            }
            outboxLease = value;
            return this;
        }

        /**
         * Sets how many outbox messages one drain claims at most.
         *
         * @param value the batch size, positive (default: the outbox processor's default)
         * @return this builder
         * @throws IllegalArgumentException if the size is not positive
         * @since 0.1.0
         */
        public Builder outboxBatchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("outboxBatchSize must be positive, was " + value);
            }
            outboxBatchSize = value;
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NoValidationProviderException if no {@linkplain #validator(Validator) validator} was
         *                                       given and no Jakarta Validation provider is on the class path
         */
        public InvitationService build() {
            InvitationStore s = store != null ? store : new InMemoryInvitationStore();
            IdentityDirectory d = directory != null ? directory : new InMemoryIdentityDirectory();
            SeatLedger l = seats != null ? seats
                    : d instanceof InMemoryIdentityDirectory mem ? InMemorySeatLedger.countingMembersOf(mem)
                    : new InMemorySeatLedger();
            KeyRing k = keyRing;
            if (k == null) {
                LOG.warn("No KeyRing configured: invitation links are signed with a random in-process key and stop"
                        + " working when this process ends. Configure InvitationService.builder().keyRing(...) with"
                        + " persistent keys for production.");
                k = InMemoryKeyRing.random();
            }
            TenantSettingsSource t = settings != null ? settings : new InMemoryTenantSettingsSource();
            TokenSigner signer = new TokenSigner(k);
            ClaimLinks links = new ClaimLinks(signer, t);
            EventPublisher publisher = new EventPublisher(listeners);
            Mailer m = mailer != null ? mailer : new RecordingMailer();
            MessageTemplateStore mt = templates != null ? templates : new InMemoryMessageTemplateStore();
            Composer composer = new Composer(t, links, MessageRenderer.of(mt), clock);
            OutboxProcessor.Builder ob = OutboxProcessor.builder().store(s).mailer(m).renderer(composer::render)
                    .clock(clock).retryPolicy(retryPolicy).listener(e -> publisher.publish(List.of(e)));
            if (outboxLease != null) {
                ob.lease(outboxLease);
            }
            if (outboxBatchSize > 0) {
                ob.batchSize(outboxBatchSize);
            }
            OutboxProcessor outbox = ob.build();
            Context ctx = new Context(s, d, l, t, clock, ids, signer, links, publisher, new StripedLocks(256),
                    new StripedLocks(64), new Delivery(outbox, deliveryMode, observer),
                    validator != null ? RequestValidator.using(validator) : RequestValidator.byDefaultProvider());
            AccessCodes codes = AccessCodes.using(k);
            AttemptThrottle a = throttle != null ? throttle : s.sharedAttemptThrottle()
                    .orElseGet(() -> InMemoryAttemptThrottle.builder().clock(clock).build());
            WaysIn ways = new WaysIn(ctx, codes, AccessCodeGate.of(codes, a), linkIds);
            return new InvitationService(ctx, ways, m, new Messaging(ctx, composer, mt), observer);
        }
    }
}
