package io.invitations.core;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
 * An invitee's claim: the link token plus what {@link LinkInspection#requirements()} asked for.
 * Build with {@link #builder(String)}. The token and password are secrets: {@link #toString()} shows
 * neither, and the engine hands the password to the identity directory without keeping it.
 *
 * @param token         the token from the claim link, required
 * @param firstName     the confirmed first name, or {@code null} to keep the invitation's
 * @param lastName      the confirmed last name, or {@code null} to keep the invitation's
 * @param profile       confirmed profile fields by name; possibly empty
 * @param password      the chosen password, or {@code null} when the tenant uses SSO
 * @param termsAccepted whether the invitee accepted the tenant's terms
 * @param chosenGroups  groups picked from the tenant's default pool; possibly empty
 * @since 0.1.0
 */
public record ClaimRequest(
        @NotBlank @Size(max = 1024) String token,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> profile,
        char[] password,
        boolean termsAccepted,
        @NotNull @Size(max = 100) Set<@NotBlank String> chosenGroups) {

    /** Copies the password and collections. */
    public ClaimRequest {
        firstName = firstName == null || firstName.isBlank() ? null : firstName.strip();
        lastName = lastName == null || lastName.isBlank() ? null : lastName.strip();
        profile = profile == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(profile));
        password = password == null ? null : password.clone();
        chosenGroups = chosenGroups == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(chosenGroups));
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
    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimRequest c && Objects.equals(token, c.token) && Objects.equals(firstName, c.firstName)
                && Objects.equals(lastName, c.lastName) && Objects.equals(profile, c.profile)
                && Arrays.equals(password, c.password) && termsAccepted == c.termsAccepted
                && Objects.equals(chosenGroups, c.chosenGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, profile, termsAccepted, chosenGroups);
    }

    /** Shows the confirmed details, never the token or password. */
    @Override
    public String toString() {
        return "ClaimRequest[token=(hidden), firstName=" + firstName + ", lastName=" + lastName + ", password="
                + (password == null ? "none" : "(hidden)") + ", termsAccepted=" + termsAccepted + ", chosenGroups="
                + chosenGroups + "]";
    }

    /**
     * Builds a {@link ClaimRequest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String token;
        private String firstName;
        private String lastName;
        private final Map<String, String> profile = new LinkedHashMap<>();
        private char[] password;
        private boolean termsAccepted;
        private final Set<String> chosenGroups = new LinkedHashSet<>();

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
         * Builds the claim; does not validate it (the facade does).
         *
         * @return the claim
         */
        public ClaimRequest build() {
            return new ClaimRequest(token, firstName, lastName, profile, password, termsAccepted, chosenGroups);
        }
    }
}
