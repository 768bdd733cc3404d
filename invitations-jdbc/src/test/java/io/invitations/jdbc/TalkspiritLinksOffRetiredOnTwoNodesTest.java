package io.invitations.jdbc;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Talkspirit's "a deactivated link stays dead", on the JDBC store with two service nodes: links
 * switched off on one node stay dead on the other once switched on again.
 */
@DisplayName("Talkspirit on JDBC: switching links off on one node retires them for every node")
class TalkspiritLinksOffRetiredOnTwoNodesTest {
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private static TestDatabase database;
    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryKeyRing keys = InMemoryKeyRing.of(SigningKey.of("k1",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final TenantId tenant = Samples.newTenant();

    @BeforeAll
    static void start() {
        database = TestDatabase.create(JdbcDialect.H2);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private List<InvitationService> twoNodes() {
        String prefix = database.freshPrefix();
        List<InvitationService> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool()).tablePrefix(prefix).build();
            store.migrate();
            nodes.add(InvitationService.builder().store(store).identityDirectory(directory)
                    .seatLedger(InMemorySeatLedger.countingMembersOf(directory)).settings(settings).keyRing(keys)
                    .mailer(new RecordingMailer()).clock(CLOCK).build());
        }
        return nodes;
    }

    private static JoinRequest join(String token, String email) {
        return JoinRequest.of(email, ClaimRequest.builder(token).name("Jo", "Ner")
                .password("correct horse battery staple".toCharArray()).build());
    }

    @Test
    @DisplayName("off on node 1, on again: node 2 refuses the old URLs; a reactivated link works on both")
    void linksSwitchedOffOnOneNodeStayDeadOnTheOther() {
        settings.update(tenant, s -> s.toBuilder().linkInvitationsEnabled(true).build());
        List<InvitationService> nodes = twoNodes();
        RevealedShareableLink leaked = nodes.get(0).administration(ADMIN, tenant)
                .createShareableLink(ShareableLinkRequest.builder().role("member").build());
        nodes.get(1).administration(ADMIN, tenant).createShareableLink(ShareableLinkRequest.builder().role("member")
                .build());

        assertThat(nodes.get(0).administration(ADMIN, tenant).switchShareableLinks(false)).isEqualTo(2);
        nodes.get(1).administration(ADMIN, tenant).switchShareableLinks(true);

        InvitationException refused = catchThrowableOfType(InvitationException.class,
                () -> nodes.get(1).invitee().joinShareableLink(join(leaked.token(), "mallory@example.com")));
        assertThat(refused.code()).isEqualTo(ErrorCode.LINK_INACTIVE);
        assertThat(nodes.get(1).administration(ADMIN, tenant).shareableLinks()).extracting(ShareableLink::active)
                .containsExactly(false, false);
        RevealedShareableLink renewed = nodes.get(1).administration(ADMIN, tenant)
                .reactivateShareableLink(leaked.link().id());
        assertThat(nodes.get(0).invitee().joinShareableLink(join(renewed.token(), "jo@example.com")).invitation()
                .status()).isEqualTo(InvitationStatus.ACCEPTED);
    }
}
