package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole Spring Boot application on a real PostgreSQL server: the store's writes join the host's
 * {@code @Transactional} work, and commit alone without it.
 */
@DisplayName("A host transaction on PostgreSQL: rollback leaves nothing, no transaction commits")
@SpringBootTest(classes = HostTransactionTest.HostApplication.class,
        properties = {"invitations.schedule.enabled=false", "invitations.signing.active=k1",
                "invitations.signing.keys[0].id=k1",
                "invitations.signing.keys[0].secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class HostTransactionTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static EmbeddedPostgres postgres;

    @Autowired
    HostProjects projects;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcInvitationStore store;
    @Autowired
    AttemptThrottle throttle;

    /** The host: a project and its first invitation, atomically. */
    static class HostProjects {
        private final InvitationService service;

        HostProjects(InvitationService service) {
            this.service = service;
        }

        @Transactional
        public Invitation createProjectAndInvite(TenantId tenant, String email, boolean failAfterwards) {
            Invitation inv = service.administration(ADMIN, tenant).invite(InviteRequest.builder().email(email).role("member").build());
            if (failAfterwards) {
                throw new IllegalStateException("the host's own step failed after the invitation was created");
            }
            return inv;
        }

        public Invitation inviteWithoutTransaction(TenantId tenant, String email) {
            return service.administration(ADMIN, tenant).invite(InviteRequest.builder().email(email).role("member").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableTransactionManagement
    static class HostApplication {
        @Bean
        DataSource dataSource() {
            return postgres().getPostgresDatabase();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        HostProjects hostProjects(InvitationService service) {
            return new HostProjects(service);
        }
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return postgres;
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private TenantId tenant;

    @BeforeEach
    void freshTenant(TestInfo test) {
        tenant = TenantId.of("t-" + test.getTestMethod().orElseThrow().getName().hashCode());
    }

    /** Rows of the test's tenant in a table (history is append-only, so tenants keep tests apart). */
    private long rows(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            s.setString(1, tenant.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_host_rollback_leaves_no_invitation_history_or_outbox_row() throws SQLException {
        assertThatThrownBy(() -> projects.createProjectAndInvite(tenant, "jane@example.com", true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rows("inv_invitation")).isZero();
        assertThat(rows("inv_invitation_history")).isZero();
        assertThat(rows("inv_outbox")).isZero();
    }

    @Test
    void a_host_commit_keeps_all_three() throws SQLException {
        Invitation inv = projects.createProjectAndInvite(tenant, "jane@example.com", false);

        assertThat(rows("inv_invitation")).isEqualTo(1);
        assertThat(rows("inv_invitation_history")).isPositive();
        assertThat(rows("inv_outbox")).isEqualTo(1);
        assertThat(store.find(tenant, inv.id())).isPresent();
    }

    @Test
    void without_a_transaction_each_write_commits_on_its_own() throws SQLException {
        projects.inviteWithoutTransaction(tenant, "john@example.com");

        assertThat(rows("inv_invitation")).isEqualTo(1);
        assertThat(rows("inv_invitation_history")).isPositive();
        assertThat(rows("inv_outbox")).isEqualTo(1);
    }

    @Test
    void the_store_joins_spring_transactions_and_the_throttle_is_the_shared_one() {
        assertThat(store.connections()).isInstanceOf(SpringJdbcConnections.class);
        assertThat(throttle).isSameAs(store.attemptThrottle());
    }
}
