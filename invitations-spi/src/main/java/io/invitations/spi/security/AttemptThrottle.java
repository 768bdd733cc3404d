package io.invitations.spi.security;

import java.time.Instant;

/**
 * Limits wrong guesses (access codes, tokens) per key, e.g. per identifier and per client address.
 * Clusters share one implementation so that a guesser cannot spread attempts over nodes.
 *
 * <p>Keys are opaque to the throttle; the engine never passes a secret in a key. Implementations
 * must be safe for use by many threads at once.
 *
 * @since 0.1.0
 */
public interface AttemptThrottle {
    /**
     * Tells whether a key is locked out at an instant.
     *
     * @param key the throttled key, not {@code null}
     * @param now the instant, not {@code null}
     * @return {@code true} when further attempts are refused until the window ends
     */
    boolean isLocked(String key, Instant now);

    /**
     * Records a failed attempt.
     *
     * @param key the throttled key, not {@code null}
     * @param now when it failed, not {@code null}
     */
    void recordFailure(String key, Instant now);

    /**
     * Forgets the failures of a key after a success.
     *
     * @param key the throttled key, not {@code null}
     */
    void reset(String key);
}
