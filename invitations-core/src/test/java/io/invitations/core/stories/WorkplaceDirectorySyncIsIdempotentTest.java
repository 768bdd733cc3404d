package io.invitations.core.stories;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.DirectorySyncResult;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InviteRequest;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workplace syncs its identity directory every night: an entry already provisioned must come back
 * unchanged, not as an ALREADY_INVITED error that stops the sync.
 */
@DisplayName("Workplace: syncing the directory again leaves provisioned entries unchanged")
class WorkplaceDirectorySyncIsIdempotentTest {
    private static final Inviter AZURE = Inviter.system("azure-ad");

    private final Fixture f = new Fixture();
    private final InvitationAdministration sync = f.service.administration(AZURE, ACME);

    private Invitation entry(String email) {
        return sync.provisionFromDirectory(InviteRequest.builder().email(email).role("member")
                .source(InvitationSource.directory("azure-ad")).build());
    }

    @Test
    @DisplayName("the second sync of an entry returns the same invitation, with no history, message or event")
    void secondSyncReturnsTheSameInvitation() {
        Invitation first = entry("jane@example.com");
        int history = sync.history(first.id()).size();
        int events = f.events.size();
        f.clock.advance(Duration.ofDays(1));

        Invitation again = entry("Jane@Example.com");

        assertThat(again).isEqualTo(f.stored(first));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.status()).isEqualTo(InvitationStatus.PROVISIONED);
        assertThat(sync.history(first.id())).hasSize(history);
        assertThat(f.events).hasSize(events);
        assertThat(f.store.outbox(ACME, first.id())).isEmpty();
        assertThat(sync.invitationsOf(EmailAddress.of("jane@example.com"))).hasSize(1);
    }

    @Test
    @DisplayName("the sync learns from the result, not from logs, whether an entry was created or unchanged")
    void theResultSaysCreatedOrUnchanged() {
        InviteRequest jane = InviteRequest.builder().email("jane@example.com").role("member")
                .source(InvitationSource.directory("azure-ad")).build();
        DirectorySyncResult created = sync.syncFromDirectory(jane);
        f.clock.advance(Duration.ofDays(1));
        DirectorySyncResult unchanged = sync.syncFromDirectory(jane.toBuilder().email("JANE@example.com").build());

        assertThat(created.created()).isTrue();
        assertThat(created.unchanged()).isFalse();
        assertThat(unchanged.unchanged()).isTrue();
        assertThat(unchanged.created()).isFalse();
        assertThat(unchanged.invitation()).isEqualTo(created.invitation()).isEqualTo(f.stored(created.invitation()));
        assertThat(sync.provisionFromDirectory(jane)).as("the older call returns the same invitation")
                .isEqualTo(unchanged.invitation());

        DirectorySyncResult john = sync.syncFromDirectory(jane.toBuilder().email("john@example.com").build());
        assertThat(john.created()).as("another person's entry").isTrue();
        assertThat(john.invitation().id()).isNotEqualTo(created.invitation().id());
    }

    @Test
    @DisplayName("an entry already sent (pending) is unchanged too: no second email")
    void aSentEntryIsUnchanged() {
        Invitation first = entry("jane@example.com");
        Invitation sent = f.service.administration(Fixture.ADMIN, ACME).send(first.id());
        int queued = f.store.outbox(ACME, first.id()).size();

        Invitation again = entry("jane@example.com");

        assertThat(again).isEqualTo(f.stored(sent));
        assertThat(f.store.outbox(ACME, first.id())).hasSize(queued);
    }

    @Test
    @DisplayName("an entry whose invitation expired is invited afresh, as before")
    void anExpiredEntryIsCreatedAgain() {
        f.configure(s -> s.inviteOnCreation(true));
        Invitation first = entry("jane@example.com");
        f.clock.advance(Duration.ofDays(30));

        Invitation again = entry("jane@example.com");

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    @DisplayName("a member is still refused, and below the manage level the neutral answer stands")
    void membersAndLowLevelsAreStillRefused() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        entry("jane@example.com");
        f.directory.addMember(ACME, EmailAddress.of("member@example.com"));

        assertThat(refused(() -> entry("member@example.com")).code()).isEqualTo(ErrorCode.ALREADY_MEMBER);
        AlreadyInvitedException low = (AlreadyInvitedException) refused(() -> f.service
                .administration(user("u", PermissionLevel.USER), ACME).provisionFromDirectory(InviteRequest.builder()
                        .email("jane@example.com").role("member").build()));
        assertThat(low.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        assertThat(low.existingInvitationId()).isEmpty();
    }
}
