package io.invitations.spi.identity;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What the identity directory needs to create or link an account when an invitation is claimed.
 * The password is handed over once and never kept by the engine; {@link #toString()} never shows it.
 *
 * @param tenantId     the tenant, not {@code null}
 * @param invitationId the invitation being claimed, not {@code null}
 * @param contact      the invitee's email or identifier, not {@code null}
 * @param firstName    the confirmed first name, or {@code null}
 * @param lastName     the confirmed last name, or {@code null}
 * @param grant        the grant to apply, groups chosen at claim included; not {@code null}
 * @param profile      confirmed profile fields, possibly empty
 * @param password     the chosen password, or {@code null} when the tenant uses SSO
 * @param termsAccepted whether the invitee accepted the tenant's terms
 * @param invitedBy    the user id of who invited them (for referrals), not {@code null}
 * @since 0.1.0
 */
public record AccountRequest(TenantId tenantId, InvitationId invitationId, Contact contact, String firstName,
                             String lastName, Grant grant, Map<String, String> profile, char[] password,
                             boolean termsAccepted, String invitedBy) {
    /**
     * Validates the request and copies the password.
     *
     * @throws NullPointerException if a required component is null
     */
    public AccountRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(invitedBy, "invitedBy");
        profile = Map.copyOf(profile);
        password = password == null ? null : password.clone();
    }

    /**
     * Returns a copy of the password.
     *
     * @return the password, or {@code null} under SSO
     */
    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountRequest r && tenantId.equals(r.tenantId) && invitationId.equals(r.invitationId)
                && contact.equals(r.contact) && Objects.equals(firstName, r.firstName)
                && Objects.equals(lastName, r.lastName) && grant.equals(r.grant) && profile.equals(r.profile)
                && Arrays.equals(password, r.password) && termsAccepted == r.termsAccepted
                && invitedBy.equals(r.invitedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, invitationId, contact, grant);
    }

    /** Shows who and what, never the password. */
    @Override
    public String toString() {
        return "AccountRequest[tenant=" + tenantId + ", invitation=" + invitationId + ", contact=" + contact
                + ", grant=" + grant + ", password=" + (password == null ? "none" : "(hidden)") + "]";
    }
}
