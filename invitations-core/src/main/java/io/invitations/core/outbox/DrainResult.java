package io.invitations.core.outbox;

import org.apiguardian.api.API;

/**
 * What one {@code OutboxProcessor.drainDue()} did.
 *
 * @param delivered messages handed to the mail server
 * @param retrying  messages that failed transiently and wait for another attempt
 * @param failed    messages that failed for good (permanently, or after their last attempt)
 * @param cancelled messages not sent because their invitation is no longer pending or a newer
 *                  message replaced them
 * @param unsettled messages whose outcome could not be stored (they are claimed again after their
 *                  lease; one already delivered is then not sent again by this processor)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record DrainResult(int delivered, int retrying, int failed, int cancelled, int unsettled) {
    /**
     * How many messages were claimed in all.
     *
     * @return the sum of every count
     */
    public int total() {
        return delivered + retrying + failed + cancelled + unsettled;
    }
}
