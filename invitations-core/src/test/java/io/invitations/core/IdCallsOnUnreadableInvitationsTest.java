package io.invitations.core;

import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.storage.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.BERLIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Every call by id on an invitation the actor may not read answers exactly as for a missing id")
class IdCallsOnUnreadableInvitationsTest {
    private static final Inviter ALICE = user("alice", PermissionLevel.USER);
    private static final Inviter PARIS_ADMIN = user("paris-admin", PermissionLevel.ADMIN_LOCAL, PARIS);
    private static final InvitationId MISSING = InvitationId.of("no-such-invitation");

    private final Fixture f = new Fixture();
    private Invitation bobsPending;
    private Invitation berlinPending;
    private Invitation berlinProvisioned;
    private Invitation alicesOwn;

    @BeforeEach
    void invitationsOfOthers() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        bobsPending = admin(user("bob", PermissionLevel.USER)).invite(f.request("bobs.friend@example.com").build());
        berlinPending = admin(ADMIN).invite(f.request("berlin@example.com").unit(BERLIN).build());
        berlinProvisioned = admin(ADMIN).provision(f.request("later@example.com").unit(BERLIN).build());
        alicesOwn = admin(ALICE).invite(f.request("alices.friend@example.com").build());
    }

    private InvitationAdministration admin(Inviter actor) {
        return f.service.administration(actor, ACME);
    }

    /** Every administration call that names one invitation and is not a read. */
    private static Map<String, BiConsumer<InvitationAdministration, InvitationId>> idCalls() {
        Map<String, BiConsumer<InvitationAdministration, InvitationId>> calls = new LinkedHashMap<>();
        calls.put("send", InvitationAdministration::send);
        calls.put("send with message", (a, id) -> a.send(id, "hello"));
        calls.put("resend", InvitationAdministration::resend);
        calls.put("reinvite", InvitationAdministration::reinvite);
        calls.put("revoke", (a, id) -> a.revoke(id, "no"));
        calls.put("approve", InvitationAdministration::approve);
        calls.put("reject", (a, id) -> a.reject(id, "no"));
        calls.put("preview", (a, id) -> a.preview(id, OutboxMessage.Kind.INVITATION));
        calls.put("accessCodeNotice", (a, id) -> a.accessCodeNotice(id, "ABCD-EFGH"));
        calls.put("accessCodeNotice by id", InvitationAdministration::accessCodeNotice);
        calls.put("revealClaimLink", InvitationAdministration::revealClaimLink);
        calls.put("shareClaimLink", InvitationAdministration::shareClaimLink);
        calls.put("revealAccessCode", InvitationAdministration::revealAccessCode);
        return calls;
    }

    private static InvitationNotFoundException notFound(String call, Runnable action) {
        InvitationNotFoundException e = catchThrowableOfType(action::run, InvitationNotFoundException.class);
        assertThat(e).as(call).isNotNull();
        return e;
    }

    private void assertReadsAsMissing(Inviter actor, Invitation hidden) {
        InvitationAdministration a = admin(actor);
        idCalls().forEach((call, action) -> {
            InvitationNotFoundException missing = notFound(call, () -> action.accept(a, MISSING));
            InvitationNotFoundException unreadable = notFound(call, () -> action.accept(a, hidden.id()));
            assertThat(unreadable.code()).as(call).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(unreadable.getMessage()).as(call)
                    .isEqualTo(missing.getMessage().replace(MISSING.value(), hidden.id().value()));
        });
        assertThat(f.stored(hidden).version()).as("nothing changed").isEqualTo(hidden.version());
    }

    @Test
    void a_user_calling_by_id_on_another_ones_invitation_gets_not_found_without_who_sent_it() {
        assertReadsAsMissing(ALICE, bobsPending);
        assertReadsAsMissing(ALICE, berlinProvisioned);
    }

    @Test
    void a_local_administrator_calling_by_id_outside_their_units_gets_not_found_without_the_unit() {
        assertReadsAsMissing(PARIS_ADMIN, berlinPending);
        assertReadsAsMissing(PARIS_ADMIN, berlinProvisioned);
    }

    @Test
    void sending_several_reports_an_unreadable_id_exactly_as_a_missing_one() {
        SendReport report = admin(PARIS_ADMIN).send(List.of(berlinProvisioned.id(), MISSING));
        assertThat(report.sent()).isEmpty();
        assertThat(report.refused()).extracting(SendReport.Refused::code)
                .containsExactly(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND);
        assertThat(report.refused().get(0).message()).isEqualTo(report.refused().get(1).message()
                .replace(MISSING.value(), berlinProvisioned.id().value()));
        assertThat(report.refused().get(0).message()).doesNotContain("berlin").doesNotContain("OUTSIDE_UNIT");
    }

    @Test
    void inviting_all_sends_what_the_actor_may_read_and_lists_nothing_of_another_unit() {
        Invitation inParis = admin(ADMIN).provision(f.request("paris@example.com").unit(PARIS).build());

        SendReport report = admin(PARIS_ADMIN).sendAllProvisioned();

        assertThat(report.sent()).extracting(Invitation::id).containsExactly(inParis.id());
        assertThat(report.refused()).isEmpty();
        assertThat(f.stored(berlinProvisioned).version()).isEqualTo(berlinProvisioned.version());
    }

    @Test
    void refusals_stay_specific_for_an_invitation_the_actor_may_read() {
        PolicyViolationException low = catchThrowableOfType(() -> admin(ALICE).revealClaimLink(alicesOwn.id()),
                PolicyViolationException.class);
        assertThat(low.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        f.configure(s -> s.invitationsEnabled(false));
        PolicyViolationException off = catchThrowableOfType(() -> admin(ALICE).resend(alicesOwn.id()),
                PolicyViolationException.class);
        assertThat(off.code()).isEqualTo(ErrorCode.INVITATIONS_DISABLED);
        PolicyViolationException offAndHidden = catchThrowableOfType(() -> admin(ADMIN).resend(bobsPending.id()),
                PolicyViolationException.class);
        assertThat(offAndHidden.code()).as("a tenant administrator reads every invitation")
                .isEqualTo(ErrorCode.INVITATIONS_DISABLED);
    }
}
