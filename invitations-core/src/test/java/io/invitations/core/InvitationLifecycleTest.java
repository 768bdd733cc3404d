package io.invitations.core;

import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.spi.settings.ResendPolicy;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.storage.OutboxMessage;
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
import static io.invitations.spi.invitation.InvitationStatus.ACCEPTED;
import static io.invitations.spi.invitation.InvitationStatus.AWAITING_APPROVAL;
import static io.invitations.spi.invitation.InvitationStatus.DECLINED;
import static io.invitations.spi.invitation.InvitationStatus.EXPIRED;
import static io.invitations.spi.invitation.InvitationStatus.PENDING;
import static io.invitations.spi.invitation.InvitationStatus.PROVISIONED;
import static io.invitations.spi.invitation.InvitationStatus.REJECTED;
import static io.invitations.spi.invitation.InvitationStatus.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The invitation lifecycle through the facade")
class InvitationLifecycleTest {
    private final Fixture f = new Fixture();

    @Nested
    @DisplayName("inviting")
    class Inviting {
        @Test
        void an_invitation_is_stored_pending_for_seven_days_with_its_message_queued_in_the_same_write() {
            Instant now = f.clock.instant();
            Invitation inv = f.invite("jane.doe@example.com");

            assertThat(inv.status()).isEqualTo(PENDING);
            assertThat(inv.invitedAt()).isEqualTo(now);
            assertThat(inv.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
            assertThat(inv.delivery().status()).isEqualTo(DeliveryState.Status.QUEUED);
            assertThat(inv.delivery().sendCount()).isEqualTo(1);
            assertThat(f.store.outbox(ACME, inv.id())).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(OutboxMessage.Kind.INVITATION);
                assertThat(m.sendNumber()).isEqualTo(1);
            });
            assertThat(f.stored(inv)).isEqualTo(inv);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).singleElement().satisfies(h -> {
                assertThat(h.action()).isEqualTo(Action.INVITE);
                assertThat(h.from()).isNull();
                assertThat(h.to()).isEqualTo(PENDING);
                assertThat(h.actor()).isEqualTo(ADMIN.userId());
            });
            assertThat(f.eventTypes()).containsExactly("invitation.invited");
            assertThat(f.mailer.sent()).as("delivery is the outbox's job").isEmpty();
        }

        @Test
        void the_expiry_follows_the_tenant_setting() {
            f.configure(s -> s.invitationTtl(Duration.ofDays(3)));
            Invitation inv = f.invite("jane@example.com");
            assertThat(inv.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(3)));
        }

        @Test
        void the_email_domain_is_converted_from_idn_and_lower_cased_while_the_local_part_is_kept() {
            Invitation inv = f.invite("  Jane.Doe@BÜCHER.Example  ");
            assertThat(inv.invitee().contact().toString()).isEqualTo("Jane.Doe@xn--bcher-kva.example");
        }

        @Test
        void the_display_name_is_inferred_from_the_email_when_no_name_is_given() {
            assertThat(f.invite("jane.doe-smith@example.com").invitee().displayName()).isEqualTo("Jane Doe-Smith");
            Invitation named = f.service.administration(ADMIN, ACME).invite(f.request("x1@example.com").name("Ada", "Lovelace").build());
            assertThat(named.invitee().displayName()).isEqualTo("Ada Lovelace");
        }

        @Test
        void asking_again_for_the_same_person_in_another_case_is_already_invited_not_a_duplicate() {
            Invitation first = f.invite("jane@example.com");
            InvitationException e = refused(() -> f.invite("JANE@Example.com"));
            assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_INVITED);
            assertThat(((AlreadyInvitedException) e).existingInvitationId()).contains(first.id());
            assertThat(f.store.findByInvitee(ACME, first.invitee().contact())).hasSize(1);
        }

        @Test
        void two_tenants_invite_the_same_email_independently() {
            f.invite("jane@example.com");
            Invitation other = f.service.administration(ADMIN, Fixture.GLOBEX).invite(InviteRequest.builder().email("jane@example.com")
                    .role("member").build());
            assertThat(other.tenantId()).isEqualTo(Fixture.GLOBEX);
        }

        @Test
        void an_existing_member_is_not_invited_to_the_tenant_again() {
            f.directory.addMember(ACME, io.invitations.spi.invitation.EmailAddress.of("jane@example.com"));
            assertThat(refused(() -> f.invite("Jane@example.com")).code()).isEqualTo(ErrorCode.ALREADY_MEMBER);
        }

        @Test
        void an_identifier_invitee_is_invited_without_a_message() {
            Invitation inv = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder()
                    .identifier("personnel_number", "E-1001").name("Max", "Muster").role("member").build());
            assertThat(inv.invitee().contact().matchKey()).isEqualTo("id:personnel_number:E-1001");
            assertThat(inv.invitee().displayName()).isEqualTo("Max Muster");
            assertThat(inv.delivery()).isEqualTo(DeliveryState.none());
            assertThat(f.store.outbox(ACME, inv.id())).isEmpty();
        }

        @Test
        void the_locale_defaults_to_the_tenants() {
            f.configure(s -> s.defaultLocale(java.util.Locale.FRENCH));
            assertThat(f.invite("jane@example.com").locale()).isEqualTo(java.util.Locale.FRENCH);
        }
    }

    @Nested
    @DisplayName("provisioning and sending")
    class Provisioning {
        @Test
        void a_provisioned_invitation_sends_nothing_and_cannot_be_claimed() {
            Invitation inv = f.service.administration(ADMIN, ACME).provision(f.request("jane@example.com").source(InvitationSource
                    .directory("azure-ad")).build());
            assertThat(inv.status()).isEqualTo(PROVISIONED);
            assertThat(inv.expiresAt()).isNull();
            assertThat(f.store.outbox(ACME, inv.id())).isEmpty();
            assertThat(f.eventTypes()).containsExactly("invitation.provisioned");

            String token = f.token(inv);
            assertThat(refused(() -> f.service.invitee().inspect(token)).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            InvitationException e = refused(() -> f.service.invitee().accept(claim(token)));
            assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void sending_a_provisioned_invitation_makes_it_pending_with_its_message_queued() {
            Invitation inv = f.service.administration(ADMIN, ACME).provision(f.request("jane@example.com").build());
            f.clock.advance(Duration.ofDays(30));
            Invitation sent = f.service.administration(ADMIN, ACME).send(inv.id());

            assertThat(sent.status()).isEqualTo(PENDING);
            assertThat(sent.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)));
            assertThat(f.store.outbox(ACME, inv.id())).hasSize(1);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::to)
                    .containsExactly(PROVISIONED, PENDING);
            assertThat(f.eventTypes()).containsExactly("invitation.provisioned", "invitation.invited");
            assertThat(f.service.invitee().accept(claim(f.token(sent))).invitation().status()).isEqualTo(ACCEPTED);
        }

        @Test
        void sending_a_selection_reports_each_refusal_without_stopping_the_others() {
            Invitation a = f.service.administration(ADMIN, ACME).provision(f.request("a@example.com").build());
            Invitation b = f.invite("b@example.com");
            Invitation c = f.service.administration(ADMIN, ACME).provision(f.request("c@example.com").build());

            SendReport report = f.service.administration(ADMIN, ACME).send(List.of(a.id(), b.id(), c.id(),
                    io.invitations.spi.invitation.InvitationId.of("missing")));

            assertThat(report.sent()).extracting(Invitation::id).containsExactly(a.id(), c.id());
            assertThat(report.refused()).extracting(SendReport.Refused::code)
                    .containsExactly(ErrorCode.ILLEGAL_TRANSITION, ErrorCode.NOT_FOUND);
        }

        @Test
        void invite_all_sends_every_provisioned_invitation_of_the_tenant_only() {
            for (int i = 0; i < 5; i++) {
                f.service.administration(ADMIN, ACME).provision(f.request("p" + i + "@example.com").build());
            }
            f.service.administration(ADMIN, Fixture.GLOBEX).provision(InviteRequest.builder().email("p0@example.com").role("member")
                    .build());
            SendReport report = f.service.administration(ADMIN, ACME).sendAllProvisioned();
            assertThat(report.sent()).hasSize(5).allMatch(i -> i.status() == PENDING);
            assertThat(report.refused()).isEmpty();
            assertThat(f.service.administration(ADMIN, Fixture.GLOBEX).query(io.invitations.spi.storage.InvitationQuery.builder(Fixture.GLOBEX)
                    .statuses(PROVISIONED).build()).items()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("resending")
    class Resending {
        @Test
        void by_default_a_resend_keeps_the_link_and_extends_the_expiry() {
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            f.clock.advance(Duration.ofDays(6));
            Invitation resent = f.service.administration(ADMIN, ACME).resend(inv.id());

            assertThat(resent.status()).isEqualTo(PENDING);
            assertThat(resent.resendCount()).isEqualTo(1);
            assertThat(resent.tokenVersion()).isEqualTo(inv.tokenVersion());
            assertThat(resent.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)));
            assertThat(f.store.outbox(ACME, inv.id())).extracting(OutboxMessage::kind)
                    .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.RESEND);
            assertThat(resent.delivery().sendCount()).isEqualTo(2);
            f.clock.advance(Duration.ofDays(3));
            assertThat(f.service.invitee().accept(claim(token)).invitation().status()).isEqualTo(ACCEPTED);
        }

        @Test
        void with_the_rotate_policy_a_resend_kills_every_older_link() {
            f.configure(s -> s.resendPolicy(ResendPolicy.ROTATE));
            Invitation inv = f.invite("jane@example.com");
            String old = f.token(inv);
            f.clock.advance(Duration.ofHours(1));
            Invitation resent = f.service.administration(ADMIN, ACME).resend(inv.id());
            String fresh = f.token(resent);

            assertThat(fresh).isNotEqualTo(old);
            assertThat(refused(() -> f.service.invitee().inspect(old)).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            assertThat(f.service.invitee().inspect(fresh).claimable()).isTrue();
            assertThat(f.events.get(1)).isInstanceOfSatisfying(
                    io.invitations.spi.event.InvitationEvent.Resent.class, r -> assertThat(r.linkRotated()).isTrue());
        }

        @Test
        void an_expired_invitation_is_not_resent_but_re_invited() {
            Invitation inv = f.invite("jane@example.com");
            f.clock.advance(Duration.ofDays(7));
            InvitationException e = refused(() -> f.service.administration(ADMIN, ACME).resend(inv.id()));
            assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
                assertThat(t.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                assertThat(t.status()).isEqualTo(EXPIRED);
                assertThat(t.action()).isEqualTo(Action.RESEND);
            });
            assertThat(e.getMessage()).contains("EXPIRED", "RESEND", "re-invite");
        }
    }

    @Nested
    @DisplayName("expiry and re-inviting")
    class Expiry {
        @Test
        void reads_at_the_expiry_instant_report_expired_before_any_sweep() {
            Invitation inv = f.invite("jane@example.com");
            f.clock.set(inv.expiresAt().minusMillis(1));
            assertThat(f.service.administration(ADMIN, ACME).find(inv.id()).orElseThrow().status()).isEqualTo(PENDING);
            f.clock.set(inv.expiresAt());
            assertThat(f.service.administration(ADMIN, ACME).find(inv.id()).orElseThrow().status()).isEqualTo(EXPIRED);
            assertThat(f.stored(inv).status()).as("nothing stored yet").isEqualTo(PENDING);
            assertThat(f.service.administration(ADMIN, ACME).query(io.invitations.spi.storage.InvitationQuery.builder(ACME).statuses(EXPIRED).build())
                    .items()).extracting(Invitation::id).containsExactly(inv.id());
            assertThat(f.service.administration(ADMIN, ACME).query(io.invitations.spi.storage.InvitationQuery.builder(ACME).statuses(PENDING).build())
                    .items()).isEmpty();
        }

        @Test
        void accepting_after_expiry_is_refused_as_expired() {
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            f.clock.advance(Duration.ofDays(8));
            InvitationException e = refused(() -> f.service.invitee().accept(claim(token)));
            assertThat(e.code()).isEqualTo(ErrorCode.EXPIRED);
            assertThat(f.service.invitee().inspect(token).status()).isEqualTo(EXPIRED);
            assertThat(f.directory.createOrLinkCalls()).isZero();
        }

        @Test
        void the_sweep_stores_expired_with_history_and_an_event_once() {
            Invitation due = f.invite("a@example.com");
            f.clock.advance(Duration.ofDays(3));
            Invitation notDue = f.invite("b@example.com");
            f.clock.advance(Duration.ofDays(5));

            assertThat(f.service.maintenance().expireDue()).isEqualTo(1);
            assertThat(f.service.maintenance().expireDue()).isZero();
            assertThat(f.stored(due).status()).isEqualTo(EXPIRED);
            assertThat(f.stored(notDue).status()).isEqualTo(PENDING);
            assertThat(f.service.administration(ADMIN, ACME).history(due.id())).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.EXPIRE);
            assertThat(f.eventTypes()).containsExactly("invitation.invited", "invitation.invited",
                    "invitation.expired");
        }

        @Test
        void re_inviting_an_expired_invitation_gives_a_new_link_and_expiry_and_kills_the_old_link() {
            Invitation inv = f.invite("jane@example.com");
            String old = f.token(inv);
            f.clock.advance(Duration.ofDays(10));
            Invitation again = f.service.administration(ADMIN, ACME).reinvite(inv.id());

            assertThat(again.status()).isEqualTo(PENDING);
            assertThat(again.tokenVersion()).isEqualTo(inv.tokenVersion() + 1);
            assertThat(again.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)));
            assertThat(f.store.outbox(ACME, inv.id())).extracting(OutboxMessage::kind)
                    .containsExactly(OutboxMessage.Kind.INVITATION, OutboxMessage.Kind.REINVITE);
            assertThat(refused(() -> f.service.invitee().accept(claim(old))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            assertThat(f.service.invitee().accept(claim(f.token(again))).invitation().status()).isEqualTo(ACCEPTED);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action).containsExactly(
                    Action.INVITE, Action.EXPIRE, Action.REINVITE, Action.ACCEPT);
        }

        @Test
        void re_inviting_a_pending_invitation_is_refused_naming_the_state() {
            Invitation inv = f.invite("jane@example.com");
            IllegalTransitionException e = (IllegalTransitionException) refused(
                    () -> f.service.administration(ADMIN, ACME).reinvite(inv.id()));
            assertThat(e.status()).isEqualTo(PENDING);
            assertThat(e.action()).isEqualTo(Action.REINVITE);
        }

        @Test
        void inviting_the_person_again_after_expiry_creates_a_new_invitation_and_closes_the_old_one() {
            Invitation inv = f.invite("jane@example.com");
            f.clock.advance(Duration.ofDays(8));
            Invitation fresh = f.invite("jane@example.com");

            assertThat(fresh.id()).isNotEqualTo(inv.id());
            assertThat(f.stored(inv).status()).isEqualTo(EXPIRED);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.EXPIRE);
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).reinvite(inv.id())).code())
                    .isEqualTo(ErrorCode.ALREADY_INVITED);
        }
    }

    @Nested
    @DisplayName("revoking")
    class Revoking {
        @Test
        void a_revoked_invitation_link_dies_at_once() {
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            Invitation revoked = f.service.administration(ADMIN, ACME).revoke(inv.id(), "sent to the wrong person");

            assertThat(revoked.status()).isEqualTo(REVOKED);
            assertThat(f.service.invitee().inspect(token).status()).isEqualTo(REVOKED);
            assertThat(refused(() -> f.service.invitee().accept(claim(token))).code()).isEqualTo(ErrorCode.REVOKED);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id()).get(1).reason()).isEqualTo("sent to the wrong person");
        }

        @Test
        void provisioned_and_expired_invitations_can_be_revoked_but_accepted_ones_cannot() {
            Invitation provisioned = f.service.administration(ADMIN, ACME).provision(f.request("a@example.com").build());
            Invitation expiring = f.invite("b@example.com");
            Invitation accepted = f.invite("c@example.com");
            f.service.invitee().accept(claim(f.token(accepted)));
            f.clock.advance(Duration.ofDays(9));

            assertThat(f.service.administration(ADMIN, ACME).revoke(provisioned.id(), null).status()).isEqualTo(REVOKED);
            assertThat(f.service.administration(ADMIN, ACME).revoke(expiring.id(), null).status()).isEqualTo(REVOKED);
            assertThat(f.service.administration(ADMIN, ACME).history(expiring.id())).extracting(HistoryEntry::to)
                    .containsExactly(PENDING, EXPIRED, REVOKED);
            IllegalTransitionException e = (IllegalTransitionException) refused(
                    () -> f.service.administration(ADMIN, ACME).revoke(accepted.id(), null));
            assertThat(e.status()).isEqualTo(ACCEPTED);
            assertThat(e.action()).isEqualTo(Action.REVOKE);
        }
    }

    @Nested
    @DisplayName("claiming")
    class Claiming {
        @Test
        void inspecting_a_link_changes_nothing_but_records_the_first_open_and_tells_what_the_claim_needs() {
            f.configure(s -> s.termsRequired(true).profileFields(List.of("firstName", "jobTitle"))
                    .defaultGroupPool(java.util.Set.of("news", "sports"))
                    .branding(io.invitations.spi.message.Branding.named("Acme Corp")));
            Invitation inv = f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").personalMessage("Welcome aboard!").build());
            String token = f.token(inv);
            int events = f.events.size();

            ClaimInspection seen = f.service.invitee().inspect(token);
            f.service.invitee().inspect(token);

            assertThat(seen.tenantName()).isEqualTo("Acme Corp");
            assertThat(seen.inviterName()).isEqualTo("Ada Admin");
            assertThat(seen.personalMessage()).isEqualTo("Welcome aboard!");
            assertThat(seen.expiresAt()).isEqualTo(inv.expiresAt());
            assertThat(seen.claimable()).isTrue();
            assertThat(seen.requirements()).isEqualTo(new ClaimRequirements(true, List.of("firstName", "jobTitle"),
                    true, java.util.Set.of("news", "sports"), 8));
            assertThat(f.stored(inv)).isEqualTo(inv);
            assertThat(f.events.subList(events, f.events.size())).as("only the first open is announced")
                    .extracting(io.invitations.spi.event.InvitationEvent::type).containsExactly("invitation.opened");
        }

        @Test
        void under_sso_no_password_is_needed() {
            f.directory.setSso(ACME, true);
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            assertThat(f.service.invitee().inspect(token).requirements().passwordRequired()).isFalse();
            assertThat(f.service.invitee().accept(ClaimRequest.builder(token).password("typed anyway".toCharArray()).build())
                    .invitation().status()).isEqualTo(ACCEPTED);
            assertThat(f.directory.accounts(ACME)).singleElement()
                    .satisfies(a -> assertThat(a.hasPassword()).as("no password handed over under SSO").isFalse());
        }

        @Test
        void accepting_creates_the_account_once_applies_the_grant_and_records_who_invited_whom() {
            f.configure(s -> s.defaultGroupPool(java.util.Set.of("news")));
            Invitation inv = f.service.administration(ADMIN, ACME).invite(f.request("jane@example.com").groups("design").build());
            Acceptance result = f.service.invitee().accept(ClaimRequest.builder(f.token(inv)).password(Fixture.PASSWORD.toCharArray())
                    .name("Jane", "Doe").chooseGroups("news").build());

            assertThat(result.awaitingApproval()).isFalse();
            assertThat(result.invitation().status()).isEqualTo(ACCEPTED);
            assertThat(result.invitation().accountId()).isEqualTo(result.accountId());
            assertThat(result.invitation().respondedAt()).isEqualTo(f.clock.instant());
            assertThat(f.directory.accounts(ACME)).singleElement().satisfies(a -> {
                assertThat(a.accountId()).isEqualTo(result.accountId());
                assertThat(a.invitedBy()).isEqualTo(ADMIN.userId());
                assertThat(a.grant().groups()).containsExactlyInAnyOrder("design", "news");
                assertThat(a.hasPassword()).isTrue();
                assertThat(a.firstName()).isEqualTo("Jane");
            });
            assertThat(f.events.get(f.events.size() - 1)).isInstanceOfSatisfying(
                    io.invitations.spi.event.InvitationEvent.Accepted.class,
                    a -> assertThat(a.invitedBy()).isEqualTo(ADMIN.userId()));
        }

        @Test
        void an_incomplete_claim_lists_everything_missing_and_changes_nothing() {
            f.configure(s -> s.termsRequired(true).profileFields(List.of("jobTitle"))
                    .defaultGroupPool(java.util.Set.of("news")));
            Invitation inv = f.invite("jane@example.com");
            ClaimIncompleteException e = (ClaimIncompleteException) refused(() -> f.service.invitee().accept(
                    ClaimRequest.builder(f.token(inv)).chooseGroups("secret-board").build()));
            assertThat(e.code()).isEqualTo(ErrorCode.CLAIM_INCOMPLETE);
            assertThat(e.missing()).hasSize(4).anyMatch(m -> m.startsWith("termsAccepted"))
                    .anyMatch(m -> m.startsWith("password")).anyMatch(m -> m.startsWith("profile.jobTitle"))
                    .anyMatch(m -> m.startsWith("chosenGroups"));
            assertThat(f.stored(inv).status()).isEqualTo(PENDING);
            assertThat(f.directory.createOrLinkCalls()).isZero();
        }

        @Test
        void accepting_twice_is_already_accepted() {
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            f.service.invitee().accept(claim(token));
            assertThat(refused(() -> f.service.invitee().accept(claim(token))).code()).isEqualTo(ErrorCode.ALREADY_ACCEPTED);
            assertThat(f.directory.createOrLinkCalls()).isEqualTo(1);
        }

        @Test
        void declining_closes_the_invitation_for_good() {
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            assertThat(f.service.invitee().decline(token).status()).isEqualTo(DECLINED);
            assertThat(f.service.invitee().inspect(token).status()).isEqualTo(DECLINED);
            assertThat(refused(() -> f.service.invitee().accept(claim(token))).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(refused(() -> f.service.invitee().decline(token)).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(f.eventTypes()).endsWith("invitation.declined");
        }
    }

    @Nested
    @DisplayName("approval")
    class Approval {
        @Test
        void with_approval_required_an_acceptance_waits_then_is_approved() {
            f.configure(s -> s.approvalRequired(true));
            Invitation inv = f.invite("jane@example.com");
            String token = f.token(inv);
            Acceptance a = f.service.invitee().accept(claim(token));
            assertThat(a.awaitingApproval()).isTrue();
            assertThat(refused(() -> f.service.invitee().accept(claim(token))).code()).isEqualTo(ErrorCode.ALREADY_ACCEPTED);

            Invitation approved = f.service.administration(ADMIN, ACME).approve(inv.id());
            assertThat(approved.status()).isEqualTo(ACCEPTED);
            assertThat(f.eventTypes()).containsExactly("invitation.invited", "invitation.approval_requested",
                    "invitation.approved");
        }

        @Test
        void a_waiting_acceptance_can_be_rejected_for_good() {
            f.configure(s -> s.approvalRequired(true));
            Invitation inv = f.invite("jane@example.com");
            f.service.invitee().accept(claim(f.token(inv)));
            Invitation rejected = f.service.administration(ADMIN, ACME).reject(inv.id(), "not a member of the association");
            assertThat(rejected.status()).isEqualTo(REJECTED);
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).approve(inv.id())).code())
                    .isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
        }

        @Test
        void approving_a_pending_invitation_is_refused_as_approval_not_required() {
            Invitation inv = f.invite("jane@example.com");
            IllegalTransitionException e = (IllegalTransitionException) refused(
                    () -> f.service.administration(ADMIN, ACME).approve(inv.id()));
            assertThat(e.code()).isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
            assertThat(e.status()).isEqualTo(PENDING);
            assertThat(e.action()).isEqualTo(Action.APPROVE);
            assertThat(AWAITING_APPROVAL.isOpen()).isTrue();
        }
    }
}
