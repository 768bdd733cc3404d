package io.invitations.core.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that only moves when told to. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * Creates the clock.
     *
     * @param start the first instant
     */
    public MutableClock(Instant start) {
        now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far
     */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
