package io.invitations.core;

import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.core.testing.Fixture;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.claim;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Queries, seats and referrals")
class QueriesAndReferralsTest {
    private final Fixture f = new Fixture();
    private final Inviter alice = user("alice", PermissionLevel.USER);
    private final Inviter bob = user("bob", PermissionLevel.USER);

    private Invitation inviteAs(Inviter inviter, String email) {
        return f.service.administration(inviter, ACME).invite(InviteRequest.builder().email(email).role("member").build());
    }

    @Nested
    @DisplayName("queries")
    class Queries {
        @Test
        void invitations_are_listed_per_tenant_and_inviter_by_effective_status_in_pages() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            for (int i = 0; i < 5; i++) {
                inviteAs(alice, "a" + i + "@example.com");
                f.clock.advance(Duration.ofMinutes(1));
            }
            Invitation bobs = inviteAs(bob, "b@example.com");
            f.clock.advance(Duration.ofDays(7));
            Invitation fresh = inviteAs(bob, "c@example.com");

            Page<Invitation> first = f.service.administration(ADMIN, ACME).query(InvitationQuery.builder(ACME).invitedBy("alice")
                    .statuses(InvitationStatus.EXPIRED).page(0, 2).build());
            assertThat(first.items()).hasSize(2).allMatch(i -> i.status() == InvitationStatus.EXPIRED);
            assertThat(first.hasMore()).isTrue();
            Page<Invitation> last = f.service.administration(ADMIN, ACME).query(InvitationQuery.builder(ACME).invitedBy("alice")
                    .statuses(InvitationStatus.EXPIRED).page(4, 2).build());
            assertThat(last.items()).hasSize(1);
            assertThat(last.hasMore()).isFalse();

            assertThat(f.service.administration(ADMIN, ACME).query(InvitationQuery.builder(ACME).invitedBy("bob").build()).items())
                    .extracting(Invitation::id, Invitation::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(bobs.id(), InvitationStatus.EXPIRED),
                            org.assertj.core.groups.Tuple.tuple(fresh.id(), InvitationStatus.PENDING));
            assertThat(f.service.administration(ADMIN, ACME).query(InvitationQuery.builder(ACME).statuses(InvitationStatus.PENDING).build()).items())
                    .extracting(Invitation::id).containsExactly(fresh.id());
            assertThat(f.service.administration(ADMIN, Fixture.GLOBEX).query(InvitationQuery.builder(Fixture.GLOBEX).build()).items()).isEmpty();
        }

        @Test
        void find_reports_the_status_as_it_reads_now() {
            Invitation inv = f.invite("a@example.com");
            f.clock.advance(Duration.ofDays(7));
            assertThat(f.service.administration(ADMIN, ACME).find(inv.id())).get().extracting(Invitation::status)
                    .isEqualTo(InvitationStatus.EXPIRED);
            assertThat(f.service.administration(ADMIN, ACME).find(io.invitations.spi.invitation.InvitationId.of("nope"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("seats")
    class Seats {
        @Test
        void without_a_limit_seats_are_unlimited() {
            f.invite("a@example.com");
            SeatCount seats = f.service.administration(ADMIN, ACME).seats();
            assertThat(seats.unlimited()).isTrue();
            assertThat(seats.remaining()).isEmpty();
            assertThat(seats.pending()).isEqualTo(1);
        }

        @Test
        void open_invitations_hold_a_seat_until_accepted_revoked_or_expired() {
            f.seats.setLimit(ACME, 5);
            f.directory.addMember(ACME, EmailAddress.of("boss@example.com"));
            Invitation accepted = f.invite("a@example.com");
            Invitation revoked = f.invite("b@example.com");
            f.invite("c@example.com");
            f.service.administration(ADMIN, ACME).provision(f.request("d@example.com").build());
            assertThat(f.service.administration(ADMIN, ACME).seats()).isEqualTo(new SeatCount(OptionalLong.of(5), 1, 4));
            assertThat(f.service.administration(ADMIN, ACME).seats().remaining()).hasValue(0);

            f.service.invitee().accept(claim(f.token(accepted)));
            assertThat(f.service.administration(ADMIN, ACME).seats()).isEqualTo(new SeatCount(OptionalLong.of(5), 2, 3));
            f.service.administration(ADMIN, ACME).revoke(revoked.id(), null);
            assertThat(f.service.administration(ADMIN, ACME).seats().remaining()).hasValue(1);
            f.clock.advance(Duration.ofDays(7));
            assertThat(f.service.administration(ADMIN, ACME).seats().pending()).as("only the provisioned one is left").isEqualTo(1);
            assertThat(f.service.administration(ADMIN, ACME).seats().remaining()).hasValue(2);
        }

        @Test
        void re_inviting_needs_a_free_seat_again() {
            f.seats.setLimit(ACME, 1);
            Invitation inv = f.invite("a@example.com");
            f.clock.advance(Duration.ofDays(8));
            f.invite("b@example.com");
            assertThat(Fixture.refused(() -> f.service.administration(ADMIN, ACME).reinvite(inv.id())).code())
                    .isEqualTo(io.invitations.spi.ErrorCode.SEAT_LIMIT_REACHED);
        }
    }

    @Nested
    @DisplayName("referrals")
    class Referrals {
        @Test
        void per_inviter_sent_accepted_and_rate_over_a_period() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Instant start = f.clock.instant();
            Invitation a1 = inviteAs(alice, "a1@example.com");
            Invitation a2 = inviteAs(alice, "a2@example.com");
            inviteAs(alice, "a3@example.com");
            inviteAs(alice, "a4@example.com");
            f.service.administration(alice, ACME).provision(InviteRequest.builder().email("p@example.com").role("member").build());
            f.service.invitee().accept(claim(f.token(a1)));
            f.service.invitee().accept(claim(f.token(a2)));
            f.clock.advance(Duration.ofDays(30));
            Invitation later = inviteAs(alice, "late@example.com");
            f.service.invitee().accept(claim(f.token(later)));

            ReferralStats month = f.service.administration(ADMIN, ACME).referrals("alice", start, start.plus(Duration.ofDays(1)));
            assertThat(month.sent()).as("provisioned but unsent does not count").isEqualTo(4);
            assertThat(month.accepted()).isEqualTo(2);
            assertThat(month.acceptanceRate()).isCloseTo(0.5, within(1e-9));
            assertThat(f.service.administration(ADMIN, ACME).referrals("alice", null, null).sent()).isEqualTo(5);
            assertThat(f.service.administration(ADMIN, ACME).referrals("nobody", null, null)).isEqualTo(
                    new ReferralStats("nobody", "nobody", 0, 0));
        }

        @Test
        void top_inviters_rank_by_accepted_then_sent_and_leave_out_system_actors() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Invitation b1 = inviteAs(bob, "b1@example.com");
            inviteAs(alice, "a1@example.com");
            inviteAs(alice, "a2@example.com");
            Invitation s1 = inviteAs(Inviter.system("directory-sync"), "s1@example.com");
            Invitation s2 = inviteAs(Inviter.system("directory-sync"), "s2@example.com");
            f.service.invitee().accept(claim(f.token(b1)));
            f.service.invitee().accept(claim(f.token(s1)));
            f.service.invitee().accept(claim(f.token(s2)));

            assertThat(f.service.administration(ADMIN, ACME).topInviters(null, null, 10)).extracting(ReferralStats::inviterId)
                    .containsExactly("bob", "alice");
            assertThat(f.service.administration(ADMIN, ACME).topInviters(null, null, 1)).singleElement()
                    .extracting(ReferralStats::inviterName).isEqualTo("User bob");
        }

        @Test
        void tenant_wide_statistics_need_the_manage_level_and_everyone_reads_their_own_referrals() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            inviteAs(alice, "a1@example.com");
            Instant from = f.clock.instant().minusSeconds(1);
            Instant until = f.clock.instant().plusSeconds(1);
            Inviter hr = user("hr", PermissionLevel.HR_TENANT);
            Inviter unitAdmin = user("unit-admin", PermissionLevel.ADMIN_LOCAL);

            // the default manage level is ADMIN_LOCAL
            assertThat(f.service.administration(alice, ACME).referrals("alice", from, until).sent())
                    .as("one's own referrals at any level").isEqualTo(1);
            for (Inviter below : new Inviter[] {alice, hr}) {
                InvitationAdministration admin = f.service.administration(below, ACME);
                assertThat(refusal(() -> admin.referrals("bob", from, until))).contains("another inviter's referrals");
                assertThat(refusal(() -> admin.topInviters(from, until, 5))).contains("top inviters");
                assertThat(refusal(() -> admin.conversion(from, until, ConversionGroup.INVITER)))
                        .contains("conversion reports").contains("needs ADMIN_LOCAL or higher");
            }
            for (Inviter allowed : new Inviter[] {unitAdmin, ADMIN, Inviter.system("reports")}) {
                InvitationAdministration admin = f.service.administration(allowed, ACME);
                assertThat(admin.referrals("alice", from, until).sent()).isEqualTo(1);
                assertThat(admin.topInviters(from, until, 5)).extracting(ReferralStats::inviterId).containsExactly("alice");
                assertThat(admin.conversion(from, until, ConversionGroup.TENANT).funnels()).hasSize(1);
            }

            f.configure(s -> s.manageLevel(PermissionLevel.HR_TENANT));
            assertThat(f.service.administration(hr, ACME).topInviters(from, until, 5)).hasSize(1);
            assertThat(f.service.administration(hr, ACME).conversion(from, until, ConversionGroup.TENANT).funnels())
                    .hasSize(1);
        }

        /** The refusal's message, after checking it is a typed NOT_ALLOWED_TO_MANAGE naming the actor. */
        private String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
            var e = Fixture.refused(call);
            assertThat(e).isInstanceOfSatisfying(io.invitations.core.policy.PolicyViolationException.class,
                    p -> assertThat(p.refusals()).singleElement().satisfies(r -> {
                        assertThat(r.code()).isEqualTo(io.invitations.spi.ErrorCode.NOT_ALLOWED_TO_MANAGE);
                        assertThat(r.field()).isEqualTo("actor");
                    }));
            return e.getMessage();
        }

        @Test
        void a_reversed_period_or_a_limit_below_one_is_an_invalid_request_naming_the_field() {
            InvitationAdministration admin = f.service.administration(ADMIN, ACME);
            Instant now = f.clock.instant();
            assertThatThrownBy(() -> admin.referrals("alice", now, now.minusSeconds(1)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                            .containsExactly("until"))
                    .hasMessageContaining("until must be after from");
            assertThatThrownBy(() -> admin.topInviters(now, now, 5))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                            .containsExactly("until"));
            assertThatThrownBy(() -> admin.topInviters(null, null, 0))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                            .containsExactly("limit"))
                    .hasMessageContaining("must be at least 1, was 0");
            assertThatThrownBy(() -> admin.topInviters(now, now.minusSeconds(1), -1))
                    .as("every problem at once")
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields())
                            .containsExactly("limit", "until"));
            assertThat(admin.referrals("alice", now, null).sent()).as("an open bound is fine").isZero();
        }
    }
}
