package io.invitations.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the tour moves forward by hand, so expiry is shown in a second instead of a week. Hosts
 * inject {@link Clock#systemUTC()}; tests and demos inject a clock like this one.
 */
final class TourClock extends Clock {
    private volatile Instant now;

    TourClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward. */
    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the tour clock runs in UTC only");
        }
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
