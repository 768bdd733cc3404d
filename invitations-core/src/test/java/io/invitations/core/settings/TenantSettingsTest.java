package io.invitations.core.settings;

import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.InvalidSettingsException;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.settings.ResendPolicy;
import io.invitations.spi.settings.TenantSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Tenant settings")
class TenantSettingsTest {
    @Test
    void the_defaults_match_the_design() {
        TenantSettings s = TenantSettings.defaults();
        assertThat(s.invitationsEnabled()).isTrue();
        assertThat(s.invitationTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(s.bulkLimit()).isEqualTo(500);
        assertThat(s.resendPolicy()).isEqualTo(ResendPolicy.SAME_LINK_EXTEND);
        assertThat(s.allowedDomains()).isEmpty();
        assertThat(s.quotaIfAny()).isEmpty();
        assertThat(s.approvalRequired()).isFalse();
        assertThat(s.defaultLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(s.claimUrlTemplate()).contains(TenantSettings.TOKEN_PLACEHOLDER);
        assertThat(s.levelToGrant("Member")).contains(PermissionLevel.USER);
        assertThat(s.levelToGrant("admin")).contains(PermissionLevel.ADMIN_TENANT);
    }

    @Test
    void a_copy_through_the_builder_is_equal_and_changes_one_thing_at_a_time() {
        TenantSettings s = TenantSettings.builder().approvalRequired(true).build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.toBuilder().bulkLimit(100).build()).isNotEqualTo(s).extracting(TenantSettings::bulkLimit)
                .isEqualTo(100);
    }

    @Test
    void domains_are_normalised_like_emails() {
        TenantSettings s = TenantSettings.builder().allowedDomains(" @Example.COM ", "bücher.de").build();
        assertThat(s.allowedDomains()).containsExactlyInAnyOrder("example.com", "xn--bcher-kva.de");
        assertThat(s.allowsDomain("example.com")).isTrue();
        assertThat(s.allowsDomain("other.com")).isFalse();
    }

    @Test
    @DisplayName("another account is refused by default; alias domains are normalised, kept by copies, and a bad"
            + " one is named")
    void other_account_policy_and_alias_domains() {
        TenantSettings defaults = TenantSettings.defaults();
        assertThat(defaults.otherAccounts()).isEqualTo(io.invitations.spi.settings.OtherAccountPolicy.STRICT);
        assertThat(defaults.aliasDomains()).isEmpty();

        TenantSettings alias = TenantSettings.builder()
                .otherAccounts(io.invitations.spi.settings.OtherAccountPolicy.VERIFIED_ALIAS)
                .aliasDomains("@Example.DE", "bücher.example").build();
        assertThat(alias.aliasDomains()).containsExactly("example.de", "xn--bcher-kva.example");
        assertThat(alias.toBuilder().build()).isEqualTo(alias).hasSameHashCodeAs(alias);
        assertThat(alias).isNotEqualTo(alias.toBuilder().aliasDomains().build())
                .isNotEqualTo(alias.toBuilder().otherAccounts(io.invitations.spi.settings.OtherAccountPolicy.APPROVAL)
                        .build());
        assertThat(alias.toString()).contains("otherAccounts=VERIFIED_ALIAS", "aliasDomains=[example.de");

        InvalidSettingsException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSettingsException.class,
                () -> TenantSettings.builder().otherAccounts(null).aliasDomains("localhost", null).build());
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("otherAccounts"))
                .anySatisfy(p -> assertThat(p).contains("aliasDomains has 'localhost'"))
                .anySatisfy(p -> assertThat(p).contains("aliasDomains has 'null'"));
    }

    @Test
    void two_roles_that_differ_only_in_case_are_refused() {
        InvalidSettingsException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSettingsException.class,
                () -> TenantSettings.builder().roles(new java.util.LinkedHashMap<>(java.util.Map.of(
                        "admin", PermissionLevel.ADMIN_TENANT, "Admin", PermissionLevel.ADMIN_LOCAL))).build());
        assertThat(e.problems()).singleElement().asString().contains("twice");
    }

    @Test
    void the_in_memory_source_gives_branded_defaults_and_applies_updates() {
        InMemoryTenantSettingsSource source = new InMemoryTenantSettingsSource();
        TenantId acme = TenantId.of("acme");
        assertThat(source.settingsFor(acme).branding().tenantName()).isEqualTo("acme");
        source.update(acme, s -> s.toBuilder().invitationsEnabled(false).build());
        assertThat(source.settingsFor(acme).invitationsEnabled()).isFalse();
        assertThat(source.settingsFor(TenantId.of("other")).invitationsEnabled()).isTrue();
    }
}
