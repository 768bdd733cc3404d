package io.invitations.core;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An invitee's claim: the link token plus what {@link ClaimInspection#requirements()} asked for.
 * Build with {@link #builder(String)}. The token and password are secrets: {@link #toString()} shows
 * neither, and the engine hands the password to the identity directory without keeping it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class ClaimRequest {
    private final @NotBlank @Size(max = 1024) String token;
    private final @Size(max = 100) String firstName;
    private final @Size(max = 100) String lastName;
    private final @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> profile;
    private final char[] password;
    private final boolean termsAccepted;
    private final @NotNull @Size(max = 100) Set<@NotBlank String> chosenGroups;
    private final io.invitations.spi.invitation.EmailAddress acceptingAs;

    private ClaimRequest(String token, String firstName, String lastName, Map<String, String> profile, char[] password,
            boolean termsAccepted, Set<String> chosenGroups, io.invitations.spi.invitation.EmailAddress acceptingAs) {
        firstName = firstName == null || firstName.isBlank() ? null : firstName.strip();
        lastName = lastName == null || lastName.isBlank() ? null : lastName.strip();
        profile = profile == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(profile));
        password = password == null ? null : password.clone();
        chosenGroups = chosenGroups == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(chosenGroups));

        this.token = token;
        this.firstName = firstName;
        this.lastName = lastName;
        this.profile = profile;
        this.password = password;
        this.termsAccepted = termsAccepted;
        this.chosenGroups = chosenGroups;
        this.acceptingAs = acceptingAs;
    }

    /**
     * Starts a claim for a token.
     *
     * @param token the token from the claim link
     * @return a new builder
     */
    public static Builder builder(String token) {
        return new Builder(token);
    }

    /**
     * Returns a copy of the password.
     *
     * @return the password, or {@code null}
     */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimRequest c && Objects.equals(token, c.token) && Objects.equals(firstName, c.firstName)
                && Objects.equals(lastName, c.lastName) && Objects.equals(profile, c.profile)
                && Arrays.equals(password, c.password) && termsAccepted == c.termsAccepted
                && Objects.equals(chosenGroups, c.chosenGroups) && Objects.equals(acceptingAs, c.acceptingAs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, profile, termsAccepted, chosenGroups, acceptingAs);
    }

    /** Shows the confirmed details, never the token or password. */
    @Override
    public String toString() {
        return "ClaimRequest[token=(hidden), firstName=" + firstName + ", lastName=" + lastName + ", password="
                + (password == null ? "none" : "(hidden)") + ", termsAccepted=" + termsAccepted + ", chosenGroups="
                + chosenGroups + (acceptingAs == null ? "" : ", acceptingAs=(given)") + "]";
    }

    /**
     * Builds a {@link ClaimRequest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private final String token;
        private String firstName;
        private String lastName;
        private final Map<String, String> profile = new LinkedHashMap<>();
        private char[] password;
        private boolean termsAccepted;
        private final Set<String> chosenGroups = new LinkedHashSet<>();
        private io.invitations.spi.invitation.EmailAddress acceptingAs;

        private Builder(String token) {
            this.token = token;
        }

        /**
         * Confirms or corrects the name.
         *
         * @param first the first name
         * @param last  the last name
         * @return this builder
         */
        public Builder name(String first, String last) {
            firstName = first;
            lastName = last;
            return this;
        }

        /**
         * Confirms one profile field.
         *
         * @param field the field's name
         * @param value its value
         * @return this builder
         */
        public Builder profile(String field, String value) {
            profile.put(field, value);
            return this;
        }

        /**
         * Sets the password (not needed under SSO). The array is copied; clear yours after the call.
         *
         * @param value the password
         * @return this builder
         */
        public Builder password(char[] value) {
            password = value == null ? null : value.clone();
            return this;
        }

        /**
         * Accepts the tenant's terms.
         *
         * @return this builder
         */
        public Builder acceptTerms() {
            termsAccepted = true;
            return this;
        }

        /**
         * Picks groups from the tenant's default pool.
         *
         * @param groups the groups
         * @return this builder
         */
        public Builder chooseGroups(Collection<String> groups) {
            chosenGroups.addAll(groups);
            return this;
        }

        /**
         * Picks groups from the tenant's default pool.
         *
         * @param groups the groups
         * @return this builder
         */
        public Builder chooseGroups(String... groups) {
            return chooseGroups(List.of(groups));
        }

        /**
         * Names the email address the invitee is signed in with, or has verified, as they accept. When
         * it differs from the address invited (compared after normalisation: case, NFKC, IDN), the
         * tenant's {@code TenantSettings.otherAccounts()} policy decides: refused, accepted as a
         * verified alias, or held for an administrator. Without it the invitee is taken to be who was
         * invited, so the check protects only hosts that pass it: whoever holds the link may otherwise
         * accept, unless the tenant sets {@code TenantSettings.acceptingAddressRequired()}, which refuses
         * a claim of an email invitation without it ({@code ACCEPTING_ADDRESS_REQUIRED}). An invitation
         * held for another address can be claimed meanwhile only with the invited address named here
         * ({@code AWAITING_DECISION} otherwise). It is recorded on the acceptance's history entry. Pass
         * it from the host's session, never from a field the invitee types. An address holding an invisible character, or whose
         * domain is not a valid domain name, makes {@code accept} fail with an
         * {@link InvalidRequestException} naming {@code acceptingAs}.
         *
         * @param address the accepting address, or {@code null} for none
         * @return this builder
         * @since 1.1
         */
        public Builder acceptingAs(io.invitations.spi.invitation.EmailAddress address) {
            acceptingAs = address;
            return this;
        }

        /**
         * Builds the claim; does not validate it (the facade does).
         *
         * @return the claim
         */
        public ClaimRequest build() {
            return new ClaimRequest(token, firstName, lastName, profile, password, termsAccepted, chosenGroups,
                    acceptingAs);
        }
    }

    /**
     * Returns the token from the claim link, required.
     *
     * @return the token from the claim link, required
     */
    public String token() {
        return token;
    }

    /**
     * Returns the confirmed first name, or {@code null} to keep the invitation's.
     *
     * @return the confirmed first name, or {@code null} to keep the invitation's
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the confirmed last name, or {@code null} to keep the invitation's.
     *
     * @return the confirmed last name, or {@code null} to keep the invitation's
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns confirmed profile fields by name; possibly empty.
     *
     * @return confirmed profile fields by name; possibly empty
     */
    public Map<String, String> profile() {
        return profile;
    }

    /**
     * Returns whether the invitee accepted the tenant's terms.
     *
     * @return whether the invitee accepted the tenant's terms
     */
    public boolean termsAccepted() {
        return termsAccepted;
    }

    /**
     * Returns groups picked from the tenant's default pool; possibly empty.
     *
     * @return groups picked from the tenant's default pool; possibly empty
     */
    public Set<String> chosenGroups() {
        return chosenGroups;
    }

    /**
     * Returns the email address the invitee accepts with, when the host named one.
     *
     * @return the accepting address, or {@code null}
     * @since 1.1
     */
    public io.invitations.spi.invitation.EmailAddress acceptingAs() {
        return acceptingAs;
    }
}
