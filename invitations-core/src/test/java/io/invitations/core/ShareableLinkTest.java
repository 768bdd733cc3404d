package io.invitations.core;

import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.LinkClosedException;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Shareable invitation links")
class ShareableLinkTest {
    private final Fixture f = new Fixture();

    @BeforeEach
    void linksOn() {
        f.configure(s -> s.linkInvitationsEnabled(true));
    }

    private ShareableLinkRequest.Builder link() {
        return ShareableLinkRequest.builder().role("member");
    }

    private RevealedShareableLink create(ShareableLinkRequest.Builder request) {
        RevealedShareableLink created = f.service.administration(ADMIN, ACME).createShareableLink(request.build());
        Secrets.issued(created.token());
        return created;
    }

    static JoinRequest join(String token, String email) {
        return JoinRequest.of(email, ClaimRequest.builder(token).name("Jo", "Ner").password(PASSWORD.toCharArray())
                .build());
    }

    @Nested
    @DisplayName("managing")
    class Managing {
        @Test
        void an_administrator_creates_an_active_link_with_its_url_and_an_event() {
            RevealedShareableLink created = create(link().groups("news").maxUses(25).allowedDomains("Example.COM"));

            ShareableLink stored = created.link();
            assertThat(stored.active()).isTrue();
            assertThat(stored.uses()).isZero();
            assertThat(stored.maxUses()).isEqualTo(25);
            assertThat(stored.allowedDomains()).containsExactly("example.com");
            assertThat(stored.grant().groups()).containsExactly("news");
            assertThat(created.url()).isEqualTo("/join/" + created.token());
            assertThat(created.toString()).doesNotContain(created.token());
            assertThat(f.service.administration(ADMIN, ACME).shareableLinks()).containsExactly(stored);
            assertThat(f.events).singleElement().isInstanceOfSatisfying(InvitationEvent.LinkCreated.class, e -> {
                assertThat(e.linkId()).isEqualTo(stored.id());
                assertThat(e.actor()).isEqualTo(ADMIN.userId());
            });
        }

        @Test
        void deactivating_kills_the_url_at_once_and_reactivating_gives_a_new_one_while_the_old_stays_dead() {
            RevealedShareableLink first = create(link());
            assertThat(f.service.invitee().joinShareableLink(join(first.token(), "a@example.com")).invitation().status())
                    .isEqualTo(InvitationStatus.ACCEPTED);

            ShareableLink off = f.service.administration(ADMIN, ACME).deactivateShareableLink(first.link().id());
            InvitationException whileOff = refused(() -> f.service.invitee().joinShareableLink(join(first.token(), "b@example.com")));
            RevealedShareableLink second = f.service.administration(ADMIN, ACME).reactivateShareableLink(first.link().id());
            Secrets.issued(second.token());

            assertThat(off.active()).isFalse();
            assertThat(whileOff.code()).isEqualTo(ErrorCode.LINK_INACTIVE);
            assertThat(second.token()).isNotEqualTo(first.token());
            assertThat(second.url()).isNotEqualTo(first.url());
            assertThat(second.link().tokenVersion()).isEqualTo(2);
            assertThat(refused(() -> f.service.invitee().joinShareableLink(join(first.token(), "b@example.com"))).code())
                    .as("the old URL stays dead").isEqualTo(ErrorCode.LINK_INACTIVE);
            assertThat(refused(() -> f.service.invitee().inspectShareableLink(first.token())).code()).isEqualTo(ErrorCode.LINK_INACTIVE);
            assertThat(f.service.invitee().joinShareableLink(join(second.token(), "b@example.com")).invitation().status())
                    .isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(f.eventTypes()).containsSubsequence("link.created", "link.deactivated", "link.reactivated");
        }

        @Test
        void deactivating_twice_or_reactivating_an_active_link_changes_nothing() {
            RevealedShareableLink created = create(link());

            RevealedShareableLink same = f.service.administration(ADMIN, ACME).reactivateShareableLink(created.link().id());
            f.service.administration(ADMIN, ACME).deactivateShareableLink(created.link().id());
            ShareableLink again = f.service.administration(ADMIN, ACME).deactivateShareableLink(created.link().id());

            assertThat(same.token()).isEqualTo(created.token());
            assertThat(again.version()).isEqualTo(2);
            assertThat(f.eventTypes()).containsExactly("link.created", "link.deactivated");
        }

        @Test
        void an_administrator_can_reveal_the_current_url_again() {
            RevealedShareableLink created = create(link());

            assertThat(f.service.administration(ADMIN, ACME).revealShareableLink(created.link().id()).token())
                    .isEqualTo(created.token());
        }

        @Test
        void below_administrator_level_links_cannot_be_managed() {
            RevealedShareableLink created = create(link());
            var hr = user("hr", PermissionLevel.HR_TENANT);

            assertThat(refused(() -> f.service.administration(hr, ACME).createShareableLink(ShareableLinkRequest.builder().role("member").build()))
                    .code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
            assertThat(refused(() -> f.service.administration(hr, ACME).revealShareableLink(created.link().id())).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
            assertThat(refused(() -> f.service.administration(hr, ACME).deactivateShareableLink(created.link().id())).code())
                    .isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }

        @Test
        void a_link_may_not_grant_a_role_above_its_creator() {
            var local = user("local", PermissionLevel.ADMIN_LOCAL, PARIS);

            InvitationException e = refused(() -> f.service.administration(local, ACME).createShareableLink(ShareableLinkRequest.builder()
                    .role("admin").build()));

            assertThat(e.code()).isEqualTo(ErrorCode.ROLE_ABOVE_INVITER);
        }

        @Test
        void a_malformed_request_lists_every_problem() {
            InvalidRequestException e = (InvalidRequestException) refused(() -> f.service.administration(ADMIN, ACME).createShareableLink(link()
                    .role(" ").maxUses(0).allowedDomains("not a domain").expiresAt(f.clock.instant()).build()));

            assertThat(e.fields()).contains("role", "maxUses", "allowedDomains", "expiresAt");
        }

        @Test
        void an_unknown_link_is_not_found() {
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).deactivateShareableLink(io.invitations.spi.invitation.LinkId.of("nope"))).code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("switched off for the tenant")
    class SwitchedOff {
        @Test
        void no_link_can_be_created_and_existing_links_take_no_joins_until_switched_on_again() {
            RevealedShareableLink created = create(link());
            f.configure(s -> s.linkInvitationsEnabled(false));

            InvitationException create = refused(() -> f.service.administration(ADMIN, ACME).createShareableLink(link().build()));
            InvitationException joinOff = refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "a@example.com")));
            ShareableLink deactivated = f.service.administration(ADMIN, ACME).deactivateShareableLink(created.link().id());

            assertThat(create.code()).isEqualTo(ErrorCode.LINKS_DISABLED);
            assertThat(joinOff).isInstanceOf(LinkClosedException.class);
            assertThat(joinOff.code()).isEqualTo(ErrorCode.LINKS_DISABLED);
            assertThat(deactivated.active()).as("deactivating works while links are off").isFalse();
        }
    }

    @Nested
    @DisplayName("joining")
    class Joining {
        @Test
        void a_join_creates_an_accepted_invitation_with_source_link_in_one_write_with_the_use() {
            RevealedShareableLink created = create(link().groups("news"));
            int events = f.events.size();

            Acceptance joined = f.service.invitee().joinShareableLink(join(created.token(), " Jo.Ner@Example.com "));

            Invitation inv = joined.invitation();
            assertThat(inv.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(inv.source()).isEqualTo(InvitationSource.link(created.link().id()));
            assertThat(inv.invitee().contact()).isEqualTo(new EmailAddress("Jo.Ner@example.com"));
            assertThat(inv.invitee().displayName()).isEqualTo("Jo Ner");
            assertThat(inv.invitedBy()).isEqualTo(ADMIN.userId());
            assertThat(f.stored(inv)).isEqualTo(inv);
            assertThat(f.store.findLink(ACME, created.link().id()).orElseThrow().uses()).isEqualTo(1);
            assertThat(f.service.administration(ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action, HistoryEntry::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.INVITE, InvitationStatus.PENDING),
                            org.assertj.core.groups.Tuple.tuple(Action.ACCEPT, InvitationStatus.ACCEPTED));
            assertThat(f.events.subList(events, f.events.size())).extracting(InvitationEvent::type)
                    .containsExactly("invitation.invited", "invitation.accepted");
            assertThat(f.directory.accounts(ACME)).singleElement().satisfies(a -> {
                assertThat(a.grant().groups()).containsExactly("news");
                assertThat(a.hasPassword()).isTrue();
                assertThat(a.invitedBy()).isEqualTo(ADMIN.userId());
            });
        }

        @Test
        void with_approval_required_a_join_awaits_approval_and_can_be_approved() {
            f.configure(s -> s.approvalRequired(true));
            RevealedShareableLink created = create(link());

            Acceptance joined = f.service.invitee().joinShareableLink(join(created.token(), "jo@example.com"));
            Invitation approved = f.service.administration(ADMIN, ACME).approve(joined.invitation().id());

            assertThat(joined.awaitingApproval()).isTrue();
            assertThat(approved.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(f.eventTypes()).endsWith("invitation.invited", "invitation.approval_requested",
                    "invitation.approved");
        }

        @Test
        void the_join_page_sees_what_the_link_offers_without_changing_anything() {
            f.configure(s -> s.termsRequired(true).defaultGroupPool(Set.of("sports")));
            RevealedShareableLink created = create(link().maxUses(3).target(Target.resource("group", "design"))
                    .membershipType(MembershipType.GUEST).expiresAt(f.clock.instant().plus(Duration.ofDays(2))));

            ShareableLinkOffer offer = f.service.invitee().inspectShareableLink(created.token());

            assertThat(offer.linkId()).isEqualTo(created.link().id());
            assertThat(offer.target()).isEqualTo(Target.resource("group", "design"));
            assertThat(offer.grant().membershipType()).isEqualTo(MembershipType.GUEST);
            assertThat(offer.usesLeft()).isEqualTo(3);
            assertThat(offer.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(2)));
            assertThat(offer.requirements().steps()).containsExactly(ClaimStep.TERMS, ClaimStep.PASSWORD,
                    ClaimStep.GROUPS);
            assertThat(f.store.findLink(ACME, created.link().id()).orElseThrow()).isEqualTo(created.link());
        }

        @Test
        void an_expired_link_is_refused_as_expired() {
            RevealedShareableLink created = create(link().expiresAt(f.clock.instant().plus(Duration.ofHours(1))));
            f.clock.advance(Duration.ofHours(1));

            assertThat(refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "a@example.com"))).code())
                    .isEqualTo(ErrorCode.LINK_EXPIRED);
        }

        @Test
        void a_link_with_its_uses_spent_is_refused_as_exhausted() {
            RevealedShareableLink created = create(link().maxUses(1));
            f.service.invitee().joinShareableLink(join(created.token(), "a@example.com"));

            assertThat(refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "b@example.com"))).code())
                    .isEqualTo(ErrorCode.LINK_EXHAUSTED);
            assertThat(refused(() -> f.service.invitee().inspectShareableLink(created.token())).code())
                    .isEqualTo(ErrorCode.LINK_EXHAUSTED);
        }

        @Test
        void only_the_links_allowed_domains_may_join() {
            RevealedShareableLink created = create(link().allowedDomains("example.com"));

            InvitationException e = refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "x@elsewhere.org")));

            assertThat(e.code()).isEqualTo(ErrorCode.DOMAIN_NOT_ALLOWED);
            assertThat(f.store.findLink(ACME, created.link().id()).orElseThrow().uses()).isZero();
        }

        @Test
        void a_member_or_someone_awaiting_approval_gets_one_neutral_refusal_and_no_use_is_spent() {
            // issue 15: a pending invitation no longer blocks the join (it is superseded); one awaiting
            // approval still does, with the same neutral answer as a member
            f.configure(s -> s.approvalRequired(true));
            RevealedShareableLink created = create(link());
            f.directory.addMember(ACME, new EmailAddress("member@example.com"));
            Invitation invited = f.invite("invited@example.com");
            f.service.invitee().accept(Fixture.claim(f.token(invited)));

            InvitationException member = refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "member@example.com")));
            InvitationException pending = refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "INVITED@example.com")));

            // a public link must not tell its holder who is a member and who is only invited
            assertThat(member.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(pending.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(pending.getMessage()).doesNotContain(invited.id().value());
            assertThat(((AlreadyInvitedException) pending).existingInvitationId()).isEmpty();
            assertThat(f.store.findLink(ACME, created.link().id()).orElseThrow().uses()).isZero();
        }

        @Test
        void an_incomplete_claim_creates_no_account_and_spends_no_use() {
            f.configure(s -> s.termsRequired(true));
            RevealedShareableLink created = create(link().maxUses(1));

            ClaimIncompleteException e = (ClaimIncompleteException) refused(() -> f.service.invitee().joinShareableLink(
                    JoinRequest.of("a@example.com", ClaimRequest.builder(created.token()).build())));

            assertThat(e.steps()).containsExactly(ClaimStep.TERMS, ClaimStep.PASSWORD);
            assertThat(f.directory.createOrLinkCalls()).isZero();
            assertThat(f.store.findLink(ACME, created.link().id()).orElseThrow().uses()).isZero();
        }

        @Test
        void a_seat_limit_is_respected() {
            f.seats.setLimit(ACME, 1);
            f.directory.addMember(ACME, new EmailAddress("owner@example.com"));
            RevealedShareableLink created = create(link());

            assertThat(refused(() -> f.service.invitee().joinShareableLink(join(created.token(), "a@example.com"))).code())
                    .isEqualTo(ErrorCode.SEAT_LIMIT_REACHED);
        }

        @Test
        void a_forged_or_foreign_token_reveals_nothing() {
            RevealedShareableLink created = create(link());
            Invitation inv = f.invite("someone@example.com");
            String claimToken = f.token(inv);

            InvitationException forged = refused(() -> f.service.invitee().joinShareableLink(join(created.token() + "x", "a@example.com")));
            InvitationException claimAsLink = refused(() -> f.service.invitee().joinShareableLink(join(claimToken, "a@example.com")));
            InvitationException linkAsClaim = refused(() -> f.service.invitee().inspect(created.token()));

            assertThat(List.of(forged, claimAsLink, linkAsClaim)).extracting(InvitationException::code)
                    .containsOnly(ErrorCode.INVALID_TOKEN);
        }

        @Test
        void a_malformed_join_lists_every_problem() {
            RevealedShareableLink created = create(link());

            InvalidRequestException e = (InvalidRequestException) refused(() -> f.service.invitee().joinShareableLink(
                    JoinRequest.of("not-an-email", ClaimRequest.builder(created.token()).name("x".repeat(101), null)
                            .build())));

            assertThat(e.fields()).contains("email", "claim.firstName");
        }
    }
}
