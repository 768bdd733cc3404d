package io.invitations.core;

import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

/**
 * What an invitee may do without an account or a session: read what a claim link opens, accept or
 * decline it, redeem an access code, read and join a shareable link. Every call is authorised by the
 * secret it carries (a claim token, a shareable link's token, an identifier and access code), never
 * by who calls. A web controller for invitees depends on this type alone.
 *
 * <pre>{@code
 * InviteeActions invitee = service.invitee();
 * ClaimInspection seen = invitee.inspect(claimToken);           // changes nothing; the first open is recorded
 * Acceptance done = invitee.accept(ClaimRequest.builder(claimToken)
 *         .termsAccepted(true).password(password).build());
 * }</pre>
 *
 * <p>Obtained from {@link InvitationService#invitee()}; thread-safe.
 *
 * @since 0.2.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface InviteeActions {
    /**
     * Reads what a claim link opens, for the invitee page. Changes nothing about the invitation, so
     * mail scanners that open links do no harm; the first inspection of a pending invitation is
     * recorded as its first open (an {@code OPEN} history entry and {@code InvitationEvent.Opened})
     * for conversion reports, which therefore count a scanner's visit as an open.
     *
     * @param claimToken the token from the link; {@code null} is answered as an invalid token
     * @return the invitation's details, its effective status and what the claim needs
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid (the same
     *                                   whether or not such an invitation exists)
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if the invitation is still
     *                                   PROVISIONED: prepared but not invited, it cannot be claimed
     */
    ClaimInspection inspect(String claimToken);

    /**
     * Accepts an invitation, exactly once: the identity directory creates or links the account, and
     * the invitation becomes ACCEPTED, or AWAITING_APPROVAL when the tenant requires approval. When the
     * claim names another address than the one invited ({@link ClaimRequest.Builder#acceptingAs}), the
     * tenant's {@code otherAccounts} policy refuses it, accepts it as a verified alias, or holds it for
     * approval; the person invited may still claim an invitation held that way.
     *
     * @param claim the token and what the claim needs
     * @return the stored invitation and the account id
     * @throws InvalidRequestException if the claim is malformed
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.lifecycle.IllegalTransitionException with code EXPIRED, REVOKED,
     *                                   ALREADY_ACCEPTED, or ILLEGAL_TRANSITION (declined, rejected, not sent)
     * @throws ClaimIncompleteException if terms, password, a profile field or the group choice is wrong
     * @throws AccountMismatchException if the accepting address is another than the one invited and the
     *                                  tenant's policy refuses it; the invitation stays open
     */
    Acceptance accept(ClaimRequest claim);

    /**
     * Declines an invitation, by the invitee.
     *
     * @param claimToken the token from the link; {@code null} is answered as an invalid token
     * @return the stored invitation
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if it is not PENDING
     */
    Invitation decline(String claimToken);

    /**
     * Redeems an identifier and access code: when they open an invitation, returns what
     * {@link #inspect(String)} would and the claim token to {@link #accept(ClaimRequest)} (or
     * {@link #decline(String)}) with. Changes nothing but the throttle: wrong codes are counted per
     * identifier and per client key, and after 5 within 15 minutes (by default) attempts are refused
     * for the rest of the window.
     *
     * @param redemption the identifier and code as typed, and the client key if the host has one
     * @return the inspection and the claim token
     * @throws InvalidRequestException if the entry is malformed
     * @throws io.invitations.core.code.InvalidAccessCodeException if identifier and code open no
     *                                   invitation (the same whether or not the identifier exists)
     * @throws io.invitations.core.code.ThrottledException with THROTTLED after too many failures
     * @throws io.invitations.core.lifecycle.IllegalTransitionException if the invitation is still
     *                                   PROVISIONED
     */
    RedeemedCode redeemCode(CodeRedemption redemption);

    /**
     * Reads what a shareable link offers, for the join page. Changes nothing.
     *
     * @param linkToken the token from the link's URL; {@code null} is answered as an invalid token
     * @return the tenant, target, grant, limits and what joining needs
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.link.LinkClosedException with LINKS_DISABLED, LINK_INACTIVE,
     *                                   LINK_EXPIRED or LINK_EXHAUSTED
     */
    ShareableLinkOffer inspectShareableLink(String linkToken);

    /**
     * Joins through a shareable link: creates an invitation with source LINK that is accepted at
     * once (or awaits approval when the tenant requires it), stored in one write with the link's
     * next use. The identity directory creates or links the account once; the claim must bring
     * what {@link ShareableLinkOffer#requirements()} asks for. The use count never exceeds the link's
     * maximum, however many join at once.
     *
     * <p><b>The typed email is unverified</b>: anyone holding the link may type any address. The host
     * proves it by passing the address the joiner is signed in with as the claim's
     * {@link ClaimRequest.Builder#acceptingAs acceptingAs}, from its own authentication, never from a
     * form field. A signed-in address other than the typed one is refused with
     * {@link AccountMismatchException} ({@code ACCOUNT_MISMATCH}); a tenant that sets
     * {@code TenantSettings.acceptingAddressRequired()} refuses a join without one
     * ({@code ACCEPTING_ADDRESS_REQUIRED}). Both refusals store nothing and never call the identity
     * directory. Without {@code acceptingAs} the directory receives the typed address as unverified
     * and must verify the mailbox before treating the account as the address owner's.
     *
     * <p>A shareable link is the fallback for someone whose email invitation never arrived: when the
     * joiner, signed in with the typed address ({@code acceptingAs}), has a PENDING (or PROVISIONED)
     * invitation to the same target, the join succeeds and closes that invitation in the same write
     * (REVOKED, its history saying "superseded by link join" with the link's id; a {@code Revoked}
     * event tells the host). An unproven join (no {@code acceptingAs}) never closes it: it is refused
     * with the neutral {@code ALREADY_INVITED_OR_MEMBER}, the invitation stays as it was and the
     * identity directory is not called; the person uses the invitation they received. A member, or
     * someone whose invitation awaits approval, is refused with the same neutral answer.
     *
     * @param request the joiner's email and claim (whose token is the link's)
     * @return the stored invitation and the account id
     * @throws InvalidRequestException if the request is malformed
     * @throws io.invitations.core.token.InvalidTokenException if the token is not valid
     * @throws io.invitations.core.link.LinkClosedException if the link takes no more joins
     * @throws io.invitations.core.policy.PolicyViolationException with DOMAIN_NOT_ALLOWED,
     *                                   SEAT_LIMIT_REACHED or INVITATIONS_DISABLED
     * @throws AlreadyInvitedException   if the joiner is already a member, awaits approval, or has an
     *                                   open invitation to the target and the join is unproven (one
     *                                   neutral answer for all)
     * @throws AccountMismatchException  if the signed-in address ({@code acceptingAs}) is another than
     *                                   the typed email
     * @throws io.invitations.spi.InvitationException with {@code ACCEPTING_ADDRESS_REQUIRED} if the
     *                                   tenant requires the signed-in address and the claim has none
     * @throws ClaimIncompleteException  if terms, profile, password or groups are missing or wrong
     */
    Acceptance joinShareableLink(JoinRequest request);

    /**
     * Tells whether a tenant lets people register without an invitation, so the host can offer
     * (or hide) its sign-up page.
     *
     * @param tenantId the tenant
     * @return the tenant's self-registration setting
     */
    boolean selfRegistrationAllowed(TenantId tenantId);

    /**
     * Records that the recipient of an invitation message wants no more invitations: from the
     * tenant whose message carried the link, or from every tenant of the host. Idempotent. Afterwards
     * every invitation, resend, reinvite, bulk row and reminder to that contact is refused with the
     * same neutral answer an inviter gets for someone already invited or a member, so the inviter
     * cannot tell that the person opted out. Host the opt-out page (or the web module's one-click
     * endpoint) at the tenant's {@link io.invitations.spi.settings.TenantSettings#optOutUrlTemplate()}
     * and pass the token from the URL here; the token is a secret, never logged.
     *
     * <p>The default throws {@link UnsupportedOperationException}; the engine's facade implements it.
     *
     * @param optOutToken the token from the opt-out link; {@code null} is answered as an invalid token
     * @param scope       what to opt out of, not {@code null}
     * @return what was recorded, naming neither the contact nor the token
     * @throws io.invitations.core.token.InvalidTokenException if the token is not a valid opt-out token
     * @throws NullPointerException if {@code scope} is null (the message names it)
     * @since 1.1
     */
    default io.invitations.core.optout.OptOutConfirmation optOut(String optOutToken,
                                                                 io.invitations.core.optout.OptOutScope scope) {
        throw new UnsupportedOperationException("this InviteeActions does not record opt-outs");
    }
}
