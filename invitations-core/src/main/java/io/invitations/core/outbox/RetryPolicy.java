package io.invitations.core.outbox;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the outbox retries a transient failure: the nominal delay before attempt {@code n + 1} is
 * {@code baseDelay × multiplier^(n − 1)}, capped at {@code maxDelay}; with {@code jitter} {@code j}
 * the delay used is drawn evenly between {@code (1 − j) ×} and {@code 1 ×} the nominal delay, so
 * that messages that failed together (a mail server outage) do not all come back at once. After
 * {@code maxAttempts} attempts the message fails for good and the invitation records it.
 *
 * @param baseDelay   the delay after the first failed attempt, positive
 * @param multiplier  how much each further delay grows, at least 1
 * @param maxDelay    the longest delay, at least {@code baseDelay}
 * @param maxAttempts how many attempts in all, at least 1
 * @param jitter      the share of each delay drawn at random, from 0 (none) to 1 (anything between
 *                    zero and the nominal delay)
 * @since 0.1.0
 */
public record RetryPolicy(Duration baseDelay, double multiplier, Duration maxDelay, int maxAttempts, double jitter) {
    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 10, 0.2);

    /**
     * A policy without jitter: every delay is the nominal one.
     *
     * @param baseDelay   the delay after the first failed attempt, positive
     * @param multiplier  how much each further delay grows, at least 1
     * @param maxDelay    the longest delay, at least {@code baseDelay}
     * @param maxAttempts how many attempts in all, at least 1
     * @throws InvitationException with {@link ErrorCode#CONFIGURATION} naming each wrong value
     */
    public RetryPolicy(Duration baseDelay, double multiplier, Duration maxDelay, int maxAttempts) {
        this(baseDelay, multiplier, maxDelay, maxAttempts, 0.0);
    }

    /**
     * Validates the policy, reporting every problem at once.
     *
     * @throws NullPointerException if a delay is null
     * @throws InvitationException  with {@link ErrorCode#CONFIGURATION} naming each wrong value
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        List<String> problems = new ArrayList<>();
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            problems.add("baseDelay must be positive, was " + baseDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            problems.add("multiplier must be a finite number of at least 1, was " + multiplier);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            problems.add("maxDelay must be at least baseDelay (" + baseDelay + "), was " + maxDelay);
        }
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            problems.add("jitter must be between 0 and 1, was " + jitter);
        }
        if (!problems.isEmpty()) {
            throw new InvitationException(ErrorCode.CONFIGURATION, "invalid retry policy: " + String.join("; ", problems));
        }
    }

    /**
     * The default policy: 30 seconds, doubling, at most one hour apart, 10 attempts (about five
     * hours in all), each delay shortened by up to 20 % at random.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another jitter.
     *
     * @param value the share of each delay drawn at random, from 0 to 1
     * @return the new policy
     * @throws InvitationException with {@link ErrorCode#CONFIGURATION} if out of range
     */
    public RetryPolicy withJitter(double value) {
        return new RetryPolicy(baseDelay, multiplier, maxDelay, maxAttempts, value);
    }

    /**
     * The delay after a failed attempt with jitter applied: {@code nominal × (1 − jitter × u)}.
     *
     * @param attempts how many attempts were made so far, at least 1
     * @param u        a random number from 0 (inclusive) to 1 (exclusive)
     * @return the delay before the next attempt
     */
    public Duration delayAfter(int attempts, double u) {
        Duration nominal = delayAfter(attempts);
        return Duration.ofMillis(Math.round(nominal.toMillis() * (1.0 - jitter * u)));
    }

    /**
     * The nominal delay after a failed attempt (without jitter).
     *
     * @param attempts how many attempts were made so far, at least 1
     * @return the delay before the next attempt
     */
    public Duration delayAfter(int attempts) {
        double factor = Math.pow(multiplier, Math.max(0, attempts - 1));
        double millis = baseDelay.toMillis() * factor;
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /**
     * Tells whether another attempt is allowed after a number of attempts.
     *
     * @param attempts how many attempts were made so far
     * @return {@code true} while below {@link #maxAttempts()}
     */
    public boolean allowsRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }
}
