package io.invitations.jdbc;

import io.invitations.spi.security.AttemptThrottle;
import io.invitations.tck.AttemptThrottleCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

import java.time.Clock;
import java.time.Duration;

/**
 * The attempt throttle kit, unchanged, on the JDBC throttle over an in-memory H2 database: each
 * check gets its own freshly migrated tables, so counts never leak from one check to another.
 */
@DisplayName("JdbcAttemptThrottle on H2 passes the attempt throttle compatibility kit")
class H2AttemptThrottleCompatibilityTest extends AttemptThrottleCompatibilityKit {
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(JdbcDialect.H2);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Override
    protected AttemptThrottle createThrottle(int maxFailures, Duration window, Clock clock) {
        String prefix = database.freshStore().tablePrefix();
        return JdbcAttemptThrottle.builder(database.newPool()).tablePrefix(prefix)
                .maxFailures(maxFailures).window(window).build();
    }
}
