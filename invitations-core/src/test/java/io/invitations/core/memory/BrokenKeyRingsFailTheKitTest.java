package io.invitations.core.memory;

import io.invitations.spi.security.KeyRing;
import io.invitations.tck.KeyRingCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the key ring kit catches broken rings: it runs the kit, through the JUnit Platform
 * launcher ({@link KitRun}), against the in-memory ring ({@link InMemoryKeyRingCompatibilityTest}) and against each ring of
 * {@link BrokenAdapters}, and checks which checks fail.
 */
class BrokenKeyRingsFailTheKitTest {
    /** The kit on a broken ring, rotating it to a new random key. */
    abstract static class BrokenRingKit extends KeyRingCompatibilityKit {
        private final AtomicInteger generation = new AtomicInteger();

        @Override
        protected void rotate(KeyRing ring) {
            BrokenAdapters.RotatableRing rotatable = (BrokenAdapters.RotatableRing) ring;
            rotatable.rotate(InMemoryKeyRing.randomKey("gen-" + generation.incrementAndGet()));
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class RingForgettingOnRotation extends BrokenRingKit {
        @Override
        protected KeyRing createRing() {
            return new BrokenAdapters.ForgetsOnRotation();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class RingMakingANewKeyEveryCall extends BrokenRingKit {
        @Override
        protected KeyRing createRing() {
            return new BrokenAdapters.NewKeyEveryCall();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class RingAcceptingOnlyTheCurrentKey extends BrokenRingKit {
        @Override
        protected KeyRing createRing() {
            return new BrokenAdapters.AcceptsOnlyTheCurrentKey();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class RingShowingItsMaterial extends BrokenRingKit {
        @Override
        protected KeyRing createRing() {
            return new BrokenAdapters.ShowsItsMaterial();
        }
    }

    @Test
    @DisplayName("the in-memory ring passes every check of the kit, and the kit has at least 10")
    void correctRingPassesEverything() {
        KitRun run = KitRun.of(InMemoryKeyRingCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.skipped()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    @DisplayName("a ring that forgets the previous key on rotation fails the rotation checks; retiring is skipped")
    void ringForgettingOnRotationIsCaught() {
        KitRun run = KitRun.of(RingForgettingOnRotation.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Rotation.previousKeyIsStillFound",
                "Rotation.acceptedListsEveryVerifyingKey");
        assertThat(run.skipped()).containsExactly("Retirement.retiredKeyStopsVerifying");
    }

    @Test
    @DisplayName("a ring that makes a new key at every call fails the stable-current-key checks")
    void ringMakingANewKeyEveryCallIsCaught() {
        KitRun run = KitRun.of(RingMakingANewKeyEveryCall.class);

        assertThat(run.failed()).as(run.toString()).contains(
                "Current.currentIsStable",
                "Current.acceptedStartsWithTheCurrentKey",
                "Current.racingReadsAgree");
        assertThat(run.passed()).contains("Current.unknownIdIsNotFound");
    }

    @Test
    @DisplayName("a ring that accepts only its current key fails the check that rotation keeps codes working")
    void ringAcceptingOnlyTheCurrentKeyIsCaught() {
        KitRun run = KitRun.of(RingAcceptingOnlyTheCurrentKey.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Rotation.acceptedListsEveryVerifyingKey");
    }

    @Test
    @DisplayName("a ring that shows its key material in toString() fails the secrecy check")
    void ringShowingItsMaterialIsCaught() {
        KitRun run = KitRun.of(RingShowingItsMaterial.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Secrecy.toStringShowsNoMaterial");
    }
}
