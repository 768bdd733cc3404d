package io.invitations.core.stories;

import io.invitations.core.InvalidRequestException;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.SendReport;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workplace lets an administrator add a message when sending the claim email to one provisioned
 * person, to a selection, or to everyone provisioned.
 */
@DisplayName("Workplace: an administrator adds a message when sending the claim email")
class WorkplaceSendWithAddedMessageTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    private Invitation provisioned(String email) {
        return admin.provision(f.request(email).build());
    }

    private List<MailMessage> delivered() {
        f.service.maintenance().deliverDueMessages();
        return f.mailer.sent();
    }

    @Test
    @DisplayName("to one person: the email shows the text, HTML-escaped, exactly as the preview showed it")
    void toOnePerson() {
        Invitation jane = provisioned("jane@example.com");

        Invitation sent = admin.send(jane.id(), "Welcome <b>aboard</b> & see you Monday");
        MailMessage preview = admin.preview(jane.id(), OutboxMessage.Kind.INVITATION);
        MailMessage mail = delivered().get(0);

        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(mail.text()).contains("Welcome <b>aboard</b> & see you Monday");
        assertThat(mail.html()).contains("Welcome &lt;b&gt;aboard&lt;/b&gt; &amp; see you Monday")
                .doesNotContain("<b>aboard</b>");
        assertThat(mail.html()).isEqualTo(preview.html());
        assertThat(mail.text()).isEqualTo(preview.text());
    }

    @Test
    @DisplayName("the added text comes after the invitation's own personal message")
    void afterThePersonalMessage() {
        Invitation jane = admin.provision(f.request("jane@example.com").personalMessage("From HR.").build());

        Invitation sent = admin.send(jane.id(), "Kick-off on Monday.");

        assertThat(sent.personalMessage()).isEqualTo("From HR.\n\nKick-off on Monday.");
        assertThat(delivered().get(0).text()).contains("From HR.", "Kick-off on Monday.");
    }

    @Test
    @DisplayName("to a selection and to everyone provisioned: each email carries the text")
    void toASelectionAndToEveryone() {
        Invitation one = provisioned("one@example.com");
        Invitation two = provisioned("two@example.com");
        provisioned("three@example.com");

        SendReport selection = admin.send(List.of(one.id(), two.id()), "Team kick-off on Monday");
        SendReport all = admin.sendAllProvisioned("Everyone is welcome");

        assertThat(selection.sent()).hasSize(2);
        assertThat(all.sent()).hasSize(1);
        assertThat(delivered()).hasSize(3)
                .satisfies(mails -> {
                    assertThat(mails).filteredOn(m -> m.text().contains("Team kick-off on Monday")).hasSize(2);
                    assertThat(mails).filteredOn(m -> m.text().contains("Everyone is welcome")).hasSize(1);
                });
    }

    @Test
    @DisplayName("no text, or blank text, sends the email as before")
    void noTextIsNoChange() {
        Invitation jane = provisioned("jane@example.com");

        Invitation sent = admin.send(jane.id(), "   ");

        assertThat(sent.personalMessage()).isNull();
    }

    @Test
    @DisplayName("too long a text is refused naming the message and the limit, and nothing is sent")
    void tooLongIsRefused() {
        Invitation jane = provisioned("jane@example.com");
        Invitation joe = admin.provision(f.request("joe@example.com").personalMessage("x".repeat(1990)).build());
        String tooLong = "y".repeat(2001);

        InvalidRequestException alone = (InvalidRequestException) refused(() -> admin.send(jane.id(), tooLong));
        InvalidRequestException all = (InvalidRequestException) refused(() -> admin.sendAllProvisioned(tooLong));
        InvalidRequestException together = (InvalidRequestException) refused(
                () -> admin.send(joe.id(), "a text of more than ten characters"));
        SendReport selection = admin.send(List.of(joe.id(), jane.id()), "a text of more than ten characters");

        assertThat(alone.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(alone.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("message");
            assertThat(p.message()).contains("2000", "2001");
        });
        assertThat(all.problems()).extracting(p -> p.field()).containsExactly("message");
        assertThat(together.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("personal message", "2000"));
        assertThat(selection.refused()).singleElement().satisfies(r -> {
            assertThat(r.invitationId()).isEqualTo(joe.id());
            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        });
        assertThat(selection.sent()).extracting(Invitation::id).containsExactly(jane.id());
        assertThat(f.stored(joe).status()).isEqualTo(InvitationStatus.PROVISIONED);
    }
}
