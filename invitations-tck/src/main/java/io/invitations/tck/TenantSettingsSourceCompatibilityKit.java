package io.invitations.tck;

import io.invitations.spi.message.Branding;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.tck.support.Race;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link TenantSettingsSource} as JUnit 5 checks: every tenant gets settings
 * (defaults for tenants the host does not know), each tenant its own, a change applies to the next
 * read, and {@link TenantSettingsSource#switchOnInviteOnCreation} and
 * {@link TenantSettingsSource#switchLinkInvitations} either store the setting and say so or store
 * nothing and say so. Extend it, implement {@link #createSource()} and
 * {@link #put}, and run it like any other test class.
 *
 * <p>This kit lives beside the SPI it checks: it moves to {@code invitations-tck} together with
 * {@code TenantSettingsSource} (kept out of that module meanwhile, because the kit module must not
 * depend on core).
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public abstract class TenantSettingsSourceCompatibilityKit {
    /** How many threads read at once. */
    protected static final int RACERS = 64;

    /** The source under test, new for each check. */
    protected TenantSettingsSource source;
    /** A fresh tenant per check. */
    protected TenantId tenant;

    /**
     * Creates the source under test. Called once before each check.
     *
     * @return a source, ready to use
     */
    protected abstract TenantSettingsSource createSource();

    /**
     * Gives a tenant settings, the way the host's administration does.
     *
     * @param source   the source {@link #createSource()} returned
     * @param tenant   the tenant
     * @param settings the settings
     */
    protected abstract void put(TenantSettingsSource source, TenantId tenant, TenantSettings settings);

    @BeforeEach
    void createTheSource() {
        source = createSource();
        tenant = Fixtures.newTenant();
    }

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName("a tenant the host does not know gets settings, the same at every read")
        void unknownTenantGetsDefaults() {
            TenantSettings first = source.settingsFor(tenant);

            assertThat(first).isNotNull();
            assertThat(source.settingsFor(tenant)).usingRecursiveComparison().isEqualTo(first);
        }

        @Test
        @DisplayName("settings read back as put, every component")
        void settingsReadBack() {
            TenantSettings custom = custom("Analytical Engines");
            put(source, tenant, custom);

            assertThat(source.settingsFor(tenant)).usingRecursiveComparison().isEqualTo(custom);
        }

        @Test
        @DisplayName("each tenant gets its own settings")
        void tenantsStayApart() {
            TenantId other = Fixtures.newTenant();
            put(source, tenant, custom("Here"));
            put(source, other, custom("There"));

            assertThat(source.settingsFor(tenant).branding().tenantName()).isEqualTo("Here");
            assertThat(source.settingsFor(other).branding().tenantName()).isEqualTo("There");
        }

        @Test
        @DisplayName("a change applies to the next read")
        void changeAppliesAtTheNextRead() {
            put(source, tenant, custom("Before"));
            source.settingsFor(tenant);

            put(source, tenant, custom("After"));

            assertThat(source.settingsFor(tenant).branding().tenantName()).isEqualTo("After");
        }

        @Test
        @DisplayName("64 threads reading at once all get the settings put")
        void racingReadsAgree() {
            TenantSettings custom = custom("Crowd");
            put(source, tenant, custom);

            List<TenantSettings> seen;
            try (Race race = new Race(RACERS)) {
                seen = race.collect(n -> () -> source.settingsFor(tenant));
            }

            assertThat(seen).allSatisfy(s -> assertThat(s).usingRecursiveComparison().isEqualTo(custom));
        }
    }

    @Nested
    @DisplayName("invite on creation")
    class InviteOnCreation {
        @Test
        @DisplayName("switching it on either stores it and says so, or stores nothing and says so")
        void switchingOnTellsTheTruth() {
            TenantSettings custom = custom("Switch");
            put(source, tenant, custom);
            source.settingsFor(tenant);

            boolean stored = source.switchOnInviteOnCreation(tenant);

            TenantSettings after = source.settingsFor(tenant);
            assertThat(after.inviteOnCreation()).as("inviteOnCreation after the switch said %s", stored)
                    .isEqualTo(stored);
            assertThat(after.toBuilder().inviteOnCreation(false).build()).as("every other component")
                    .usingRecursiveComparison().isEqualTo(custom);
        }

        @Test
        @DisplayName("switching it on for one tenant leaves the others as they were")
        void switchingOnTouchesOneTenant() {
            TenantId other = Fixtures.newTenant();
            put(source, tenant, custom("Here"));
            put(source, other, custom("There"));

            source.switchOnInviteOnCreation(tenant);

            assertThat(source.settingsFor(other).inviteOnCreation()).isFalse();
        }
    }

    @Nested
    @DisplayName("switching shareable links")
    class SwitchingLinks {
        @Test
        @DisplayName("switching links off, then on, either stores each and says so, or stores nothing and says so")
        void switchingTellsTheTruth() {
            TenantSettings custom = custom("Links").toBuilder().linkInvitationsEnabled(true).build();
            put(source, tenant, custom);
            source.settingsFor(tenant);

            boolean storedOff = source.switchLinkInvitations(tenant, false);
            TenantSettings off = source.settingsFor(tenant);
            assertThat(off.linkInvitationsEnabled()).as("linkInvitationsEnabled after switching off said %s",
                    storedOff).isEqualTo(!storedOff);
            assertThat(off.toBuilder().linkInvitationsEnabled(true).build()).as("every other component")
                    .usingRecursiveComparison().isEqualTo(custom);

            boolean storedOn = source.switchLinkInvitations(tenant, true);
            assertThat(source.settingsFor(tenant).linkInvitationsEnabled()).as("after switching on").isTrue();
            assertThat(storedOn).as("a source that stored off must store on too").isEqualTo(storedOff);
        }

        @Test
        @DisplayName("switching links off for one tenant leaves the others as they were")
        void switchingTouchesOneTenant() {
            TenantId other = Fixtures.newTenant();
            put(source, tenant, custom("Here").toBuilder().linkInvitationsEnabled(true).build());
            put(source, other, custom("There").toBuilder().linkInvitationsEnabled(true).build());

            source.switchLinkInvitations(tenant, false);

            assertThat(source.settingsFor(other).linkInvitationsEnabled()).isTrue();
        }
    }

    /**
     * Returns settings that differ from the defaults in many components.
     *
     * @param brandName the brand name, to tell settings apart
     * @return the settings, with invite-on-creation off
     */
    protected static TenantSettings custom(String brandName) {
        return TenantSettings.defaults().toBuilder()
                .branding(Branding.named(brandName))
                .approvalRequired(true)
                .minimumInviteLevel(PermissionLevel.HR_TENANT)
                .allowedDomains("example.com", "example.org")
                .resendLimit(2)
                .invitationTtl(Duration.ofDays(3))
                .defaultLocale(Locale.FRENCH)
                .role("editor", PermissionLevel.HR_TENANT)
                .inviteOnCreation(false)
                .build();
    }
}
