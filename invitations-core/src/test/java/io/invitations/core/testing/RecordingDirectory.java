package io.invitations.core.testing;

import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory directory, seen from the SPI edge: every call goes to it, and every account request
 * the engine sends is kept for the test to read (what a host's directory would be handed).
 */
final class RecordingDirectory implements IdentityDirectory {
    private final InMemoryIdentityDirectory delegate;
    private final List<AccountRequest> requests = new CopyOnWriteArrayList<>();

    RecordingDirectory(InMemoryIdentityDirectory delegate) {
        this.delegate = delegate;
    }

    List<AccountRequest> requests() {
        return requests;
    }

    @Override
    public boolean isMember(TenantId tenantId, Contact contact) {
        return delegate.isMember(tenantId, contact);
    }

    @Override
    public Set<String> membersAmong(TenantId tenantId, Collection<? extends Contact> contacts) {
        return delegate.membersAmong(tenantId, contacts);
    }

    @Override
    public String createOrLinkAccount(AccountRequest request) {
        requests.add(request);
        return delegate.createOrLinkAccount(request);
    }

    @Override
    public String registerAwaitingApproval(AccountRequest request) {
        requests.add(request);
        return delegate.registerAwaitingApproval(request);
    }

    @Override
    public void approvalDecided(TenantId tenantId, InvitationId invitationId, String accountId, Grant grant,
                                boolean approved) {
        delegate.approvalDecided(tenantId, invitationId, accountId, grant, approved);
    }

    @Override
    public void acceptanceAbandoned(TenantId tenantId, InvitationId invitationId, String accountId) {
        delegate.acceptanceAbandoned(tenantId, invitationId, accountId);
    }

    @Override
    public boolean ssoEnabled(TenantId tenantId) {
        return delegate.ssoEnabled(tenantId);
    }

    @Override
    public Set<String> groups(TenantId tenantId) {
        return delegate.groups(tenantId);
    }
}
