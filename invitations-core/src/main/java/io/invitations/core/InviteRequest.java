package io.invitations.core;

import java.util.Objects;
import io.invitations.core.invitee.Invitees;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.UnitId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to invite (or provision): who, into what, with which grant, by whom. Build with
 * {@link #builder()}. The value accepts anything; the facade validates it and
 * reports every problem at once in an {@link InvalidRequestException}.
 *
 * <p>The email is kept in its normal form: the domain converted from IDN to ASCII and lower-cased,
 * the local part as typed. Exactly one of {@code email} and {@code identifier} must be given.
 *
 * @since 0.1.0
 */
public final class InviteRequest {
    private final @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address like jane@example.com") @Size(max = 254) String email;
    private final @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, '-' or '_'") String identifierKind;
    private final @Size(max = 256) String identifier;
    private final @Size(max = 100) String firstName;
    private final @Size(max = 100) String lastName;
    private final @Size(max = 200) String displayName;
    private final @NotNull Target target;
    private final @NotBlank @Size(max = 128) String role;
    private final @NotNull MembershipType membershipType;
    private final @NotNull @Size(max = 100) Set<@NotBlank @Size(max = 128) String> groups;
    private final UnitId unit;
    private final @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1024) String> metadata;
    private final @Size(max = 2000) String personalMessage;
    private final Locale locale;
    private final @NotNull InvitationSource source;

    private InviteRequest(String email, String identifierKind, String identifier,
            String firstName, String lastName, String displayName, Target target, String role,
            MembershipType membershipType, Set<String> groups, UnitId unit, Map<String, String> metadata,
            String personalMessage, Locale locale, InvitationSource source) {
        email = email == null || email.isBlank() ? null : Invitees.normalizeEmail(email).orElse(email.strip());
        identifierKind = blankToNull(identifierKind);
        identifier = blankToNull(identifier);
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        displayName = blankToNull(displayName);
        role = role == null ? null : role.strip();
        groups = groups == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        personalMessage = personalMessage == null || personalMessage.isBlank() ? null : personalMessage.strip();
        this.email = email;
        this.identifierKind = identifierKind;
        this.identifier = identifier;
        this.firstName = firstName;
        this.lastName = lastName;
        this.displayName = displayName;
        this.target = target;
        this.role = role;
        this.membershipType = membershipType;
        this.groups = groups;
        this.unit = unit;
        this.metadata = metadata;
        this.personalMessage = personalMessage;
        this.locale = locale;
        this.source = source;
    }

    /**
     * Starts a request; the target is membership, the type member, the source individual.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this request, to change a part of it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Builds an {@link InviteRequest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String email;
        private String identifierKind;
        private String identifier;
        private String firstName;
        private String lastName;
        private String displayName;
        private Target target = Target.membership();
        private String role;
        private MembershipType membershipType = MembershipType.MEMBER;
        private Set<String> groups = new LinkedHashSet<>();
        private UnitId unit;
        private Map<String, String> metadata = new LinkedHashMap<>();
        private String personalMessage;
        private Locale locale;
        private InvitationSource source = InvitationSource.individual();

        private Builder() {
        }

        private Builder(InviteRequest r) {
            email = r.email;
            identifierKind = r.identifierKind;
            identifier = r.identifier;
            firstName = r.firstName;
            lastName = r.lastName;
            displayName = r.displayName;
            target = r.target;
            role = r.role;
            membershipType = r.membershipType;
            groups = r.groups == null ? null : new LinkedHashSet<>(r.groups);
            unit = r.unit;
            metadata = r.metadata == null ? null : new LinkedHashMap<>(r.metadata);
            personalMessage = r.personalMessage;
            locale = r.locale;
            source = r.source;
        }

        /**
         * Invites by email.
         *
         * @param value the address as typed
         * @return this builder
         */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /**
         * Invites someone without email, by an identifier.
         *
         * @param kind  the identifier's kind, e.g. {@code "personnel_number"}
         * @param value the identifier
         * @return this builder
         */
        public Builder identifier(String kind, String value) {
            identifierKind = kind;
            identifier = value;
            return this;
        }

        /**
         * Invites someone without email, by an identifier.
         *
         * @param kind  the identifier's kind
         * @param value the identifier
         * @return this builder
         */
        public Builder identifier(IdentifierKind kind, String value) {
            return identifier(kind.name(), value);
        }

        /**
         * Sets first and last name.
         *
         * @param first the first name, or {@code null}
         * @param last  the last name, or {@code null}
         * @return this builder
         */
        public Builder name(String first, String last) {
            firstName = first;
            lastName = last;
            return this;
        }

        /**
         * Sets the name to show.
         *
         * @param value the display name, or {@code null} to derive it
         * @return this builder
         */
        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        /**
         * Invites to a resource instead of the tenant.
         *
         * @param value the target
         * @return this builder
         */
        public Builder target(Target value) {
            target = value;
            return this;
        }

        /**
         * Sets the role to grant.
         *
         * @param value one of the tenant's roles
         * @return this builder
         */
        public Builder role(String value) {
            role = value;
            return this;
        }

        /**
         * Sets member or guest.
         *
         * @param value the membership type
         * @return this builder
         */
        public Builder membershipType(MembershipType value) {
            membershipType = value;
            return this;
        }

        /**
         * Invites a guest: they see only the groups or resources they are invited to.
         *
         * @return this builder
         */
        public Builder guest() {
            return membershipType(MembershipType.GUEST);
        }

        /**
         * Sets the groups or teams to join.
         *
         * @param values the groups
         * @return this builder
         */
        public Builder groups(Collection<String> values) {
            groups = values == null ? null : new LinkedHashSet<>(values);
            return this;
        }

        /**
         * Sets the groups or teams to join.
         *
         * @param values the groups
         * @return this builder
         */
        public Builder groups(String... values) {
            return groups(List.of(values));
        }

        /**
         * Sets the member's unit.
         *
         * @param value the unit, or {@code null}
         * @return this builder
         */
        public Builder unit(UnitId value) {
            unit = value;
            return this;
        }

        /**
         * Replaces the metadata copied onto the account.
         *
         * @param values the metadata
         * @return this builder
         */
        public Builder metadata(Map<String, String> values) {
            metadata = values == null ? null : new LinkedHashMap<>(values);
            return this;
        }

        /**
         * Adds one metadata entry.
         *
         * @param key   the key
         * @param value the value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            if (metadata == null) {
                metadata = new LinkedHashMap<>();
            }
            metadata.put(key, value);
            return this;
        }

        /**
         * Sets the inviter's personal message.
         *
         * @param value the message, or {@code null}
         * @return this builder
         */
        public Builder personalMessage(String value) {
            personalMessage = value;
            return this;
        }

        /**
         * Sets the invitee's language.
         *
         * @param value the locale, or {@code null} for the tenant's default
         * @return this builder
         */
        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        /**
         * Sets how the invitation comes to be.
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(InvitationSource value) {
            source = value;
            return this;
        }

        /**
         * Builds the request; does not validate it (the facade does).
         *
         * @return the request
         */
        public InviteRequest build() {
            return new InviteRequest(email, identifierKind, identifier, firstName, lastName,
                    displayName, target, role, membershipType, groups, unit, metadata, personalMessage, locale,
                    source);
        }
    }



    /**
     * Returns the invitee's email, at most 254 characters; or {@code null} for an identifier invitee.
     *
     * @return the invitee's email, at most 254 characters; or {@code null} for an identifier invitee
     */
    public String email() {
        return email;
    }

    /**
     * Returns the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), with {@code identifier}.
     *
     * @return the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), with {@code identifier}
     */
    public String identifierKind() {
        return identifierKind;
    }

    /**
     * Returns the identifier of an invitee without email, at most 256 characters.
     *
     * @return the identifier of an invitee without email, at most 256 characters
     */
    public String identifier() {
        return identifier;
    }

    /**
     * Returns the first name, or {@code null}.
     *
     * @return the first name, or {@code null}
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the last name, or {@code null}.
     *
     * @return the last name, or {@code null}
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns the name to show, or {@code null} to use the names or infer one from the email.
     *
     * @return the name to show, or {@code null} to use the names or infer one from the email
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns membership (the default) or a resource, required.
     *
     * @return membership (the default) or a resource, required
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the role to grant, required; one of the tenant's roles.
     *
     * @return the role to grant, required; one of the tenant's roles
     */
    public String role() {
        return role;
    }

    /**
     * Returns member (the default) or guest, required.
     *
     * @return member (the default) or guest, required
     */
    public MembershipType membershipType() {
        return membershipType;
    }

    /**
     * Returns groups or teams to join; possibly empty.
     *
     * @return groups or teams to join; possibly empty
     */
    public Set<String> groups() {
        return groups;
    }

    /**
     * Returns the unit the member will belong to, or {@code null}; a {@code *_LOCAL} inviter must name one of theirs (their only unit is taken when omitted).
     *
     * @return the unit the member will belong to, or {@code null}; a {@code *_LOCAL} inviter must name one of theirs (their only unit is taken when omitted)
     */
    public UnitId unit() {
        return unit;
    }

    /**
     * Returns values copied onto the account at acceptance; at most 50 entries.
     *
     * @return values copied onto the account at acceptance; at most 50 entries
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Returns the inviter's message, at most 2000 characters, or {@code null}.
     *
     * @return the inviter's message, at most 2000 characters, or {@code null}
     */
    public String personalMessage() {
        return personalMessage;
    }

    /**
     * Returns the invitee's language, or {@code null} for the tenant's default.
     *
     * @return the invitee's language, or {@code null} for the tenant's default
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns how the invitation comes to be (individual by default; bulk, link or directory for those flows), required.
     *
     * @return how the invitation comes to be (individual by default; bulk, link or directory for those flows), required
     */
    public InvitationSource source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof InviteRequest other
                && Objects.equals(email, other.email)
                && Objects.equals(identifierKind, other.identifierKind)
                && Objects.equals(identifier, other.identifier)
                && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(target, other.target)
                && Objects.equals(role, other.role)
                && Objects.equals(membershipType, other.membershipType)
                && Objects.equals(groups, other.groups)
                && Objects.equals(unit, other.unit)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(personalMessage, other.personalMessage)
                && Objects.equals(locale, other.locale)
                && Objects.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, identifierKind, identifier, firstName, lastName, displayName, target, role, membershipType, groups, unit, metadata, personalMessage, locale, source);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "InviteRequest[email=" + email
                + ", identifierKind=" + identifierKind + ", identifier=" + identifier + ", firstName=" + firstName
                + ", lastName=" + lastName + ", displayName=" + displayName + ", target=" + target + ", role=" + role
                + ", membershipType=" + membershipType + ", groups=" + groups + ", unit=" + unit
                + ", metadata=" + metadata + ", personalMessage=" + personalMessage + ", locale=" + locale
                + ", source=" + source + "]";
    }
}
