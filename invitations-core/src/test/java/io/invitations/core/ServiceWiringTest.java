package io.invitations.core;

import io.invitations.spi.mail.MailMessage;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.StaleVersionException;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

@DisplayName("The service's wiring: defaults, listeners, storage failures")
class ServiceWiringTest {
    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void with_no_configuration_everything_runs_in_memory_and_warns_that_links_die_with_the_process() {
        List<InvitationService> built = new ArrayList<>();
        String log = stderrOf(() -> built.add(InvitationService.builder().build()));
        assertThat(log).contains("WARN", "random in-process key", "keyRing");

        InvitationService service = built.get(0);
        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("jane@example.com").role("member")
                .build());
        String token = io.invitations.core.testing.Secrets.issued(service.administration(ADMIN, ACME).revealClaimLink(inv.id()).token());
        assertThat(service.invitee().accept(Fixture.claim(token)).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(service.toString()).contains("InMemoryInvitationStore", "RecordingMailer");
    }

    @Test
    void a_configured_key_ring_gives_no_warning() {
        Fixture f = new Fixture();
        String log = stderrOf(() -> InvitationService.builder().keyRing(f.keys).build());
        assertThat(log).doesNotContain("random in-process key");
    }

    @Test
    void a_listener_that_throws_is_logged_and_neither_undoes_the_change_nor_stops_other_listeners() {
        Fixture f = new Fixture();
        List<InvitationEvent> seen = new ArrayList<>();
        InvitationService service = InvitationService.builder().store(f.store).keyRing(f.keys).clock(f.clock)
                .deliveryExecutor(Runnable::run)
                .listener(e -> {
                    throw new IllegalStateException("webhook down");
                })
                .listener(seen::add).build();
        String[] log = new String[1];
        Invitation[] inv = new Invitation[1];
        log[0] = stderrOf(() -> inv[0] = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("a@example.com")
                .role("member").build()));

        assertThat(f.stored(inv[0]).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(seen).extracting(InvitationEvent::type)
                .as("the outbox delivered right after the write, and its event reached the listeners too")
                .containsExactly("invitation.invited", "delivery.delivered");
        assertThat(log[0]).contains("WARN", "invitation.invited", "webhook down");
    }

    @Test
    void when_storage_fails_nothing_is_published_and_the_typed_error_reaches_the_caller() {
        Fixture f = new Fixture();
        InvitationStore failing = spy(f.store);
        doThrow(new StorageException("database unreachable", null)).when(failing).write(any(WriteBatch.class));
        List<InvitationEvent> seen = new ArrayList<>();
        InvitationService service = InvitationService.builder().store(failing).keyRing(f.keys).listener(seen::add)
                .build();
        assertThat(Fixture.refused(() -> service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("a@example.com")
                .role("member").build())).code()).isEqualTo(io.invitations.spi.ErrorCode.STORAGE_FAILURE);
        assertThat(seen).isEmpty();
    }

    @Test
    void a_change_another_process_made_first_is_read_again_and_decided_again() {
        Fixture f = new Fixture();
        InvitationStore racing = spy(f.store);
        InvitationService service = InvitationService.builder().store(racing).identityDirectory(f.directory)
                .deliveryExecutor(Runnable::run)
                .keyRing(f.keys).clock(f.clock).listener(f.events::add).build();
        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("a@example.com").role("member")
                .build());
        String token = io.invitations.core.testing.Secrets.issued(service.administration(ADMIN, ACME).revealClaimLink(inv.id()).token());
        StaleVersionException stale = new StaleVersionException("invitation", inv.id().value(), 1);
        doThrow(stale).doThrow(stale).doCallRealMethod().when(racing).write(any(WriteBatch.class));

        assertThat(service.invitee().accept(Fixture.claim(token)).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(f.directory.createOrLinkCalls()).as("the account is created once, not per attempt").isEqualTo(1);
        assertThat(f.eventTypes()).containsExactly("invitation.invited", "delivery.delivered",
                "invitation.accepted");
    }

    @Test
    void when_another_process_keeps_winning_the_caller_gets_concurrent_modification_and_no_event() {
        Fixture f = new Fixture();
        InvitationStore racing = spy(f.store);
        InvitationService service = InvitationService.builder().store(racing).keyRing(f.keys).clock(f.clock)
                .deliveryExecutor(Runnable::run)
                .listener(f.events::add).build();
        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("a@example.com").role("member")
                .build());
        doThrow(new StaleVersionException("invitation", inv.id().value(), 1)).when(racing)
                .write(any(WriteBatch.class));

        assertThat(Fixture.refused(() -> service.administration(ADMIN, ACME).revoke(inv.id(), null)).code())
                .isEqualTo(io.invitations.spi.ErrorCode.CONCURRENT_MODIFICATION);
        assertThat(f.eventTypes()).containsExactly("invitation.invited", "delivery.delivered");
        assertThat(f.stored(inv).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void the_recording_mailer_keeps_what_it_was_sent_and_hides_it_from_to_string() {
        RecordingMailer mailer = new RecordingMailer();
        var message = MailMessage.builder()
                .idempotencyKey("inv-1#1")
                .tenantId(ACME)
                .invitationId(io.invitations.spi.invitation.InvitationId.of("inv-1"))
                .to("jane@example.com")
                .toName("Jane")
                .replyTo(null)
                .subject("You are invited")
                .html("<p>secret link</p>")
                .text("secret link")
                .locale(java.util.Locale.ENGLISH)
                .headers(java.util.Map.of())
                .build();
        mailer.send(message);
        assertThat(mailer.sent()).containsExactly(message);
        assertThat(mailer.toString()).doesNotContain("secret");
        mailer.clear();
        assertThat(mailer.sent()).isEmpty();
    }
}
