package io.invitations.examples.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** DEMO AID: the system clock plus an offset the demo page moves forward, to show expiry. */
public final class DemoClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far
     */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /**
     * Tells how far the clock is ahead of real time.
     *
     * @return the offset
     */
    public Duration offset() {
        return offset.get();
    }
}
