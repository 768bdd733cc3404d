package io.invitations.core.memory;

import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded default {@link IdentityDirectory}: accounts in heap maps, one member per contact
 * {@linkplain Contact#matchKey() match key} and tenant. Creating an account for someone already known
 * links the existing account. Passwords are never kept (only whether one was given).
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryIdentityDirectory implements IdentityDirectory {
    private final Map<TenantId, Map<String, Account>> members = new ConcurrentHashMap<>();
    private final Set<TenantId> sso = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong createOrLinkCalls = new AtomicLong();

    /** Creates an empty directory. */
    public InMemoryIdentityDirectory() {
    }

    /**
     * An account as this directory keeps it.
     *
     * @param accountId    the account's id
     * @param tenantId     the tenant
     * @param contact      the contact it is known by
     * @param firstName    the first name, or {@code null}
     * @param lastName     the last name, or {@code null}
     * @param grant        the last grant applied, or {@code null} for members added directly
     * @param invitedBy    who invited them, or {@code null}
     * @param invitationId the invitation they joined through, or {@code null}
     * @param hasPassword  whether a password was set (the password itself is not kept)
     * @since 0.1.0
     */
    public record Account(String accountId, TenantId tenantId, Contact contact, String firstName, String lastName,
                          Grant grant, String invitedBy, InvitationId invitationId, boolean hasPassword) {
    }

    @Override
    public boolean isMember(TenantId tenantId, Contact contact) {
        return tenant(tenantId).containsKey(contact.matchKey());
    }

    @Override
    public String createOrLinkAccount(AccountRequest request) {
        Objects.requireNonNull(request, "request");
        createOrLinkCalls.incrementAndGet();
        Map<String, Account> accounts = tenant(request.tenantId());
        char[] password = request.password();
        boolean hasPassword = password != null && password.length > 0;
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
        Account account = accounts.compute(request.contact().matchKey(), (key, existing) -> new Account(
                existing == null ? "acct-" + sequence.incrementAndGet() : existing.accountId(), request.tenantId(),
                request.contact(), request.firstName(), request.lastName(), request.grant(), request.invitedBy(),
                request.invitationId(), hasPassword || (existing != null && existing.hasPassword())));
        return account.accountId();
    }

    @Override
    public boolean ssoEnabled(TenantId tenantId) {
        return sso.contains(tenantId);
    }

    /**
     * Switches SSO on or off for a tenant (then claims need no password).
     *
     * @param tenantId the tenant
     * @param enabled  {@code true} for SSO
     */
    public void setSso(TenantId tenantId, boolean enabled) {
        if (enabled) {
            sso.add(tenantId);
        } else {
            sso.remove(tenantId);
        }
    }

    /**
     * Adds a member directly, as if they had joined another way.
     *
     * @param tenantId the tenant
     * @param contact  the member's contact
     * @return the account's id
     */
    public String addMember(TenantId tenantId, Contact contact) {
        return tenant(tenantId).computeIfAbsent(contact.matchKey(), k -> new Account(
                "acct-" + sequence.incrementAndGet(), tenantId, contact, null, null, null, null, null, false))
                .accountId();
    }

    /**
     * Returns the accounts of a tenant.
     *
     * @param tenantId the tenant
     * @return a snapshot, in no particular order
     */
    public List<Account> accounts(TenantId tenantId) {
        return List.copyOf(tenant(tenantId).values());
    }

    /**
     * Returns how many members a tenant has.
     *
     * @param tenantId the tenant
     * @return the count
     */
    public long memberCount(TenantId tenantId) {
        return tenant(tenantId).size();
    }

    /**
     * Returns how many times {@link #createOrLinkAccount} was called, over all tenants.
     *
     * @return the count
     */
    public long createOrLinkCalls() {
        return createOrLinkCalls.get();
    }

    private Map<String, Account> tenant(TenantId tenantId) {
        return members.computeIfAbsent(Objects.requireNonNull(tenantId, "tenantId"), t -> new ConcurrentHashMap<>());
    }
}
