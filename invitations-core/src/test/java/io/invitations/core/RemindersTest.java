package io.invitations.core;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.message.internal.Phrases;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.settings.ReminderSchedule;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reminders: a tenant's schedule reminds pending invitees once per step, through the outbox")
class RemindersTest {
    private static final Duration DAY = Duration.ofDays(1);

    private final Fixture f = new Fixture().configure(s -> s
            .reminders(ReminderSchedule.afterSending(Duration.ofDays(2), Duration.ofDays(5))));

    private int sweep() {
        return f.service.maintenance().sendDueReminders();
    }

    private List<MailMessage> deliveredReminders() {
        f.service.maintenance().deliverDueMessages();
        return f.mailer.sent().stream().filter(m -> m.subject().contains("is waiting")).toList();
    }

    private List<OutboxMessage> reminders(Invitation i) {
        return f.store.outbox(ACME, i.id()).stream().filter(m -> m.kind() == OutboxMessage.Kind.REMINDER).toList();
    }

    @Nested
    @DisplayName("the invitee")
    class Invitee {
        @Test
        @DisplayName("is reminded 2 and 5 days after the invitation, once each, with a link that still works")
        void remindedOnSchedule() {
            Invitation inv = f.invite("dana@example.com");
            assertThat(f.stored(inv).nextReminderAt()).isEqualTo(inv.invitedAt().plus(Duration.ofDays(2)));

            f.clock.advance(DAY);
            assertThat(sweep()).as("day 1: nothing due").isZero();
            f.clock.advance(DAY);
            assertThat(sweep()).as("day 2: the first reminder").isEqualTo(1);
            assertThat(sweep()).as("day 2 again: once only").isZero();
            List<MailMessage> mails = deliveredReminders();
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).to()).isEqualTo("dana@example.com");
            assertThat(mails.get(0).text()).contains("still open").contains(f.token(inv));

            f.clock.advance(Duration.ofDays(3));
            assertThat(sweep()).as("day 5: the second").isEqualTo(1);
            f.clock.advance(DAY);
            assertThat(sweep()).as("day 6: the schedule is done").isZero();
            assertThat(f.stored(inv).nextReminderAt()).isNull();
            assertThat(reminders(inv)).hasSize(2);
            assertThat(f.events).filteredOn(InvitationEvent.Reminded.class::isInstance)
                    .extracting(e -> ((InvitationEvent.Reminded) e).reminderNumber()).containsExactly(1, 2);
            List<HistoryEntry> reminded = f.service.administration(ADMIN, ACME).history(inv.id()).stream()
                    .filter(h -> h.action() == Action.REMIND).toList();
            assertThat(reminded).extracting(HistoryEntry::actor).containsOnly("system:reminders");
            assertThat(reminded).extracting(HistoryEntry::reason).containsExactly("reminder 1", "reminder 2");

            f.service.invitee().accept(claim(f.token(inv)));
        }

        @Test
        @DisplayName("is never reminded after accepting, declining, being revoked or expiring")
        void neverAfterTheEnd() {
            f.configure(s -> s.reminders(ReminderSchedule.of(ReminderSchedule.Step.afterSending(Duration.ofDays(2)),
                    ReminderSchedule.Step.beforeExpiry(DAY))));
            Invitation accepted = f.invite("a@example.com");
            Invitation declined = f.invite("b@example.com");
            Invitation revoked = f.invite("c@example.com");
            Invitation expired = f.invite("e@example.com");
            f.service.invitee().accept(claim(f.token(accepted)));
            f.service.invitee().decline(f.token(declined));
            f.service.administration(ADMIN, ACME).revoke(revoked.id(), "wrong person");
            f.clock.advance(Duration.ofDays(2));
            assertThat(sweep()).as("only the one still pending").isEqualTo(1);
            assertThat(reminders(expired)).hasSize(1);

            f.clock.advance(Duration.ofDays(6));
            assertThat(sweep()).as("the sweep ran too late: expired, so no day-6 reminder").isZero();
            for (Invitation i : List.of(accepted, declined, revoked)) {
                assertThat(reminders(i)).as(i.invitee().toString()).isEmpty();
            }
            assertThat(reminders(expired)).hasSize(1);
        }

        @Test
        @DisplayName("whose invitation is resent starts the schedule again from the resend")
        void resendResets() {
            Invitation inv = f.invite("dana@example.com");
            f.clock.advance(Duration.ofDays(2));
            assertThat(sweep()).isEqualTo(1);
            f.clock.advance(Duration.ofHours(6));
            f.service.administration(ADMIN, ACME).resend(inv.id());
            Instant resentAt = f.clock.instant();
            assertThat(f.stored(inv).nextReminderAt()).isEqualTo(resentAt.plus(Duration.ofDays(2)));

            f.clock.advance(Duration.ofDays(2).minusMinutes(1));
            assertThat(sweep()).isZero();
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(sweep()).isEqualTo(1);
            assertThat(f.events).filteredOn(InvitationEvent.Reminded.class::isInstance)
                    .extracting(e -> ((InvitationEvent.Reminded) e).reminderNumber())
                    .as("counted again from the resend").containsExactly(1, 1);
        }

        @Test
        @DisplayName("reached by an access code only (no email) is never reminded")
        void identifierInviteesAreNotReminded() {
            Invitation inv = f.service.administration(ADMIN, ACME).invite(io.invitations.core.InviteRequest.builder()
                    .identifier(io.invitations.spi.invitation.IdentifierKind.PHONE, "+33 6 12 34 56 78")
                    .role("member").build());
            assertThat(f.stored(inv).nextReminderAt()).isNull();
            f.clock.advance(Duration.ofDays(3));
            assertThat(sweep()).isZero();
        }
    }

    @Nested
    @DisplayName("the administrator")
    class Administrator {
        @Test
        @DisplayName("gets no reminders by default")
        void noneByDefault() {
            Fixture plain = new Fixture();
            Invitation inv = plain.invite("dana@example.com");
            assertThat(plain.stored(inv).nextReminderAt()).isNull();
            plain.clock.advance(Duration.ofDays(6));
            assertThat(plain.service.maintenance().sendDueReminders()).isZero();
        }

        @Test
        @DisplayName("previews the reminder template in every built-in language")
        void templatesInEveryLanguage() {
            f.configure(s -> s.branding(io.invitations.spi.message.Branding.named("Acme Café")));
            for (String language : Phrases.LANGUAGES) {
                Locale locale = Locale.forLanguageTag(language);
                MailMessage sample = f.service.administration(ADMIN, ACME)
                        .previewSample(locale, OutboxMessage.Kind.REMINDER);
                assertThat(sample.subject()).as(language).isEqualTo(Phrases.of(locale).get("subject.REMINDER")
                        .replace("{{tenantName}}", "Acme Café"));
                assertThat(sample.text()).as(language).contains("Acme Café");
            }
            assertThat(Phrases.of(Locale.FRENCH).get("subject.REMINDER")).isNotEqualTo(
                    Phrases.of(Locale.GERMAN).get("subject.REMINDER"));
        }

        @Test
        @DisplayName("removing the schedule stops planned reminders")
        void removingTheScheduleStops() {
            Invitation inv = f.invite("dana@example.com");
            f.configure(s -> s.reminders(ReminderSchedule.none()));
            f.clock.advance(Duration.ofDays(2));
            assertThat(sweep()).isZero();
            assertThat(f.stored(inv).nextReminderAt()).isNull();
            assertThat(reminders(inv)).isEmpty();
        }

        @Test
        @DisplayName("gets a typed error naming the field for a bad schedule")
        void badSchedules() {
            assertThatThrownBy(() -> ReminderSchedule.afterSending(Duration.ZERO))
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                    .hasMessageContaining("offset must be positive");
            assertThatThrownBy(() -> ReminderSchedule.of(ReminderSchedule.Step.afterSending(DAY), null))
                    .isInstanceOf(InvitationException.class).hasMessageContaining("steps[1]");
            List<ReminderSchedule.Step> many = new ArrayList<>();
            for (int i = 1; i <= ReminderSchedule.MAX_STEPS + 1; i++) {
                many.add(ReminderSchedule.Step.afterSending(Duration.ofHours(i)));
            }
            assertThatThrownBy(() -> new ReminderSchedule(many)).isInstanceOf(InvitationException.class)
                    .hasMessageContaining("at most " + ReminderSchedule.MAX_STEPS);
        }
    }

    @Test
    @DisplayName("two nodes sweeping at once with 8 threads send each of 40 reminders exactly once, 5 rounds")
    void twoNodesSendEachReminderOnce() {
        InMemoryInvitationStore shared = new InMemoryInvitationStore();
        List<Fixture> nodes = List.of(new Fixture(shared, "a"), new Fixture(shared, "b"));
        nodes.get(1).clock.set(nodes.get(0).clock.instant());
        for (Fixture node : nodes) {
            node.configure(s -> s.reminders(ReminderSchedule.afterSending(DAY)));
        }
        try (Race race = new Race(8)) {
            for (int round = 0; round < 5; round++) {
                List<Invitation> invited = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    invited.add(nodes.get(i % 2).invite("r" + round + "-" + i + "@example.com"));
                }
                for (Fixture node : nodes) {
                    node.clock.advance(DAY);
                }
                List<Integer> counts = race.collect(t -> () -> nodes.get(t % 2).service.maintenance()
                        .sendDueReminders());
                assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as("round " + round).isEqualTo(40);
                for (Invitation i : invited) {
                    assertThat(shared.outbox(ACME, i.id()))
                            .filteredOn(m -> m.kind() == OutboxMessage.Kind.REMINDER).as(i.id().value()).hasSize(1);
                }
                long events = nodes.stream().flatMap(n -> n.events.stream())
                        .filter(InvitationEvent.Reminded.class::isInstance).count();
                assertThat(events).isEqualTo(40L * (round + 1));
            }
        }
    }
}
