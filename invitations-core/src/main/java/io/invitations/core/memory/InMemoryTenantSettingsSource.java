package io.invitations.core.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.invitations.spi.message.Branding;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The embedded default {@link TenantSettingsSource}: settings the host puts per tenant; tenants
 * without any get the defaults branded with the tenant's id. Changes apply to the next operation.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemoryTenantSettingsSource implements TenantSettingsSource {
    private final Map<TenantId, TenantSettings> settings = new ConcurrentHashMap<>();
    private final TenantSettings defaults;
    /** The branded defaults of tenants without settings, built once per tenant rather than per read. */
    private final Cache<TenantId, TenantSettings> brandedDefaults = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Creates a source that gives every tenant the defaults. */
    public InMemoryTenantSettingsSource() {
        this(null);
    }

    /**
     * Creates a source that gives tenants without settings these defaults.
     *
     * @param defaults the defaults, or {@code null} for {@link TenantSettings#defaults()} branded
     *                 with the tenant's id
     */
    public InMemoryTenantSettingsSource(TenantSettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public TenantSettings settingsFor(TenantId tenantId) {
        TenantSettings s = settings.get(Objects.requireNonNull(tenantId, "tenantId"));
        if (s != null) {
            return s;
        }
        return defaults != null ? defaults : brandedDefaults.get(tenantId,
                t -> TenantSettings.defaults().toBuilder().branding(Branding.named(t.value())).build());
    }

    /**
     * Sets a tenant's settings.
     *
     * @param tenantId the tenant, not {@code null}
     * @param value    the settings, not {@code null}
     */
    public void put(TenantId tenantId, TenantSettings value) {
        settings.put(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Changes a tenant's settings atomically, starting from its current ones.
     *
     * @param tenantId the tenant, not {@code null}
     * @param change   maps the current settings to the new ones, not {@code null}
     * @return the new settings
     */
    public TenantSettings update(TenantId tenantId, UnaryOperator<TenantSettings> change) {
        return settings.compute(tenantId, (t, current) -> Objects.requireNonNull(
                change.apply(current != null ? current : settingsFor(t)), "new settings"));
    }

    /** {@inheritDoc} Always stores it. */
    @Override
    public boolean switchOnInviteOnCreation(TenantId tenantId) {
        update(tenantId, s -> s.toBuilder().inviteOnCreation(true).build());
        return true;
    }

    /** {@inheritDoc} Always stores it. */
    @Override
    public boolean switchLinkInvitations(TenantId tenantId, boolean enabled) {
        update(tenantId, s -> s.toBuilder().linkInvitationsEnabled(enabled).build());
        return true;
    }
}
