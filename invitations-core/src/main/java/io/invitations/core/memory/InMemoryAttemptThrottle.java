package io.invitations.core.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.AttemptThrottle;
import org.apiguardian.api.API;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The in-memory {@link AttemptThrottle}, on a Caffeine cache: by default 5 failures per key within
 * a 15-minute window lock the key for the rest of that window. A window opens at a key's first
 * failure; once it ends, the next failure opens a new one. {@link #reset(String)} forgets a key.
 *
 * <p>Windows are judged at the instant each call passes in; the injected {@link Clock} only drives
 * the cache's housekeeping, which drops a key one window after its last failure, and never sooner:
 * a key that is locked, or whose window is still open, is never forgotten, however many other keys
 * are counted meanwhile (a flood of other identifiers or client keys frees no guess). Memory
 * therefore grows with the number of distinct keys that failed within one window (about 100 bytes
 * each), and shrinks as their windows end. Use a shared implementation (the JDBC one) when several
 * processes must count together.
 *
 * <p>Safe for use by many threads at once: a key's failures are counted atomically, and
 * {@link #tryAttempt(String, Instant)} admits exactly the attempts left in the window however many
 * threads race.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class InMemoryAttemptThrottle implements AttemptThrottle {
    /** Failures allowed per window unless configured otherwise. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** The window unless configured otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /**
     * Formerly how many keys were tracked at most.
     *
     * @deprecated keys are no longer dropped while their window is open; this bound is ignored
     */
    @Deprecated(since = "0.2.0")
    public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Cache<String, Window> windows;

    private InMemoryAttemptThrottle(Builder b) {
        maxFailures = b.maxFailures;
        window = b.window;
        Clock clock = b.clock;
        windows = Caffeine.newBuilder()
                .ticker(ticker(clock))
                // no size bound: dropping a key whose window is open would free its guesses
                .expireAfterWrite(window)
                // maintenance on the calling thread: expiry is applied as the clock says, never
                // postponed behind a busy common pool, so cleanUp() leaves no ended window behind
                .executor(Runnable::run)
                .build();
    }

    /**
     * Creates a throttle with the defaults: 5 failures per 15 minutes, the system clock.
     *
     * @return the throttle
     */
    public static InMemoryAttemptThrottle create() {
        return builder().build();
    }

    /**
     * Starts configuring a throttle.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean isLocked(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Window w = windows.getIfPresent(key);
        return w != null && w.failures >= maxFailures && w.isOpenAt(now, window);
    }

    @Override
    public void recordFailure(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        windows.asMap().compute(key, (k, w) -> w == null || !w.isOpenAt(now, window)
                ? new Window(now, 1)
                : new Window(w.start, Math.min(w.failures, maxFailures) + 1));
    }

    @Override
    public boolean tryAttempt(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        boolean[] admitted = new boolean[1];
        windows.asMap().compute(key, (k, w) -> {
            if (w == null || !w.isOpenAt(now, window)) {
                admitted[0] = true;
                return new Window(now, 1);
            }
            admitted[0] = w.failures < maxFailures;
            return admitted[0] ? new Window(w.start, w.failures + 1) : w;
        });
        return admitted[0];
    }

    @Override
    public void forgive(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        windows.asMap().computeIfPresent(key, (k, w) -> w.isOpenAt(now, window) && w.failures > 0
                ? new Window(w.start, Math.min(w.failures, maxFailures) - 1) : w);
    }

    @Override
    public void reset(String key) {
        windows.invalidate(Objects.requireNonNull(key, "key"));
    }

    /**
     * Runs the cache's pending housekeeping now: drops the keys whose window ended by the clock.
     * Housekeeping otherwise happens along with other calls.
     */
    public void cleanUp() {
        // one maintenance pass expires a bounded number of entries; repeat while it makes progress
        long before;
        do {
            before = windows.estimatedSize();
            windows.cleanUp();
        } while (windows.estimatedSize() < before);
    }

    /**
     * Returns how many keys are tracked: those that failed within one window of the clock.
     *
     * @return the number of keys
     */
    public long trackedKeys() {
        return windows.estimatedSize();
    }

    /**
     * Returns how many failures a key may have per window.
     *
     * @return the limit
     */
    public int maxFailures() {
        return maxFailures;
    }

    /**
     * Returns the window's length.
     *
     * @return the window
     */
    public Duration window() {
        return window;
    }

    @Override
    public String toString() {
        return "InMemoryAttemptThrottle[maxFailures=" + maxFailures + ", window=" + window + "]";
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** The failures of one key since {@code start}; {@code failures} is capped one above the limit. */
    private record Window(Instant start, int failures) {
        boolean isOpenAt(Instant now, Duration length) {
            return now.isBefore(start.plus(length));
        }
    }

    /**
     * Configures an {@link InMemoryAttemptThrottle}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private int maxFailures = DEFAULT_MAX_FAILURES;
        private Duration window = DEFAULT_WINDOW;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets how many failures a key may have in one window before it is locked.
         *
         * @param max at least 1
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if {@code max} is below 1
         */
        public Builder maxFailures(int max) {
            if (max < 1) {
                throw InvitationException.invalidValue("maxFailures must be at least 1, got " + max);
            }
            maxFailures = max;
            return this;
        }

        /**
         * Sets the window's length.
         *
         * @param length positive
         * @return this builder
         * @throws NullPointerException     if {@code length} is null
         * @throws InvitationException with {@code INVALID_REQUEST} if it is zero or negative
         */
        public Builder window(Duration length) {
            Objects.requireNonNull(length, "length");
            if (length.isZero() || length.isNegative()) {
                throw InvitationException.invalidValue("the window must be positive, got " + length);
            }
            window = length;
            return this;
        }

        /**
         * Sets the clock the cache's housekeeping runs on; use the engine's clock.
         *
         * @param c the clock, not {@code null}
         * @return this builder
         * @throws NullPointerException if {@code c} is null
         */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Formerly set how many keys were tracked at most; now only checked and otherwise ignored,
         * because dropping a key whose window is open would free its guesses.
         *
         * @param max at least 1
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if {@code max} is below 1
         * @deprecated keys are kept until their window ends; there is no size bound
         */
        @Deprecated(since = "0.2.0")
        public Builder maximumKeys(long max) {
            if (max < 1) {
                throw InvitationException.invalidValue("maximumKeys must be at least 1, got " + max);
            }
            return this;
        }

        /**
         * Builds the throttle.
         *
         * @return the throttle
         */
        public InMemoryAttemptThrottle build() {
            return new InMemoryAttemptThrottle(this);
        }
    }
}
