package io.invitations.core;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 3: below the tenant's manage level, "already invited" and "already a member" read
 * alike on every path that creates invitations (same code, same message, no invitation id in the
 * exception, its message or any event); managers still get the precise answer. A matrix of path x
 * level; HR_TENANT is the manage level here, so USER and HR_LOCAL are below it.
 */
@DisplayName("One neutral answer for low-level inviters")
class NeutralAlreadyAnswerTest {
    private static final String INVITED = "invited@example.com";
    private static final String MEMBER = "member@example.com";

    private final Fixture f = new Fixture();
    private Invitation open;

    /** The ways an inviter creates an invitation. */
    enum Path { INVITE, PROVISION, DIRECTORY_SYNC, BULK }

    /** What one attempt answered, with the address replaced by a marker so both answers compare. */
    record Answer(String code, String message, String invitationId) {
    }

    @BeforeEach
    void tenantWithAnInviteeAndAMember() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).manageLevel(PermissionLevel.HR_TENANT)
                .linkInvitationsEnabled(true));
        // in PARIS, the local levels' unit: a local manager may read it (another unit's reads neutral,
        // see AlreadyInvitedOutsideTheUnitTest)
        open = f.service.administration(ADMIN, ACME).invite(f.request(INVITED).unit(PARIS).build());
        f.directory.addMember(ACME, new EmailAddress(MEMBER));
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Path.values()).flatMap(p -> Arrays.stream(PermissionLevel.values())
                .map(l -> Arguments.of(p, l)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void already_invited_and_already_member_read_alike_below_the_manage_level(Path path, PermissionLevel level) {
        Inviter inviter = level.isLocal() ? user("u-" + level, level, PARIS) : user("u-" + level, level);
        int eventsBefore = f.events.size();

        Answer invited = attempt(path, inviter, INVITED);
        Answer member = attempt(path, inviter, MEMBER);

        assertThat(f.events).as("a refused attempt publishes nothing").hasSize(eventsBefore);
        if (level.atLeast(PermissionLevel.HR_TENANT)) {
            assertThat(invited.code()).isEqualTo(path == Path.BULK ? "ALREADY_INVITED" : ErrorCode.ALREADY_INVITED.name());
            assertThat(member.code()).isEqualTo(path == Path.BULK ? "ALREADY_MEMBER" : ErrorCode.ALREADY_MEMBER.name());
            assertThat(invited.message()).isNotEqualTo(member.message());
            if (path != Path.BULK) {
                assertThat(invited.invitationId()).isEqualTo(open.id().value());
            }
        } else {
            assertThat(invited).as("the same code, message and (no) invitation id").isEqualTo(member);
            assertThat(invited.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER.name());
            assertThat(invited.invitationId()).isNull();
            assertThat(invited.message()).doesNotContain(open.id().value());
        }
    }

    private Answer attempt(Path path, Inviter inviter, String email) {
        if (path == Path.BULK) {
            BulkReport report = f.service.administration(inviter, ACME).bulk(BulkRequest.builder(
                    List.of(InvitationRow.builder(2).set(RowField.EMAIL, email).build())).defaultRole("member").build());
            BulkReport.Line line = report.lines().get(0);
            assertThat(line.outcome()).isNotIn(BulkOutcome.CREATED, BulkOutcome.DENIED, BulkOutcome.INVALID);
            String message = line.reasons().get(0).message().replace(email, "<invitee>");
            return new Answer(line.outcome().name(), message + " [" + line.reasons().get(0).code() + "]",
                    line.invitationId() == null ? null : line.invitationId().value());
        }
        InviteRequest request = InviteRequest.builder().email(email).role("member").build();
        if (path == Path.DIRECTORY_SYNC && email.equals(INVITED)
                && inviter.level().atLeast(f.settings.settingsFor(ACME).manageLevel())) {
            // issue 15: directory sync is idempotent for managers; the open invitation comes back unchanged
            Invitation unchanged = f.service.administration(inviter, ACME).provisionFromDirectory(request.toBuilder()
                    .source(InvitationSource.directory("azure")).build());
            assertThat(unchanged).isEqualTo(f.stored(open));
            return new Answer(ErrorCode.ALREADY_INVITED.name(), "unchanged", unchanged.id().value());
        }
        InvitationException e = refused(() -> {
            switch (path) {
                case INVITE -> f.service.administration(inviter, ACME).invite(request);
                case PROVISION -> f.service.administration(inviter, ACME).provision(request);
                default -> f.service.administration(inviter, ACME).provisionFromDirectory(request.toBuilder()
                        .source(InvitationSource.directory("azure")).build());
            }
        });
        assertThat(e).isInstanceOf(AlreadyInvitedException.class);
        AlreadyInvitedException already = (AlreadyInvitedException) e;
        return new Answer(e.code().name(), e.getMessage().replace(email, "<invitee>"),
                already.existingInvitationId().map(id -> id.value()).orElse(null));
    }

    @Test
    void a_join_through_a_shareable_link_reads_alike_for_invitees_awaiting_approval_and_members() {
        // issue 15: a PENDING invitation no longer blocks a join (the join supersedes it); one that
        // awaits approval still does, and reads like a member
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER).manageLevel(PermissionLevel.HR_TENANT)
                .linkInvitationsEnabled(true).approvalRequired(true));
        f.service.invitee().accept(Fixture.claim(f.token(open)));
        RevealedShareableLink link = f.service.administration(ADMIN, ACME)
                .createShareableLink(ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(link.token());

        InvitationException invited = refused(() -> f.service.invitee().joinShareableLink(join(link.token(), INVITED, PASSWORD)));
        InvitationException member = refused(() -> f.service.invitee().joinShareableLink(join(link.token(), MEMBER, PASSWORD)));

        assertThat(invited.code()).isEqualTo(member.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(invited.getMessage().replace(INVITED, "x")).isEqualTo(member.getMessage().replace(MEMBER, "x"));
        assertThat(invited.getMessage()).doesNotContain(open.id().value());
    }

    @Test
    void on_a_link_join_a_too_short_password_does_not_tell_members_from_strangers() {
        f.configure(s -> s.minimumPasswordLength(12));
        RevealedShareableLink link = f.service.administration(ADMIN, ACME)
                .createShareableLink(ShareableLinkRequest.builder().role("member").build());
        Secrets.issued(link.token());

        // the membership answer comes first: a known address is never told about its password
        InvitationException member = refused(() -> f.service.invitee().joinShareableLink(join(link.token(), MEMBER, "short")));
        InvitationException invited = refused(() -> f.service.invitee().joinShareableLink(
                signedIn(join(link.token(), INVITED, "short"))));
        InvitationException unproven = refused(() -> f.service.invitee().joinShareableLink(join(link.token(), INVITED, "short")));

        assertThat(member.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        // issue 15: a pending invitation no longer blocks the invitee's own (signed-in) join, so they
        // read like a stranger (and the failed join closes nothing); an unproven join of their address
        // is refused like a member's, and leaves the invitation open
        assertThat(invited.code()).isEqualTo(ErrorCode.CLAIM_INCOMPLETE);
        assertThat(unproven.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(f.stored(open).status()).isEqualTo(io.invitations.spi.invitation.InvitationStatus.PENDING);
        assertThat(refused(() -> f.service.invitee().joinShareableLink(join(link.token(), "stranger@example.com", "short"))).code())
                .isEqualTo(ErrorCode.CLAIM_INCOMPLETE);
    }

    /** The same join, with the host's signed-in address equal to the typed one. */
    private static JoinRequest signedIn(JoinRequest join) {
        return JoinRequest.of(join.email(), ClaimRequest.builder(join.claim().token()).name("Jo", "Ner")
                .password(join.claim().password()).acceptingAs(new io.invitations.spi.invitation.EmailAddress(join.email()))
                .build());
    }

    private static JoinRequest join(String token, String email, String password) {
        return JoinRequest.of(email, ClaimRequest.builder(token).name("Jo", "Ner").password(password.toCharArray())
                .build());
    }
}
