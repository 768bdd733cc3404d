package io.invitations.core.memory;

import io.invitations.spi.mail.Mailer;
import io.invitations.tck.MailerCompatibilityKit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.memory.KitRun.RUN_BY_THE_LAUNCHER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the mailer kit catches broken mailers: it runs the kit, through the JUnit Platform
 * launcher ({@link KitRun}), against the recording mailer (with correctly failing mail systems)
 * and against each mailer of {@link BrokenAdapters}, and checks which checks fail.
 */
class BrokenMailersFailTheKitTest {

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class MailerWithUntypedFailures extends RecordingMailerCompatibilityTest {
        @Override
        protected Mailer mailerFacingPermanentFailure() {
            return BrokenAdapters.untypedFailure();
        }

        @Override
        protected Mailer mailerFacingTransientFailure() {
            return BrokenAdapters.untypedFailure();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class MailerCallingEveryFailureTransient extends RecordingMailerCompatibilityTest {
        @Override
        protected Mailer mailerFacingPermanentFailure() {
            return BrokenAdapters.everyFailureTransient();
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class MailerQuotingTheBody extends RecordingMailerCompatibilityTest {
        @Override
        protected Mailer mailerFacingPermanentFailure() {
            return BrokenAdapters.quotesTheBody(false);
        }

        @Override
        protected Mailer mailerFacingTransientFailure() {
            return BrokenAdapters.quotesTheBody(true);
        }
    }

    @Disabled(RUN_BY_THE_LAUNCHER_ONLY)
    static class MailerDroppingNameReplyToAndHeaders extends MailerCompatibilityKit {
        private BrokenAdapters.DropsNameReplyToAndHeaders dropping;

        @Override
        protected Mailer createMailer() {
            dropping = new BrokenAdapters.DropsNameReplyToAndHeaders();
            return dropping;
        }

        @Override
        protected List<Delivery> delivered() {
            return dropping.sent().stream().map(Delivery::of).toList();
        }
    }

    @Test
    @DisplayName("the recording mailer passes every check of the kit, and the kit has at least 8")
    void correctMailerPassesEverything() {
        KitRun run = KitRun.of(RecordingMailerCompatibilityTest.class);

        assertThat(run.failed()).as(run.toString()).isEmpty();
        assertThat(run.skipped()).as(run.toString()).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @DisplayName("a mailer failing with untyped exceptions fails both failure checks")
    void mailerWithUntypedFailuresIsCaught() {
        KitRun run = KitRun.of(MailerWithUntypedFailures.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Failures.permanentFailureIsTyped",
                "Failures.transientFailureIsTyped");
    }

    @Test
    @DisplayName("a mailer calling every failure transient fails the permanent-failure check only")
    void mailerCallingEveryFailureTransientIsCaught() {
        KitRun run = KitRun.of(MailerCallingEveryFailureTransient.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Failures.permanentFailureIsTyped");
    }

    @Test
    @DisplayName("a mailer quoting the body (and claim link) in its failures fails both failure checks")
    void mailerQuotingTheBodyIsCaught() {
        KitRun run = KitRun.of(MailerQuotingTheBody.class);

        assertThat(run.failed()).as(run.toString()).containsExactlyInAnyOrder(
                "Failures.permanentFailureIsTyped",
                "Failures.transientFailureIsTyped");
    }

    @Test
    @DisplayName("a mailer dropping the name, reply-to and headers fails the check that carries them; "
            + "without failing mail systems the failure checks are skipped")
    void mailerDroppingNameReplyToAndHeadersIsCaught() {
        KitRun run = KitRun.of(MailerDroppingNameReplyToAndHeaders.class);

        assertThat(run.failed()).as(run.toString()).containsExactly("Delivering.carriesNameReplyToAndHeaders");
        assertThat(run.skipped()).containsExactlyInAnyOrder("Failures.permanentFailureIsTyped",
                "Failures.transientFailureIsTyped");
    }
}
