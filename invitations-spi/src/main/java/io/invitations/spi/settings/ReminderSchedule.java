package io.invitations.spi.settings;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a tenant's pending email invitations are reminded: steps counted from the latest send
 * (the invitation, a resend or a re-invitation) or back from the expiry, e.g. 2 and 5 days after
 * sending, or 1 day before expiry. Each step sends at most one reminder; a step that falls at or
 * before the send or at or after the expiry is skipped; a resend starts the schedule again. The
 * default, {@link #none()}, sends no reminders.
 *
 * <pre>{@code
 * ReminderSchedule.of(ReminderSchedule.Step.afterSending(Duration.ofDays(2)),
 *         ReminderSchedule.Step.beforeExpiry(Duration.ofDays(1)))
 * }</pre>
 *
 * @param steps the steps, in any order; at most {@link #MAX_STEPS}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record ReminderSchedule(List<Step> steps) {
    /** The most steps a schedule may have. */
    public static final int MAX_STEPS = 10;

    private static final ReminderSchedule NONE = new ReminderSchedule(List.of());

    /**
     * Validates and copies the steps.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if the list or a step is missing, or
     *                             there are more than {@link #MAX_STEPS} steps
     */
    public ReminderSchedule {
        InvitationException.requireValue(steps, "steps");
        for (int i = 0; i < steps.size(); i++) {
            InvitationException.requireValue(steps.get(i), "steps[" + i + "]");
        }
        if (steps.size() > MAX_STEPS) {
            throw InvitationException.invalidValue("steps must be at most " + MAX_STEPS + ", was " + steps.size()
                    + ": remind an invitee a few times, not every day");
        }
        steps = List.copyOf(steps);
    }

    /**
     * Returns the schedule that sends no reminders (the default).
     *
     * @return the empty schedule
     */
    public static ReminderSchedule none() {
        return NONE;
    }

    /**
     * Creates a schedule from steps.
     *
     * @param steps the steps, not {@code null}
     * @return the schedule
     */
    public static ReminderSchedule of(Step... steps) {
        InvitationException.requireValue(steps, "steps");
        return new ReminderSchedule(java.util.Arrays.asList(steps));
    }

    /**
     * Creates a schedule of reminders at the given times after sending, e.g. 2 and 5 days.
     *
     * @param delays the times after sending, each positive
     * @return the schedule
     */
    public static ReminderSchedule afterSending(Duration... delays) {
        InvitationException.requireValue(delays, "delays");
        return new ReminderSchedule(java.util.Arrays.stream(delays).map(Step::afterSending).toList());
    }

    /**
     * Returns whether the schedule sends no reminders.
     *
     * @return {@code true} when there are no steps
     */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Returns the earliest step after an instant, for an invitation sent at {@code sentAt} that
     * expires at {@code expiresAt}: the next reminder's due time.
     *
     * @param sentAt    when the invitation was last sent, not {@code null}
     * @param expiresAt when it expires, or {@code null} when it never does
     * @param after     the instant the step must come strictly after (the send, or the last reminder),
     *                  not {@code null}
     * @return the due time, or empty when no step is left before the expiry
     */
    public Optional<Instant> next(Instant sentAt, Instant expiresAt, Instant after) {
        InvitationException.requireValue(sentAt, "sentAt");
        InvitationException.requireValue(after, "after");
        Instant best = null;
        for (Step step : steps) {
            Instant at = step.at(sentAt, expiresAt);
            if (at == null || !at.isAfter(sentAt) || !at.isAfter(after)
                    || expiresAt != null && !at.isBefore(expiresAt)) {
                continue;
            }
            if (best == null || at.isBefore(best)) {
                best = at;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One reminder: a time after sending, or before the expiry.
     *
     * @param anchor what the offset counts from, not {@code null}
     * @param offset how long after sending or before expiry, positive
     * @since 1.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public record Step(Anchor anchor, Duration offset) {
        /**
         * Validates the step.
         *
         * @throws InvitationException with {@code INVALID_REQUEST} if a component is missing or the
         *                             offset is not positive
         */
        public Step {
            InvitationException.requireValue(anchor, "anchor");
            InvitationException.requireValue(offset, "offset");
            if (offset.isNegative() || offset.isZero()) {
                throw InvitationException.invalidValue("offset must be positive, was " + offset
                        + ": give a duration such as Duration.ofDays(2)");
            }
        }

        /**
         * A reminder some time after the latest send.
         *
         * @param offset how long after, positive
         * @return the step
         */
        public static Step afterSending(Duration offset) {
            return new Step(Anchor.AFTER_SENDING, offset);
        }

        /**
         * A reminder some time before the expiry.
         *
         * @param offset how long before, positive
         * @return the step
         */
        public static Step beforeExpiry(Duration offset) {
            return new Step(Anchor.BEFORE_EXPIRY, offset);
        }

        /**
         * Returns when this step falls for an invitation.
         *
         * @param sentAt    when it was last sent, not {@code null}
         * @param expiresAt when it expires, or {@code null}
         * @return the instant, or {@code null} for a step before an expiry that does not exist
         */
        public Instant at(Instant sentAt, Instant expiresAt) {
            if (anchor == Anchor.AFTER_SENDING) {
                return sentAt.plus(offset);
            }
            return expiresAt == null ? null : expiresAt.minus(offset);
        }
    }

    /** What a step's offset counts from. */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public enum Anchor {
        /** Counted forward from the latest send (invitation, resend, re-invitation). */
        AFTER_SENDING,
        /** Counted back from the expiry. */
        BEFORE_EXPIRY
    }
}
