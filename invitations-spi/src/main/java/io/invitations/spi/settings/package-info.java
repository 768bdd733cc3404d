/**
 * Per-tenant settings: the {@link io.invitations.spi.settings.TenantSettings} value with every
 * rule of who may invite whom, expiry, resend, quotas, roles, branding and claim links, and the
 * {@link io.invitations.spi.settings.TenantSettingsSource} through which the engine reads them (the
 * host keeps them wherever it likes; core's in-memory source is the default).
 * A service-provider interface: host adapters implement
 * the source and build the settings with {@link io.invitations.spi.settings.TenantSettings#builder()}.
 *
 * @since 0.1.0
 */
package io.invitations.spi.settings;
