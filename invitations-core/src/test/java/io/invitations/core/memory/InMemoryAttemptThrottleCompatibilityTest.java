package io.invitations.core.memory;

import io.invitations.spi.security.AttemptThrottle;
import io.invitations.tck.AttemptThrottleCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs the attempt throttle kit against the in-memory throttle, every check included: a lock
 * survives a flood of other keys because the throttle only ever evicts windows that have ended.
 */
@DisplayName("InMemoryAttemptThrottle keeps the attempt throttle contract")
class InMemoryAttemptThrottleCompatibilityTest extends AttemptThrottleCompatibilityKit {
    @Override
    protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
        return InMemoryAttemptThrottle.builder().maxFailures(maxFailures).window(window).clock(clock).build();
    }
}
