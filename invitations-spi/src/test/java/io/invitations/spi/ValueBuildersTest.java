package io.invitations.spi;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.InvalidSettingsException;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("values that can grow are built through builders")
class ValueBuildersTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Invitation.Builder invitation() {
        return Invitation.builder().id(InvitationId.of("inv-1")).tenantId(ACME)
                .invitee(Invitee.email("jane@example.com")).grant(Grant.role("member"))
                .inviter(Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT))
                .createdAt(NOW).updatedAt(NOW);
    }

    @Test
    @DisplayName("toBuilder().build() gives an equal value with the same hash; a changed field makes it differ")
    void to_builder_round_trips_and_equality_is_by_value() {
        Invitation original = invitation().build();
        Invitation copy = original.toBuilder().build();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original).isNotSameAs(original);
        assertThat(copy.toString()).isEqualTo(original.toString()).startsWith("Invitation[id=inv-1");
        Invitation revoked = original.toBuilder().status(InvitationStatus.REVOKED).version(2).build();
        assertThat(revoked).isNotEqualTo(original);
        assertThat(revoked.status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(revoked.tenantId()).isEqualTo(ACME);
    }

    @Test
    @DisplayName("a missing or out-of-range field is refused with INVALID_REQUEST naming the field")
    void builders_refuse_bad_values_with_the_typed_exception() {
        assertThatThrownBy(() -> invitation().tenantId(null).build())
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("tenantId");
        assertThatThrownBy(() -> invitation().tokenVersion(0).build())
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("tokenVersion");
        assertThatThrownBy(() -> invitation().invitedBy(" ").build())
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("invitedBy");
        assertThatThrownBy(() -> HistoryEntry.builder().tenantId(ACME).invitationId(InvitationId.of("inv-1"))
                .at(NOW).actor("u-1").action(Action.REVOKE).build())
                .isInstanceOf(InvitationException.class).hasMessageContaining("to must be set");
        assertThatThrownBy(() -> InvitationQuery.builder(ACME).page(0, 0).build())
                .isInstanceOf(InvitationException.class).hasMessageContaining("limit");
    }

    @Test
    @DisplayName("tenant settings derive from the defaults and still list every problem at once")
    void tenant_settings_derive_and_validate() {
        TenantSettings strict = TenantSettings.defaults().toBuilder().resendLimit(0).build();

        assertThat(strict.resendLimit()).isZero();
        assertThat(strict).isNotEqualTo(TenantSettings.defaults());
        assertThat(strict.toBuilder().resendLimit(5).build()).isEqualTo(TenantSettings.defaults())
                .hasSameHashCodeAs(TenantSettings.defaults());
        assertThatThrownBy(() -> TenantSettings.builder().resendLimit(-1).invitationTtl(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("resendLimit").hasMessageContaining("invitationTtl");
    }

    @Test
    @DisplayName("a query derives a later page and a fixed instant through toBuilder")
    void query_to_builder() {
        InvitationQuery first = InvitationQuery.builder(ACME).statuses(InvitationStatus.PENDING)
                .invitedBy("u-1").page(0, 50).build();

        InvitationQuery asOf = first.toBuilder().asOf(NOW).build();

        assertThat(asOf.asOf()).isEqualTo(NOW);
        assertThat(asOf.toBuilder().asOf(null).build()).isEqualTo(first);
        assertThat(first.nextPage().offset()).isEqualTo(50);
        assertThat(first.toBuilder().page(50, 50).build()).isEqualTo(first.nextPage());
    }
}
