package io.invitations.spi;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.settings.SendLimits;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.InvalidSettingsException;
import io.invitations.spi.storage.OptOut;
import io.invitations.spi.storage.SendRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16 item 4: the values of opt-outs and send limits refuse bad values and describe themselves safely. */
@DisplayName("Opt-out and send-limit values")
class OptOutValuesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    @DisplayName("send limits add windows one at a time and refuse a bad count or window naming it")
    void sendLimits() {
        SendLimits limits = SendLimits.NONE.perContact(3, Duration.ofDays(7)).perInviter(20, Duration.ofHours(1));

        assertThat(SendLimits.NONE.any()).isFalse();
        assertThat(limits.any()).isTrue();
        assertThat(limits.perContact()).containsExactly(InviteQuota.of(3, Duration.ofDays(7)));
        assertThat(limits.perInviter()).containsExactly(InviteQuota.of(20, Duration.ofHours(1)));
        assertThatThrownBy(() -> SendLimits.NONE.perContact(0, Duration.ofDays(1)))
                .isInstanceOf(InvitationException.class).hasMessageContaining("maxInvitations");
        assertThatThrownBy(() -> SendLimits.NONE.perInviter(1, Duration.ZERO))
                .isInstanceOf(InvitationException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> new SendLimits(null, java.util.List.of()))
                .isInstanceOf(InvitationException.class).hasMessageContaining("perContact");
    }

    @Test
    @DisplayName("tenant settings carry send limits and an opt-out URL that must hold the token placeholder")
    void tenantSettings() {
        TenantSettings s = TenantSettings.builder().sendLimits(SendLimits.NONE.perContact(1, Duration.ofDays(1)))
                .optOutUrlTemplate("https://app.example.com/opt-out/{token}").build();

        assertThat(s.sendLimits().perContact()).hasSize(1);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(TenantSettings.defaults().sendLimits()).isEqualTo(SendLimits.NONE);
        assertThat(TenantSettings.defaults().optOutUrlTemplate()).isEqualTo("http://localhost:8080/opt-out/{token}");
        assertThatThrownBy(() -> TenantSettings.builder().optOutUrlTemplate("https://app.example.com/opt-out").build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("optOutUrlTemplate");
    }

    @Test
    @DisplayName("an opt-out and a send record refuse a blank key and missing values; an opt-out's description hides its key")
    void optOutAndSendRecord() {
        OptOut everywhere = new OptOut("secret-key", null, T0);

        assertThat(everywhere.tenant()).isEmpty();
        assertThat(everywhere.toString()).doesNotContain("secret-key").contains("(all)");
        assertThat(new OptOut("k", TenantId.of("acme"), T0).tenant()).contains(TenantId.of("acme"));
        assertThatThrownBy(() -> new OptOut(" ", null, T0)).isInstanceOf(InvitationException.class)
                .hasMessageContaining("contactKey");
        assertThatThrownBy(() -> new OptOut("k", null, null)).isInstanceOf(InvitationException.class)
                .hasMessageContaining("at");
        assertThatThrownBy(() -> new SendRecord(TenantId.of("acme"), "k", "", T0))
                .isInstanceOf(InvitationException.class).hasMessageContaining("inviter");
        assertThatThrownBy(() -> new SendRecord(null, "k", "u", T0))
                .isInstanceOf(InvitationException.class).hasMessageContaining("tenantId");
    }
}
