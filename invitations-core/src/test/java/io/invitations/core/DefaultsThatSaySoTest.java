package io.invitations.core;

import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Defaults that say so: WARN per in-memory production part, a bounded recording mailer")
class DefaultsThatSaySoTest {

    /** Runs the action with standard error captured (slf4j-simple writes there) and returns the WARN lines. */
    private static List<String> warningsOf(Supplier<?> action) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.err.flush();
            System.setErr(before);
        }
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("WARN") && l.contains(InvitationService.class.getName()))
                .toList();
    }

    @Test
    void a_builder_left_at_every_default_warns_once_per_part_naming_the_builder_method() {
        List<String> warnings = warningsOf(() -> InvitationService.builder().build());

        assertThat(warnings).hasSize(6);
        for (String method : List.of("store(", "mailer(", "keyRing(", "identityDirectory(", "seatLedger(",
                "attemptThrottle(")) {
            assertThat(warnings).as(method).filteredOn(l -> l.contains("builder()." + method)).hasSize(1);
        }
    }

    @Test
    void a_builder_given_every_production_part_stays_silent() {
        List<String> warnings = warningsOf(() -> InvitationService.builder()
                .store(new InMemoryInvitationStore())
                .mailer(new RecordingMailer())
                .keyRing(InMemoryKeyRing.random())
                .identityDirectory(new InMemoryIdentityDirectory())
                .seatLedger(new InMemorySeatLedger())
                .attemptThrottle(InMemoryAttemptThrottle.create())
                .build());

        assertThat(warnings).isEmpty();
    }

    @Test
    void only_the_parts_left_at_their_default_are_named() {
        List<String> warnings = warningsOf(() -> InvitationService.builder()
                .store(new InMemoryInvitationStore())
                .keyRing(InMemoryKeyRing.random())
                .build());

        assertThat(warnings).hasSize(4)
                .noneMatch(l -> l.contains("builder().store(") || l.contains("builder().keyRing("));
    }

    private static MailMessage message(int n) {
        return MailMessage.builder()
                .idempotencyKey("inv-" + n + "#1")
                .tenantId(TenantId.of("acme"))
                .invitationId(InvitationId.of("inv-" + n))
                .to("jane@example.com")
                .subject("You are invited")
                .html("<p>link</p>")
                .text("link")
                .locale(Locale.ENGLISH)
                .headers(Map.of())
                .build();
    }

    @Test
    void the_recording_mailer_keeps_a_bounded_number_of_messages_dropping_the_oldest() {
        RecordingMailer mailer = RecordingMailer.keepingAtMost(3);
        List<MailMessage> messages = IntStream.rangeClosed(1, 5).mapToObj(DefaultsThatSaySoTest::message).toList();
        messages.forEach(mailer::send);

        assertThat(mailer.capacity()).isEqualTo(3);
        assertThat(mailer.sent()).containsExactlyElementsOf(messages.subList(2, 5));
        assertThat(mailer.dropped()).isEqualTo(2);
        assertThat(mailer.toString()).isEqualTo("RecordingMailer[sent=3, capacity=3, dropped=2]");

        mailer.clear();
        assertThat(mailer.sent()).isEmpty();
        assertThat(mailer.dropped()).isZero();
    }

    @Test
    void the_default_recording_mailer_keeps_the_last_thousand() {
        RecordingMailer mailer = new RecordingMailer();
        IntStream.rangeClosed(1, 1_001).mapToObj(DefaultsThatSaySoTest::message).forEach(mailer::send);

        assertThat(mailer.capacity()).isEqualTo(RecordingMailer.DEFAULT_CAPACITY).isEqualTo(1_000);
        assertThat(mailer.sent()).hasSize(1_000);
        assertThat(mailer.sent().get(0).invitationId()).isEqualTo(InvitationId.of("inv-2"));
        assertThat(mailer.dropped()).isEqualTo(1);
    }

    @Test
    void a_capacity_below_one_is_a_typed_error_naming_it() {
        InvitationException e = catchThrowableOfType(InvitationException.class,
                () -> RecordingMailer.keepingAtMost(0));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("capacity");
    }
}
