package io.invitations.jdbc.internal;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of the store's tables under one prefix.
 *
 * @param prefix        the prefix, lower case, possibly empty
 * @param invitation    invitations
 * @param history       their history entries
 * @param outbox        messages waiting to be delivered
 * @param link          shareable links
 * @param schemaVersion applied migrations
 * @param attemptThrottle failed attempts per throttled key and window
 * @param tenantGuard   one row per tenant, locked by guarded writes (seat limits, quotas)
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record Tables(String prefix, String invitation, String history, String outbox, String link,
                     String schemaVersion, String attemptThrottle, String tenantGuard) {
    /** Letters, digits and underscores, starting with a letter; short enough for PostgreSQL's 63-character names. */
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,23})?");

    /**
     * Names the tables under a prefix.
     *
     * @param prefix the prefix, e.g. {@code "inv_"}, or empty
     * @return the names
     * @throws InvitationException with {@code INVALID_REQUEST} if the prefix is not a plain SQL identifier start
     */
    public static Tables withPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        if (!PREFIX.matcher(p).matches()) {
            throw InvitationException.invalidValue("table prefix '" + prefix + "' must be empty or start with a letter"
                    + " followed by at most 23 letters, digits or underscores, e.g. \"inv_\"");
        }
        return new Tables(p, p + "invitation", p + "invitation_history", p + "outbox", p + "link",
                p + "schema_version", p + "attempt_throttle", p + "tenant_guard");
    }

    /**
     * The opt-outs: one row per contact key and tenant ({@code ''} for every tenant).
     *
     * @return the table name
     */
    public String optOut() {
        return prefix + "opt_out";
    }

    /**
     * The invitation messages counted for send limits.
     *
     * @return the table name
     */
    public String sendRecord() {
        return prefix + "send_record";
    }
}
