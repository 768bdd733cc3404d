package io.invitations.core.conversion;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Objects;

/**
 * One funnel of a conversion report: of the invitations sent in the period, how many were
 * delivered, opened and accepted, and how long acceptance took.
 *
 * <ul>
 *   <li><b>sent</b>: invitations sent in the period (provisioned ones not yet sent do not count).</li>
 *   <li><b>delivered</b>: email invitations whose message the mail server took and that did not
 *       bounce hard; code and link invitations count as delivered (nothing is mailed).</li>
 *   <li><b>opened</b>: the invitee opened the claim link (first inspect), or accepted.</li>
 *   <li><b>accepted</b>: accepted, or accepted and awaiting approval.</li>
 * </ul>
 * Percentiles are nearest-rank over the accepted invitations' time from sending to acceptance;
 * {@code null} when none was accepted.
 *
 * @param key       what the funnel is for (tenant id, inviter id, batch id or channel name)
 * @param sent      invitations sent
 * @param delivered of those, delivered
 * @param opened    of those, opened
 * @param accepted  of those, accepted
 * @param p50       median time to accept, or {@code null}
 * @param p90       90th percentile, or {@code null}
 * @param p99       99th percentile, or {@code null}
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record ConversionFunnel(String key, long sent, long delivered, long opened, long accepted, Duration p50,
                               Duration p90, Duration p99) {
    /**
     * Validates the funnel.
     *
     * @throws NullPointerException     if the key is null
     * @throws IllegalArgumentException if a count is negative or above {@code sent}
     */
    public ConversionFunnel {
        Objects.requireNonNull(key, "key");
        if (sent < 0 || delivered < 0 || opened < 0 || accepted < 0 || delivered > sent || opened > sent
                || accepted > sent) {
            throw new IllegalArgumentException("need 0 <= delivered, opened, accepted <= sent; got sent=" + sent
                    + " delivered=" + delivered + " opened=" + opened + " accepted=" + accepted);
        }
    }

    /**
     * Returns the share of sent invitations that were accepted.
     *
     * @return between 0 and 1; 0 when nothing was sent
     */
    public double acceptanceRate() {
        return sent == 0 ? 0.0 : (double) accepted / sent;
    }
}
