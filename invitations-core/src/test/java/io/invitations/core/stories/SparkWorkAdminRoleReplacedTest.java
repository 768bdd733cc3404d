package io.invitations.core.stories;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.settings.TenantSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark.work: every invitation carries a role type, and a tenant names its roles as it likes.
 * {@code role("Admin", ...)} adds or replaces a role, names compared ignoring case, as its Javadoc says.
 */
@DisplayName("Spark.work: naming the admin role \"Admin\" replaces the default \"admin\"")
class SparkWorkAdminRoleReplacedTest {
    @Test
    @DisplayName("role(\"Admin\", ...) replaces \"admin\" rather than naming it twice")
    void roleReplacesTheSameNameInAnotherCase() {
        TenantSettings settings = TenantSettings.builder().role("Admin", PermissionLevel.ADMIN_LOCAL).build();

        assertThat(settings.roles()).containsOnlyKeys("member", "Admin");
        assertThat(settings.levelToGrant("admin")).contains(PermissionLevel.ADMIN_LOCAL);
        assertThat(settings.levelToGrant("ADMIN")).contains(PermissionLevel.ADMIN_LOCAL);
    }

    @Test
    @DisplayName("replacing keeps the other roles and their order; a new name is added at the end")
    void replacingKeepsTheOtherRoles() {
        TenantSettings settings = TenantSettings.builder().role("Owner", PermissionLevel.ADMIN_TENANT)
                .role("MEMBER", PermissionLevel.HR_LOCAL).build();

        assertThat(settings.levelToGrant("member")).contains(PermissionLevel.HR_LOCAL);
        assertThat(settings.roles()).hasSize(3).containsKey("Owner");
    }

    @Test
    @DisplayName("an invitation with the renamed role is granted under the tenant's spelling")
    void anInvitationWithTheRenamedRole() {
        Fixture f = new Fixture().configure(s -> s.role("Admin", PermissionLevel.ADMIN_LOCAL));

        Invitation invitation = f.service.administration(ADMIN, ACME).invite(f.request("boss@example.com")
                .role("admin").build());

        assertThat(invitation.grant().role()).isEqualToIgnoringCase("admin");
    }
}
