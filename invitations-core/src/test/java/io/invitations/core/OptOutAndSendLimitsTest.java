package io.invitations.core;

import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.internal.Composer;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.optout.OptOutConfirmation;
import io.invitations.core.optout.OptOutScope;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.core.token.InvalidTokenException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.settings.SendLimits;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.GLOBEX;
import static io.invitations.core.testing.Fixture.refused;
import static io.invitations.core.testing.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: recipients can say stop, inviters cannot spam. Every invitation message carries
 * an opt-out link and RFC 8058 one-click headers; an opt-out (per tenant or from every tenant) blocks
 * further invitations with the neutral answer; per-recipient and per-inviter send limits hold
 * across service instances sharing one store.
 */
@DisplayName("Opt-outs and send limits")
class OptOutAndSendLimitsTest {
    private static final Pattern OPT_OUT_URL = Pattern.compile("<(http://localhost:8080/opt-out/(out1\\.[^>]+))>");
    private static final String JANE = "jane@example.com";
    private static final Inviter USER = user("u-1", PermissionLevel.USER);

    private final Fixture f = new Fixture();

    private MailMessage deliveredTo(String email) {
        f.service.maintenance().deliverDueMessages();
        return f.mailer.sent().stream().filter(m -> m.to().equals(email)).reduce((a, b) -> b).orElseThrow();
    }

    private String optOutToken(MailMessage message) {
        Matcher m = OPT_OUT_URL.matcher(message.headers().get(Composer.LIST_UNSUBSCRIBE));
        assertThat(m.matches()).as("List-Unsubscribe names the opt-out URL").isTrue();
        return Secrets.issued(m.group(2));
    }

    @Nested
    @DisplayName("the invitee")
    class Invitee {
        @Test
        @DisplayName("every invitation message carries the opt-out link in its text, its HTML and the one-click headers")
        void messageCarriesTheOptOutLink() {
            f.invite(JANE);
            MailMessage message = deliveredTo(JANE);
            String token = optOutToken(message);

            assertThat(message.headers()).containsEntry(Composer.LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
            assertThat(message.text()).contains(Composer.OPT_OUT_LINE + "http://localhost:8080/opt-out/" + token);
            assertThat(message.html()).contains("href=\"http://localhost:8080/opt-out/" + token + "\"");
            assertThat(message.toString()).doesNotContain(token);
        }

        @Test
        @DisplayName("the opt-out line and link are in the invitee's language, for every language with built-in"
                + " templates; another language gets the English line, as it gets the English template")
        void optOutLineInEveryShippedLanguage() {
            java.util.Set<String> lines = new java.util.HashSet<>();
            for (String language : io.invitations.core.message.internal.Phrases.LANGUAGES) {
                java.util.Locale locale = java.util.Locale.forLanguageTag(language);
                io.invitations.core.message.internal.Phrases phrases =
                        io.invitations.core.message.internal.Phrases.of(locale);
                assertThat(phrases.language()).as("built-in phrases of " + language).isEqualTo(language);
                String email = "jane-" + language + "@example.com";
                f.service.administration(ADMIN, ACME).invite(f.request(email).locale(locale).build());
                MailMessage message = deliveredTo(email);
                String url = "http://localhost:8080/opt-out/" + optOutToken(message);

                assertThat(message.text()).as(language).endsWith(Composer.optOutLine(phrases) + url);
                assertThat(message.html()).as(language).contains(">" + phrases.get("optOut.link") + "</a>");
                lines.add(phrases.get("optOut.line"));
            }
            assertThat(lines).as("a translation per language, not the English words again")
                    .hasSize(io.invitations.core.message.internal.Phrases.LANGUAGES.size());
            f.service.administration(ADMIN, ACME).invite(f.request("juan@example.com")
                    .locale(java.util.Locale.forLanguageTag("es")).build());
            assertThat(deliveredTo("juan@example.com").text()).contains(Composer.OPT_OUT_LINE);
        }

        @Test
        @DisplayName("opting out of a tenant stops its invitations, not another tenant's; opting out again is harmless")
        void optOutOfOneTenant() {
            f.invite(JANE);
            String token = optOutToken(deliveredTo(JANE));

            OptOutConfirmation done = f.service.invitee().optOut(token, OptOutScope.TENANT);
            f.service.invitee().optOut(token, OptOutScope.TENANT);

            assertThat(done).isEqualTo(new OptOutConfirmation(ACME, OptOutScope.TENANT, f.clock.instant()));
            assertThat(done.toString()).doesNotContain(JANE);
            InvitationException refusal = refused(() -> f.service.administration(ADMIN, ACME)
                    .invite(f.request(JANE).target(io.invitations.spi.invitation.Target.resource("doc", "d1")).build()));
            assertThat(refusal.code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(f.service.administration(ADMIN, GLOBEX).invite(f.request(JANE).build()).status())
                    .isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        @DisplayName("opting out of every tenant stops invitations from all of them, whatever the address's case")
        void optOutEverywhere() {
            f.invite(JANE);
            f.service.invitee().optOut(optOutToken(deliveredTo(JANE)), OptOutScope.ALL_TENANTS);

            assertThat(refused(() -> f.service.administration(ADMIN, GLOBEX).invite(f.request("JANE@Example.com")
                    .build())).code()).isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(f.store.count(InvitationQuery.builder(GLOBEX).build())).isZero();
        }

        @Test
        @DisplayName("a resend of a pending invitation to an opted-out recipient is refused and nothing is queued")
        void resendAfterOptOut() {
            f.configure(s -> s.resendCooldown(Duration.ZERO));
            Invitation inv = f.invite(JANE);
            f.service.invitee().optOut(optOutToken(deliveredTo(JANE)), OptOutScope.TENANT);
            int before = f.store.outbox(ACME, inv.id()).size();

            assertThat(refused(() -> f.service.administration(ADMIN, ACME).resend(inv.id())).code())
                    .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            assertThat(f.store.outbox(ACME, inv.id())).hasSize(before);
        }
    }

    @Nested
    @DisplayName("the inviter")
    class TheInviter {
        @Test
        @DisplayName("an opted-out recipient reads exactly like someone already invited or a member")
        void neutralAnswer() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER));
            f.invite("invited@example.com");
            Invitation jane = f.invite(JANE);
            f.service.invitee().optOut(optOutToken(deliveredTo(JANE)), OptOutScope.TENANT);
            f.service.administration(ADMIN, ACME).revoke(jane.id(), "wrong team");

            InvitationException optedOut = refused(() -> f.service.administration(USER, ACME)
                    .invite(f.request(JANE).build()));
            InvitationException invited = refused(() -> f.service.administration(USER, ACME)
                    .invite(f.request("invited@example.com").build()));

            assertThat(optedOut.code()).isEqualTo(invited.code());
            assertThat(optedOut.getMessage().replace(JANE, "X"))
                    .isEqualTo(invited.getMessage().replace("invited@example.com", "X"));
        }

        @Test
        @DisplayName("bulk rows to an opted-out recipient read as ALREADY_INVITED_OR_MEMBER; the others are invited")
        void bulkRows() {
            f.invite(JANE);
            f.service.invitee().optOut(optOutToken(deliveredTo(JANE)), OptOutScope.ALL_TENANTS);

            BulkReport report = f.service.administration(ADMIN, GLOBEX).bulk(BulkRequest.builder(List.of(
                    InvitationRow.builder(2).set(RowField.EMAIL, JANE).build(),
                    InvitationRow.builder(3).set(RowField.EMAIL, "max@example.com").build())).defaultRole("member")
                    .build());

            assertThat(report.lines()).extracting(BulkReport.Line::outcome)
                    .containsExactly(BulkOutcome.ALREADY_INVITED_OR_MEMBER, BulkOutcome.CREATED);
        }

        @Test
        @DisplayName("an inviter's hourly window refuses the next send and names the window, never a recipient")
        void inviterWindow() {
            f.configure(s -> s.minimumInviteLevel(PermissionLevel.USER)
                    .sendLimits(SendLimits.NONE.perInviter(2, Duration.ofHours(1))));
            f.service.administration(USER, ACME).invite(f.request("a@example.com").build());
            f.service.administration(USER, ACME).invite(f.request("b@example.com").build());

            InvitationException refusal = refused(() -> f.service.administration(USER, ACME)
                    .invite(f.request("c@example.com").build()));

            assertThat(refusal).isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.refusals())
                    .singleElement().satisfies(r -> {
                        assertThat(r.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        assertThat(r.field()).isEqualTo("inviter");
                        assertThat(r.message()).contains("PT1H").doesNotContain("c@example.com");
                    }));
            f.clock.advance(Duration.ofMinutes(61));
            assertThat(f.service.administration(USER, ACME).invite(f.request("c@example.com").build()).status())
                    .isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        @DisplayName("resends count against the recipient's weekly limit, whoever sends them")
        void recipientWindowCountsResends() {
            f.configure(s -> s.resendCooldown(Duration.ZERO).invitationTtl(Duration.ofDays(30))
                    .sendLimits(SendLimits.NONE.perContact(2, Duration.ofDays(7))));
            Invitation inv = f.invite(JANE);
            f.service.administration(ADMIN, ACME).resend(inv.id());

            assertThat(refused(() -> f.service.administration(ADMIN, ACME).resend(inv.id())).code())
                    .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
            f.clock.advance(Duration.ofDays(7).plusSeconds(1));
            assertThat(f.service.administration(ADMIN, ACME).resend(inv.id()).status())
                    .isEqualTo(InvitationStatus.PENDING);
        }
    }

    @Nested
    @DisplayName("the platform team")
    class PlatformTeam {
        @Test
        @DisplayName("the expiry sweep deletes send records older than the tenant's longest window and keeps the"
                + " ones inside it, which still count; without limits it deletes them all once 31 days old")
        void sweepPurgesSendRecords() {
            // the window is longer than the 31 days every record is kept for anyway
            f.configure(s -> s.sendLimits(SendLimits.NONE.perInviter(50, java.time.Duration.ofHours(1))
                    .perContact(2, Duration.ofDays(40))));
            java.time.Instant start = f.clock.instant();
            f.invite(JANE);
            f.clock.advance(Duration.ofDays(3));
            f.service.administration(ADMIN, ACME).invite(f.request(JANE).target(
                    io.invitations.spi.invitation.Target.resource("doc", "d2")).build());
            f.invite("other@example.com");
            f.clock.advance(Duration.ofDays(37).plusSeconds(1));
            assertThat(f.store.countSends(ACME, null, null, start)).isEqualTo(3);

            f.service.maintenance().expireDue();

            assertThat(f.store.countSends(ACME, null, null, start)).as("beyond 40 days: gone; inside: kept")
                    .isEqualTo(2);
            f.service.administration(ADMIN, ACME).invite(f.request(JANE).target(
                    io.invitations.spi.invitation.Target.resource("doc", "d3")).build());
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).invite(f.request(JANE).target(
                    io.invitations.spi.invitation.Target.resource("doc", "d4")).build())).code())
                    .as("a kept record still counts toward the recipient's window")
                    .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);

            f.configure(s -> s.sendLimits(SendLimits.NONE));
            f.clock.advance(Duration.ofSeconds(1));
            f.service.maintenance().expireDue();
            assertThat(f.store.countSends(ACME, null, null, start)).as("the records younger than 31 days")
                    .isEqualTo(1);
            f.clock.advance(Duration.ofDays(31));
            f.service.maintenance().expireDue();
            assertThat(f.store.countSends(ACME, null, null, start)).isZero();
            assertThat(f.store.tenantsWithSends()).doesNotContain(ACME);
        }

        @Test
        @DisplayName("removing a limit for a moment does not wipe the send history: records younger than 31 days"
                + " survive the sweep and count again when the limit is restored")
        void removingALimitKeepsRecentHistory() {
            UnaryOperator<io.invitations.spi.settings.TenantSettings.Builder> limited = s -> s.sendLimits(
                    SendLimits.NONE.perContact(1, Duration.ofDays(30)));
            f.configure(limited);
            f.invite(JANE);
            f.clock.advance(Duration.ofDays(10));
            f.configure(s -> s.sendLimits(SendLimits.NONE));

            f.service.maintenance().expireDue();

            assertThat(f.store.countSends(ACME, null, null, f.clock.instant().minus(Duration.ofDays(11))))
                    .isEqualTo(1);
            f.configure(limited);
            assertThat(refused(() -> f.service.administration(ADMIN, ACME).invite(f.request(JANE).target(
                    io.invitations.spi.invitation.Target.resource("doc", "d2")).build())).code())
                    .as("the restored limit still counts the send of 10 days ago")
                    .isEqualTo(ErrorCode.ALREADY_INVITED_OR_MEMBER);
        }

        @Test
        @DisplayName("a store failing to list the tenants with sends does not fail the sweep: the expired"
                + " invitations are stored and counted, the purge waits for the next run")
        void aFailingPurgeKeepsTheExpiryCount() {
            InMemoryInvitationStore memory = new InMemoryInvitationStore();
            io.invitations.spi.storage.InvitationStore failing = org.mockito.Mockito.mock(
                    io.invitations.spi.storage.InvitationStore.class, org.mockito.AdditionalAnswers.delegatesTo(memory));
            org.mockito.Mockito.doThrow(new io.invitations.spi.storage.StorageException("database away", null))
                    .when(failing).tenantsWithSends();
            io.invitations.tck.support.MutableClock clock = io.invitations.tck.support.MutableClock.at(
                    "2026-11-22T09:00:00Z");
            InvitationService service = InvitationService.builder().store(failing).identityDirectory(f.directory)
                    .seatLedger(f.seats).settings(f.settings).keyRing(f.keys).mailer(f.mailer).clock(clock)
                    .deliveryMode(io.invitations.core.outbox.DeliveryMode.HOST_DRIVEN).build();
            f.configure(s -> s.sendLimits(SendLimits.NONE.perContact(5, Duration.ofDays(1))));
            Invitation invitation = service.administration(ADMIN, ACME).invite(f.request(JANE).build());
            clock.advance(Duration.ofDays(8));

            assertThat(service.maintenance().expireDue()).isEqualTo(1);
            assertThat(memory.find(ACME, invitation.id()).orElseThrow().status()).isEqualTo(InvitationStatus.EXPIRED);
        }
    }

    @Nested
    @DisplayName("an attacker")
    class Attacker {
        @Test
        @DisplayName("a forged, altered or claim token does not opt anyone out")
        void forgedTokens() {
            Invitation inv = f.invite(JANE);
            String token = optOutToken(deliveredTo(JANE));
            String claim = f.token(inv);
            String otherTenant = token.replace(".YWNtZQ.", ".Z2xvYmV4.");

            for (String bad : new String[]{null, "", "out1.x", claim, otherTenant, token.substring(0, token.length() - 2)
                    + "AA"}) {
                assertThat(refused(() -> f.service.invitee().optOut(bad, OptOutScope.ALL_TENANTS)))
                        .isInstanceOf(InvalidTokenException.class);
            }
            assertThat(f.service.administration(ADMIN, GLOBEX).invite(f.request(JANE).build()).status())
                    .isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        @DisplayName("two instances, 24 racers inviting one address to 24 resources with a limit of 3 per week:"
                + " exactly 3 are sent, 21 refused, 5 rounds")
        void recipientLimitAcrossNodes() {
            InMemoryInvitationStore shared = new InMemoryInvitationStore();
            Fixture a = new Fixture(shared, "a");
            Fixture b = new Fixture(shared, "b");
            for (Fixture node : List.of(a, b)) {
                node.configure(s -> s.sendLimits(SendLimits.NONE.perContact(3, Duration.ofDays(7))));
            }
            try (Race race = new Race(24)) {
                for (int round = 0; round < 5; round++) {
                    String email = "target-" + round + "@example.com";
                    List<Object> outcomes = race.collect(t -> () -> {
                        Fixture node = t % 2 == 0 ? a : b;
                        try {
                            return node.service.administration(ADMIN, ACME).invite(node.request(email)
                                    .target(io.invitations.spi.invitation.Target.resource("doc", "d" + t)).build());
                        } catch (InvitationException e) {
                            return e.code();
                        }
                    });
                    assertThat(outcomes.stream().filter(Invitation.class::isInstance).count()).isEqualTo(3);
                    assertThat(outcomes.stream().filter(ErrorCode.ALREADY_INVITED_OR_MEMBER::equals).count())
                            .isEqualTo(21);
                }
            }
        }
    }
}
