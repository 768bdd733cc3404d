package io.invitations.spi.settings;

import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

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
@API(status = API.Status.STABLE, since = "1.0")
public interface TenantSettingsSource {
    /**
     * Returns the settings of a tenant; tenants the host does not know get its defaults.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the settings, never {@code null}
     */
    TenantSettings settingsFor(TenantId tenantId);

    /**
     * Records that a tenant now invites accounts as soon as directory sync creates them, by setting
     * {@link TenantSettings#inviteOnCreation()}. The engine calls this after inviting all of a
     * tenant's provisioned people (Workplace: "after inviting all accounts ... newly created accounts
     * will be invited immediately"). A source that cannot store it returns {@code false}, and the
     * engine logs that the host should switch the setting on itself; the default does that.
     *
     * @param tenantId the tenant, not {@code null}
     * @return {@code true} when the setting is now on
     * @since 0.1.0
     */
    default boolean switchOnInviteOnCreation(TenantId tenantId) {
        return false;
    }

    /**
     * Records that a tenant's shareable links are now switched on or off, by setting
     * {@link TenantSettings#linkInvitationsEnabled()}. The engine calls this when an administrator
     * switches them through it (and retires every existing link when switching off). A source that
     * cannot store it returns {@code false}, and the engine logs that the host should change the
     * setting itself; the default does that.
     *
     * @param tenantId the tenant, not {@code null}
     * @param enabled  {@code true} for on
     * @return {@code true} when the setting now has that value
     * @since 1.0.0
     */
    default boolean switchLinkInvitations(TenantId tenantId, boolean enabled) {
        return false;
    }
}
