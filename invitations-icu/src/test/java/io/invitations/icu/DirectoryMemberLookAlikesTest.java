package io.invitations.icu;

import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.outbox.DeliveryMode;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.LookAlikePolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 13 item 5, from the attacker's side: Jane is a member of the tenant in the identity directory
 * (her account came from the host's own sign-up, never through an invitation), and an inviter, a
 * bulk file or a shareable-link joiner tries to bring in a copy of her address whose letters are
 * Cyrillic homoglyphs. Before, only invitations were compared, so the copy was accepted as a new
 * person; now the directory takes part ({@code IdentityDirectory.memberLookingLike}) and the copy is
 * refused or flagged as the tenant says.
 */
@DisplayName("Look-alikes of directory members who were never invited")
class DirectoryMemberLookAlikesTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter INVITER = Inviter.of("mallory", "Mallory", PermissionLevel.ADMIN_TENANT);
    private static final String JANE = "jane.doe@example.com";
    /** {@code jаne.dое@example.com}: the a, o and e are Cyrillic. */
    private static final String COPY = "j\u0430ne.d\u043E\u0435@example.com";
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();

    private InvitationService service(IdentityDirectory identities) {
        return InvitationService.builder().contactSkeleton(IcuContactSkeleton.create()).identityDirectory(identities)
                .settings(settings).deliveryMode(DeliveryMode.HOST_DRIVEN).build();
    }

    private InviteRequest request(String email) {
        return InviteRequest.builder().email(email).role("member").build();
    }

    @Test
    @DisplayName("inviting a Cyrillic copy of a member who was never invited is refused, naming neither her nor her account")
    void copyOfAMemberIsRefused() {
        directory.addMember(ACME, EmailAddress.of(JANE));

        PolicyViolationException e = catchThrowableOfType(PolicyViolationException.class,
                () -> service(directory).administration(INVITER, ACME).invite(request(COPY)));

        assertThat(e).as("the copy was accepted as a new person").isNotNull();
        assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.CONTACT_CONFUSABLE);
            assertThat(r.field()).isEqualTo("email");
            assertThat(r.message()).doesNotContain(JANE).doesNotContain("acct-");
        });
        assertThat(directory.memberCount(ACME)).isEqualTo(1);
    }

    @Test
    @DisplayName("a Cyrillic copy of a member's identifier is refused too")
    void copyOfAMembersIdentifierIsRefused() {
        directory.addMember(ACME, new Identifier(IdentifierKind.of("badge"), "ABC-1"));

        InvitationException e = catchThrowableOfType(InvitationException.class, () -> service(directory)
                .administration(INVITER, ACME).invite(InviteRequest.builder()
                        .identifier(IdentifierKind.of("badge"), "\u0410BC-1").role("member").build()));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_CONFUSABLE);
    }

    @Test
    @DisplayName("a tenant that flags look-alikes accepts the copy with a note in its history")
    void copyOfAMemberIsFlagged() {
        directory.addMember(ACME, EmailAddress.of(JANE));
        settings.update(ACME, s -> s.toBuilder().lookAlikes(LookAlikePolicy.FLAG).build());
        InvitationService service = service(directory);

        Invitation flagged = service.administration(INVITER, ACME).invite(request(COPY));

        assertThat(service.administration(INVITER, ACME).history(flagged.id()))
                .anySatisfy(h -> assertThat(h.reason()).contains("look-alike"));
    }

    @Test
    @DisplayName("a bulk row with the copy is denied on that row only")
    void copyInABulkRowIsDenied() {
        directory.addMember(ACME, EmailAddress.of(JANE));

        BulkReport report = service(directory).administration(INVITER, ACME).bulk(BulkRequest.builder(List.of(
                        InvitationRow.builder(2).set(RowField.EMAIL, COPY).build(),
                        InvitationRow.builder(3).set(RowField.EMAIL, "max@example.com").build()))
                .defaultRole("member").build());

        assertThat(report.lines().get(0).outcome()).isEqualTo(BulkOutcome.DENIED);
        assertThat(report.lines().get(0).reasons()).anySatisfy(p -> assertThat(p.code())
                .isEqualTo(ErrorCode.CONTACT_CONFUSABLE));
        assertThat(report.lines().get(1).invitationId()).isNotNull();
    }

    @Test
    @DisplayName("joining through a shareable link with the copy reads like joining as the member herself")
    void copyThroughALinkReadsLikeTheMember() {
        directory.addMember(ACME, EmailAddress.of(JANE));
        settings.update(ACME, s -> s.toBuilder().linkInvitationsEnabled(true).build());
        InvitationService service = service(directory);
        String token = service.administration(INVITER, ACME).createShareableLink(ShareableLinkRequest.builder()
                .role("member").build()).token();

        InvitationException asCopy = catchThrowableOfType(InvitationException.class, () -> service.invitee()
                .joinShareableLink(JoinRequest.of(COPY, ClaimRequest.builder(token).name("Jane", "Doe")
                        .password(PASSWORD.clone()).build())));
        InvitationException asJane = catchThrowableOfType(InvitationException.class, () -> service.invitee()
                .joinShareableLink(JoinRequest.of(JANE, ClaimRequest.builder(token).name("Jane", "Doe")
                        .password(PASSWORD.clone()).build())));

        assertThat(asCopy).isNotNull();
        assertThat(asJane).isNotNull();
        assertThat(asCopy.code()).isEqualTo(asJane.code());
        assertThat(directory.memberCount(ACME)).isEqualTo(1);
    }

    @Test
    @DisplayName("a directory that keeps the SPI's default (UNKNOWN) still works: only invitations are compared")
    void directoryWithoutLookAlikesStillWorks() {
        directory.addMember(ACME, EmailAddress.of(JANE));
        IdentityDirectory plain = new IdentityDirectory() {
            @Override
            public boolean isMember(TenantId tenantId, Contact contact) {
                return directory.isMember(tenantId, contact);
            }

            @Override
            public String createOrLinkAccount(AccountRequest request) {
                return directory.createOrLinkAccount(request);
            }

            @Override
            public boolean ssoEnabled(TenantId tenantId) {
                return false;
            }
        };

        Invitation accepted = service(plain).administration(INVITER, ACME).invite(request(COPY));

        assertThat(accepted.invitee().contact().toString()).isNotEqualTo(JANE);
    }
}
