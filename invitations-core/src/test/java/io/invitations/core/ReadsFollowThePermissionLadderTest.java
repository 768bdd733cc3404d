package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.BERLIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reads follow the permission ladder: below the manage level one's own invitations, "
        + "a local manager's units, the whole tenant above")
class ReadsFollowThePermissionLadderTest {
    private static final Inviter ALICE = user("alice", PermissionLevel.USER);
    private static final Inviter BOB = user("bob", PermissionLevel.USER);
    private static final Inviter PARIS_ADMIN = user("paris-admin", PermissionLevel.ADMIN_LOCAL, PARIS);

    private final Fixture f = new Fixture();
    private Invitation alices;
    private Invitation bobs;
    private Invitation adminsInParis;
    private Invitation adminsInBerlin;

    @BeforeEach
    void fourInvitationsByThreeInviters() {
        f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
        alices = admin(ALICE).invite(f.request("shared@example.com").build());
        f.clock.advance(Duration.ofSeconds(1));
        bobs = admin(BOB).invite(f.request("bobs.friend@example.com").build());
        f.clock.advance(Duration.ofSeconds(1));
        adminsInParis = admin(ADMIN).invite(f.request("paris@example.com").unit(PARIS).build());
        f.clock.advance(Duration.ofSeconds(1));
        adminsInBerlin = admin(ADMIN).invite(f.request("shared@example.com").unit(BERLIN)
                .target(Target.resource("event", "e-2")).build());
    }

    private InvitationAdministration admin(Inviter actor) {
        return f.service.administration(actor, ACME);
    }

    private static List<InvitationId> ids(List<Invitation> invitations) {
        return invitations.stream().map(Invitation::id).toList();
    }

    private static List<InvitationId> everything(InvitationAdministration admin) {
        return ids(admin.query(InvitationQuery.builder(ACME).build()).items());
    }

    @Test
    void a_user_queries_only_the_invitations_they_sent() {
        assertThat(everything(admin(ALICE))).containsExactly(alices.id());
        assertThat(everything(admin(BOB))).containsExactly(bobs.id());
        assertThat(ids(admin(ALICE).query(InvitationQuery.builder(ACME).invitedBy("bob").build()).items())).isEmpty();
        assertThat(ids(admin(ALICE).query(InvitationQuery.builder(ACME).statuses(InvitationStatus.PENDING).build())
                .items())).containsExactly(alices.id());
    }

    @Test
    void a_user_finds_their_own_invitation_and_not_another_ones_which_reads_as_missing() {
        assertThat(admin(ALICE).find(alices.id())).map(Invitation::id).contains(alices.id());
        assertThat(admin(ALICE).find(bobs.id())).isEmpty();
        assertThat(admin(ALICE).find(adminsInParis.id())).isEmpty();
        assertThat(admin(ALICE).find(InvitationId.of("no-such-invitation"))).isEmpty();
    }

    @Test
    void another_ones_history_is_refused_exactly_as_a_missing_invitation() {
        assertThat(admin(ALICE).history(alices.id())).isNotEmpty();
        InvitationNotFoundException hidden = catchNotFound(() -> admin(ALICE).history(bobs.id()));
        InvitationNotFoundException missing = catchNotFound(() -> admin(ALICE).history(InvitationId.of("missing")));
        assertThat(hidden.code()).isEqualTo(missing.code());
        assertThat(hidden.getMessage()).isEqualTo(missing.getMessage().replace("missing", bobs.id().value()));
    }

    private static InvitationNotFoundException catchNotFound(Runnable read) {
        try {
            read.run();
        } catch (InvitationNotFoundException e) {
            return e;
        }
        throw new AssertionError("expected InvitationNotFoundException");
    }

    @Test
    void a_user_lists_only_their_own_invitations_of_a_contact() {
        EmailAddress shared = EmailAddress.of("shared@example.com");
        assertThat(ids(admin(ALICE).invitationsOf(shared))).containsExactly(alices.id());
        assertThat(ids(admin(BOB).invitationsOf(shared))).isEmpty();
        assertThat(ids(admin(ALICE).openInvitationsOf(List.of(shared, EmailAddress.of("bobs.friend@example.com")))))
                .containsExactly(alices.id());
        assertThat(ids(admin(BOB).openInvitationsOf(List.of(shared, EmailAddress.of("bobs.friend@example.com")))))
                .containsExactly(bobs.id());
    }

    @Test
    void a_tenant_administrator_reads_the_whole_tenant() {
        EmailAddress shared = EmailAddress.of("shared@example.com");
        assertThat(everything(admin(ADMIN))).containsExactly(alices.id(), bobs.id(), adminsInParis.id(),
                adminsInBerlin.id());
        assertThat(admin(ADMIN).find(bobs.id())).isPresent();
        assertThat(admin(ADMIN).history(alices.id())).isNotEmpty();
        assertThat(ids(admin(ADMIN).invitationsOf(shared))).containsExactlyInAnyOrder(alices.id(), adminsInBerlin.id());
        assertThat(ids(admin(ADMIN).openInvitationsOf(List.of(shared)))).containsExactlyInAnyOrder(alices.id(),
                adminsInBerlin.id());
    }

    @Test
    void the_tenants_manage_level_draws_the_line() {
        f.configure(s -> s.manageLevel(PermissionLevel.USER));
        assertThat(everything(admin(ALICE))).hasSize(4);
        assertThat(admin(ALICE).find(bobs.id())).isPresent();
        f.configure(s -> s.manageLevel(PermissionLevel.ADMIN_TENANT));
        Inviter hr = user("hr", PermissionLevel.HR_TENANT);
        assertThat(everything(admin(hr))).isEmpty();
        assertThat(admin(PARIS_ADMIN).find(adminsInParis.id())).isEmpty();
    }

    @Test
    void a_local_administrator_reads_their_units_and_their_own() {
        EmailAddress shared = EmailAddress.of("shared@example.com");
        InvitationAdministration paris = admin(PARIS_ADMIN);
        assertThat(everything(paris)).containsExactly(adminsInParis.id());
        f.clock.advance(Duration.ofSeconds(1));
        Invitation sentByParisAdmin = paris.invite(f.request("own@example.com").unit(PARIS).build());

        assertThat(everything(paris)).containsExactly(adminsInParis.id(), sentByParisAdmin.id());
        assertThat(paris.find(adminsInParis.id())).isPresent();
        assertThat(paris.find(adminsInBerlin.id())).isEmpty();
        assertThat(paris.find(alices.id())).isEmpty();
        assertThatThrownBy(() -> paris.history(adminsInBerlin.id())).isInstanceOf(InvitationNotFoundException.class);
        assertThat(paris.invitationsOf(shared)).isEmpty();
        assertThat(ids(admin(user("berlin-admin", PermissionLevel.ADMIN_LOCAL, BERLIN)).invitationsOf(shared)))
                .containsExactly(adminsInBerlin.id());

        Inviter movedToBerlin = user("paris-admin", PermissionLevel.ADMIN_LOCAL, BERLIN);
        assertThat(everything(admin(movedToBerlin))).as("their own invitations stay theirs to read")
                .containsExactly(adminsInBerlin.id(), sentByParisAdmin.id());
    }

    @Test
    void paging_over_the_readable_invitations_is_exact() {
        List<InvitationId> alicesAll = new ArrayList<>(List.of(alices.id()));
        for (int n = 0; n < 12; n++) {
            f.clock.advance(Duration.ofSeconds(1));
            Invitation other = admin(n % 2 == 0 ? BOB : ADMIN).invite(f.request("other" + n + "@example.com").build());
            assertThat(other.invitedBy()).isNotEqualTo("alice");
            f.clock.advance(Duration.ofSeconds(1));
            alicesAll.add(admin(ALICE).invite(f.request("mine" + n + "@example.com").build()).id());
        }

        List<InvitationId> paged = new ArrayList<>();
        InvitationQuery query = InvitationQuery.builder(ACME).page(0, 5).build();
        List<Page<Invitation>> pages = new ArrayList<>();
        Page<Invitation> page;
        do {
            page = admin(ALICE).query(query);
            pages.add(page);
            paged.addAll(ids(page.items()));
            query = query.nextPage();
        } while (page.hasMore());

        assertThat(paged).containsExactlyElementsOf(alicesAll);
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(5, 5, 3);
        assertThat(pages).extracting(Page::offset).containsExactly(0, 5, 10);
        assertThat(admin(ALICE).query(InvitationQuery.builder(ACME).page(13, 5).build()))
                .isEqualTo(new Page<Invitation>(List.of(), 13, false));
    }

    @Test
    void a_query_scope_may_narrow_the_actors_reads_but_never_widen_them() {
        InvitationQuery.Scope alicesOwn = new InvitationQuery.Scope("alice", Set.of(PARIS));
        assertThat(ids(admin(ALICE).query(InvitationQuery.builder(ACME).scope(alicesOwn).build()).items()))
                .containsExactly(alices.id());
        assertThat(ids(admin(ADMIN).query(InvitationQuery.builder(ACME)
                .scope(new InvitationQuery.Scope("nobody", Set.of(PARIS))).build()).items()))
                .containsExactly(adminsInParis.id());
        InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> admin(ALICE).query(InvitationQuery.builder(ACME).scope(new InvitationQuery.Scope("bob", Set.of()))
                        .build()), InvalidRequestException.class);
        assertThat(e.getMessage()).contains("query.scope").contains("bob");
    }

    @Test
    void seats_stay_readable_to_every_inviter() {
        assertThat(admin(ALICE).seats()).isEqualTo(admin(ADMIN).seats());
    }
}
