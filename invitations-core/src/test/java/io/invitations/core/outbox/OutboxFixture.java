package io.invitations.core.outbox;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.message.Branding;
import io.invitations.core.message.MessageContext;
import io.invitations.core.message.MessageRenderer;
import io.invitations.tck.support.MutableClock;
import io.invitations.core.message.TestInvitations;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store, a test clock, a renderer as the engine would build it, and the events seen. */
final class OutboxFixture {
    static final Branding BRANDING = new Branding("Acme", "https://cdn.example/logo.png", "#112233", "Acme's space");

    final MutableClock clock = new MutableClock(TestInvitations.START);
    final InMemoryInvitationStore store = new InMemoryInvitationStore();
    final List<InvitationEvent> events = new CopyOnWriteArrayList<>();
    final MessageRenderer messages = MessageRenderer.builtIn();

    /** Renders as the facade does: branding plus a claim link derived from id and token version. */
    final OutboxRenderer renderer = (invitation, message) -> messages.render(context(invitation, message));

    MessageContext context(Invitation invitation, OutboxMessage message) {
        return MessageContext.forMessage(message, invitation, BRANDING, claimUrl(invitation), clock.instant());
    }

    static String claimUrl(Invitation invitation) {
        return "https://app.example/claim/" + invitation.id() + "?v=" + invitation.tokenVersion();
    }

    OutboxProcessor.Builder processor(Mailer mailer) {
        return OutboxProcessor.builder().store(store).mailer(mailer).renderer(renderer).clock(clock)
                .listener(events::add);
    }

    /** Stores a pending invitation and its first message. */
    Invitation invite(String id, String personalMessage) {
        Invitation invitation = TestInvitations.pending(id, Invitee.email(id + "@example.com"), personalMessage,
                Locale.ENGLISH, clock.instant());
        TestInvitations.insertQueued(store, invitation, OutboxMessage.Kind.INVITATION);
        return invitation;
    }

    Invitation reload(Invitation invitation) {
        return find(store, invitation.id());
    }

    static Invitation find(InvitationStore store, InvitationId id) {
        return store.find(TestInvitations.TENANT, id).orElseThrow();
    }

    OutboxMessage outbox(Invitation invitation, int sendNumber) {
        return store.outbox(invitation.tenantId(), invitation.id()).stream()
                .filter(m -> m.sendNumber() == sendNumber).findFirst().orElseThrow();
    }

    /** A mailer that records what it was given. */
    static final class RecordingMailer implements Mailer {
        final List<MailMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(MailMessage message) {
            sent.add(message);
        }
    }
}
