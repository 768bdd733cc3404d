package io.invitations.core;

import io.invitations.core.code.AccessCode;
import io.invitations.core.code.InvalidAccessCodeException;
import io.invitations.core.code.ThrottledException;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PARIS;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Invitations without email, redeemed with identifier and access code")
class AccessCodeInvitationTest {
    private static final String PHONE = "+33 6 12 34 56 78";

    private final Fixture f = new Fixture();

    private Invitation invitePhone(String number) {
        return f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.PHONE, number)
                .name("Ana", "Lima").role("member").groups("news").build());
    }

    private RedeemedCode redeem(String number, String code) {
        RedeemedCode redeemed = f.service.invitee().redeemCode(CodeRedemption.of(ACME, "phone", number, code));
        Secrets.issued(redeemed.token());
        return redeemed;
    }

    @Nested
    @DisplayName("revealing the code")
    class Revealing {
        @Test
        void an_administrator_sees_a_code_of_ten_unambiguous_symbols_that_stays_the_same() {
            Invitation inv = invitePhone(PHONE);

            AccessCode code = f.service.administration(ADMIN, ACME).revealAccessCode(inv.id());
            Secrets.issued(code.value());

            assertThat(code.value()).hasSize(10).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(code.formatted()).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
            assertThat(f.service.administration(ADMIN, ACME).revealAccessCode(inv.id())).isEqualTo(code);
            assertThat(inv.delivery().sendCount()).as("no message: the code is handed over by hand").isZero();
        }

        @ParameterizedTest(name = "{0} may not see access codes")
        @EnumSource(value = PermissionLevel.class, names = {"USER", "HR_LOCAL", "HR_TENANT"})
        void levels_below_administrator_are_refused(PermissionLevel level) {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            Inviter actor = user("u", level, PARIS);
            Invitation own = f.service.administration(actor, ACME).invite(InviteRequest.builder()
                    .identifier(IdentifierKind.PHONE, PHONE).name("Ana", "Lima").role("member").unit(PARIS).build());

            InvitationException e = refused(() -> f.service.administration(actor, ACME).revealAccessCode(own.id()));

            assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW);
        }

        @Test
        void a_local_administrator_sees_codes_only_in_their_units() {
            Invitation inv = invitePhone(PHONE);

            InvitationException e = refused(() -> f.service.administration(user("local", PermissionLevel.ADMIN_LOCAL, PARIS), ACME).revealAccessCode(inv.id()));

            assertThat(e.code()).as("outside their units: not found, as a missing one").isEqualTo(ErrorCode.NOT_FOUND);
        }

        @Test
        void an_invitation_by_email_has_no_code() {
            Invitation inv = f.invite("jane@example.com");

            InvalidRequestException e = (InvalidRequestException) refused(
                    () -> f.service.administration(ADMIN, ACME).revealAccessCode(inv.id()));

            assertThat(e.fields()).containsExactly("invitationId");
        }
    }

    @Nested
    @DisplayName("redeeming")
    class Redeeming {
        @Test
        void identifier_and_code_lead_to_the_same_claim_as_a_link() {
            Invitation inv = invitePhone(PHONE);
            String code = f.code(inv);

            RedeemedCode redeemed = redeem(PHONE, code.toLowerCase(Locale.ROOT).replace("-", " "));
            Acceptance accepted = f.service.invitee().accept(Fixture.claim(redeemed.token()));

            assertThat(redeemed.inspection().invitationId()).isEqualTo(inv.id());
            assertThat(redeemed.inspection().claimable()).isTrue();
            assertThat(redeemed.inspection().grant().groups()).containsExactly("news");
            assertThat(accepted.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(f.directory.accounts(ACME)).singleElement().satisfies(a -> {
                assertThat(a.contact()).isEqualTo(Identifier.of(IdentifierKind.PHONE, PHONE));
                assertThat(a.invitedBy()).isEqualTo(ADMIN.userId());
            });
            assertThat(redeemed.toString()).doesNotContain(redeemed.token());
        }

        @Test
        void redeeming_changes_nothing_until_the_claim_is_accepted_but_the_first_open_is_recorded() {
            Invitation inv = invitePhone(PHONE);
            int events = f.events.size();

            redeem(PHONE, f.code(inv));

            assertThat(f.stored(inv)).isEqualTo(inv);
            assertThat(f.events.subList(events, f.events.size())).as("only the first open is announced")
                    .extracting(io.invitations.spi.event.InvitationEvent::type).containsExactly("invitation.opened");
        }

        @Test
        void a_wrong_code_and_an_unknown_identifier_look_the_same() {
            invitePhone(PHONE);

            InvitationException wrong = refused(() -> redeem(PHONE, "AAAAA-AAAAA"));
            InvitationException unknown = refused(() -> redeem("+1 555 0100", "AAAAA-AAAAA"));

            assertThat(wrong).isInstanceOf(InvalidAccessCodeException.class);
            assertThat(wrong.code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            assertThat(unknown.getClass()).isEqualTo(wrong.getClass());
            assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage()).doesNotContain(PHONE);
        }

        @Test
        void a_code_opens_only_its_own_invitation_of_the_same_person() {
            Invitation membership = invitePhone(PHONE);
            Invitation event = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.PHONE, PHONE)
                    .target(Target.resource("event", "summer-party")).role("member").build());

            assertThat(redeem(PHONE, f.code(event)).inspection().invitationId()).isEqualTo(event.id());
            assertThat(redeem(PHONE, f.code(membership)).inspection().invitationId()).isEqualTo(membership.id());
        }

        @Test
        void the_code_of_another_tenant_opens_nothing() {
            invitePhone(PHONE);
            Invitation globex = f.service.administration(ADMIN, Fixture.GLOBEX).invite(InviteRequest.builder()
                    .identifier(IdentifierKind.PHONE, PHONE).role("member").build());

            assertThat(refused(() -> redeem(PHONE, f.code(globex))).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        }

        @Test
        void a_provisioned_invitation_cannot_be_redeemed_until_sent() {
            Invitation inv = f.service.administration(ADMIN, ACME).provision(InviteRequest.builder()
                    .identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042").role("member").build());
            String code = f.code(inv);

            InvitationException e = refused(() -> f.service.invitee().redeemCode(
                    CodeRedemption.of(ACME, "personnel_number", "E-1042", code)));
            f.service.administration(ADMIN, ACME).send(inv.id());

            assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(f.service.invitee().redeemCode(CodeRedemption.of(ACME, "personnel_number", "E-1042", code))
                    .inspection().claimable()).isTrue();
        }

        @Test
        void a_revoked_invitation_tells_its_state_only_to_who_holds_the_code() {
            Invitation inv = invitePhone(PHONE);
            String code = f.code(inv);
            f.service.administration(ADMIN, ACME).revoke(inv.id(), "left the company");

            // issue 13: the holder of the code learns the state, but no claim token is issued any more
            InvitationException e = refused(() -> redeem(PHONE, code));

            assertThat(e.code()).isEqualTo(ErrorCode.REVOKED);
            assertThat(e.getMessage()).contains(InvitationStatus.REVOKED.name());
        }

        @Test
        void re_inviting_after_expiry_gives_a_new_code_and_the_old_one_dies() {
            Invitation inv = invitePhone(PHONE);
            String old = f.code(inv);
            f.clock.advance(Duration.ofDays(8));

            f.service.administration(ADMIN, ACME).reinvite(inv.id());
            String renewed = f.code(inv);

            assertThat(renewed).isNotEqualTo(old);
            assertThat(refused(() -> redeem(PHONE, old)).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            assertThat(redeem(PHONE, renewed).inspection().claimable()).isTrue();
        }

        @Test
        void bulk_style_identifier_kinds_defined_by_the_host_work_the_same() {
            Invitation inv = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier("badge", "B-77")
                    .role("member").build());

            assertThat(f.service.invitee().redeemCode(CodeRedemption.of(ACME, "badge", "B-77", f.code(inv)))
                    .inspection().invitationId()).isEqualTo(inv.id());
        }

        @Test
        void a_malformed_entry_lists_every_problem_without_the_code() {
            InvalidRequestException e = (InvalidRequestException) refused(() -> f.service.invitee().redeemCode(
                    CodeRedemption.builder()
                            .tenantId(ACME)
                            .identifierKind("no spaces!")
                            .identifier(" ")
                            .code("SECRET-CODE-THAT-IS-FAR-TOO-LONG-FOR-ANY-CODE-AT"
                            + "-ALL-REALLY-MUCH-TOO-LONG")
                            .clientKey(null)
                            .build()));

            assertThat(e.fields()).contains("identifierKind", "identifier", "code");
            assertThat(e.getMessage()).doesNotContain("SECRET-CODE");
        }
    }

    @Nested
    @DisplayName("throttling wrong guesses")
    class Throttling {
        @Test
        void ten_thousand_random_guesses_never_get_in_and_the_right_code_still_works_after_the_window() {
            // 2,000 windows of 15 minutes pass: the invitation must outlive them, since an expired one
            // no longer gets a claim token (issue 13)
            f.configure(s -> s.invitationTtl(Duration.ofDays(60)));
            Invitation inv = invitePhone(PHONE);
            String code = f.code(inv);
            long seed = new Random().nextLong();
            Random random = new Random(seed);
            int successes = 0;
            int failuresInWindow = 0;
            for (int guess = 0; guess < 10_000; guess++) {
                try {
                    redeem(PHONE, randomCode(random));
                    successes++;
                } catch (InvalidAccessCodeException e) {
                    failuresInWindow++;
                } catch (ThrottledException e) {
                    assertThat(failuresInWindow).as("failures before the lock (seed %d)", seed).isEqualTo(5);
                    assertThat(refused(() -> redeem(PHONE, code)).code()).isEqualTo(ErrorCode.THROTTLED);
                    f.clock.advance(Duration.ofMinutes(15));
                    failuresInWindow = 0;
                }
            }
            f.clock.advance(Duration.ofMinutes(15));

            assertThat(successes).as("successful guesses (seed %d)", seed).isZero();
            assertThat(redeem(PHONE, code).inspection().invitationId()).isEqualTo(inv.id());
        }

        @Test
        void a_client_spreading_guesses_over_identifiers_is_locked_too() {
            Invitation inv = invitePhone(PHONE);
            for (int i = 0; i < 5; i++) {
                CodeRedemption guess = CodeRedemption.of(ACME, "phone", "+1 555 010" + i, "AAAAA-AAAAA")
                        .fromClient("203.0.113.9");
                assertThat(refused(() -> f.service.invitee().redeemCode(guess)).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
            }
            String code = f.code(inv);

            assertThat(refused(() -> f.service.invitee().redeemCode(CodeRedemption.of(ACME, "phone", PHONE, code)
                    .fromClient("203.0.113.9"))).code()).isEqualTo(ErrorCode.THROTTLED);
            assertThat(f.service.invitee().redeemCode(CodeRedemption.of(ACME, "phone", PHONE, code)
                    .fromClient("198.51.100.7")).inspection().claimable()).isTrue();
        }

        @Test
        void the_refusal_names_neither_code_nor_identifier() {
            invitePhone(PHONE);
            for (int i = 0; i < 5; i++) {
                refused(() -> redeem(PHONE, "AAAAA-AAAAA"));
            }

            InvitationException e = refused(() -> redeem(PHONE, "BBBBB-BBBBB"));

            assertThat(e).isInstanceOf(ThrottledException.class);
            assertThat(e.getMessage()).doesNotContain("BBBBB").doesNotContain("12 34");
        }
    }

    private static String randomCode(Random random) {
        StringBuilder guess = new StringBuilder();
        for (int i = 0; i < AccessCode.LENGTH; i++) {
            guess.append(AccessCode.ALPHABET.charAt(random.nextInt(AccessCode.ALPHABET.length())));
        }
        return guess.toString();
    }
}
