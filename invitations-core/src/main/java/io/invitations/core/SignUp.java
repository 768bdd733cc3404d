package io.invitations.core;

import io.invitations.spi.invitation.TenantId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone who registered another way than an invitation (SSO, self-registration), to be matched to
 * their pending invitations. Only a verified email is matched: an unverified one could be anyone's.
 *
 * @param tenantId      the tenant they registered in, required
 * @param email         the email they registered with, required, at most 254 characters
 * @param emailVerified whether the host (or the identity provider) verified that they own the email
 * @param firstName     the first name they gave, or {@code null}
 * @param lastName      the last name they gave, or {@code null}
 * @param termsAccepted whether they accepted the tenant's terms while registering
 * @since 0.1.0
 */
public record SignUp(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 254)
        @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address like jane@example.com")
        String email,
        boolean emailVerified,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        boolean termsAccepted) {

    /**
     * Creates a sign-up with a verified email and no names.
     *
     * @param tenantId the tenant
     * @param email    the verified email
     * @return the sign-up
     */
    public static SignUp verified(TenantId tenantId, String email) {
        return new SignUp(tenantId, email, true, null, null, false);
    }

    /**
     * Returns a copy with names.
     *
     * @param first the first name, or {@code null}
     * @param last  the last name, or {@code null}
     * @return a new sign-up
     */
    public SignUp withName(String first, String last) {
        return new SignUp(tenantId, email, emailVerified, first, last, termsAccepted);
    }
}
