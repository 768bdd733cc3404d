package io.invitations.jdbc;

import io.invitations.core.Acceptance;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.invitation.ContactType;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations the seed products asked for, through a service over the JDBC store: the same
 * answers as in memory, with the database's one-open index in the way.
 */
@DisplayName("Seed product operations on PostgreSQL and H2")
class SeedProductOperationsOnJdbcTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final TenantId tenant = Samples.newTenant();

    private InvitationAdministration admin(JdbcDialect dialect) {
        settings.put(tenant, TenantSettings.builder().linkInvitationsEnabled(true).build());
        InvitationService service = InvitationService.builder().store(DATABASES.get(dialect).freshStore())
                .identityDirectory(directory).seatLedger(InMemorySeatLedger.countingMembersOf(directory))
                .settings(settings).keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                .mailer(new RecordingMailer()).clock(CLOCK).build();
        this.service = service;
        return service.administration(ADMIN, tenant);
    }

    private InvitationService service;

    private static InviteRequest.Builder request(String email) {
        return InviteRequest.builder().email(email).role("member");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("Talkspirit: a signed-in link join closes the joiner's pending invitation in the same write")
    void linkJoinSupersedesAPendingInvitation(JdbcDialect dialect) {
        InvitationAdministration admin = admin(dialect);
        Invitation lost = admin.invite(request("jane@example.com").build());
        String token = admin.createShareableLink(ShareableLinkRequest.builder().role("member").build()).token();

        Acceptance joined = service.invitee().joinShareableLink(JoinRequest.of("jane@example.com",
                ClaimRequest.builder(token).name("Jane", "Doe").password("correct horse battery".toCharArray())
                        .acceptingAs(EmailAddress.of("jane@example.com")).build()));

        assertThat(joined.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(admin.find(lost.id()).orElseThrow().status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(admin.history(lost.id())).last().satisfies(h -> assertThat(h.reason())
                .contains("superseded by link join"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("Spark.work and Talkspirit: one person's invitations, and the invitations without email")
    void lookUpsAndContactType(JdbcDialect dialect) {
        InvitationAdministration admin = admin(dialect);
        Invitation jane = admin.invite(request("Jane@Example.com").build());
        Invitation clerk = admin.invite(InviteRequest.builder().identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1")
                .role("member").build());

        assertThat(admin.invitationsOf(EmailAddress.of("jane@example.COM"))).extracting(Invitation::id)
                .containsExactly(jane.id());
        assertThat(admin.query(InvitationQuery.builder(tenant).contactType(ContactType.IDENTIFIER).build()).items())
                .extracting(Invitation::id).containsExactly(clerk.id());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    @DisplayName("Workplace: syncing again is unchanged, and a file of provisioned people is sent with a message")
    void syncAndSendProvisioned(JdbcDialect dialect) {
        InvitationAdministration admin = admin(dialect);
        InvitationAdministration sync = service.administration(Inviter.system("azure-ad"), tenant);
        Invitation first = sync.provisionFromDirectory(request("jane@example.com")
                .source(InvitationSource.directory("azure-ad")).build());

        Invitation again = sync.provisionFromDirectory(request("jane@example.com")
                .source(InvitationSource.directory("azure-ad")).build());
        io.invitations.core.DirectorySyncResult third = sync.syncFromDirectory(request("Jane@example.com")
                .source(InvitationSource.directory("azure-ad")).build());
        assertThat(third.unchanged()).as("the caller learns it without logs").isTrue();
        assertThat(third.invitation()).isEqualTo(again);
        BulkReport report = admin.bulk(BulkRequest.builder(List.of(InvitationRow.builder(2)
                .set(RowField.EMAIL, "jane@example.com").build())).action(BulkAction.SEND_PROVISIONED)
                .personalMessage("Kick-off on Monday").build());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(report.line(2).orElseThrow().outcome()).isEqualTo(BulkOutcome.SENT);
        assertThat(admin.find(first.id()).orElseThrow()).satisfies(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(i.personalMessage()).isEqualTo("Kick-off on Monday");
        });
    }
}
