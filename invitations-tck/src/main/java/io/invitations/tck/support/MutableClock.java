package io.invitations.tck.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so that expiry, windows and leases are
 * tested without sleeping: inject it wherever the code under test takes a {@code Clock}, then
 * {@link #advance(Duration)} past the instant that matters.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2031-03-14T09:00:00Z");
 * AttemptThrottle throttle = MyThrottle.builder().clock(clock).build();
 * ...
 * clock.advance(Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>Thread-safe: every thread sees the latest instant. Clocks made by {@link #withZone(ZoneId)}
 * share the instant of the clock they were made from.
 *
 * @since 0.1.0
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a UTC clock standing at an instant.
     *
     * @param start the first instant, not {@code null}
     */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Creates a UTC clock standing at an instant written in ISO-8601.
     *
     * @param isoInstant e.g. {@code 2031-03-14T09:00:00Z}, not {@code null}
     * @return the clock
     * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 instant
     */
    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(Objects.requireNonNull(isoInstant, "isoInstant")));
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param by how far, not {@code null}
     * @return the new instant
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        return now.updateAndGet(i -> i.plus(by));
    }

    /**
     * Sets the clock to an instant.
     *
     * @param instant the new instant, not {@code null}
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that moves with this one.
     *
     * @param zone the zone, not {@code null}
     * @return a clock sharing this clock's instant
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
