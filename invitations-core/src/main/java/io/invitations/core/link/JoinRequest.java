package io.invitations.core.link;

import io.invitations.core.ClaimRequest;
import io.invitations.core.invitee.Invitees;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone joining through a shareable link: their email, and a claim whose token is the link's token
 * and which brings names, profile fields, the password (unless SSO), the accepted terms and the
 * chosen groups, exactly as {@link io.invitations.core.ClaimInspection#requirements()} or
 * {@link ShareableLinkOffer#requirements()} asks. Secrets stay hidden in {@link #toString()}.
 *
 * <pre>{@code
 * service.invitee().joinShareableLink(JoinRequest.of("jane@example.com", ClaimRequest.builder(linkToken)
 *         .name("Jane", "Doe").password(chosen).acceptTerms().build()));
 * }</pre>
 *
 * @param email the joiner's email, required, at most 254 characters; kept in its normal form
 * @param claim the claim, with the link's token; required
 * @since 0.1.0
 */
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
}
