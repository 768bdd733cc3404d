package io.invitations.core.memory;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.tck.TenantSettingsSourceCompatibilityKit;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;

/** Runs the settings source kit against the embedded default source. */
@DisplayName("InMemoryTenantSettingsSource keeps the settings source contract")
class InMemoryTenantSettingsSourceCompatibilityTest extends TenantSettingsSourceCompatibilityKit {
    @Override
    protected TenantSettingsSource createSource() {
        return new InMemoryTenantSettingsSource();
    }

    @Override
    protected void put(TenantSettingsSource source, TenantId tenant, TenantSettings settings) {
        ((InMemoryTenantSettingsSource) source).put(tenant, settings);
    }
}
