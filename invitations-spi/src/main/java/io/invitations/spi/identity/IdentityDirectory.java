package io.invitations.spi.identity;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import java.util.Set;

/**
 * The host's directory of accounts.
 *
 * <p>Implementations must be safe for use by many threads at once. They may throw any
 * {@link io.invitations.spi.InvitationException}; other runtime exceptions propagate to the caller
 * of the engine's operation, which then stores nothing.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface IdentityDirectory {
    /**
     * Tells whether someone with this contact is already a member of the tenant.
     *
     * @param tenantId the tenant, not {@code null}
     * @param contact  the email or identifier, not {@code null}
     * @return {@code true} when already a member
     */
    boolean isMember(TenantId tenantId, Contact contact);

    /**
     * Tells which of many people are already members of the tenant: one call instead of one per
     * person. The engine uses it to check a bulk call.
     *
     * <p>The default calls {@link #isMember} once per distinct contact; directories backed by a
     * remote service or database should override it with one look-up.
     *
     * @param tenantId the tenant, not {@code null}
     * @param contacts the emails or identifiers, not {@code null}
     * @return the {@linkplain Contact#matchKey() match keys} of those who are members
     * @since 0.2.0
     */
    default Set<String> membersAmong(TenantId tenantId, Collection<? extends Contact> contacts) {
        Set<String> members = new HashSet<>();
        Set<String> asked = new HashSet<>();
        for (Contact contact : contacts) {
            if (asked.add(contact.matchKey()) && isMember(tenantId, contact)) {
                members.add(contact.matchKey());
            }
        }
        return Set.copyOf(members);
    }

    /**
     * Tells whether a member of the tenant has a contact that <em>looks like</em> the given one without
     * being it: a different {@linkplain Contact#matchKey() match key} but the same look-alike key (for
     * example a Latin {@code alice@example.com} member and a new {@code аlice@example.com} whose first
     * letter is Cyrillic). The engine asks it before creating an invitation for a contact with
     * characters beyond ASCII, after comparing it with the tenant's invitations, so that a look-alike
     * of a member who never came through an invitation is refused or flagged too (per the tenant's
     * {@code TenantSettings.lookAlikes()}).
     *
     * <p>{@code lookAlikeKey} is the engine's key function (Unicode TR 39 skeletons, as configured with
     * {@code InvitationService.Builder.contactSkeleton}): two contacts look alike when their keys are
     * equal. It is deterministic and thread-safe, so a directory may apply it to its members' contacts
     * on every call (small directories), or keep the keys in an index of its own computed with the
     * same function when members are added and look up {@code lookAlikeKey.apply(contact)} (large
     * ones). Compare only contacts of the same kind (email with email, identifier with identifier);
     * the key of an identifier includes its kind.
     *
     * <p>The default answers {@link LookAlikeAnswer#UNKNOWN}: directories that cannot list their
     * members keep their old behaviour (only invitations are compared). The answer must not depend on
     * which member matched, and is never shown to the person invited.
     *
     * @param tenantId     the tenant, not {@code null}
     * @param contact      the new contact, normalised (NFKC), not {@code null}
     * @param lookAlikeKey the engine's look-alike key of a contact, not {@code null}
     * @return {@link LookAlikeAnswer#LOOKS_ALIKE}, {@link LookAlikeAnswer#NONE}, or
     *         {@link LookAlikeAnswer#UNKNOWN} when the directory cannot tell
     * @since 0.2.0
     */
    default LookAlikeAnswer memberLookingLike(TenantId tenantId, Contact contact,
                                              Function<? super Contact, String> lookAlikeKey) {
        return LookAlikeAnswer.UNKNOWN;
    }

    /**
     * Creates an account for the invitee, or links the existing one, and applies the grant. Called
     * before the acceptance is stored. Within one process the engine calls it once per accepted
     * invitation; when several processes race to accept the same invitation, each may call it once
     * before exactly one acceptance is stored, so implementations must be idempotent per invitation
     * (link the account a previous call created rather than create a second one).
     *
     * <p>When the tenant requires approval the engine calls {@link #registerAwaitingApproval} instead,
     * so that the grant is held back until {@link #approvalDecided} says the membership was approved.
     *
     * <p><b>Unverified addresses.</b> An invitation's address was chosen by its inviter, but a join
     * through a shareable link brings whatever email its holder typed. Unless the host passed the
     * address the joiner is signed in with ({@code ClaimRequest.Builder.acceptingAs}, which the engine
     * requires to equal the typed one), that address is unverified: the directory must verify the
     * mailbox (a confirmation mail, say) before treating the account as the address owner's, and must
     * not link it to an existing account of that address on the joiner's word alone.
     *
     * @param request who, with what grant and (unless SSO) which password; not {@code null}
     * @return the account's id as the host knows it, not blank
     */
    String createOrLinkAccount(AccountRequest request);

    /**
     * Creates an account for the invitee, or links the existing one, WITHOUT applying the grant: the
     * tenant requires approval, so the invitee is registered but is not a member (nor gets the role,
     * groups or resource) until {@link #approvalDecided} is called with {@code approved = true}. Until
     * then {@link #isMember} should keep answering {@code false} for this invitee unless they were a
     * member already. Called instead of {@link #createOrLinkAccount} before the AWAITING_APPROVAL
     * acceptance is stored, with the same idempotency rule: when several processes race to accept the
     * same invitation each may call it once, so implementations must link the registration a previous
     * call made for the same {@linkplain AccountRequest#invitationId() invitation}.
     *
     * <p>The default delegates to {@link #createOrLinkAccount}, which applies the grant at once: adapters
     * that cannot hold a grant back keep their old behaviour (the invitee gets the grant before approval,
     * and a rejection does not withdraw it). Adapters that can should override this method together with
     * {@link #approvalDecided}.
     *
     * <p>Must be safe for use by many threads at once. May throw any
     * {@link io.invitations.spi.InvitationException}; other runtime exceptions propagate to the caller of
     * the engine's operation, which then stores nothing.
     *
     * @param request who, with the grant to apply once approved and (unless SSO) which password; not
     *                {@code null}
     * @return the account's id as the host knows it, not blank; the engine passes it back to
     *         {@link #approvalDecided}
     * @since 0.1.0
     */
    default String registerAwaitingApproval(AccountRequest request) {
        return createOrLinkAccount(request);
    }

    /**
     * Tells the directory that a manager decided on an acceptance registered through
     * {@link #registerAwaitingApproval}: when {@code approved}, apply the grant (the invitee becomes a
     * member with that role, those groups or that resource); when rejected, withdraw the pending
     * registration (the invitee gets no membership; an account that existed before may stay). Called
     * before the decision is stored; when the store then refuses it (another process decided first), the
     * engine may call again with the current state, so implementations must be idempotent per
     * invitation. When several processes race to decide the same invitation, each may call it before
     * exactly one decision is stored: hosts that need certainty reconcile with the stored status.
     *
     * <p>The default does nothing, which matches the default {@link #registerAwaitingApproval} (the grant
     * was already applied at acceptance).
     *
     * <p>Must be safe for use by many threads at once. May throw any
     * {@link io.invitations.spi.InvitationException}; other runtime exceptions propagate to the caller of
     * the engine's operation, which then stores nothing (the invitation stays AWAITING_APPROVAL).
     *
     * @param tenantId     the tenant, not {@code null}
     * @param invitationId the invitation that was accepted, not {@code null}
     * @param accountId    the id {@link #registerAwaitingApproval} returned, not {@code null}
     * @param grant        the grant stored with the acceptance (chosen groups included), not {@code null}
     * @param approved     {@code true} to apply the grant, {@code false} to withdraw the registration
     * @since 0.1.0
     */
    default void approvalDecided(TenantId tenantId, InvitationId invitationId, String accountId, Grant grant,
                                 boolean approved) {
        // the default registration already applied the grant: nothing to do
    }

    /**
     * Undoes an account call whose acceptance lost: the engine called {@link #createOrLinkAccount} or
     * {@link #registerAwaitingApproval} for an invitation, then could not store the acceptance because
     * it was revoked, declined or expired meanwhile, accepted with another account, or (for a join
     * through a shareable link) the reserved invitation was closed before it was confirmed. The
     * directory should remove an account that call created, or withdraw the grant or registration it
     * added to an existing account, so that no account is left without an accepted invitation.
     *
     * <p>The engine calls it only once no acceptance of that invitation with that account can be
     * stored any more (the invitation's stored state is final and not accepted with this account),
     * so removing is safe even when several processes linked the same account for one invitation.
     * Must be idempotent per invitation.
     *
     * <p>The default does nothing: directories that cannot undo keep their old behaviour (the account
     * stays). Failures are logged by the engine and do not change the outcome reported to the caller.
     *
     * @param tenantId     the tenant, not {@code null}
     * @param invitationId the invitation the account call was made for, not {@code null}
     * @param accountId    the id the account call returned, not {@code null}
     * @since 0.2.0
     */
    default void acceptanceAbandoned(TenantId tenantId, InvitationId invitationId, String accountId) {
        // the account stays: nothing to undo
    }

    /**
     * Tells whether another email address belongs to the same person as the invited contact: the
     * engine asks when an invitation is accepted with another address than the one invited and the
     * tenant's policy is {@code VERIFIED_ALIAS} ({@code TenantSettings.otherAccounts()}). Answer
     * {@code true} only for an address the host has verified as that person's (a second address of one
     * account, a linked identity), never on the strength of a similar spelling.
     *
     * <p>The default answers {@code false}: a directory that cannot tell refuses the other address
     * (unless its domain is one of the tenant's alias domains).
     *
     * <p>Must be safe for use by many threads at once. May throw any
     * {@link io.invitations.spi.InvitationException}; the acceptance then fails and stores nothing.
     *
     * @param tenantId         the tenant, not {@code null}
     * @param invitedContact   the contact the invitation was sent to, not {@code null}
     * @param acceptingAddress the address the invitee accepts with, normalised, not {@code null}
     * @return {@code true} when both are the same person's
     * @since 1.1
     */
    default boolean samePerson(TenantId tenantId, Contact invitedContact,
                               io.invitations.spi.invitation.EmailAddress acceptingAddress) {
        return false;
    }

    /**
     * Tells whether the tenant signs in through SSO, in which case a claim needs no password.
     *
     * @param tenantId the tenant, not {@code null}
     * @return {@code true} when SSO is on
     */
    boolean ssoEnabled(TenantId tenantId);

    /**
     * Lists every group of the tenant the directory knows, for a claim that picks a group found by
     * search rather than one of the tenant's offered groups. The engine asks only when the tenant
     * allows it ({@code TenantSettings#claimGroupsFromDirectory()}) and only to check the groups a
     * claim chose. The default knows none.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the groups' names, never {@code null}
     * @since 1.0.0
     */
    default Set<String> groups(TenantId tenantId) {
        return Set.of();
    }
}
