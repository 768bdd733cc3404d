package io.invitations.spi.identity;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.TenantId;

/**
 * The host's directory of accounts.
 *
 * <p>Implementations must be safe for use by many threads at once. They may throw any
 * {@link io.invitations.spi.InvitationException}; other runtime exceptions propagate to the caller
 * of the engine's operation, which then stores nothing.
 *
 * @since 0.1.0
 */
public interface IdentityDirectory {
    /**
     * Tells whether someone with this contact is already a member of the tenant.
     *
     * @param tenantId the tenant, not {@code null}
     * @param contact  the email or identifier, not {@code null}
     * @return {@code true} when already a member
     */
    boolean isMember(TenantId tenantId, Contact contact);

    /**
     * Creates an account for the invitee, or links the existing one, and applies the grant. Called
     * before the acceptance is stored. Within one process the engine calls it once per accepted
     * invitation; when several processes race to accept the same invitation, each may call it once
     * before exactly one acceptance is stored, so implementations must be idempotent per invitation
     * (link the account a previous call created rather than create a second one).
     *
     * @param request who, with what grant and (unless SSO) which password; not {@code null}
     * @return the account's id as the host knows it, not blank
     */
    String createOrLinkAccount(AccountRequest request);

    /**
     * Tells whether the tenant signs in through SSO, in which case a claim needs no password.
     *
     * @param tenantId the tenant, not {@code null}
     * @return {@code true} when SSO is on
     */
    boolean ssoEnabled(TenantId tenantId);
}
