package io.invitations.spi.identity;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What the identity directory needs to create or link an account when an invitation is claimed.
 * The password is handed over once and never kept by the engine; {@link #toString()} never shows it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class AccountRequest {
    private final TenantId tenantId;
    private final InvitationId invitationId;
    private final Contact contact;
    private final String firstName;
    private final String lastName;
    private final Grant grant;
    private final Map<String, String> profile;
    private final char[] password;
    private final boolean termsAccepted;
    private final String invitedBy;
    private final Target target;
    private final String displayName;

    private AccountRequest(TenantId tenantId, InvitationId invitationId, Contact contact, String firstName,
            String lastName, Grant grant, Map<String, String> profile, char[] password, boolean termsAccepted,
            String invitedBy) {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(contact, "contact");
        InvitationException.requireValue(grant, "grant");
        InvitationException.requireValue(invitedBy, "invitedBy");
        profile = Map.copyOf(profile);
        password = password == null ? null : password.clone();

        this.tenantId = tenantId;
        this.invitationId = invitationId;
        this.contact = contact;
        this.firstName = firstName;
        this.lastName = lastName;
        this.grant = grant;
        this.profile = profile;
        this.password = password;
        this.termsAccepted = termsAccepted;
        this.invitedBy = invitedBy;
        this.target = Target.membership();
        this.displayName = null;
    }

    private AccountRequest(AccountRequest base, Target target, String displayName) {
        this.tenantId = base.tenantId;
        this.invitationId = base.invitationId;
        this.contact = base.contact;
        this.firstName = base.firstName;
        this.lastName = base.lastName;
        this.grant = base.grant;
        this.profile = base.profile;
        this.password = base.password;
        this.termsAccepted = base.termsAccepted;
        this.invitedBy = base.invitedBy;
        this.target = target == null ? Target.membership() : target;
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    /**
     * Returns what the invitation was to: the tenant itself ({@link Target#isMembership()}) or a
     * resource such as an event or a task, to which the host adds the person.
     *
     * @return the target, never {@code null}; {@link Target#membership()} unless the builder set another
     * @since 1.0.0
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the kind of member the grant makes (member or guest); the same as
     * {@code grant().membershipType()}.
     *
     * @return the membership type, never {@code null}
     * @since 1.0.0
     */
    public MembershipType membershipType() {
        return grant.membershipType();
    }

    /**
     * Returns the name shown for the person: the names given, else the one guessed from the email
     * (for {@code jane.doe@...}, "Jane Doe").
     *
     * @return the display name, or {@code null} when none is known
     * @since 1.0.0
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns a copy of the password.
     *
     * @return the password, or {@code null} under SSO
     */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountRequest r && tenantId.equals(r.tenantId) && invitationId.equals(r.invitationId)
                && contact.equals(r.contact) && Objects.equals(firstName, r.firstName)
                && Objects.equals(lastName, r.lastName) && grant.equals(r.grant) && profile.equals(r.profile)
                && Arrays.equals(password, r.password) && termsAccepted == r.termsAccepted
                && invitedBy.equals(r.invitedBy) && target.equals(r.target)
                && Objects.equals(displayName, r.displayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, invitationId, contact, grant);
    }

    /** Shows who and what, never the password. */
    @Override
    public String toString() {
        return "AccountRequest[tenant=" + tenantId + ", invitation=" + invitationId + ", contact=" + contact
                + ", target=" + target + ", grant=" + grant + ", password=" + (password == null ? "none" : "(hidden)") + "]";
    }

    /**
     * Returns the tenant, not {@code null}.
     *
     * @return the tenant, not {@code null}
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the invitation being claimed, not {@code null}.
     *
     * @return the invitation being claimed, not {@code null}
     */
    public InvitationId invitationId() {
        return invitationId;
    }

    /**
     * Returns the invitee's email or identifier, not {@code null}: the contact invited, or, when the
     * invitation is accepted with another email address that the tenant's policy lets through (a
     * verified alias, or an acceptance held for approval), that accepting address, since the account is
     * the accepting person's.
     *
     * @return the invitee's email or identifier, not {@code null}
     */
    public Contact contact() {
        return contact;
    }

    /**
     * Returns the confirmed first name, or {@code null}.
     *
     * @return the confirmed first name, or {@code null}
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the confirmed last name, or {@code null}.
     *
     * @return the confirmed last name, or {@code null}
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns the grant to apply, groups chosen at claim included; not {@code null}.
     *
     * @return the grant to apply, groups chosen at claim included; not {@code null}
     */
    public Grant grant() {
        return grant;
    }

    /**
     * Returns confirmed profile fields, possibly empty.
     *
     * @return confirmed profile fields, possibly empty
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
     * Returns the user id of who invited them (for referrals), not {@code null}.
     *
     * @return the user id of who invited them (for referrals), not {@code null}
     */
    public String invitedBy() {
        return invitedBy;
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
        b.invitationId = invitationId;
        b.contact = contact;
        b.firstName = firstName;
        b.lastName = lastName;
        b.grant = grant;
        b.profile = profile;
        b.password = password;
        b.termsAccepted = termsAccepted;
        b.invitedBy = invitedBy;
        b.target = target;
        b.displayName = displayName;
        return b;
    }

    /**
     * Builds {@link AccountRequest} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private TenantId tenantId;
        private InvitationId invitationId;
        private Contact contact;
        private String firstName;
        private String lastName;
        private Grant grant;
        private Map<String, String> profile;
        private char[] password;
        private boolean termsAccepted;
        private String invitedBy;
        private Target target;
        private String displayName;

        private Builder() {
        }

        /**
         * Sets the tenant, not {@code null}.
         *
         * @param v the tenant, not {@code null}
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the invitation being claimed, not {@code null}.
         *
         * @param v the invitation being claimed, not {@code null}
         * @return this builder
         */
        public Builder invitationId(InvitationId v) {
            invitationId = v;
            return this;
        }

        /**
         * Sets the invitee's email or identifier, not {@code null}.
         *
         * @param v the invitee's email or identifier, not {@code null}
         * @return this builder
         */
        public Builder contact(Contact v) {
            contact = v;
            return this;
        }

        /**
         * Sets the confirmed first name, or {@code null}.
         *
         * @param v the confirmed first name, or {@code null}
         * @return this builder
         */
        public Builder firstName(String v) {
            firstName = v;
            return this;
        }

        /**
         * Sets the confirmed last name, or {@code null}.
         *
         * @param v the confirmed last name, or {@code null}
         * @return this builder
         */
        public Builder lastName(String v) {
            lastName = v;
            return this;
        }

        /**
         * Sets the grant to apply, groups chosen at claim included; not {@code null}.
         *
         * @param v the grant to apply, groups chosen at claim included; not {@code null}
         * @return this builder
         */
        public Builder grant(Grant v) {
            grant = v;
            return this;
        }

        /**
         * Sets confirmed profile fields, possibly empty.
         *
         * @param v confirmed profile fields, possibly empty
         * @return this builder
         */
        public Builder profile(Map<String, String> v) {
            profile = v;
            return this;
        }

        /**
         * Sets the chosen password, or {@code null} when the tenant uses SSO.
         *
         * @param v the chosen password, or {@code null} when the tenant uses SSO
         * @return this builder
         */
        public Builder password(char[] v) {
            password = v;
            return this;
        }

        /**
         * Sets whether the invitee accepted the tenant's terms.
         *
         * @param v whether the invitee accepted the tenant's terms
         * @return this builder
         */
        public Builder termsAccepted(boolean v) {
            termsAccepted = v;
            return this;
        }

        /**
         * Sets the user id of who invited them (for referrals), not {@code null}.
         *
         * @param v the user id of who invited them (for referrals), not {@code null}
         * @return this builder
         */
        public Builder invitedBy(String v) {
            invitedBy = v;
            return this;
        }

        /**
         * Sets what the invitation was to.
         *
         * @param v the target; {@code null} (the default) means {@link Target#membership()}
         * @return this builder
         * @since 1.0.0
         */
        public Builder target(Target v) {
            target = v;
            return this;
        }

        /**
         * Sets the name shown for the person.
         *
         * @param v the display name, or {@code null}
         * @return this builder
         * @since 1.0.0
         */
        public Builder displayName(String v) {
            displayName = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public AccountRequest build() {
            return new AccountRequest(new AccountRequest(tenantId, invitationId, contact, firstName, lastName, grant,
                    profile, password, termsAccepted, invitedBy), target, displayName);
        }
    }
}
