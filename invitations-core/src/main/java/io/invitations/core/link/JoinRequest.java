package io.invitations.core.link;

import io.invitations.core.ClaimRequest;
import io.invitations.core.invitee.Invitees;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

/**
 * Someone joining through a shareable link: their email, and a claim whose token is the link's token
 * and which brings names, profile fields, the password (unless SSO), the accepted terms and the
 * chosen groups, exactly as {@link io.invitations.core.ClaimInspection#requirements()} or
 * {@link ShareableLinkOffer#requirements()} asks. Secrets stay hidden in {@link #toString()}.
 *
 * <p><b>The typed email is unverified.</b> Anyone holding the link may type any address. The host
 * proves it by passing the address the joiner is signed in with as the claim's
 * {@link ClaimRequest.Builder#acceptingAs acceptingAs} ({@link #acceptingAs()}), taken from the host's
 * authentication, never from a form field. Only a proven join replaces the person's open invitation
 * to the same target; an unproven one is refused while such an invitation exists
 * ({@code ALREADY_INVITED_OR_MEMBER}, which leaves it untouched). A signed-in address other than the
 * typed one is refused with {@code ACCOUNT_MISMATCH}, and a tenant that sets
 * {@code TenantSettings.acceptingAddressRequired()} refuses a join without it
 * ({@code ACCEPTING_ADDRESS_REQUIRED}).
 *
 * <pre>{@code
 * service.invitee().joinShareableLink(JoinRequest.of("jane@example.com", ClaimRequest.builder(linkToken)
 *         .name("Jane", "Doe").password(chosen).acceptTerms()
 *         .acceptingAs(EmailAddress.of("jane@example.com")) // from the host's sign-in
 *         .build()));
 * }</pre>
 *
 * @param email the joiner's email, required, at most 254 characters; kept in its normal form
 * @param claim the claim, with the link's token; required
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record JoinRequest(
        @NotBlank @Size(max = 254)
        @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address like jane@example.com")
        String email,
        @NotNull @Valid ClaimRequest claim) {

    /** Keeps the email in its normal form: the domain from IDN to ASCII and lower-cased, blanks stripped. */
    public JoinRequest {
        email = email == null || email.isBlank() ? null : Invitees.normalizeEmail(email).orElse(email.strip());
    }

    /**
     * Creates a join.
     *
     * @param email the joiner's email
     * @param claim the claim, with the link's token
     * @return the join
     */
    public static JoinRequest of(String email, ClaimRequest claim) {
        return new JoinRequest(email, claim);
    }

    /**
     * Returns the address the joiner is signed in with, as the host passed it on the claim
     * ({@link ClaimRequest.Builder#acceptingAs}): from the host's authentication, never a form field.
     * Without it the typed {@link #email()} is unverified.
     *
     * @return the signed-in address, or {@code null} when the host named none
     * @since 1.2
     */
    public io.invitations.spi.invitation.EmailAddress acceptingAs() {
        return claim == null ? null : claim.acceptingAs();
    }
}
