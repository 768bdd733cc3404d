package io.invitations.core.memory;

import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.TenantId;
import io.invitations.tck.IdentityDirectoryCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the identity directory kit against the embedded default directory, a new one per check. */
@DisplayName("InMemoryIdentityDirectory keeps the identity directory contract")
class InMemoryIdentityDirectoryCompatibilityTest extends IdentityDirectoryCompatibilityKit {
    @Override
    protected IdentityDirectory createDirectory() {
        return new InMemoryIdentityDirectory();
    }

    @Override
    protected boolean linkAddresses(TenantId tenant, Contact invited, EmailAddress alias) {
        ((InMemoryIdentityDirectory) directory).linkAddresses(tenant, invited, alias);
        return true;
    }

    @Override
    protected boolean keepsResourceGuestsApart() {
        return true;
    }
}
