package io.invitations.core.stories;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** awork's users "resend" an expired invitation: the SDK refuses and names the call that works. */
@DisplayName("awork: resending an expired invitation names reinvite")
class AworkResendExpiredNamesReinviteTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    @Test
    @DisplayName("resend on an EXPIRED invitation is refused with a message naming reinvite; nothing is sent")
    void resendOnExpiredIsRefusedNamingReinvite() {
        Invitation jane = f.invite("jane@example.com");
        f.clock.advance(Duration.ofDays(30));
        int queued = f.store.outbox(ACME, jane.id()).size();

        IllegalTransitionException e = (IllegalTransitionException) refused(() -> admin.resend(jane.id()));

        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.status()).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(e.getMessage()).contains("reinvite");
        assertThat(f.store.outbox(ACME, jane.id())).hasSize(queued);
    }

    @Test
    @DisplayName("reinvite, as the message says, sends a new link and the old one is dead")
    void reinviteAsTheMessageSaysSendsANewLink() {
        Invitation jane = f.invite("jane@example.com");
        String oldToken = f.token(jane);
        f.clock.advance(Duration.ofDays(30));
        refused(() -> admin.resend(jane.id()));

        Invitation again = admin.reinvite(jane.id());

        assertThat(again.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.token(again)).isNotEqualTo(oldToken);
        assertThat(refused(() -> f.service.invitee().inspect(oldToken)).code()).isNotNull();
    }
}
