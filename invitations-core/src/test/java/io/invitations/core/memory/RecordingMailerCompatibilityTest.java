package io.invitations.core.memory;

import io.invitations.spi.mail.Mailer;
import io.invitations.tck.MailerCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

import java.util.List;

/**
 * Runs the mailer kit against the recording mailer. It never fails, so the failure checks run
 * against {@link FailingMailers#refusingForGood()} and {@link FailingMailers#failingForNow()},
 * which stand for a mail system refusing as a correct adapter reports it.
 */
@DisplayName("RecordingMailer keeps the mailer contract")
class RecordingMailerCompatibilityTest extends MailerCompatibilityKit {
    private RecordingMailer recording;

    @Override
    protected Mailer createMailer() {
        recording = new RecordingMailer();
        return recording;
    }

    @Override
    protected List<Delivery> delivered() {
        return recording.sent().stream().map(Delivery::of).toList();
    }

    @Override
    protected Mailer mailerFacingPermanentFailure() {
        return FailingMailers.refusingForGood();
    }

    @Override
    protected Mailer mailerFacingTransientFailure() {
        return FailingMailers.failingForNow();
    }
}
