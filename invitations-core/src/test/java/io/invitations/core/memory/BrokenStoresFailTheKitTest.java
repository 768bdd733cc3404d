package io.invitations.core.memory;

import io.invitations.spi.storage.InvitationStore;
import io.invitations.tck.InvitationStoreCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the storage compatibility kit catches broken stores: it runs the whole kit, through
 * the JUnit Platform launcher, against the correct in-memory store and against each of
 * {@link BrokenStores}, and checks which checks fail. The kit classes below are nested, not named
 * {@code *Test}, and disabled except in these runs, so the build never runs them on its own.
 */
class BrokenStoresFailTheKitTest {
    /**
     * Keeps the kits below from running on their own, even when a {@code -Dtest} pattern overrides
     * surefire's exclusion of nested classes; {@link KitRun} switches this condition off.
     */
    static final String RUN_BY_THE_LAUNCHER_ONLY = KitRun.RUN_BY_THE_LAUNCHER_ONLY;

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class CorrectStore extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new InMemoryInvitationStore();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreIgnoringVersions extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.IgnoresVersions();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreIgnoringTheOpenInvitationRule extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.IgnoresOpenInvitationRule();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class NonAtomicStore extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.NotAtomic();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreLeakingAcrossTenants extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.LeaksAcrossTenants();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreCheckingOutsideTheWrite extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.ChecksOutsideTheWrite();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreIgnoringFeedback extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.IgnoresFeedback();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StorePurgingTooMuch extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.PurgesTooMuch();
        }
    }

    static class StoreKeepingPersonalDataAfterErasure extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.KeepsPersonalDataAfterErasure();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreForgettingTheAcceptingAddress extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.ForgetsAcceptingAddress();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class StoreIgnoringTheScope extends InvitationStoreCompatibilityKit {
        @Override
        protected InvitationStore createStore() {
            return new BrokenStores.IgnoresScope();
        }
    }

    @Test
    @DisplayName("a store that ignores a query's read scope fails the scope check and passes the other queries")
    void storeIgnoringTheScopeIsCaught() {
        KitRun run = KitRun.of(StoreIgnoringTheScope.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Queries.scopeFilterSelectsOwnAndUnitInvitations");
        assertThat(run.passed()).contains("Queries.pagesInCreationOrder", "Queries.randomQueriesAgreeWithTheReference");
    }

    @Test
    @DisplayName("a store that forgets which address an acceptance came from fails the history check of it")
    void storeForgettingTheAcceptingAddressIsCaught() {
        KitRun run = KitRun.of(StoreForgettingTheAcceptingAddress.class);

        assertThat(run.failed()).as(run.toString())
                .containsExactly("History.acceptingAddressIsKeptAndAMismatchLeavesTheInvitationOpen");
        assertThat(run.passed()).contains("History.historyIsAppendOnlyInOrder", "Erasing.nothingPersonalSurvives",
                "ReadingBack.everyFieldReadsBack");
    }

    @Test
    @DisplayName("a store that drops delivery feedback fails the feedback checks and passes the others")
    void storeIgnoringFeedbackIsCaught() {
        KitRun run = KitRun.of(StoreIgnoringFeedback.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder("Feedback.feedbackStepsAreRecorded",
                "Feedback.feedbackForAnUnknownMessageFailsTheBatch");
        assertThat(run.passed()).contains("Feedback.sentMessagesAreFoundByReference", "Funnel.funnelFacts",
                "ReadingBack.everyFieldReadsBack");
    }

    @Test
    @DisplayName("a store that erases only the invitation row, keeping the person in history and outbox, fails "
            + "the erasure check")
    void storeKeepingPersonalDataIsCaught() {
        KitRun run = KitRun.of(StoreKeepingPersonalDataAfterErasure.class);

        assertThat(run.failed()).as(run.toString()).contains("Erasing.nothingPersonalSurvives");
        assertThat(run.passed()).contains("Erasing.idempotent", "Erasing.dueForRetention",
                "ReadingBack.everyFieldReadsBack");
    }

    @Test
    @DisplayName("a store that purges send records inside the window or of other tenants fails the purge check")
    void storePurgingTooMuchIsCaught() {
        KitRun run = KitRun.of(StorePurgingTooMuch.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("OptOutsAndSends.sendsBeyondTheWindowArePurged");
        assertThat(run.passed()).contains("OptOutsAndSends.sendsAreCountedInsideTheGuard");
    }

    @Test
    @DisplayName("a store that checks write conditions apart from the write fails the racing limit checks")
    void storeCheckingOutsideTheWriteIsCaught() {
        KitRun run = KitRun.of(StoreCheckingOutsideTheWrite.class);

        assertThat(run.failed()).as(run.toString()).contains("Guards.exactlyTheLimitIsStored",
                "Guards.racersNeverExceedTheLimit");
        assertThat(run.passed()).contains("Guards.conditionCountsTheStoredRows", "Guards.refusalStoresNothing",
                "ReadingBack.everyFieldReadsBack");
    }

    @Test
    @DisplayName("the correct in-memory store passes every check of the kit, and the kit has at least 25 of them")
    void correctStorePassesEverything() {
        KitRun run = KitRun.of(CorrectStore.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    @DisplayName("a store that ignores versions fails the compare-and-set checks, including the 32-thread race")
    void storeIgnoringVersionsIsCaught() {
        KitRun run = KitRun.of(StoreIgnoringVersions.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "CompareAndSet.staleVersionIsRefused",
                "CompareAndSet.skippedVersionIsRefused",
                "Atomicity.staleUpdateUndoesTheBatch",
                "Atomicity.staleLinkUpdateUndoesTheJoin",
                "Links.linkUpdatesAreCompareAndSet",
                "Concurrency.oneCompareAndSetWins",
                "Concurrency.oneConcurrentLinkUseWins");
        assertThat(run.passed()).contains("ReadingBack.everyFieldReadsBack", "CompareAndSet.nextVersionReplacesEveryField");
    }

    @Test
    @DisplayName("a store that ignores the open-invitation rule fails the one-open-invitation checks, "
            + "including the concurrent inserts")
    void storeIgnoringTheOpenInvitationRuleIsCaught() {
        KitRun run = KitRun.of(StoreIgnoringTheOpenInvitationRule.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "OneOpenInvitation.secondOpenInvitationIsRefused",
                "OneOpenInvitation.emailsMatchWhateverTheCase",
                "OneOpenInvitation.everyOpenStatusBlocks",
                "OneOpenInvitation.identifiersMatchByKindAndValue",
                "OneOpenInvitation.duplicatesWithinOneBatchAreRefused",
                "OneOpenInvitation.reopeningWhileAnotherIsOpenIsRefused",
                "Atomicity.thirdOfFiveInsertsIsADuplicate",
                "Concurrency.oneOfManyConcurrentInsertsWins");
        assertThat(run.passed()).contains("ReadingBack.everyFieldReadsBack",
                "OneOpenInvitation.closedInvitationsDoNotBlock", "OneOpenInvitation.findOpenFollowsTheStoredStatus");
    }

    @Test
    @DisplayName("a store that applies a batch piece by piece fails the atomicity checks")
    void nonAtomicStoreIsCaught() {
        KitRun run = KitRun.of(NonAtomicStore.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "Atomicity.thirdOfFiveInsertsIsADuplicate",
                "Atomicity.staleUpdateUndoesTheBatch",
                "Atomicity.historyForUnknownInvitationIsRefused",
                "Atomicity.messageForUnknownInvitationIsRefused",
                "Atomicity.staleLinkUpdateUndoesTheJoin",
                "OneOpenInvitation.duplicatesWithinOneBatchAreRefused",
                "ReadingBack.reusedIdIsRefused");
        assertThat(run.passed()).contains("ReadingBack.everyFieldReadsBack", "CompareAndSet.staleVersionIsRefused");
    }

    @Test
    @DisplayName("a store that falls back to other tenants fails the tenant-isolation checks")
    void storeLeakingAcrossTenantsIsCaught() {
        KitRun run = KitRun.of(StoreLeakingAcrossTenants.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "TenantIsolation.lookupsStayInTheirTenant",
                "TenantIsolation.queriesStayInTheirTenant",
                "TenantIsolation.historyAndOutboxStayInTheirTenant",
                "TenantIsolation.linksStayInTheirTenant");
        assertThat(run.passed()).contains("ReadingBack.everyFieldReadsBack", "CompareAndSet.staleVersionIsRefused");
    }
}
