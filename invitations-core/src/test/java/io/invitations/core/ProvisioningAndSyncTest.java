package io.invitations.core;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Provisioning, directory sync and invite-all")
class ProvisioningAndSyncTest {
    private static final Inviter AZURE = Inviter.system("azure-ad");

    private final Fixture f = new Fixture();

    private Invitation fromDirectory(String email) {
        return f.service.administration(AZURE, ACME).provisionFromDirectory(InviteRequest.builder().email(email).role("member")
                .build());
    }

    @Nested
    @DisplayName("provisioned accounts")
    class Provisioned {
        @Test
        void a_provisioned_account_gets_no_message_and_its_link_can_neither_be_inspected_nor_accepted() {
            Invitation inv = f.service.administration(ADMIN, ACME).provision(f.request("jane@example.com").build());
            String token = f.token(inv);

            assertThat(inv.status()).isEqualTo(InvitationStatus.PROVISIONED);
            assertThat(f.store.outbox(ACME, inv.id())).isEmpty();
            assertThat(refused(() -> f.service.invitee().inspect(token)).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(refused(() -> f.service.invitee().accept(claim(token))).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(refused(() -> f.service.invitee().decline(token)).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(f.stored(inv)).isEqualTo(inv);
            assertThat(f.directory.createOrLinkCalls()).isZero();
        }

        @Test
        void a_provisioned_account_is_not_matched_when_the_person_signs_in_another_way() {
            f.service.administration(ADMIN, ACME).provision(f.request("jane@example.com").build());

            assertThat(f.service.administration(ADMIN, ACME).matchSignUp(SignUp.verified(ACME, "jane@example.com"))).isEmpty();
        }

        @Test
        void one_a_selection_or_all_provisioned_accounts_can_then_be_invited() {
            Invitation one = f.service.administration(ADMIN, ACME).provision(f.request("one@example.com").build());
            Invitation two = f.service.administration(ADMIN, ACME).provision(f.request("two@example.com").build());
            Invitation three = f.service.administration(ADMIN, ACME).provision(f.request("three@example.com").build());
            Invitation four = f.service.administration(ADMIN, ACME).provision(f.request("four@example.com").build());

            Invitation sentOne = f.service.administration(ADMIN, ACME).send(one.id());
            SendReport selection = f.service.administration(ADMIN, ACME).send(List.of(two.id(), three.id()));
            SendReport all = f.service.administration(ADMIN, ACME).sendAllProvisioned();

            assertThat(sentOne.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(selection.sent()).extracting(Invitation::id).containsExactly(two.id(), three.id());
            assertThat(all.sent()).extracting(Invitation::id).containsExactly(four.id());
            assertThat(f.service.invitee().accept(claim(f.token(one))).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        }
    }

    @Nested
    @DisplayName("directory sync")
    class DirectorySync {
        @Test
        void entries_from_a_directory_are_created_uninvited_with_source_directory() {
            Invitation inv = fromDirectory("jane@example.com");

            assertThat(inv.status()).isEqualTo(InvitationStatus.PROVISIONED);
            assertThat(inv.source()).isEqualTo(InvitationSource.directory(null));
            assertThat(inv.invitedBy()).isEqualTo(AZURE.userId());
            assertThat(f.store.outbox(ACME, inv.id())).isEmpty();
        }

        @Test
        void a_request_that_names_its_directory_keeps_the_name() {
            Invitation inv = f.service.administration(AZURE, ACME).provisionFromDirectory(InviteRequest.builder()
                    .identifier(IdentifierKind.PERSONNEL_NUMBER, "E-7").role("member")
                    .source(InvitationSource.directory("active-directory")).build());

            assertThat(inv.source()).isEqualTo(InvitationSource.directory("active-directory"));
        }

        @Test
        void with_invite_on_creation_entries_are_invited_at_once() {
            f.configure(s -> s.inviteOnCreation(true));

            Invitation inv = fromDirectory("jane@example.com");

            assertThat(inv.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(f.store.outbox(ACME, inv.id())).hasSize(1);
        }

        @Test
        void invite_all_invites_every_uninvited_entry_and_switches_invite_on_creation_on() {
            fromDirectory("a@example.com");
            fromDirectory("b@example.com");
            assertThat(f.settings.settingsFor(ACME).inviteOnCreation()).isFalse();

            SendReport report = f.service.administration(ADMIN, ACME).sendAllProvisioned();
            Invitation later = fromDirectory("c@example.com");

            assertThat(report.sent()).hasSize(2).allMatch(i -> i.status() == InvitationStatus.PENDING);
            assertThat(f.settings.settingsFor(ACME).inviteOnCreation()).isTrue();
            assertThat(later.status()).as("created after invite-all").isEqualTo(InvitationStatus.PENDING);
            assertThat(f.settings.settingsFor(Fixture.GLOBEX).inviteOnCreation()).as("other tenants").isFalse();
        }

        @Test
        void a_refused_invite_all_switches_nothing() {
            fromDirectory("a@example.com");

            refused(() -> f.service.administration(Fixture.user("u", io.invitations.spi.invitation
                    .PermissionLevel.USER), ACME).sendAllProvisioned());

            assertThat(f.settings.settingsFor(ACME).inviteOnCreation()).isFalse();
        }

        @Test
        void a_settings_source_that_cannot_store_the_switch_gets_a_warning_naming_the_tenant() {
            TenantSettingsSource readOnly = tenant -> TenantSettings.defaults();
            InvitationService service = InvitationService.builder().settings(readOnly).keyRing(f.keys).build();
            service.administration(ADMIN, ACME).provision(InviteRequest.builder().email("a@example.com").role("member").build());
            PrintStream err = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                service.administration(ADMIN, ACME).sendAllProvisioned();
            } finally {
                System.setErr(err);
            }

            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN", "tenant acme", "inviteOnCreation");
        }

        @Test
        void tenants_are_separate() {
            f.configure(s -> s.inviteOnCreation(true));

            Invitation other = f.service.administration(AZURE, TenantId.of("globex")).provisionFromDirectory(InviteRequest.builder()
                    .email("jane@example.com").role("member").build());

            assertThat(other.status()).isEqualTo(InvitationStatus.PROVISIONED);
        }
    }
}
