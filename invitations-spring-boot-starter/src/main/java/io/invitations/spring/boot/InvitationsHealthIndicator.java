package io.invitations.spring.boot;

import io.invitations.micrometer.OutboxBacklog;
import org.apiguardian.api.API;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Actuator health of the invitations engine ({@code /actuator/health/invitations}): DOWN when
 * the database does not answer, when more outbox messages wait than
 * {@code invitations.health.max-backlog}, or when the oldest due message waited longer than
 * {@code invitations.health.max-oldest-due-age} (the mail server or the scheduled delivery is
 * stuck). Details give the counts and the age, never a message, address or connection string.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class InvitationsHealthIndicator extends AbstractHealthIndicator {
    private final DataSource dataSource;
    private final OutboxBacklog backlog;
    private final InvitationsProperties.Health thresholds;
    private final Clock clock;

    /**
     * Creates the indicator.
     *
     * @param dataSource the store's data source, or {@code null} when the store is not JDBC
     * @param backlog    the outbox backlog reader, or {@code null}
     * @param thresholds the thresholds
     * @param clock      the clock the age is measured with
     */
    public InvitationsHealthIndicator(DataSource dataSource, OutboxBacklog backlog,
                                      InvitationsProperties.Health thresholds, Clock clock) {
        super("invitations health check failed");
        this.dataSource = dataSource;
        this.backlog = backlog;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (dataSource != null) {
            try (Connection c = dataSource.getConnection()) {
                if (!c.isValid(2)) {
                    builder.down().withDetail("database", "not reachable");
                    return;
                }
            }
            builder.withDetail("database", "reachable");
        }
        if (backlog == null) {
            builder.up();
            return;
        }
        Instant now = clock.instant();
        OutboxBacklog.Snapshot s = backlog.read(now);
        long ageSeconds = (long) s.oldestDueAgeSeconds(now);
        builder.withDetail("outboxBacklog", s.pending()).withDetail("oldestDueAgeSeconds", ageSeconds);
        boolean tooMany = s.pending() > thresholds.getMaxBacklog();
        boolean tooOld = Duration.ofSeconds(ageSeconds).compareTo(thresholds.getMaxOldestDueAge()) > 0;
        if (tooMany || tooOld) {
            builder.down().withDetail("reason", tooMany
                    ? "outbox backlog above invitations.health.max-backlog (" + thresholds.getMaxBacklog() + ")"
                    : "oldest due message older than invitations.health.max-oldest-due-age ("
                    + thresholds.getMaxOldestDueAge() + ")");
        } else {
            builder.up();
        }
    }
}
