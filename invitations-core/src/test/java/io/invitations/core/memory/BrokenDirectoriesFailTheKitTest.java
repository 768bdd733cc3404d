package io.invitations.core.memory;

import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.TenantId;
import io.invitations.tck.IdentityDirectoryCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the identity directory kit catches broken directories: it runs the kit, through the
 * JUnit Platform launcher ({@link KitRun}), against the correct in-memory directory and against each
 * directory of {@link BrokenAdapters}, and checks which checks fail.
 */
class BrokenDirectoriesFailTheKitTest {

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class DirectoryCreatingPerCall extends IdentityDirectoryCompatibilityKit {
        @Override
        protected IdentityDirectory createDirectory() {
            return new BrokenAdapters.NewAccountPerCall();
        }

        @Override
        protected boolean holdsGrantsBackUntilApproval() {
            return false;
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class DirectoryCheckingThenCreating extends IdentityDirectoryCompatibilityKit {
        @Override
        protected IdentityDirectory createDirectory() {
            return new BrokenAdapters.CheckThenCreate();
        }

        @Override
        protected boolean holdsGrantsBackUntilApproval() {
            return false;
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class DirectoryGrantingAtRegistration extends IdentityDirectoryCompatibilityKit {
        @Override
        protected IdentityDirectory createDirectory() {
            return new BrokenAdapters.GrantsAtRegistration();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class DirectoryMakingGuestsMembers extends IdentityDirectoryCompatibilityKit {
        @Override
        protected IdentityDirectory createDirectory() {
            return new BrokenAdapters.GuestsBecomeMembers();
        }

        @Override
        protected boolean holdsGrantsBackUntilApproval() {
            return false;
        }

        @Override
        protected boolean keepsResourceGuestsApart() {
            return true;
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class DirectoryConfirmingBySameDomain extends IdentityDirectoryCompatibilityKit {
        @Override
        protected IdentityDirectory createDirectory() {
            return new BrokenAdapters.SamePersonBySameDomain();
        }

        @Override
        protected boolean linkAddresses(TenantId tenant, Contact invited, EmailAddress alias) {
            ((BrokenAdapters.SamePersonBySameDomain) directory).delegate.linkAddresses(tenant, invited, alias);
            return true;
        }
    }

    @Test
    @DisplayName("a directory that takes any address of the invitee's domain for the same person fails both checks")
    void directoryConfirmingBySameDomainIsCaught() {
        KitRun run = KitRun.of(DirectoryConfirmingBySameDomain.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "SamePerson.unlinkedAddressesAreNotTheSamePerson", "SamePerson.linkedAddressesAreTheSamePerson");
    }

    @Test
    @DisplayName("a directory that makes an event's guest a member while claiming to keep guests apart fails that check")
    void directoryMakingGuestsMembersIsCaught() {
        KitRun run = KitRun.of(DirectoryMakingGuestsMembers.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("ResourceGuests.anEventGuestIsNoMember");
        assertThat(run.passed()).contains("ResourceGuests.theGuestBecomesAMemberLater");
    }

    @Test
    @DisplayName("the correct in-memory directory passes every check of the kit, and the kit has at least 14")
    void correctDirectoryPassesEverything() {
        KitRun run = KitRun.of(InMemoryIdentityDirectoryCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.skipped()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    @DisplayName("a directory creating an account at every call fails every idempotency check")
    void directoryCreatingPerCallIsCaught() {
        KitRun run = KitRun.of(DirectoryCreatingPerCall.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "CreateOrLink.sameInvitationLinksTheSameAccount",
                "CreateOrLink.sameContactLinksTheExistingAccount",
                "Concurrency.racingCreatesOfOneInvitationLinkOneAccount",
                "Concurrency.racingRegistrationsOfOneInvitationLinkOneAccount",
                "Approval.registrationIsIdempotentPerInvitation",
                "Approval.existingMemberKeepsTheirAccount");
        assertThat(run.passed()).contains("CreateOrLink.createdAccountIsAMember",
                "CreateOrLink.differentContactsGetDifferentAccounts");
        assertThat(run.skipped()).as("hold-back checks of a directory that says it does not hold back")
                .contains("Approval.registrationIsNotMembership");
    }

    @Test
    @DisplayName("a directory that checks, then creates, links correctly one call at a time but fails the races")
    void directoryCheckingThenCreatingIsCaught() {
        KitRun run = KitRun.of(DirectoryCheckingThenCreating.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Concurrency.racingCreatesOfOneInvitationLinkOneAccount",
                "Concurrency.racingRegistrationsOfOneInvitationLinkOneAccount");
        assertThat(run.passed()).contains("CreateOrLink.sameInvitationLinksTheSameAccount",
                "CreateOrLink.sameContactLinksTheExistingAccount");
    }

    @Test
    @DisplayName("a directory that keeps the default approval methods but claims to hold grants back fails "
            + "the hold-back checks")
    void directoryGrantingAtRegistrationIsCaught() {
        KitRun run = KitRun.of(DirectoryGrantingAtRegistration.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Approval.registrationIsNotMembership",
                "Approval.rejectionLeavesNoMember",
                "Approval.registrationsStayInTheirTenant");
    }
}
