package io.invitations.tck;

import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.identity.LookAlikeAnswer;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.tck.support.Race;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of {@link IdentityDirectory} as JUnit 5 checks: accounts are created or linked per
 * tenant and contact, idempotently per invitation even when 64 threads race, and (for directories
 * that hold grants back) a registration awaiting approval becomes a membership only when approved, and
 * (for directories that take part in look-alike detection) a member's look-alike is recognised, and
 * another address is the same person's only when linked.
 * Extend it, implement {@link #createDirectory()}, and run it like any other test class:
 *
 * <pre>{@code
 * class LdapIdentityDirectoryCompatibilityTest extends IdentityDirectoryCompatibilityKit {
 *     protected IdentityDirectory createDirectory() {
 *         return new LdapIdentityDirectory(TestLdap.connection());
 *     }
 * }
 * }</pre>
 *
 * <p>A directory that keeps the default {@link IdentityDirectory#registerAwaitingApproval} (which
 * applies the grant at once) overrides {@link #holdsGrantsBackUntilApproval()} to return
 * {@code false}; the checks that a grant is held back are then skipped, not failed. A directory that
 * keeps guests of a resource (an event) apart from the members overrides
 * {@link #keepsResourceGuestsApart()} to return {@code true}, which runs the checks of that promise.
 * A directory that confirms other addresses of one person ({@link IdentityDirectory#samePerson})
 * overrides {@link #linkAddresses} so that the kit can link a pair.
 *
 * <p>Every check uses tenants, contacts and invitations of its own (random ids), so a directory
 * backed by a shared system may be reused across checks.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public abstract class IdentityDirectoryCompatibilityKit {
    /** How many threads race in the concurrency checks. */
    protected static final int RACERS = 64;
    private static final int ROUNDS = 10;

    /** The directory under test, new for each check. */
    protected IdentityDirectory directory;
    /** A fresh tenant per check. */
    protected TenantId tenant;

    /**
     * Creates the directory under test. Called once before each check.
     *
     * @return a directory, ready to use
     */
    protected abstract IdentityDirectory createDirectory();

    /**
     * Tells whether the directory overrides {@link IdentityDirectory#registerAwaitingApproval} and
     * {@link IdentityDirectory#approvalDecided} to hold a grant back until approval.
     *
     * @return {@code true} (the default) to run the hold-back checks
     */
    protected boolean holdsGrantsBackUntilApproval() {
        return true;
    }

    /**
     * Tells whether the directory keeps a GUEST invited to a resource ({@link AccountRequest#target()}
     * not the membership) apart from the tenant's members, as the membership platform's event guests.
     *
     * @return {@code false} (the default) to skip those checks; {@code true} to run them
     */
    protected boolean keepsResourceGuestsApart() {
        return false;
    }

    /**
     * Records in the directory under test that two addresses are one person's, as the host does when
     * it verifies a second address of an account, so that the checks of
     * {@link IdentityDirectory#samePerson} can ask about a linked pair. The default returns
     * {@code false}: the directory cannot be told from a test (or keeps the SPI's default, which
     * answers {@code false} throughout), and the check of a linked pair is skipped, not failed.
     *
     * @param tenant  the tenant
     * @param invited the contact invited
     * @param alias   another address of the same person
     * @return {@code true} once linked; {@code false} when this directory cannot link
     * @since 1.1
     */
    protected boolean linkAddresses(TenantId tenant, Contact invited, EmailAddress alias) {
        return false;
    }

    /**
     * Releases the directory after each check; the default does nothing.
     *
     * @param directory the directory {@link #createDirectory()} returned
     */
    protected void closeDirectory(IdentityDirectory directory) {
    }

    @BeforeEach
    void createTheDirectory() {
        directory = createDirectory();
        tenant = Fixtures.newTenant();
    }

    @AfterEach
    void closeTheDirectory() {
        closeDirectory(directory);
    }

    @Nested
    @DisplayName("creating or linking an account")
    class CreateOrLink {
        @Test
        @DisplayName("returns a non-blank account id and makes the invitee a member of that tenant only")
        void createdAccountIsAMember() {
            Contact ada = contact("ada");
            assertThat(directory.isMember(tenant, ada)).as("member before").isFalse();

            String account = directory.createOrLinkAccount(request(tenant, newInvitation(), ada));

            assertThat(account).isNotBlank();
            assertThat(directory.isMember(tenant, ada)).as("member after").isTrue();
            assertThat(directory.isMember(Fixtures.newTenant(), ada)).as("member of another tenant").isFalse();
            assertThat(directory.isMember(tenant, contact("grace"))).as("someone else is a member").isFalse();
        }

        @Test
        @DisplayName("called again for the same invitation returns the same account")
        void sameInvitationLinksTheSameAccount() {
            AccountRequest request = request(tenant, newInvitation(), contact("ada"));

            String first = directory.createOrLinkAccount(request);
            String second = directory.createOrLinkAccount(request);

            assertThat(second).isEqualTo(first);
        }

        @Test
        @DisplayName("a later invitation of the same person in the same tenant links their existing account")
        void sameContactLinksTheExistingAccount() {
            Contact ada = contact("ada");

            String first = directory.createOrLinkAccount(request(tenant, newInvitation(), ada));
            String second = directory.createOrLinkAccount(request(tenant, newInvitation(), ada));

            assertThat(second).isEqualTo(first);
        }

        @Test
        @DisplayName("different people get different accounts")
        void differentContactsGetDifferentAccounts() {
            String ada = directory.createOrLinkAccount(request(tenant, newInvitation(), contact("ada")));
            String grace = directory.createOrLinkAccount(request(tenant, newInvitation(), contact("grace")));

            assertThat(grace).isNotEqualTo(ada);
        }

        @Test
        @DisplayName("a claim under SSO (no password) creates an account like any other")
        void noPasswordIsFine() {
            Contact ada = contact("ada");
            AccountRequest sso = AccountRequest.builder()
                    .tenantId(tenant)
                    .invitationId(newInvitation())
                    .contact(ada)
                    .firstName("Ada")
                    .lastName("Lovelace")
                    .grant(Grant.role("member"))
                    .profile(Map.of())
                    .termsAccepted(true)
                    .invitedBy(Fixtures.INVITER.userId())
                    .build();

            assertThat(directory.createOrLinkAccount(sso)).isNotBlank();
            assertThat(directory.isMember(tenant, ada)).isTrue();
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {
        private Race race;

        @BeforeEach
        void startRacers() {
            race = new Race(RACERS);
        }

        @AfterEach
        void stopRacers() {
            race.close();
        }

        @Test
        @DisplayName("64 threads creating the account of one invitation at once all get the same account, "
                + "10 times over")
        void racingCreatesOfOneInvitationLinkOneAccount() {
            for (int round = 0; round < ROUNDS; round++) {
                Contact racer = contact("racer" + round);
                AccountRequest request = request(tenant, newInvitation(), racer);

                List<String> accounts = race.collect(n -> () -> directory.createOrLinkAccount(request));

                assertThat(accounts).as("round %d", round).doesNotContainNull().containsOnly(accounts.get(0));
                assertThat(accounts.get(0)).as("round %d", round).isNotBlank();
                assertThat(directory.isMember(tenant, racer)).as("round %d", round).isTrue();
                assertThat(directory.createOrLinkAccount(request)).as("round %d, afterwards", round)
                        .isEqualTo(accounts.get(0));
            }
        }

        @Test
        @DisplayName("64 threads registering one invitation for approval at once all get the same account, "
                + "10 times over")
        void racingRegistrationsOfOneInvitationLinkOneAccount() {
            for (int round = 0; round < ROUNDS; round++) {
                AccountRequest request = request(tenant, newInvitation(), contact("waiter" + round));

                List<String> accounts = race.collect(n -> () -> directory.registerAwaitingApproval(request));

                assertThat(accounts).as("round %d", round).doesNotContainNull().containsOnly(accounts.get(0));
                assertThat(directory.registerAwaitingApproval(request)).as("round %d, afterwards", round)
                        .isEqualTo(accounts.get(0));
            }
        }

        @Test
        @DisplayName("64 threads creating accounts of 64 different people at once get 64 different accounts")
        void racingCreatesOfDifferentPeopleStayApart() {
            List<Contact> people = java.util.stream.IntStream.range(0, RACERS)
                    .mapToObj(n -> contact("crowd" + n)).toList();

            List<String> accounts = race.collect(n -> () ->
                    directory.createOrLinkAccount(request(tenant, newInvitation(), people.get(n))));

            assertThat(accounts).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(people).allSatisfy(p -> assertThat(directory.isMember(tenant, p)).as("%s", p).isTrue());
        }
    }

    @Nested
    @DisplayName("approval")
    class Approval {
        @Test
        @DisplayName("registering for approval twice for the same invitation returns the same account")
        void registrationIsIdempotentPerInvitation() {
            AccountRequest request = request(tenant, newInvitation(), contact("ada"));

            String first = directory.registerAwaitingApproval(request);
            String second = directory.registerAwaitingApproval(request);

            assertThat(first).isNotBlank();
            assertThat(second).isEqualTo(first);
        }

        @Test
        @DisplayName("an approved registration is a member, and deciding again changes nothing")
        void approvalMakesAMemberIdempotently() {
            Contact ada = contact("ada");
            AccountRequest request = request(tenant, newInvitation(), ada);
            String account = directory.registerAwaitingApproval(request);

            directory.approvalDecided(tenant, request.invitationId(), account, request.grant(), true);
            directory.approvalDecided(tenant, request.invitationId(), account, request.grant(), true);

            assertThat(directory.isMember(tenant, ada)).isTrue();
            assertThat(directory.createOrLinkAccount(request(tenant, newInvitation(), ada)))
                    .as("the account a later invitation links").isEqualTo(account);
        }

        @Test
        @DisplayName("a registration awaiting approval is not a membership")
        void registrationIsNotMembership() {
            assumeTrue(holdsGrantsBackUntilApproval(), "this directory applies grants at registration");
            Contact ada = contact("ada");

            directory.registerAwaitingApproval(request(tenant, newInvitation(), ada));

            assertThat(directory.isMember(tenant, ada)).isFalse();
        }

        @Test
        @DisplayName("a rejected registration leaves no member, even when decided twice")
        void rejectionLeavesNoMember() {
            assumeTrue(holdsGrantsBackUntilApproval(), "this directory applies grants at registration");
            Contact ada = contact("ada");
            AccountRequest request = request(tenant, newInvitation(), ada);
            String account = directory.registerAwaitingApproval(request);

            directory.approvalDecided(tenant, request.invitationId(), account, request.grant(), false);
            directory.approvalDecided(tenant, request.invitationId(), account, request.grant(), false);

            assertThat(directory.isMember(tenant, ada)).isFalse();
        }

        @Test
        @DisplayName("an existing member registering through a new invitation keeps their account and membership")
        void existingMemberKeepsTheirAccount() {
            Contact ada = contact("ada");
            String member = directory.createOrLinkAccount(request(tenant, newInvitation(), ada));
            AccountRequest again = request(tenant, newInvitation(), ada);

            String registered = directory.registerAwaitingApproval(again);
            directory.approvalDecided(tenant, again.invitationId(), registered, again.grant(), false);

            assertThat(registered).isEqualTo(member);
            assertThat(directory.isMember(tenant, ada)).as("still a member after the rejection").isTrue();
        }

        @Test
        @DisplayName("registrations of one person in two tenants stay apart")
        void registrationsStayInTheirTenant() {
            assumeTrue(holdsGrantsBackUntilApproval(), "this directory applies grants at registration");
            Contact ada = contact("ada");
            TenantId other = Fixtures.newTenant();
            AccountRequest here = request(tenant, newInvitation(), ada);
            String account = directory.registerAwaitingApproval(here);
            directory.registerAwaitingApproval(request(other, newInvitation(), ada));

            directory.approvalDecided(tenant, here.invitationId(), account, here.grant(), true);

            assertThat(directory.isMember(tenant, ada)).as("member where approved").isTrue();
            assertThat(directory.isMember(other, ada)).as("member where still awaiting").isFalse();
        }
    }

    @Nested
    @DisplayName("look-alike members")
    class LookAlikeMembers {
        /** A stand-in for the engine's TR 39 skeletons: a zero looks like the letter o. */
        private final Function<Contact, String> key = c -> c.matchKey().replace('0', 'o');

        @Test
        @DisplayName("a member whose contact has the same look-alike key as a new one, without being it, "
                + "looks alike; the member herself, other people and other tenants do not (or UNKNOWN throughout)")
        void membersWithTheSameKeyLookAlike() {
            String id = UUID.randomUUID().toString();
            Contact member = EmailAddress.of("b0b." + id + "@example.com");
            Contact copy = EmailAddress.of("bob." + id + "@example.com");
            directory.createOrLinkAccount(request(tenant, newInvitation(), member));

            LookAlikeAnswer answer = directory.memberLookingLike(tenant, copy, key);
            if (answer == LookAlikeAnswer.UNKNOWN) {
                // the directory does not take part (the SPI's default): it must say so for every question
                assertThat(directory.memberLookingLike(tenant, contact("other"), key)).isEqualTo(LookAlikeAnswer.UNKNOWN);
                assumeTrue(false, "this directory answers UNKNOWN: only invitations are compared with new contacts");
            }

            assertThat(answer).as("a look-alike of a member").isEqualTo(LookAlikeAnswer.LOOKS_ALIKE);
            assertThat(directory.memberLookingLike(tenant, member, key)).as("the member herself")
                    .isEqualTo(LookAlikeAnswer.NONE);
            assertThat(directory.memberLookingLike(tenant, contact("someone-else"), key)).as("someone else")
                    .isEqualTo(LookAlikeAnswer.NONE);
            assertThat(directory.memberLookingLike(Fixtures.newTenant(), copy, key)).as("in another tenant")
                    .isEqualTo(LookAlikeAnswer.NONE);
        }
    }

    @Nested
    @DisplayName("another address of the same person")
    class SamePerson {
        @Test
        @DisplayName("an address nobody linked is not the same person, for a member, an unknown contact and "
                + "an unknown tenant alike, and asking never throws")
        void unlinkedAddressesAreNotTheSamePerson() {
            Contact member = contact("ada");
            directory.createOrLinkAccount(request(tenant, newInvitation(), member));
            EmailAddress stranger = (EmailAddress) contact("mallory");

            assertThat(directory.samePerson(tenant, member, stranger)).as("a member and a stranger").isFalse();
            assertThat(directory.samePerson(tenant, contact("unknown"), stranger)).as("an unknown contact").isFalse();
            assertThat(directory.samePerson(Fixtures.newTenant(), member, stranger)).as("an unknown tenant")
                    .isFalse();
        }

        @Test
        @DisplayName("a linked address is the same person in its tenant only; an unrelated address is not")
        void linkedAddressesAreTheSamePerson() {
            Contact invited = contact("ada");
            EmailAddress alias = EmailAddress.of("ada.private." + UUID.randomUUID() + "@mail.example");
            assumeTrue(linkAddresses(tenant, invited, alias), "this directory cannot link addresses from a test");

            assertThat(directory.samePerson(tenant, invited, alias)).as("the linked address").isTrue();
            assertThat(directory.samePerson(tenant, invited, (EmailAddress) contact("mallory")))
                    .as("an unrelated address").isFalse();
            assertThat(directory.samePerson(tenant, contact("grace"), alias)).as("the alias for someone else")
                    .isFalse();
            assertThat(directory.samePerson(Fixtures.newTenant(), invited, alias)).as("in another tenant")
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("guests of a resource (for directories that keep them apart)")
    class ResourceGuests {
        @Test
        @DisplayName("an event's guest gets an account but is not a member of the tenant")
        void anEventGuestIsNoMember() {
            assumeTrue(keepsResourceGuestsApart(), "this directory makes every invitee a member");
            Contact ada = contact("ada");

            String account = directory.createOrLinkAccount(eventGuest(ada));

            assertThat(account).isNotBlank();
            assertThat(directory.isMember(tenant, ada)).isFalse();
        }

        @Test
        @DisplayName("the guest accepting a membership invitation later becomes a member with the same account")
        void theGuestBecomesAMemberLater() {
            assumeTrue(keepsResourceGuestsApart(), "this directory makes every invitee a member");
            Contact ada = contact("ada");
            String guest = directory.createOrLinkAccount(eventGuest(ada));

            String member = directory.createOrLinkAccount(request(tenant, newInvitation(), ada));

            assertThat(member).isEqualTo(guest);
            assertThat(directory.isMember(tenant, ada)).isTrue();
        }

        private AccountRequest eventGuest(Contact contact) {
            return request(tenant, newInvitation(), contact).toBuilder()
                    .target(Target.resource("event", "gala-" + UUID.randomUUID()))
                    .grant(Grant.role("member").withMembershipType(MembershipType.GUEST))
                    .build();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /**
     * Returns a contact no other check uses: an email address under {@code example.com}.
     *
     * @param name a readable prefix
     * @return the contact
     */
    protected static Contact contact(String name) {
        return EmailAddress.of(name + "." + UUID.randomUUID() + "@example.com");
    }

    /**
     * Returns a fresh invitation id.
     *
     * @return the id
     */
    protected static InvitationId newInvitation() {
        return InvitationId.random();
    }

    /**
     * Returns a request as the engine makes it when an invitation is claimed with a password.
     *
     * @param tenant     the tenant
     * @param invitation the invitation
     * @param contact    the invitee
     * @return the request, with the role {@code member}
     */
    protected static AccountRequest request(TenantId tenant, InvitationId invitation, Contact contact) {
        return AccountRequest.builder()
                .tenantId(tenant)
                .invitationId(invitation)
                .contact(contact)
                .firstName("Ada")
                .lastName("Lovelace")
                .grant(Grant.role("member"))
                .profile(Map.of())
                .password("correct horse battery staple".toCharArray())
                .termsAccepted(true)
                .invitedBy(Fixtures.INVITER.userId())
                .build();
    }
}
