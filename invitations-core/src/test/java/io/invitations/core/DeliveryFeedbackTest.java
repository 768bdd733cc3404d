package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.core.token.ClaimLink;
import io.invitations.core.token.InvalidTokenException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.mail.UnknownMessageException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Delivery feedback: bounces reach the administrator, who can share the link by hand")
class DeliveryFeedbackTest {
    private final Fixture f = new Fixture();

    /** Invites and delivers: the message's id at the "provider" is the idempotency key reversed. */
    private OutboxMessage invitedAndSent(String email) {
        Invitation inv = f.invite(email);
        f.service.maintenance().deliverDueMessages();
        return f.store.outbox(ACME, inv.id()).get(0);
    }

    private DeliveryReport report(OutboxMessage m, DeliveryStep step, String detail) {
        return new DeliveryReport("test", List.of(m.id()), step, f.clock.instant(), detail);
    }

    @Nested
    @DisplayName("the outbox keeps each message's steps")
    class Steps {
        @Test
        void a_message_goes_from_queued_to_sent_to_delivered_with_timestamps() {
            Instant queued = f.clock.instant();
            Invitation inv = f.invite("jane@example.com");
            assertThat(f.store.outbox(ACME, inv.id()).get(0).timeline()).extracting(OutboxMessage.StepAt::step)
                    .containsExactly(DeliveryStep.QUEUED);
            f.clock.advance(Duration.ofSeconds(5));
            f.service.maintenance().deliverDueMessages();
            OutboxMessage sent = f.store.outbox(ACME, inv.id()).get(0);
            assertThat(sent.sentAt()).isEqualTo(queued.plusSeconds(5));
            f.clock.advance(Duration.ofSeconds(5));

            OutboxMessage delivered = f.service.deliveryFeedback().record(report(sent, DeliveryStep.DELIVERED, null));

            assertThat(delivered.timeline()).containsExactly(new OutboxMessage.StepAt(DeliveryStep.QUEUED, queued),
                    new OutboxMessage.StepAt(DeliveryStep.SENT, queued.plusSeconds(5)),
                    new OutboxMessage.StepAt(DeliveryStep.DELIVERED, queued.plusSeconds(10)));
            assertThat(delivered.latestStep()).isEqualTo(DeliveryStep.DELIVERED);
            assertThat(f.stored(inv).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED);
        }

        @Test
        void a_provider_retrying_its_webhook_changes_nothing_more() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED, "550 5.1.1 user unknown"));
            int events = f.events.size();
            long version = f.store.find(ACME, sent.invitationId()).orElseThrow().version();
            f.clock.advance(Duration.ofMinutes(1));

            OutboxMessage again = f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED,
                    "550 5.1.1 user unknown"));

            assertThat(again.hardBouncedAt()).isEqualTo(f.clock.instant().minus(Duration.ofMinutes(1)));
            assertThat(f.events).hasSize(events);
            assertThat(f.store.find(ACME, sent.invitationId()).orElseThrow().version()).isEqualTo(version);
            assertThat(f.store.history(ACME, sent.invitationId())).filteredOn(h -> h.action() == Action.BOUNCE).hasSize(1);
        }

        @Test
        void a_soft_bounce_is_recorded_and_announced_but_leaves_the_invitation_deliverable() {
            OutboxMessage sent = invitedAndSent("jane@example.com");

            OutboxMessage soft = f.service.deliveryFeedback().record(report(sent, DeliveryStep.SOFT_BOUNCED,
                    "452 mailbox full"));

            assertThat(soft.softBouncedAt()).isNotNull();
            assertThat(soft.feedbackDetail()).isEqualTo("452 mailbox full");
            assertThat(f.stored(f.store.find(ACME, sent.invitationId()).orElseThrow()).delivery().status())
                    .isEqualTo(DeliveryState.Status.DELIVERED);
            assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Bounced b && !b.hard()).hasSize(1);
        }

        @Test
        void a_message_without_a_provider_id_is_found_by_its_own_id_and_an_unknown_one_is_a_typed_error() {
            Fixture g = new Fixture();
            OutboxMessage sent;
            Invitation inv = g.invite("jane@example.com");
            g.service.maintenance().deliverDueMessages();
            sent = g.store.outbox(ACME, inv.id()).get(0);
            // the recording mailer reports no id: the message is found by its own id
            assertThat(sent.providerMessageId()).isNull();
            assertThat(g.store.findOutboxMessage(sent.id())).contains(sent);

            UnknownMessageException unknown = (UnknownMessageException) refused(() -> g.service.deliveryFeedback()
                    .record(new DeliveryReport("ses", List.of("<nobody@example.com>"), DeliveryStep.DELIVERED,
                            g.clock.instant(), null)));
            assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(unknown.getMessage()).contains("<nobody@example.com>");
        }
    }

    @Nested
    @DisplayName("a hard bounce")
    class HardBounce {
        @Test
        void marks_the_invitation_for_administrators_with_history_and_an_event() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            f.invite("john@example.com");

            f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED, "smtp; 550 5.1.1 user unknown"));

            InvitationAdministration admin = f.service.administration(ADMIN, ACME);
            assertThat(admin.query(InvitationQuery.builder(ACME).deliveryStatus(DeliveryState.Status.BOUNCED).build())
                    .items()).extracting(Invitation::id).containsExactly(sent.invitationId());
            Invitation bounced = admin.find(sent.invitationId()).orElseThrow();
            assertThat(bounced.status()).as("still pending: the link may be shared").isEqualTo(InvitationStatus.PENDING);
            assertThat(bounced.delivery().lastError()).contains("hard bounce", "550 5.1.1 user unknown");
            HistoryEntry entry = admin.history(sent.invitationId()).get(admin.history(sent.invitationId()).size() - 1);
            assertThat(entry.action()).isEqualTo(Action.BOUNCE);
            assertThat(entry.actor()).isEqualTo("system:delivery-feedback");
            assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Bounced).singleElement()
                    .satisfies(e -> {
                        InvitationEvent.Bounced b = (InvitationEvent.Bounced) e;
                        assertThat(b.hard()).isTrue();
                        assertThat(b.type()).isEqualTo("delivery.bounced");
                        assertThat(b.sendNumber()).isEqualTo(1);
                    });
        }

        @Test
        void a_complaint_marks_it_too() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            f.service.deliveryFeedback().record(report(sent, DeliveryStep.COMPLAINED, "abuse"));
            assertThat(f.stored(f.store.find(ACME, sent.invitationId()).orElseThrow()).delivery().status())
                    .isEqualTo(DeliveryState.Status.BOUNCED);
            assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Bounced b && b.complaint()).hasSize(1);
        }

        @Test
        void suppresses_resends_with_a_typed_refusal_that_offers_the_fallback() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED, "550 no such user"));
            f.clock.advance(Duration.ofHours(2));
            int mails = f.mailer.sent().size();

            var refusal = refused(() -> f.service.administration(ADMIN, ACME).resend(sent.invitationId()));

            assertThat(refusal.code()).isEqualTo(ErrorCode.ADDRESS_BOUNCED);
            assertThat(refusal.getMessage()).contains("shareClaimLink");
            f.service.maintenance().deliverDueMessages();
            assertThat(f.mailer.sent()).hasSize(mails);
        }

        @Test
        void of_an_older_message_is_kept_on_that_message_but_does_not_mark_the_invitation() {
            OutboxMessage first = invitedAndSent("jane@example.com");
            f.clock.advance(Duration.ofHours(2));
            f.service.administration(ADMIN, ACME).resend(first.invitationId());
            f.service.maintenance().deliverDueMessages();

            OutboxMessage recorded = f.service.deliveryFeedback().record(report(first, DeliveryStep.HARD_BOUNCED, "x"));

            assertThat(recorded.hardBouncedAt()).isNotNull();
            assertThat(f.store.find(ACME, first.invitationId()).orElseThrow().delivery().status())
                    .isEqualTo(DeliveryState.Status.DELIVERED);
        }

        @Test
        void never_keeps_a_link_or_token_the_provider_quoted() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            String token = f.token(f.store.find(ACME, sent.invitationId()).orElseThrow());
            OutboxMessage recorded = f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED,
                    "550 rejected: https://app.example.com/claim?token=" + token + " and " + token));
            assertThat(recorded.feedbackDetail()).doesNotContain(token).contains("[link removed]");
        }
    }

    @Nested
    @DisplayName("the copy-link fallback")
    class CopyLink {
        @Test
        void an_administrator_reveals_a_fresh_link_that_works_while_the_mailed_one_stops() {
            OutboxMessage sent = invitedAndSent("jane@example.com");
            Invitation inv = f.store.find(ACME, sent.invitationId()).orElseThrow();
            String mailed = f.token(inv);
            f.service.deliveryFeedback().record(report(sent, DeliveryStep.HARD_BOUNCED, "550 no such user"));

            ClaimLink shared = f.service.administration(ADMIN, ACME).shareClaimLink(inv.id());
            Secrets.issued(shared.token());

            assertThat(shared.token()).isNotEqualTo(mailed);
            assertThatThrownBy(() -> f.service.invitee().inspect(mailed)).isInstanceOf(InvalidTokenException.class);
            assertThat(f.service.invitee().accept(claim(shared.token())).invitation().status())
                    .isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action)
                    .contains(Action.SHARE_LINK);
            HistoryEntry entry = f.service.administration(ADMIN, ACME).history(inv.id()).stream()
                    .filter(h -> h.action() == Action.SHARE_LINK).findFirst().orElseThrow();
            assertThat(entry.actor()).isEqualTo(ADMIN.userId());
            assertThat(entry.reason()).contains("after a bounce");
            assertThat(f.eventTypes()).contains("invitation.link_shared");
        }

        @Test
        void only_managers_may_reveal_it_and_only_while_pending() {
            Invitation inv = f.invite("jane@example.com");
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            var user = user("u1", PermissionLevel.USER);
            Invitation own = f.service.administration(user, ACME).invite(f.request("own@example.com").build());
            assertThat(refused(() -> f.service.administration(user, ACME).shareClaimLink(own.id())).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
            assertThat(refused(() -> f.service.administration(user, ACME).shareClaimLink(inv.id())).code())
                    .as("another one's invitation is not found").isEqualTo(ErrorCode.NOT_FOUND);
            f.service.administration(ADMIN, ACME).revoke(inv.id(), null);
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).shareClaimLink(inv.id())).code())
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(f.store.history(ACME, inv.id())).extracting(HistoryEntry::action).doesNotContain(Action.SHARE_LINK);
        }
    }
}
