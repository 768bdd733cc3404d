package io.invitations.spi.security;

import org.apiguardian.api.API;

import java.time.Instant;

/**
 * Limits wrong guesses (access codes, tokens) per key, e.g. per identifier and per client address.
 * Clusters share one implementation so that a guesser cannot spread attempts over nodes.
 *
 * <p>Callers that judge an attempt (the access-code gate) count it first with
 * {@link #tryAttempt(String, Instant)}, so that the limit stays exact however many threads and nodes
 * race: an implementation shared by several nodes overrides it with one atomic step (the JDBC
 * throttle does); the default below is atomic only under the caller's own lock.
 *
 * <p>Keys are opaque to the throttle; the engine never passes a secret in a key. Implementations
 * must be safe for use by many threads at once.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
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

    /**
     * Counts one attempt against a key before it is judged, as a failure unless later
     * {@link #forgive(String, Instant) forgiven} or {@link #reset(String) reset}, and tells whether
     * it may be judged. When {@code n} attempts race on a key with {@code k} failures left, exactly
     * {@code k} get {@code true}, provided the implementation does this in one atomic step.
     *
     * <p>The default checks {@link #isLocked(String, Instant)} and then calls
     * {@link #recordFailure(String, Instant)}: exact only while the caller serializes the attempts
     * on a key. Shared implementations override it with one atomic step.
     *
     * @param key the throttled key, not {@code null}
     * @param now the instant of the attempt, not {@code null}
     * @return {@code true} when the attempt is within the limit and may be judged; {@code false}
     *         when the key is locked (the attempt is then not counted again)
     * @since 0.2.0
     */
    default boolean tryAttempt(String key, Instant now) {
        if (isLocked(key, now)) {
            return false;
        }
        recordFailure(key, now);
        return true;
    }

    /**
     * Takes back one attempt counted by {@link #tryAttempt(String, Instant)} that turned out right
     * (or was not judged), without forgetting the key's other failures. Counts in a window that has
     * ended are left alone.
     *
     * <p>The default does nothing: an attempt counted in advance then stays counted as a failure.
     *
     * @param key the throttled key, not {@code null}
     * @param now the instant, not {@code null}
     * @since 0.2.0
     */
    default void forgive(String key, Instant now) {
        // by default a counted attempt stays counted
    }
}
