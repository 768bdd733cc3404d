package io.invitations.core.settings;

import io.invitations.spi.invitation.TenantId;

/**
 * Where the engine reads a tenant's settings. The engine asks at every operation, so a change the
 * host makes applies to the next call; cache inside the implementation if reading is expensive.
 *
 * <p>Implementations must be safe for use by many threads at once. They may throw any
 * {@link io.invitations.spi.InvitationException}; the operation then stores nothing.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TenantSettingsSource {
    /**
     * Returns the settings of a tenant; tenants the host does not know get its defaults.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the settings, never {@code null}
     */
    TenantSettings settingsFor(TenantId tenantId);
}
