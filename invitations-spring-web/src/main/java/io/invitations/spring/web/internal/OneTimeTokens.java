package io.invitations.spring.web.internal;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.security.AttemptThrottle;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Accepts each signature token once per window, on an {@link AttemptThrottle}: with a throttle
 * shared by the nodes (the JDBC one), once across all of them.
 *
 * <p>A throttle admits exactly {@code L} attempts per key and window, atomically. A use of a token
 * is accepted only when every one of {@code L} attempts it counts on the token's key is admitted:
 * since only {@code L} are admitted per window, at most one use gets them all, however many threads
 * and nodes race (two racing uses may both be refused; neither is then recorded). {@code L} is the
 * throttle's limit, given, or learnt once by counting attempts on a fresh random key until refused.
 *
 * <p>Keys are {@code namespace + SHA-256(token)}: the token itself never reaches the throttle.
 */
public final class OneTimeTokens {
    /** Throttles admitting more attempts than this per window are not used for tokens. */
    static final int MAX_ADMITS = 64;

    private final AttemptThrottle throttle;
    private final String namespace;
    private volatile int admits;

    /**
     * Creates the gate.
     *
     * @param throttle  the throttle, not {@code null}
     * @param namespace the prefix of its keys, e.g. {@code "mailgun-token:"}
     * @param admits    how many attempts the throttle admits per key and window, or 0 to learn it
     */
    public OneTimeTokens(AttemptThrottle throttle, String namespace, int admits) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.admits = admits;
    }

    /**
     * Counts a use of a token and tells whether it is the first within the throttle's window.
     *
     * @param token the token
     * @param now   the instant
     * @return {@code true} for the one accepted use; {@code false} for a replay (or a use that lost a race)
     * @throws InvitationException with {@code CONFIGURATION} when the throttle admits more than
     *                             {@value #MAX_ADMITS} attempts per key, or none
     */
    public boolean firstUse(String token, Instant now) {
        String key = key(token);
        int limit = admits(now);
        for (int i = 0; i < limit; i++) {
            if (!throttle.tryAttempt(key, now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Forgets a token whose use was accepted but whose request then failed, so the provider's
     * retry is accepted.
     *
     * @param token the token
     */
    public void release(String token) {
        throttle.reset(key(token));
    }

    private String key(String token) {
        return namespace + WebhookChecks.sha256Hex(token);
    }

    private int admits(Instant now) {
        int known = admits;
        if (known > 0) {
            return known;
        }
        synchronized (this) {
            if (admits == 0) {
                String probe = namespace + "probe:" + UUID.randomUUID();
                int n = 0;
                while (n <= MAX_ADMITS && throttle.tryAttempt(probe, now)) {
                    n++;
                }
                throttle.reset(probe);
                if (n == 0 || n > MAX_ADMITS) {
                    throw new InvitationException(ErrorCode.CONFIGURATION, "The attempt throttle " + throttle.getClass().getName()
                            + " admitted " + n + " attempts on a fresh key; one-time tokens need a limit of 1 to "
                            + MAX_ADMITS + " per key and window: give the webhook controller a throttle that locks a key");
                }
                admits = n;
            }
            return admits;
        }
    }
}
