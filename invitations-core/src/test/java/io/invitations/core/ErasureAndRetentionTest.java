package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.storage.Erasure;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Erasure and retention: a person's personal data goes, a keyed tombstone stays")
class ErasureAndRetentionTest {
    private final Fixture f = new Fixture();
    private final InvitationAdministration admin = f.service.administration(ADMIN, ACME);

    private Invitation inviteJane(String target) {
        return admin.invite(f.request("Jane.Doe@example.com").name("Jane", "Doe")
                .personalMessage("Hi Jane, see you at the offsite").target(io.invitations.spi.invitation.Target
                        .resource("project", target)).build());
    }

    private void assertNothingPersonal(Invitation erased) {
        String all = erased + " " + admin.history(erased.id()) + " " + f.store.outbox(ACME, erased.id());
        assertThat(all.toLowerCase()).doesNotContain("jane", "doe", "offsite");
        assertThat(erased.invitee().firstName()).isNull();
        assertThat(erased.invitee().lastName()).isNull();
        assertThat(erased.invitee().displayName()).isNull();
        assertThat(erased.personalMessage()).isNull();
        assertThat(Erasure.isTombstone(erased.invitee().contact())).isTrue();
    }

    @Test
    void the_erased_invitations_of_a_contact_list_only_those_the_actor_may_read() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        io.invitations.spi.invitation.Inviter alice = user("alice", PermissionLevel.USER);
        io.invitations.spi.invitation.Inviter parisAdmin = user("paris-admin", PermissionLevel.ADMIN_LOCAL,
                Fixture.PARIS);
        Invitation alices = f.service.administration(alice, ACME).invite(f.request("jane.doe@example.com")
                .target(io.invitations.spi.invitation.Target.resource("project", "alpha")).build());
        f.clock.advance(Duration.ofSeconds(1));
        Invitation inParis = admin.invite(f.request("jane.doe@example.com").unit(Fixture.PARIS)
                .target(io.invitations.spi.invitation.Target.resource("project", "beta")).build());
        f.clock.advance(Duration.ofSeconds(1));
        Invitation inBerlin = admin.invite(f.request("jane.doe@example.com").unit(Fixture.BERLIN)
                .target(io.invitations.spi.invitation.Target.resource("project", "gamma")).build());
        EmailAddress jane = EmailAddress.of("jane.doe@example.com");
        admin.erase(jane);

        assertThat(admin.erasedInvitationsOf(jane)).extracting(Invitation::id)
                .containsExactly(alices.id(), inParis.id(), inBerlin.id());
        assertThat(f.service.administration(alice, ACME).erasedInvitationsOf(jane)).extracting(Invitation::id)
                .containsExactly(alices.id());
        assertThat(f.service.administration(parisAdmin, ACME).erasedInvitationsOf(jane)).extracting(Invitation::id)
                .containsExactly(inParis.id());
        assertThat(f.service.administration(user("bob", PermissionLevel.USER), ACME).erasedInvitationsOf(jane))
                .isEmpty();
    }

    @Test
    void an_administrator_erases_a_person_everywhere_and_the_tombstone_still_finds_their_invitations() {
        Invitation open = inviteJane("alpha");
        Invitation answered = inviteJane("beta");
        admin.revoke(answered.id(), "Jane Doe asked to leave");
        Invitation someoneElse = admin.invite(f.request("bob@example.com").build());

        ErasureReport report = admin.erase(EmailAddress.of("jane.doe@EXAMPLE.com"));

        assertThat(report.erased()).containsExactlyInAnyOrder(open.id(), answered.id());
        assertThat(report.closed()).containsExactly(open.id());
        assertThat(f.stored(open).status()).isEqualTo(InvitationStatus.REVOKED);
        assertNothingPersonal(f.stored(open));
        assertNothingPersonal(f.stored(answered));
        assertThat(admin.invitationsOf(EmailAddress.of("jane.doe@example.com"))).isEmpty();
        assertThat(admin.erasedInvitationsOf(EmailAddress.of("Jane.Doe@example.com")))
                .extracting(Invitation::id).containsExactly(open.id(), answered.id());
        assertThat(f.stored(someoneElse).invitee().contact().toString()).isEqualTo("bob@example.com");
        HistoryEntry last = admin.history(open.id()).get(admin.history(open.id()).size() - 1);
        assertThat(last.action()).isEqualTo(Action.ERASE);
        assertThat(last.actor()).isEqualTo(ADMIN.userId());
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Erased er && !er.retention()).hasSize(2);
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Erased)
                .allSatisfy(e -> assertThat(e.toString().toLowerCase()).doesNotContain("jane"));
        assertThat(admin.referrals(ADMIN.userId(), open.createdAt().minusSeconds(1), f.clock.instant().plusSeconds(1))
                .toString()).as("referral counts still see them").isNotEmpty();
        assertThat(admin.query(InvitationQuery.builder(ACME).invitedBy(ADMIN.userId()).build()).items())
                .as("the invitations stay, only the person's data goes").hasSize(3);
    }

    @Test
    void erasing_again_changes_nothing_and_reports_the_earlier_erasure() {
        Invitation open = inviteJane("alpha");
        admin.erase(EmailAddress.of("jane.doe@example.com"));
        Invitation once = f.stored(open);
        int events = f.events.size();

        ErasureReport again = admin.erase(EmailAddress.of("jane.doe@example.com"));

        assertThat(again.erased()).isEmpty();
        assertThat(again.alreadyErased()).containsExactly(open.id());
        assertThat(again.found()).isTrue();
        assertThat(f.stored(open)).isEqualTo(once);
        assertThat(f.events).hasSize(events);
    }

    @Test
    void the_invitee_finds_the_link_dead_after_erasure() {
        Invitation open = inviteJane("alpha");
        String link = f.token(open);

        admin.erase(EmailAddress.of("jane.doe@example.com"));

        assertThat(f.service.invitee().inspect(link).claimable()).isFalse();
        assertThat(refused(() -> f.service.invitee().accept(claim(link))).code()).isEqualTo(ErrorCode.REVOKED);
    }

    @Test
    void only_administrators_erase() {
        inviteJane("alpha");
        InvitationAdministration member = f.service.administration(user("u-9", PermissionLevel.USER), ACME);
        assertThat(refused(() -> member.erase(EmailAddress.of("jane.doe@example.com"))).code())
                .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> admin.erase(null))
                .withMessageContaining("contact");
    }

    @Test
    void the_retention_sweep_erases_answered_invitations_once_their_period_passed_and_leaves_the_rest() {
        f.configure(s -> s.retention(Duration.ofDays(30)));
        Invitation declined = inviteJane("alpha");
        f.service.invitee().decline(f.token(declined));
        Invitation revoked = admin.invite(f.request("rev@example.com").name("Rita", "Revoked").build());
        admin.revoke(revoked.id(), "wrong person");
        Invitation pending = admin.invite(f.request("pat@example.com").build());
        Invitation accepted = admin.invite(f.request("acc@example.com").build());
        f.service.invitee().accept(claim(f.token(accepted)));

        f.clock.advance(Duration.ofDays(29));
        assertThat(f.service.maintenance().applyRetention(ACME)).as("not yet").isZero();
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.service.maintenance().applyRetention(ACME)).isEqualTo(2);

        assertNothingPersonal(f.stored(declined));
        assertThat(f.stored(revoked).toString()).doesNotContain("rev@example.com", "Rita");
        assertThat(f.stored(accepted).invitee().contact().toString()).isEqualTo("acc@example.com");
        assertThat(f.stored(pending).invitee().contact().toString()).isEqualTo("pat@example.com");
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Erased er && er.retention()
                && er.actor().equals("system:retention")).hasSize(2);
        assertThat(f.service.maintenance().applyRetention(ACME)).as("idempotent").isZero();
    }

    @Test
    void a_tenant_without_retention_keeps_personal_data_and_a_bad_period_is_refused() {
        Invitation declined = inviteJane("alpha");
        f.service.invitee().decline(f.token(declined));
        f.clock.advance(Duration.ofDays(3650));
        assertThat(f.service.maintenance().applyRetention(ACME)).isZero();
        assertThat(f.stored(declined).invitee().firstName()).isEqualTo("Jane");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.configure(s -> s.retention(Duration.ZERO))))
                .hasMessageContaining("retention must be positive");
    }

    @Test
    void two_sweeps_at_once_erase_each_invitation_exactly_once() throws Exception {
        f.configure(s -> s.retention(Duration.ofDays(1)));
        for (int i = 0; i < 150; i++) {
            Invitation inv = admin.invite(f.request("p" + i + "@example.com").build());
            admin.revoke(inv.id(), null);
        }
        f.clock.advance(Duration.ofDays(2));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> runs = pool.invokeAll(List.of(
                    () -> f.service.maintenance().applyRetention(ACME),
                    () -> f.service.maintenance().applyRetention(ACME)));
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(150);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.events).filteredOn(e -> e instanceof InvitationEvent.Erased).hasSize(150);
    }
}
