package io.invitations.spring.boot.internal;

import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.settings.ReminderSchedule;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spring.boot.InvitationsProperties;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns {@code invitations.tenant-defaults.*} into the settings source the engine reads (the one
 * place of the starter that names the settings types, so that moving them touches one file).
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class TenantDefaultsSource {
    private TenantDefaultsSource() {
    }

    /**
     * Builds a source that gives every tenant the configured defaults.
     *
     * @param p the properties
     * @return the source
     * @throws io.invitations.spi.settings.InvalidSettingsException naming every invalid value
     */
    public static TenantSettingsSource of(InvitationsProperties.TenantDefaults p) {
        TenantSettings.Builder b = TenantSettings.builder();
        if (p.getInvitationTtl() != null) {
            b.invitationTtl(p.getInvitationTtl());
        }
        if (p.getClaimUrlTemplate() != null) {
            b.claimUrlTemplate(p.getClaimUrlTemplate());
        }
        if (p.getJoinUrlTemplate() != null) {
            b.joinUrlTemplate(p.getJoinUrlTemplate());
        }
        if (p.getDefaultLocale() != null) {
            b.defaultLocale(p.getDefaultLocale());
        }
        if (p.getBulkLimit() != null) {
            b.bulkLimit(p.getBulkLimit());
        }
        if (p.getApprovalRequired() != null) {
            b.approvalRequired(p.getApprovalRequired());
        }
        if (p.getGuestsAllowed() != null) {
            b.guestsAllowed(p.getGuestsAllowed());
        }
        if (p.getLinkInvitationsEnabled() != null) {
            b.linkInvitationsEnabled(p.getLinkInvitationsEnabled());
        }
        if (p.getTermsRequired() != null) {
            b.termsRequired(p.getTermsRequired());
        }
        if (!p.getAllowedDomains().isEmpty()) {
            b.allowedDomains(p.getAllowedDomains());
        }
        if (p.getRetention() != null) {
            b.retention(p.getRetention());
        }
        if (!p.getRemindersAfterSending().isEmpty()) {
            try {
                b.reminders(ReminderSchedule.afterSending(p.getRemindersAfterSending().toArray(Duration[]::new)));
            } catch (InvitationException e) {
                throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.tenant-defaults"
                        + ".reminders-after-sending must list positive durations such as 2d,5d: " + e.getMessage());
            }
        }
        if (p.getOtherAccounts() != null) {
            b.otherAccounts(otherAccounts(p.getOtherAccounts()));
        }
        if (!p.getAliasDomains().isEmpty()) {
            String[] domains = p.getAliasDomains().toArray(String[]::new);
            try {
                TenantSettings.builder().aliasDomains(domains).build();
            } catch (InvitationException e) {
                throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.tenant-defaults.alias-domains"
                        + " must list email domains such as example.de: " + e.getMessage());
            }
            b.aliasDomains(domains);
        }
        if (p.isAcceptingAddressRequired()) {
            b.acceptingAddressRequired(true);
        }
        return new InMemoryTenantSettingsSource(b.build());
    }

    private static OtherAccountPolicy otherAccounts(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OtherAccountPolicy policy : OtherAccountPolicy.values()) {
            if (policy.name().equals(name)) {
                return policy;
            }
        }
        throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.tenant-defaults.other-accounts must be"
                + " one of " + Arrays.toString(OtherAccountPolicy.values()) + ", not '" + value.strip() + "'");
    }
}
