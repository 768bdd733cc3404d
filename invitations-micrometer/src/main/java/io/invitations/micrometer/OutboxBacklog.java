package io.invitations.micrometer;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Objects;

/**
 * Reads how many outbox messages wait to be delivered and since when the oldest of them is due, for
 * the outbox gauges and health checks. The host gives one (the Spring Boot starter reads the JDBC
 * store's outbox table); it is called on each scrape, so it should be one cheap query.
 *
 * <p>Implementations must be safe for use by many threads at once.
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public interface OutboxBacklog {
    /**
     * Reads the backlog now.
     *
     * @param now the instant "due" is measured against, not {@code null}
     * @return the backlog, never {@code null}
     * @throws RuntimeException if the store cannot be read; gauges then report {@code NaN}
     */
    Snapshot read(Instant now);

    /**
     * What the outbox held at one instant.
     *
     * @param pending   how many messages wait to be delivered (or retried), not negative
     * @param oldestDue when the oldest message that is due now became due, or {@code null} when none
     *                  is due
     * @since 0.1.0
     */
    record Snapshot(long pending, Instant oldestDue) {
        /**
         * Validates the snapshot.
         *
         * @throws InvitationException with {@code INVALID_REQUEST} if {@code pending} is negative
         */
        public Snapshot {
            if (pending < 0) {
                throw InvitationException.invalidValue("pending must not be negative, was " + pending
                        + ": count the messages waiting, from 0");
            }
        }

        /**
         * An empty outbox.
         *
         * @return a snapshot with nothing pending
         */
        public static Snapshot empty() {
            return new Snapshot(0, null);
        }

        /**
         * How long the oldest due message has waited at an instant.
         *
         * @param now the instant, not {@code null}
         * @return the age in seconds, {@code 0} when nothing is due
         */
        public double oldestDueAgeSeconds(Instant now) {
            Objects.requireNonNull(now, "now");
            if (oldestDue == null || !oldestDue.isBefore(now)) {
                return 0;
            }
            return (now.toEpochMilli() - oldestDue.toEpochMilli()) / 1000.0;
        }
    }
}
