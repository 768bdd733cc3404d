package io.invitations.core;

import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.code.AccessCode;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.conversion.ConversionReport;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.core.token.ClaimLink;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What someone acting in one tenant may do: invite, provision, send, bulk; resend, re-invite,
 * revoke, approve, reject; reveal claim links and access codes; create and manage shareable links;
 * queries, history, seats and referrals; messages, templates and previews. It is bound once to an
 * acting {@link Inviter} and a {@link TenantId}, so no call repeats them and none reaches another
 * tenant: ids of another tenant's invitations or links are not found, and a query for another tenant
 * is refused. The actor's permission level decides what is allowed, call by call.
 *
 * <p>Reads of invitations ({@link #find}, {@link #history}, {@link #query}, {@link #invitationsOf},
 * {@link #openInvitationsOf}) follow the same ladder as managing them
 * ({@link io.invitations.core.policy.InvitationPolicy#mayRead}): everyone reads the invitations they
 * sent; at the tenant's {@linkplain io.invitations.spi.settings.TenantSettings#manageLevel() manage
 * level} a tenant-wide actor reads the whole tenant and a {@code *_LOCAL} actor the invitations of
 * their units; below it, only their own. An invitation the actor may not read is as absent as a
 * missing one: nothing tells the two apart.
 *
 * <p>So are the calls that name one invitation by id ({@link #send(InvitationId) send},
 * {@link #send(Collection) send(ids)}, {@link #resend}, {@link #reinvite}, {@link #revoke},
 * {@link #approve}, {@link #reject}, {@link #revealClaimLink}, {@link #shareClaimLink},
 * {@link #revealAccessCode}, {@link #preview}, {@link #accessCodeNotice(InvitationId, String)
 * accessCodeNotice}): on an invitation the actor may not read they throw the same
 * {@link InvitationNotFoundException}, with the same message, as for a missing id (in a
 * {@link SendReport} the same refusal), never a refusal naming its inviter or unit. Only on an
 * invitation they may read do the specific refusals apply (e.g. {@code LEVEL_TOO_LOW} for revealing
 * a link below an administrator level, {@code INVITATIONS_DISABLED}). Likewise "already invited"
 * with the open invitation's id is told only to an inviter who may read that invitation; anyone
 * else gets the neutral {@code ALREADY_INVITED_OR_MEMBER} answer.
 *
 * <pre>{@code
 * InvitationAdministration admin = service.administration(currentUser, TenantId.of("acme"));
 * Invitation inv = admin.invite(InviteRequest.builder()
 *         .email("jane.doe@example.com").role("member").build());
 * admin.revoke(inv.id(), "sent to the wrong person");
 * }</pre>
 *
 * <p>Obtained from {@link InvitationService#administration(Inviter, TenantId)}; cheap to create (per
 * request, say), immutable and thread-safe.
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface InvitationAdministration {
    /**
     * Returns who acts through this administration.
     *
     * @return the acting inviter
     */
    Inviter actor();

    /**
     * Returns the tenant every call acts in.
     *
     * @return the tenant
     */
    TenantId tenantId();

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
    Invitation invite(InviteRequest request);

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
    Invitation provision(InviteRequest request);

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
    BulkReport bulk(BulkRequest request);

    /**
     * Sends one provisioned invitation: it becomes PENDING and its message is queued.
     *
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation in the tenant, or the actor may not
     *                                    read it (alike)
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or invitations are off
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PROVISIONED
     */
    Invitation send(InvitationId id);

    /**
     * Sends one provisioned invitation with a message the administrator adds (Workplace's "add a
     * message"): the text is appended to the invitation's personal message after a blank line, so
     * the email shows it, HTML-escaped like every value, and {@link #preview} shows exactly what is
     * sent. {@code send(id, null)} is {@link #send(InvitationId) send(id)}.
     *
     * @param id      the invitation
     * @param message the text to add, or {@code null} (or blank) for none; with the invitation's
     *                personal message at most 2000 characters
     * @return the stored invitation
     * @throws InvalidRequestException naming {@code message} when the text is too long; nothing is sent
     * @throws InvitationNotFoundException if there is no such invitation in the tenant, or the actor may not
     *                                    read it (alike)
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or invitations are off
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PROVISIONED
     */
    Invitation send(InvitationId id, String message);

    /**
     * Sends a selection of provisioned invitations, each on its own.
     *
     * @param ids      the invitations
     * @return what was sent and what was refused (with code and reason)
     */
    SendReport send(Collection<InvitationId> ids);

    /**
     * Sends a selection of provisioned invitations, each on its own, each with the added message
     * (as {@link #send(InvitationId, String)}).
     *
     * @param ids     the invitations
     * @param message the text to add to every message, or {@code null} for none
     * @return what was sent and what was refused (with code and reason); an invitation whose
     *         personal message and the text together are too long is refused with INVALID_REQUEST
     * @throws InvalidRequestException naming {@code message} when the text alone is longer than 2000
     *                                 characters; nothing is sent
     */
    SendReport send(Collection<InvitationId> ids, String message);

    /**
     * Sends every provisioned invitation of a tenant ("invite all"), then switches the tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#inviteOnCreation() invite-on-creation}
     * on through {@link io.invitations.spi.settings.TenantSettingsSource#switchOnInviteOnCreation(TenantId)}, so that accounts
     * directory sync creates from now on are invited at once. A {@code *_LOCAL} actor sends (and the
     * report lists) only the provisioned invitations they may read: their units' and their own.
     *
     * @return what was sent and what was refused
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is below the manage level
     */
    SendReport sendAllProvisioned();

    /**
     * Sends every provisioned invitation of the tenant with the added message (as
     * {@link #send(InvitationId, String)}); otherwise as {@link #sendAllProvisioned()}.
     *
     * @param message the text to add to every message, or {@code null} for none
     * @return what was sent and what was refused
     * @throws InvalidRequestException naming {@code message} when the text alone is longer than 2000
     *                                 characters; nothing is sent
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is below the manage level
     */
    SendReport sendAllProvisioned(String message);

    /**
     * Resends a pending invitation: queues the message again and starts its validity afresh; by the
     * tenant's resend policy the link stays the same (default) or is rotated.
     *
     * <p>An EXPIRED invitation is not resent: its link is dead, and bringing it back is a new
     * invitation that takes a seat again, so it is refused with an
     * {@link io.invitations.core.lifecycle.IllegalTransitionException} ({@code ILLEGAL_TRANSITION})
     * whose message names {@link #reinvite(InvitationId) reinvite}. A host whose users "resend" an
     * expired invitation (awork) calls {@code reinvite} for EXPIRED and {@code resend} for PENDING.
     *
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or the resend
     *                                   cap or cooldown refuses it
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PENDING; when it is
     *                                   EXPIRED the message says to call {@code reinvite}
     */
    Invitation resend(InvitationId id);

    /**
     * Invites again after expiry: a new link (older ones die) and a new expiry.
     *
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or no seat is left
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not EXPIRED
     * @throws AlreadyInvitedException if the invitee was invited again meanwhile
     */
    Invitation reinvite(InvitationId id);

    /**
     * Revokes a provisioned, pending or expired invitation; its link dies at once.
     *
     * @param id       the invitation
     * @param reason   why, or {@code null}; kept in the history
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException in any other status
     */
    Invitation revoke(InvitationId id, String reason);

    /**
     * Approves an acceptance awaiting approval: the invitation becomes ACCEPTED (for the accepting
     * address when the acceptance was held because it came from another address; the history shows both).
     *
     * @param id       the invitation
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with APPROVAL_NOT_REQUIRED if
     *                                   it is not AWAITING_APPROVAL
     */
    Invitation approve(InvitationId id);

    /**
     * Rejects an acceptance awaiting approval: the invitation becomes REJECTED, or, when the acceptance
     * was held because it came from another address than the one invited ({@code OtherAccountPolicy.APPROVAL}),
     * PENDING again for the person invited.
     *
     * @param id       the invitation
     * @param reason   why, or {@code null}
     * @return the stored invitation
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with APPROVAL_NOT_REQUIRED if
     *                                   it is not AWAITING_APPROVAL
     */
    Invitation reject(InvitationId id, String reason);

    /**
     * Reveals an invitation's current claim link, e.g. to hand it over another way or export it.
     *
     * @param id       the invitation
     * @return the link; a secret, whose {@code toString()} hides it
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     *                                   (of the invitation's unit)
     */
    ClaimLink revealClaimLink(InvitationId id);

    /**
     * The copy-link fallback: reveals a <em>fresh</em> claim link of a pending invitation for the
     * administrator to share by hand, e.g. when the invitee's address bounced (see
     * {@link io.invitations.spi.invitation.DeliveryState.Status#BOUNCED}). Earlier links stop
     * working; a {@code SHARE_LINK} history entry and {@code InvitationEvent.ClaimLinkShared} record
     * who revealed it. No message is sent.
     *
     * @param id the invitation
     * @return the fresh link; a secret, whose {@code toString()} hides it
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not reveal claim
     *                                   links (not an administrator of the invitation's unit)
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not pending
     * @since 1.1
     */
    ClaimLink shareClaimLink(InvitationId id);

    /**
     * Reports the tenant's conversion over a period: per tenant, inviter, batch or channel, how many
     * invitations sent in {@code [from, until)} were delivered, opened and accepted, and percentiles
     * of the time to accept, from the stored invitations and history. Needs the tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#manageLevel() manage level} (tenant-wide
     * counts, also for a {@code *_LOCAL} actor at that level).
     *
     * @param from  inclusive start, not {@code null}
     * @param until exclusive end, after {@code from}
     * @param by    what the funnels are per, not {@code null}
     * @return the report, immutable
     * @throws InvalidRequestException naming {@code until} if the period is empty ({@code until} not
     *                                 after {@code from})
     * @throws io.invitations.core.policy.PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} if
     *                                 the actor is below the tenant's manage level
     * @since 1.1
     */
    ConversionReport conversion(Instant from, Instant until,
            ConversionGroup by);

    /**
     * Handles the open invitations of an inviter who left the tenant or dropped below the inviting
     * level, by the tenant's {@link io.invitations.spi.settings.TenantSettings#departedInviters()}
     * policy: REVOKE (the default) revokes their provisioned and pending invitations; REASSIGN hands
     * their provisioned, pending and awaiting-approval invitations to the successor (who becomes the
     * inviter; a {@code REASSIGN} history entry and {@code InvitationEvent.Reassigned} each); KEEP
     * changes nothing. Idempotent: a second call finds nothing left to change. The host's directory
     * can report the same through {@link InvitationService#membershipEvents()}.
     *
     * @param inviterId the departed inviter's user id, not {@code null}
     * @param successor who takes the invitations over under REASSIGN, or {@code null} for the actor
     * @param reason    why, recorded in history, or {@code null}
     * @return what was done
     * @throws io.invitations.core.policy.PolicyViolationException with LEVEL_TOO_LOW if the actor is
     *                                   not an administrator
     * @since 1.1
     */
    DepartureReport handleDeparture(String inviterId, Inviter successor, String reason);

    /**
     * Erases one person's personal data from every invitation of the tenant: the contact becomes a
     * tombstone (a keyed hash of it, under a tenant key derived from the key ring), names and personal
     * message are removed, and history reasons and outbox errors lose every trace of them. Open
     * invitations of the person are revoked (or rejected) first. Each erased invitation gets an
     * {@code ERASE} history entry and an {@code InvitationEvent.Erased}; neither carries personal data.
     * Calling it again changes nothing and reports the invitations as already erased. Needs an
     * administrator level.
     *
     * @param contact the person's email or identifier, not {@code null}
     * @return which invitations were erased now, before, and closed first
     * @throws io.invitations.core.policy.PolicyViolationException with LEVEL_TOO_LOW if the actor is no
     *         administrator
     * @throws UnsupportedOperationException if the store cannot erase
     * @since 1.1
     */
    ErasureReport erase(Contact contact);

    /**
     * Finds the tenant's erased invitations of a contact by their tombstones, so that duplicate
     * checks, referral counts and audits keep working after an erasure without the contact being
     * stored. Only the invitations the actor may read are listed, as by {@link #invitationsOf}.
     *
     * @param contact the contact, not {@code null}
     * @return the erased invitations the actor may read, oldest first; empty when none
     * @since 1.1
     */
    List<Invitation> erasedInvitationsOf(Contact contact);

    /**
     * Reveals the access code of an invitation without email ("see access code"), to hand to the
     * invitee by other means. The code is derived, never stored; it changes when the invitation's
     * link is rotated or it is re-invited.
     *
     * @param id       the invitation
     * @return the code; a secret, whose {@code toString()} hides it
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException with LEVEL_TOO_LOW (or OUTSIDE_UNIT)
     *                                   if the actor is not an administrator (of the invitation's unit)
     * @throws InvalidRequestException   if the invitee has an email (reveal the claim link instead)
     */
    AccessCode revealAccessCode(InvitationId id);

    /**
     * Creates a shareable invitation link for the tenant or a resource, with a preset grant.
     *
     * @param request the link: target, grant, expiry, maximum uses, allowed domains
     * @return the stored link with its URL
     * @throws InvalidRequestException listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with LINKS_DISABLED,
     *                                   LEVEL_TOO_LOW, ROLE_ABOVE_INVITER, ... when not allowed
     */
    RevealedShareableLink createShareableLink(ShareableLinkRequest request);

    /**
     * Reveals a shareable link's current URL.
     *
     * @param id       the link
     * @return the link with its URL
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or links are off
     */
    RevealedShareableLink revealShareableLink(LinkId id);

    /**
     * Deactivates a shareable link: its URL dies at once. Works while links are switched off;
     * deactivating an inactive link changes nothing.
     *
     * @param id       the link
     * @return the link as stored
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     */
    ShareableLink deactivateShareableLink(LinkId id);

    /**
     * Reactivates a shareable link under a NEW URL; the URL it had before stays dead. Reactivating an
     * active link changes nothing and returns its current URL.
     *
     * @param id       the link
     * @return the link with its new URL
     * @throws io.invitations.core.link.LinkNotFoundException if the tenant has no such link
     * @throws io.invitations.core.policy.PolicyViolationException if the actor may not, or links are off
     */
    RevealedShareableLink reactivateShareableLink(LinkId id);

    /**
     * Switches the tenant's shareable links on or off (Talkspirit's "invitation links" setting).
     * Switching off retires every existing link for good: its URL stays dead when links are switched
     * on again; {@link #reactivateShareableLink reactivating} it gives it a new URL, or
     * {@link #createShareableLink create} a new one. The setting is stored through
     * {@link io.invitations.spi.settings.TenantSettingsSource#switchLinkInvitations}; a host whose
     * source cannot store it sets {@code linkInvitationsEnabled} in its own settings and calls this
     * too (a link it missed is retired the first time someone uses it while links are off).
     *
     * @param enabled {@code true} to switch links on, {@code false} to switch them off
     * @return how many links were retired (0 when switching on)
     * @throws io.invitations.core.policy.PolicyViolationException with LEVEL_TOO_LOW below ADMIN_TENANT
     */
    int switchShareableLinks(boolean enabled);

    /**
     * Lists a tenant's shareable links, active or not.
     *
     * @return the links, oldest first
     */
    List<ShareableLink> shareableLinks();

    /**
     * Creates the invitation of an entry from an identity provider or directory (directory sync,
     * an account-management API): PROVISIONED, so it sends nothing and cannot be claimed until sent,
     * unless the tenant {@linkplain io.invitations.spi.settings.TenantSettings#inviteOnCreation()
     * invites on creation}, in which case it is invited at once. The source becomes DIRECTORY
     * unless the request already names a directory.
     *
     * <p>Syncing is idempotent: when the entry's person already has an open invitation for the
     * target (provisioned, pending, awaiting approval), nothing changes and that invitation is
     * returned as stored (same id and version, no new history, message or event; logged at INFO as
     * "directory entry unchanged"). To tell a new entry from an unchanged one, call
     * {@link #syncFromDirectory(InviteRequest)}, which does the same and says which it was. This holds
     * for actors at the tenant's manage level, as directory sync's system actors are; below it the
     * neutral already-invited refusal stands.
     *
     * @param request the entry; usually with a system inviter such as {@code Inviter.system("azure-ad")}
     * @return the stored invitation, new or the entry's open one
     * @throws InvalidRequestException   listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with every refusal
     * @throws AlreadyInvitedException   if the person is already a member (or, below the manage level,
     *                                   already invited)
     */
    Invitation provisionFromDirectory(InviteRequest request);

    /**
     * Does what {@link #provisionFromDirectory(InviteRequest)} does and also says whether the entry
     * was created or left {@linkplain DirectorySyncResult#unchanged() unchanged}, so that a directory
     * sync can count both without reading logs.
     *
     * <pre>{@code
     * DirectorySyncResult result = admin.syncFromDirectory(entry);
     * if (result.created()) { created++; } else { unchanged++; }
     * }</pre>
     *
     * @param request the entry; usually with a system inviter such as {@code Inviter.system("azure-ad")}
     * @return the stored invitation, new or the entry's open one, and which of the two
     * @throws InvalidRequestException   listing every invalid field
     * @throws io.invitations.core.policy.PolicyViolationException with every refusal
     * @throws AlreadyInvitedException   if the person is already a member (or, below the manage level,
     *                                   already invited)
     * @since 1.1
     */
    DirectorySyncResult syncFromDirectory(InviteRequest request);

    /**
     * Matches someone who registered another way (SSO, self-registration) with a verified email to
     * their pending invitations in the tenant, and accepts those for them: the identity directory
     * links the account and applies each grant. Provisioned (not yet invited) invitations are not
     * matched.
     *
     * <p>The host vouches for the verified email, so it calls this with a system actor, e.g.
     * {@code service.administration(Inviter.system("sso"), tenant).matchSignUp(signUp)}; the actor is
     * not checked against the tenant's levels.
     *
     * @param signUp who registered, with a verified email
     * @return the invitations accepted (or awaiting approval), oldest first; empty when none was pending
     * @throws InvalidRequestException if the email is malformed or not verified, or the sign-up names
     *                                 another tenant than {@link #tenantId()} (field {@code signUp.tenantId})
     */
    List<Invitation> matchSignUp(SignUp signUp);

    /**
     * Exports the claim links of pending invitations, e.g. to print them or hand them to an SMS
     * gateway; the CSV module writes them with {@code ClaimLinkExport}. Links are re-derived from the
     * key ring, never stored. A {@code *_LOCAL} administrator gets the invitations of their units only.
     *
     * @param batch    only the invitations of this bulk batch, or {@code null} for every pending one
     * @return the invitations that are PENDING now with their links, oldest first; the links are secrets
     * @throws io.invitations.core.policy.PolicyViolationException with {@code LEVEL_TOO_LOW} if the
     *                                   actor is not an administrator
     */
    List<ClaimLinkEntry> exportClaimLinks(BatchId batch);

    /**
     * Reads one invitation as it reads now (EXPIRED once past its expiry), if the actor may read it:
     * their own at any level; another's at the tenant's manage level (at a {@code *_LOCAL} level, in
     * their units).
     *
     * @param id       the invitation
     * @return the invitation, or empty when there is none or the actor may not read it (alike, so
     *         that no one learns that another's invitation exists)
     */
    Optional<Invitation> find(InvitationId id);

    /**
     * Lists one person's invitations in the tenant, over every target and status, oldest first, as
     * they read now (EXPIRED once past expiry): a people picker dims those already invited without
     * paging through every invitation. One indexed store read
     * ({@link io.invitations.spi.storage.InvitationStore#findByInvitee}). An email matches whatever
     * its case; an identifier matches by kind and value.
     *
     * <pre>{@code
     * boolean invited = admin.invitationsOf(EmailAddress.of("jane@example.com")).stream()
     *         .anyMatch(i -> i.status().isOpen());
     * }</pre>
     *
     * <p>Lists only the invitations the actor may read: below the tenant's manage level their own,
     * so an inviter learns nothing about who else invited the person.
     *
     * @param contact the person's email ({@code EmailAddress.of(..)}) or identifier
     *                ({@code new Identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042")})
     * @return the invitations the actor may read, empty when there are none
     */
    List<Invitation> invitationsOf(Contact contact);

    /**
     * Lists the open invitations (provisioned, pending and not past expiry, awaiting approval) of
     * many people at once, over every target: the people on one page of a picker, dimmed when one
     * of their invitations is open. One store read
     * ({@link io.invitations.spi.storage.InvitationStore#findOpen(TenantId, Collection)}) whatever
     * the number of people; emails match whatever their case.
     *
     * <pre>{@code
     * Set<String> invited = admin.openInvitationsOf(pagePeople).stream()
     *         .map(Invitation::inviteeKey).collect(Collectors.toSet());
     * boolean dim = invited.contains(person.matchKey());
     * }</pre>
     *
     * <p>Lists only the invitations the actor may read: below the tenant's manage level their own,
     * at a {@code *_LOCAL} manage level also those of their units.
     *
     * @param contacts the people's emails or identifiers; not {@code null}, may be empty
     * @return their open invitations the actor may read, in no particular order; empty when none
     */
    List<Invitation> openInvitationsOf(Collection<? extends Contact> contacts);

    /**
     * Reads a page of a tenant's invitations, filtered by status (effective: EXPIRED includes pending
     * ones past expiry), inviter, source, target and creation time.
     *
     * <p>Only the invitations the actor may read match: the whole tenant at the tenant's manage level
     * (a {@code *_LOCAL} actor: their units' and their own), their own below it. Nothing is refused:
     * an inviter's "my invitations" list is this call. The restriction goes into the store's query
     * as an {@link InvitationQuery.Scope}, so pages are full and {@link Page#hasMore()} is exact; a
     * query's own scope may only narrow it.
     *
     * @param query the filters and page, for {@link #tenantId()}; see {@link InvitationQuery#builder(TenantId)}
     * @return the page of readable invitations, oldest first
     * @throws InvalidRequestException if the query names another tenant (field {@code query.tenantId}),
     *                                 or, for an actor who may not read the whole tenant, a scope of
     *                                 another user (field {@code query.scope})
     */
    Page<Invitation> query(InvitationQuery query);

    /**
     * Reads the history of one invitation: one entry per transition (actor, time, from, to, reason).
     * Needs the same right as {@link #find}: the actor's own invitation, or another's at the tenant's
     * manage level (at a {@code *_LOCAL} level, in their units).
     *
     * @param id       the invitation
     * @return the entries, oldest first
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     *                                     (the same exception and message)
     */
    List<HistoryEntry> history(InvitationId id);

    /**
     * Counts a tenant's seats: "how many can I still invite". Open to every actor: it is a count,
     * names no one, and any inviter needs it before inviting.
     *
     * @return the limit, seats taken, open invitations and what remains (empty when unlimited)
     */
    SeatCount seats();

    /**
     * Returns one inviter's referrals over a period: sent, accepted, acceptance rate. Anyone may read
     * their own; another inviter's need the tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#manageLevel() manage level}.
     *
     * @param inviterId the inviter's user id
     * @param from      inclusive start (by creation time), or {@code null}
     * @param until     exclusive end, or {@code null}
     * @return the statistics
     * @throws InvalidRequestException naming {@code until} if both bounds are set and the period is empty
     * @throws io.invitations.core.policy.PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} for
     *                                 another inviter's referrals below the tenant's manage level
     */
    ReferralStats referrals(String inviterId, Instant from, Instant until);

    /**
     * Returns a tenant's top inviters over a period, by accepted invitations. Needs the tenant's
     * {@linkplain io.invitations.spi.settings.TenantSettings#manageLevel() manage level}.
     *
     * @param from     inclusive start, or {@code null}
     * @param until    exclusive end, or {@code null}
     * @param limit    how many, at least 1
     * @return the inviters, best first
     * @throws InvalidRequestException naming {@code limit} if it is below 1, and {@code until} if both
     *                                 bounds are set and the period is empty
     * @throws io.invitations.core.policy.PolicyViolationException with {@code NOT_ALLOWED_TO_MANAGE} if
     *                                 the actor is below the tenant's manage level
     */
    List<ReferralStats> topInviters(Instant from, Instant until, int limit);

    /**
     * Renders an invitation's message exactly as the outbox would send it now: same template,
     * branding, claim link, expiry words and idempotency key (of the invitation's latest message).
     * Sends and stores nothing. The message carries the claim link, so the actor needs the level that
     * reveals links: an administrator ({@code ADMIN_LOCAL} within their units, or {@code ADMIN_TENANT}).
     *
     * @param id       the invitation
     * @param kind     which message: invitation, resend or re-invite
     * @return the message; its bodies hold the claim link, a secret (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     *                                   (of the invitation's unit)
     * @throws InvalidRequestException   for an access-code notice (see {@link #accessCodeNotice(InvitationId)}) or an
     *                                   invitee without email (who is sent no message)
     * @throws io.invitations.spi.InvitationException with CONFIGURATION if the tenant's claim URL is
     *                                   not an absolute http(s) URL
     */
    MailMessage preview(InvitationId id, OutboxMessage.Kind kind);

    /**
     * Renders the printable notice that tells an invitee without email how to redeem their access
     * code: the tenant's {@link OutboxMessage.Kind#ACCESS_CODE_NOTICE} template with the code, the
     * identifier, and the page where both are entered (the tenant's claim URL without a token).
     * Nothing is mailed or stored; the host prints or hands it over.
     *
     * @param id         the invitation, for an identifier invitee
     * @param accessCode the invitation's access code, as revealed to an administrator
     * @return the notice; its bodies hold the code (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     * @throws InvalidRequestException   if the invitee has an email address, or the code is blank
     * @throws io.invitations.spi.InvitationException with CONFIGURATION if the tenant's claim URL is
     *                                   not an absolute http(s) URL
     */
    MailMessage accessCodeNotice(InvitationId id, String accessCode);

    /**
     * Renders the printable access-code notice of an invitee without email with their current code:
     * {@link #revealAccessCode(InvitationId)} then
     * {@link #accessCodeNotice(InvitationId, String)}. Nothing is mailed or stored.
     *
     * @param id       the invitation, for an identifier invitee
     * @return the notice; its bodies hold the code (its {@code toString()} hides them)
     * @throws InvitationNotFoundException if there is no such invitation, or the actor may not read it
     * @throws io.invitations.core.policy.PolicyViolationException if the actor is not an administrator
     * @throws InvalidRequestException   if the invitee has an email address
     */
    MailMessage accessCodeNotice(InvitationId id);

    /**
     * Renders a tenant's message around a sample invitation (see {@link io.invitations.core.message.MessageContext#sample}), to
     * preview its templates and branding before any invitation exists. Reveals nothing.
     *
     * @param locale   the language
     * @param kind     which message
     * @return the message, addressed to the sample invitee
     */
    MailMessage previewSample(Locale locale, OutboxMessage.Kind kind);

    /**
     * Renders a draft template around a sample invitation with the tenant's branding, before the
     * tenant saves it. Reveals nothing.
     *
     * @param locale   the language
     * @param kind     which message
     * @param draft    the draft, from {@link MessageTemplate#of} (which refuses unknown placeholders)
     * @return the message, addressed to the sample invitee
     */
    MailMessage previewSample(Locale locale, OutboxMessage.Kind kind, MessageTemplate draft);

    /**
     * Returns the template a tenant's messages of a kind and language are rendered with: its custom
     * one, else the built-in one. A starting point for editing.
     *
     * @param locale   the language (only the language counts)
     * @param kind     which message
     * @return the template
     */
    MessageTemplate template(Locale locale, OutboxMessage.Kind kind);

    /**
     * Validates and stores a tenant's custom template for a language and kind of message; it applies
     * to the next message rendered, queued ones included. As with settings, the host decides who may
     * edit a tenant's templates.
     *
     * @param locale   the language (only the language counts: {@code fr-CA} and {@code fr} share one)
     * @param kind     which message
     * @param subject  the subject, one line
     * @param html     the HTML body
     * @param text     the plain-text body
     * @return the stored template
     * @throws io.invitations.spi.message.TemplateException with TEMPLATE_INVALID, listing every
     *                                   unknown placeholder and other problem; nothing is stored then
     */
    MessageTemplate saveTemplate(Locale locale, OutboxMessage.Kind kind, String subject, String html, String text);

    /**
     * Removes a tenant's custom template, so that the built-in one is used again.
     *
     * @param locale   the language
     * @param kind     which message
     * @return {@code true} if there was a custom template
     */
    boolean removeTemplate(Locale locale, OutboxMessage.Kind kind);
}
