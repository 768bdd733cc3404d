package io.invitations.core;

import io.invitations.spi.InvitationException;

import java.util.Objects;
import io.invitations.spi.invitation.TenantId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone who registered another way than an invitation (SSO, self-registration), to be matched to
 * their pending invitations. Only a verified email is matched: an unverified one could be anyone's.
 *
 * @since 0.1.0
 */
public final class SignUp {
    private final @NotNull TenantId tenantId;
    private final @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address like jane@example.com") String email;
    private final boolean emailVerified;
    private final @Size(max = 100) String firstName;
    private final @Size(max = 100) String lastName;
    private final boolean termsAccepted;

    private SignUp(TenantId tenantId, String email, boolean emailVerified, String firstName, String lastName,
            boolean termsAccepted) {
        this.tenantId = tenantId;
        this.email = email;
        this.emailVerified = emailVerified;
        this.firstName = firstName;
        this.lastName = lastName;
        this.termsAccepted = termsAccepted;
    }

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

    /**
     * Returns the tenant they registered in, required.
     *
     * @return the tenant they registered in, required
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the email they registered with, required, at most 254 characters.
     *
     * @return the email they registered with, required, at most 254 characters
     */
    public String email() {
        return email;
    }

    /**
     * Returns whether the host (or the identity provider) verified that they own the email.
     *
     * @return whether the host (or the identity provider) verified that they own the email
     */
    public boolean emailVerified() {
        return emailVerified;
    }

    /**
     * Returns the first name they gave, or {@code null}.
     *
     * @return the first name they gave, or {@code null}
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the last name they gave, or {@code null}.
     *
     * @return the last name they gave, or {@code null}
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns whether they accepted the tenant's terms while registering.
     *
     * @return whether they accepted the tenant's terms while registering
     */
    public boolean termsAccepted() {
        return termsAccepted;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SignUp other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(email, other.email)
                && emailVerified == other.emailVerified
                && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName)
                && termsAccepted == other.termsAccepted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, email, emailVerified, firstName, lastName, termsAccepted);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "SignUp[tenantId=" + tenantId + ", email=" + email + ", emailVerified=" + emailVerified
                + ", firstName=" + firstName + ", lastName=" + lastName + ", termsAccepted=" + termsAccepted + "]";
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tenantId = tenantId;
        b.email = email;
        b.emailVerified = emailVerified;
        b.firstName = firstName;
        b.lastName = lastName;
        b.termsAccepted = termsAccepted;
        return b;
    }

    /**
     * Builds {@link SignUp} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private TenantId tenantId;
        private String email;
        private boolean emailVerified;
        private String firstName;
        private String lastName;
        private boolean termsAccepted;

        private Builder() {
        }

        /**
         * Sets the tenant they registered in, required.
         *
         * @param v the tenant they registered in, required
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the email they registered with, required, at most 254 characters.
         *
         * @param v the email they registered with, required, at most 254 characters
         * @return this builder
         */
        public Builder email(String v) {
            email = v;
            return this;
        }

        /**
         * Sets whether the host (or the identity provider) verified that they own the email.
         *
         * @param v whether the host (or the identity provider) verified that they own the email
         * @return this builder
         */
        public Builder emailVerified(boolean v) {
            emailVerified = v;
            return this;
        }

        /**
         * Sets the first name they gave, or {@code null}.
         *
         * @param v the first name they gave, or {@code null}
         * @return this builder
         */
        public Builder firstName(String v) {
            firstName = v;
            return this;
        }

        /**
         * Sets the last name they gave, or {@code null}.
         *
         * @param v the last name they gave, or {@code null}
         * @return this builder
         */
        public Builder lastName(String v) {
            lastName = v;
            return this;
        }

        /**
         * Sets whether they accepted the tenant's terms while registering.
         *
         * @param v whether they accepted the tenant's terms while registering
         * @return this builder
         */
        public Builder termsAccepted(boolean v) {
            termsAccepted = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public SignUp build() {
            return new SignUp(tenantId, email, emailVerified, firstName, lastName, termsAccepted);
        }
    }
}
