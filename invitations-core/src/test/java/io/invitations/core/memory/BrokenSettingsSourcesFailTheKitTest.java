package io.invitations.core.memory;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.tck.TenantSettingsSourceCompatibilityKit;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the settings source kit catches broken sources: it runs the kit, through the JUnit
 * Platform launcher ({@link KitRun}), against the in-memory source
 * ({@link InMemoryTenantSettingsSourceCompatibilityTest}) and against sources that each break one
 * promise, and checks which checks fail.
 */
class BrokenSettingsSourcesFailTheKitTest {

    /** Keeps the first settings it read for each tenant for ever. */
    static final class CachesTheFirstRead implements TenantSettingsSource {
        final InMemoryTenantSettingsSource delegate = new InMemoryTenantSettingsSource();
        private final Map<TenantId, TenantSettings> cache = new ConcurrentHashMap<>();

        @Override
        public TenantSettings settingsFor(TenantId tenantId) {
            return cache.computeIfAbsent(tenantId, delegate::settingsFor);
        }

        @Override
        public boolean switchOnInviteOnCreation(TenantId tenantId) {
            return delegate.switchOnInviteOnCreation(tenantId);
        }
    }

    /** Says the invite-on-creation setting is now on without storing it. */
    static final class ClaimsToSwitchOn implements TenantSettingsSource {
        final InMemoryTenantSettingsSource delegate = new InMemoryTenantSettingsSource();

        @Override
        public TenantSettings settingsFor(TenantId tenantId) {
            return delegate.settingsFor(tenantId);
        }

        @Override
        public boolean switchOnInviteOnCreation(TenantId tenantId) {
            return true;
        }
    }

    /** Says shareable links are now switched off or on without storing it. */
    static final class ClaimsToSwitchLinks implements TenantSettingsSource {
        final InMemoryTenantSettingsSource delegate = new InMemoryTenantSettingsSource();

        @Override
        public TenantSettings settingsFor(TenantId tenantId) {
            return delegate.settingsFor(tenantId);
        }

        @Override
        public boolean switchLinkInvitations(TenantId tenantId, boolean enabled) {
            return true;
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class SourceClaimingToSwitchLinks extends TenantSettingsSourceCompatibilityKit {
        @Override
        protected TenantSettingsSource createSource() {
            return new ClaimsToSwitchLinks();
        }

        @Override
        protected void put(TenantSettingsSource source, TenantId tenant, TenantSettings settings) {
            ((ClaimsToSwitchLinks) source).delegate.put(tenant, settings);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class SourceCachingTheFirstRead extends TenantSettingsSourceCompatibilityKit {
        @Override
        protected TenantSettingsSource createSource() {
            return new CachesTheFirstRead();
        }

        @Override
        protected void put(TenantSettingsSource source, TenantId tenant, TenantSettings settings) {
            ((CachesTheFirstRead) source).delegate.put(tenant, settings);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class SourceClaimingToSwitchOn extends TenantSettingsSourceCompatibilityKit {
        @Override
        protected TenantSettingsSource createSource() {
            return new ClaimsToSwitchOn();
        }

        @Override
        protected void put(TenantSettingsSource source, TenantId tenant, TenantSettings settings) {
            ((ClaimsToSwitchOn) source).delegate.put(tenant, settings);
        }
    }

    @Test
    @DisplayName("the in-memory source passes every check of the kit, and the kit has at least 7")
    void correctSourcePassesEverything() {
        KitRun run = KitRun.of(InMemoryTenantSettingsSourceCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    @DisplayName("a source that caches the first read for ever fails the checks that change settings")
    void sourceCachingTheFirstReadIsCaught() {
        KitRun run = KitRun.of(SourceCachingTheFirstRead.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Reading.changeAppliesAtTheNextRead",
                "InviteOnCreation.switchingOnTellsTheTruth");
    }

    @Test
    @DisplayName("a source that says it switched invite-on-creation on without storing it fails that check only")
    void sourceClaimingToSwitchOnIsCaught() {
        KitRun run = KitRun.of(SourceClaimingToSwitchOn.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("InviteOnCreation.switchingOnTellsTheTruth");
    }

    @Test
    @DisplayName("a source that says it switched shareable links off without storing it fails that check only")
    void sourceClaimingToSwitchLinksIsCaught() {
        KitRun run = KitRun.of(SourceClaimingToSwitchLinks.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("SwitchingLinks.switchingTellsTheTruth");
    }
}
