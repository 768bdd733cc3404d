package io.invitations.jdbc;

import io.invitations.core.Acceptance;
import io.invitations.core.AccountMismatchException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.memory.RecordingMailer;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEvent.AccountMismatch.Outcome;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.InvitationStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16 item 1, from the administrator's, the invitee's and the platform team's side, on the
 * in-memory store, H2 and PostgreSQL: an invitation accepted with another email address than the
 * one invited is refused (STRICT), accepted when the directory or an alias domain vouches for it
 * (VERIFIED_ALIAS), or held for an administrator who sees both addresses (APPROVAL); a mismatch never
 * uses the invitation up, and the history keeps who accepted with which address.
 */
@DisplayName("Acceptance by another account, on every store")
class AcceptanceByAnotherAccountTest {
    @RegisterExtension
    static final Databases DATABASES = new Databases();

    /** Where the invitations live. */
    enum Store { MEMORY, H2, POSTGRESQL }

    private static final int RACERS = 16;
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final EmailAddress ALICE = EmailAddress.of("alice@example.com");
    private static final EmailAddress BOB = EmailAddress.of("bob@partner.example");

    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    /** What the services call: the directory itself, or a Mockito double at the SPI edge delegating to it. */
    private io.invitations.spi.identity.IdentityDirectory serviceDirectory = directory;
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final List<InvitationEvent> events = new CopyOnWriteArrayList<>();
    private final TenantId tenant = Samples.newTenant();

    /** Two service nodes sharing one store (one database, or one in-memory store). */
    private List<InvitationService> nodes(Store kind, UnaryOperator<TenantSettings.Builder> policy) {
        settings.put(tenant, policy.apply(TenantSettings.builder()).build());
        directory.setSso(tenant, true);
        List<InvitationStore> stores = new ArrayList<>();
        if (kind == Store.MEMORY) {
            InMemoryInvitationStore shared = new InMemoryInvitationStore();
            stores.add(shared);
            stores.add(shared);
        } else {
            TestDatabase database = DATABASES.get(JdbcDialect.valueOf(kind.name()));
            String prefix = database.freshPrefix();
            for (int n = 0; n < 2; n++) {
                JdbcInvitationStore store = JdbcInvitationStore.builder(database.newPool()).tablePrefix(prefix).build();
                store.migrate();
                stores.add(store);
            }
        }
        List<InvitationService> nodes = new ArrayList<>();
        for (InvitationStore store : stores) {
            nodes.add(InvitationService.builder().store(store).identityDirectory(serviceDirectory)
                    .seatLedger(InMemorySeatLedger.countingMembersOf(directory)).settings(settings)
                    .keyRing(InMemoryKeyRing.of(SigningKey.of("k1",
                            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
                    .mailer(new RecordingMailer()).listener(events::add).clock(CLOCK).build());
        }
        return nodes;
    }

    private InvitationService node(Store kind, UnaryOperator<TenantSettings.Builder> policy) {
        return nodes(kind, policy).get(0);
    }

    private Invitation invite(InvitationService service, String email) {
        return admin(service).invite(InviteRequest.builder().email(email).role("member").build());
    }

    private Invitation inviteAlice(InvitationService service) {
        return invite(service, ALICE.value());
    }

    private InvitationAdministration admin(InvitationService service) {
        return service.administration(ADMIN, tenant);
    }

    private static String token(InvitationService service, TenantId tenant, Invitation invitation) {
        return service.administration(ADMIN, tenant).revealClaimLink(invitation.id()).token();
    }

    private static Acceptance acceptAs(InvitationService service, String token, String address) {
        return service.invitee().accept(ClaimRequest.builder(token)
                .acceptingAs(address == null ? null : EmailAddress.of(address)).build());
    }

    /** Racer n accepts on node n % 2 with address(n), all released at once. */
    private List<Object> raceToAccept(List<InvitationService> nodes, Invitation invitation,
                                      java.util.function.IntFunction<String> address) {
        String token = token(nodes.get(0), tenant, invitation);
        return Racing.race(RACERS, n -> () -> acceptAs(nodes.get(n % 2), token, address.apply(n)));
    }

    /** Invites Alice and has Bob accept it, which the APPROVAL policy holds. */
    private Invitation heldForBob(InvitationService service) {
        Invitation invitation = inviteAlice(service);
        assertThat(acceptAs(service, token(service, tenant, invitation), BOB.value()).invitation().status())
                .isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        return invitation;
    }

    private List<Outcome> mismatchOutcomes() {
        return events.stream().filter(InvitationEvent.AccountMismatch.class::isInstance)
                .map(e -> ((InvitationEvent.AccountMismatch) e).outcome()).toList();
    }

    private HistoryEntry lastEntry(InvitationService service, Invitation invitation) {
        List<HistoryEntry> history = admin(service).history(invitation.id());
        return history.get(history.size() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("invitee: STRICT refuses another address with ACCOUNT_MISMATCH, reveals no address, takes no"
            + " seat, and the invited person can still accept")
    void strictRefusesAndLeavesTheInvitationForTheRightAccount(Store kind) {
        InvitationService service = node(kind, b -> b);
        Invitation invitation = inviteAlice(service);
        String token = token(service, tenant, invitation);
        long seatsBefore = admin(service).seats().inUse();

        assertThatThrownBy(() -> acceptAs(service, token, BOB.value()))
                .isInstanceOfSatisfying(AccountMismatchException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_MISMATCH);
                    assertThat(e.invitationId()).isEqualTo(invitation.id());
                    assertThat(e.getMessage()).contains("sign in with the address").doesNotContain("alice")
                            .doesNotContain("bob");
                });

        assertThat(admin(service).find(invitation.id()).orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(directory.accounts(tenant)).isEmpty();
        assertThat(admin(service).seats().inUse()).isEqualTo(seatsBefore);
        assertThat(mismatchOutcomes()).containsExactly(Outcome.REFUSED);
        assertThat(admin(service).history(invitation.id())).extracting(HistoryEntry::action)
                .doesNotContain(Action.ACCEPT);

        Acceptance accepted = acceptAs(service, token, "ALICE@Example.COM");
        assertThat(accepted.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        HistoryEntry entry = lastEntry(service, invitation);
        assertThat(entry.action()).isEqualTo(Action.ACCEPT);
        assertThat(entry.acceptingAddress()).isEqualTo(EmailAddress.of("ALICE@example.com"));
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact()).containsExactly(ALICE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("invitee: case, full-width and IDN spellings of the invited address are that address, not"
            + " another one")
    void variantsOfTheInvitedAddressCountAsIt(Store kind) {
        InvitationService service = node(kind, b -> b);
        List<String[]> cases = List.of(
                new String[] {"carol@example.com", "CAROL@EXAMPLE.COM"},
                new String[] {"dave@example.com", "ｄａｖｅ@ｅｘａｍｐｌｅ.ｃｏｍ"},
                new String[] {"erin@bücher.example", "Erin@xn--bcher-kva.example"},
                new String[] {"frank@xn--bcher-kva.example", "FRANK@BÜCHER.example"});
        for (String[] c : cases) {
            Invitation invitation = invite(service, c[0]);
            Acceptance accepted = acceptAs(service, token(service, tenant, invitation), c[1]);
            assertThat(accepted.invitation().status()).as(c[1]).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(lastEntry(service, invitation).acceptingAddress()).as(c[1]).isNotNull();
        }
        assertThat(mismatchOutcomes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("platform team: VERIFIED_ALIAS accepts an address the directory confirms, and one of an alias"
            + " domain, and refuses any other")
    void verifiedAliasAcceptsOnlyWhatIsVouchedFor(Store kind) {
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.VERIFIED_ALIAS)
                .aliasDomains("Example.DE"));
        EmailAddress privateAddress = EmailAddress.of("alice.private@mail.example");
        directory.linkAddresses(tenant, ALICE, privateAddress);

        Invitation viaDirectory = inviteAlice(service);
        Acceptance confirmed = acceptAs(service, token(service, tenant, viaDirectory), privateAddress.value());
        assertThat(confirmed.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(lastEntry(service, viaDirectory).acceptingAddress()).isEqualTo(privateAddress);
        assertThat(lastEntry(service, viaDirectory).reason()).contains("identity directory");

        Invitation viaDomain = invite(service, "grace@example.com");
        Acceptance domain = acceptAs(service, token(service, tenant, viaDomain), "grace@example.de");
        assertThat(domain.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(lastEntry(service, viaDomain).acceptingAddress()).isEqualTo(EmailAddress.of("grace@example.de"));

        Invitation other = invite(service, "heidi@example.com");
        String token = token(service, tenant, other);
        assertThatThrownBy(() -> acceptAs(service, token, "mallory@elsewhere.example"))
                .isInstanceOf(AccountMismatchException.class);
        assertThat(admin(service).find(other.id()).orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(acceptAs(service, token, "heidi@example.com").invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);

        assertThat(mismatchOutcomes()).containsExactly(Outcome.ACCEPTED_AS_ALIAS, Outcome.ACCEPTED_AS_ALIAS,
                Outcome.REFUSED);
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact())
                .contains(privateAddress, EmailAddress.of("grace@example.de"), EmailAddress.of("heidi@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("administrator: APPROVAL holds another address; the administrator sees both addresses and"
            + " approves, and the history shows who accepted with which address")
    void approvalHoldsAndTheAdministratorApproves(Store kind) {
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = inviteAlice(service);
        Acceptance held = acceptAs(service, token(service, tenant, invitation), BOB.value());
        assertThat(held.invitation().status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(directory.awaitingApproval(tenant)).extracting(a -> a.contact()).containsExactly(BOB);
        assertThat(directory.isMember(tenant, BOB)).isFalse();

        // what the administrator's screen shows: the address invited and the one that accepted
        Invitation seen = admin(service).find(invitation.id()).orElseThrow();
        assertThat(seen.invitee().contact()).isEqualTo(ALICE);
        assertThat(lastEntry(service, invitation).acceptingAddress()).isEqualTo(BOB);

        Invitation approved = admin(service).approve(invitation.id());
        assertThat(approved.status()).isEqualTo(InvitationStatus.ACCEPTED);
        HistoryEntry approval = lastEntry(service, invitation);
        assertThat(approval.action()).isEqualTo(Action.APPROVE);
        assertThat(approval.acceptingAddress()).isEqualTo(BOB);
        assertThat(directory.isMember(tenant, BOB)).isTrue();
        assertThat(mismatchOutcomes()).containsExactly(Outcome.HELD_FOR_APPROVAL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("administrator: rejecting a held acceptance puts the invitation back to PENDING for the"
            + " person invited, who then accepts it")
    void rejectingAHoldLeavesTheInvitationOpen(Store kind) {
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = heldForBob(service);
        String token = token(service, tenant, invitation);

        Invitation rejected = admin(service).reject(invitation.id(), "not our Alice");
        assertThat(rejected.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(rejected.accountId()).isNull();
        HistoryEntry rejection = lastEntry(service, invitation);
        assertThat(rejection.action()).isEqualTo(Action.REJECT);
        assertThat(rejection.to()).isEqualTo(InvitationStatus.PENDING);
        assertThat(rejection.acceptingAddress()).isEqualTo(BOB);
        assertThat(directory.awaitingApproval(tenant)).isEmpty();
        assertThat(directory.accounts(tenant)).isEmpty();

        assertThat(acceptAs(service, token, null).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact()).containsExactly(ALICE);
        assertThat(mismatchOutcomes()).containsExactly(Outcome.HELD_FOR_APPROVAL, Outcome.HOLD_REJECTED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("invitee: the person invited may claim an invitation held for another address; the held"
            + " acceptance is withdrawn and can no longer be approved")
    void theInvitedPersonSupersedesAHold(Store kind) {
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = heldForBob(service);
        String token = token(service, tenant, invitation);

        Acceptance mine = acceptAs(service, token, "Alice@EXAMPLE.com");
        assertThat(mine.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.awaitingApproval(tenant)).isEmpty();
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact()).containsExactly(ALICE);
        HistoryEntry entry = lastEntry(service, invitation);
        assertThat(entry.from()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(entry.reason()).contains("withdrawn");

        assertThatThrownBy(() -> admin(service).approve(invitation.id())).isInstanceOf(InvitationException.class);
        assertThat(mismatchOutcomes()).containsExactly(Outcome.HELD_FOR_APPROVAL, Outcome.HOLD_SUPERSEDED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("attacker: a claim without an accepting address cannot replace a held acceptance; it is"
            + " refused with AWAITING_DECISION and the hold stays for the administrator")
    void anAnonymousClaimCannotReplaceAHold(Store kind) {
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = heldForBob(service);
        String token = token(service, tenant, invitation);

        assertThatThrownBy(() -> acceptAs(service, token, null)).isInstanceOfSatisfying(InvitationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AWAITING_DECISION);
                    assertThat(e.getMessage()).contains("administrator's decision", "acceptingAs")
                            .doesNotContain("alice", "bob");
                });
        assertThatThrownBy(() -> acceptAs(service, token, "mallory@elsewhere.example"))
                .isInstanceOfSatisfying(InvitationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AWAITING_DECISION));

        Invitation stored = admin(service).find(invitation.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(lastEntry(service, invitation).acceptingAddress()).isEqualTo(BOB);
        assertThat(directory.awaitingApproval(tenant)).extracting(a -> a.contact()).containsExactly(BOB);
        assertThat(directory.accounts(tenant)).isEmpty();
        assertThat(mismatchOutcomes()).containsExactly(Outcome.HELD_FOR_APPROVAL);
        assertThat(admin(service).approve(invitation.id()).status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.isMember(tenant, BOB)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("platform team: with acceptingAddressRequired a claim of an email invitation without the"
            + " accepting address is refused with ACCEPTING_ADDRESS_REQUIRED, naming acceptingAs, and stores"
            + " nothing")
    void theAcceptingAddressCanBeRequired(Store kind) {
        InvitationService service = node(kind, b -> b.acceptingAddressRequired(true));
        assertThat(TenantSettings.builder().build().acceptingAddressRequired()).isFalse();
        Invitation invitation = inviteAlice(service);
        String token = token(service, tenant, invitation);

        assertThatThrownBy(() -> acceptAs(service, token, null)).isInstanceOfSatisfying(InvitationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCEPTING_ADDRESS_REQUIRED);
                    assertThat(e.code().category()).isEqualTo(io.invitations.spi.ErrorCategory.FORBIDDEN);
                    assertThat(e.getMessage()).contains("acceptingAs", "signed in").doesNotContain("alice");
                });

        assertThat(admin(service).find(invitation.id()).orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(admin(service).history(invitation.id())).extracting(HistoryEntry::action)
                .doesNotContain(Action.ACCEPT);
        assertThat(directory.accounts(tenant)).isEmpty();
        assertThat(directory.awaitingApproval(tenant)).isEmpty();
        assertThat(acceptAs(service, token, ALICE.value()).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("invitee: when the directory fails to register the person invited superseding a hold, the"
            + " held registration is not withdrawn and the invitation stays held; once it works, it is")
    void aFailedSupersedeLeavesTheHold(Store kind) {
        serviceDirectory = org.mockito.Mockito.mock(io.invitations.spi.identity.IdentityDirectory.class,
                org.mockito.AdditionalAnswers.delegatesTo(directory));
        InvitationService service = node(kind, b -> b.otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = heldForBob(service);
        String token = token(service, tenant, invitation);
        org.mockito.Mockito.doThrow(new IllegalStateException("directory down")).when(serviceDirectory)
                .createOrLinkAccount(org.mockito.ArgumentMatchers.any());

        assertThatThrownBy(() -> acceptAs(service, token, ALICE.value())).hasMessageContaining("directory down");

        org.mockito.Mockito.verify(serviceDirectory, org.mockito.Mockito.never()).approvalDecided(
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyBoolean());
        assertThat(directory.awaitingApproval(tenant)).extracting(a -> a.contact()).containsExactly(BOB);
        Invitation stored = admin(service).find(invitation.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(lastEntry(service, invitation).acceptingAddress()).isEqualTo(BOB);

        org.mockito.Mockito.doAnswer(org.mockito.AdditionalAnswers.delegatesTo(directory)).when(serviceDirectory)
                .createOrLinkAccount(org.mockito.ArgumentMatchers.any());
        assertThat(acceptAs(service, token, ALICE.value()).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.awaitingApproval(tenant)).isEmpty();
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact()).containsExactly(ALICE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("16 accounts with different addresses race on two nodes to accept one invitation: exactly one"
            + " wins, the others are told it is accepted, and no loser keeps an account")
    void differentAccountsRacing(Store kind) {
        List<InvitationService> nodes = nodes(kind, b -> b.otherAccounts(OtherAccountPolicy.VERIFIED_ALIAS)
                .aliasDomains("example.com"));
        Invitation invitation = inviteAlice(nodes.get(0));
        List<Object> outcomes = raceToAccept(nodes, invitation, n -> n == 0 ? ALICE.value() : "racer" + n + "@example.com");

        assertThat(outcomes).filteredOn(Acceptance.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(InvitationException.class::isInstance)
                .extracting(e -> ((InvitationException) e).code())
                .hasSize(RACERS - 1).containsOnly(ErrorCode.ALREADY_ACCEPTED);
        assertThat(admin(nodes.get(1)).history(invitation.id())).filteredOn(h -> h.action() == Action.ACCEPT)
                .hasSize(1);
        assertThat(directory.accounts(tenant)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    @DisplayName("under STRICT, wrong accounts racing the invited one never win: exactly one acceptance, by the"
            + " invited address")
    void wrongAccountsRacingTheRightOne(Store kind) {
        List<InvitationService> nodes = nodes(kind, b -> b);
        List<Object> outcomes = raceToAccept(nodes, inviteAlice(nodes.get(0)),
                n -> n % 4 == 0 ? "Alice@example.com" : "intruder" + n + "@example.org");

        assertThat(outcomes).filteredOn(Acceptance.class::isInstance).hasSize(1);
        for (int n = 0; n < RACERS; n++) {
            if (n % 4 != 0) {
                assertThat(outcomes.get(n)).isInstanceOf(InvitationException.class);
                assertThat(((InvitationException) outcomes.get(n)).code())
                        .isIn(ErrorCode.ACCOUNT_MISMATCH, ErrorCode.ALREADY_ACCEPTED);
            }
        }
        assertThat(directory.accounts(tenant)).extracting(a -> a.contact()).containsExactly(ALICE);
    }
}
