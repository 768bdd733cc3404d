/**
 * Per-tenant settings: the {@link io.invitations.core.settings.TenantSettings} record with every
 * rule of who may invite whom, expiry, resend, quotas, roles, branding and claim links, and the
 * {@link io.invitations.core.settings.TenantSettingsSource} through which the engine reads them (the
 * host keeps them wherever it likes; an in-memory source is the default).
 *
 * @since 0.1.0
 */
package io.invitations.core.settings;
