package io.invitations.core.code;

import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;

/**
 * Checks an identifier and access code typed by an invitee, throttling wrong guesses per identifier
 * and per client (e.g. an IP address or device the host recognises). While either key is locked,
 * no code is even compared. A wrong code, an identifier nobody was invited with, and input that
 * cannot be a code all count as one failure for both keys and look the same to the caller, so a
 * guesser learns nothing about which identifiers exist.
 *
 * <p>A right code clears the identifier's failures but not the client's, so that a guesser cannot
 * wipe their client's count by redeeming a code of their own.
 *
 * <p>Within one process, the attempts on one identifier are judged one at a time, so the limit is
 * exact even when guesses race. Across processes sharing a throttle, nodes that race may each
 * compare a guess before the other's failure is counted; the shared throttle bounds that to a few
 * guesses per window per node.
 *
 * <p>Throttle keys are {@code "identifier:" + tenant + ":" + kind + ":" + value} and
 * {@code "client:" + clientKey}; they never contain the code. Nothing here logs a code or an
 * identifier's value. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AccessCodeGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccessCodeGate.class);
    private static final InvitationId DECOY = InvitationId.of("decoy");

    /**
     * What a check found.
     *
     * @since 0.1.0
     */
    public enum Verdict {
        /** The code is the candidate invitation's code; the identifier's failures are cleared. */
        MATCH,
        /** No candidate, a wrong code, or input that cannot be a code; one failure was recorded. */
        MISMATCH,
        /** The identifier or the client has too many recent failures; nothing was compared. */
        THROTTLED
    }

    private static final int STRIPES = 64;

    private final AccessCodes codes;
    private final AttemptThrottle throttle;
    private final Object[] stripes = new Object[STRIPES];

    private AccessCodeGate(AccessCodes codes, AttemptThrottle throttle) {
        this.codes = codes;
        this.throttle = throttle;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Creates a gate.
     *
     * @param codes    the code derivation, not {@code null}
     * @param throttle the throttle that counts failures, not {@code null}
     * @return the gate
     * @throws NullPointerException if an argument is null
     */
    public static AccessCodeGate of(AccessCodes codes, AttemptThrottle throttle) {
        return new AccessCodeGate(Objects.requireNonNull(codes, "codes"), Objects.requireNonNull(throttle, "throttle"));
    }

    /**
     * Checks a typed code against the invitation found for an identifier.
     *
     * @param tenant     the tenant the invitee claims in, not {@code null}
     * @param identifier the identifier the invitee typed, not {@code null}
     * @param clientKey  the host's key for the client (an IP address, a device id), or {@code null}
     *                   to throttle per identifier only
     * @param candidate  the open invitation stored for that tenant and identifier, or {@code null}
     *                   when there is none
     * @param entered    the code as typed, may be {@code null}
     * @param now        the instant of the attempt, not {@code null}
     * @return the verdict
     * @throws NullPointerException if a required argument is null
     */
    public Verdict check(TenantId tenant, Identifier identifier, String clientKey, Invitation candidate,
                         CharSequence entered, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(now, "now");
        String identifierKey = identifierKey(tenant, identifier);
        String clientThrottleKey = clientKey == null || clientKey.isBlank() ? null : clientKey(clientKey);
        // one identifier's attempts are judged one at a time, so that racing guesses cannot all pass
        // the lock check before any of their failures is counted
        synchronized (stripes[Math.floorMod(identifierKey.hashCode(), stripes.length)]) {
            return judge(tenant, identifier, identifierKey, clientThrottleKey, candidate, entered, now);
        }
    }

    private Verdict judge(TenantId tenant, Identifier identifier, String identifierKey, String clientThrottleKey,
                          Invitation candidate, CharSequence entered, Instant now) {
        if (throttle.isLocked(identifierKey, now)
                || (clientThrottleKey != null && throttle.isLocked(clientThrottleKey, now))) {
            LOG.info("access-code attempt refused: too many failures for a {} identifier in tenant {}",
                    identifier.kind(), tenant);
            return Verdict.THROTTLED;
        }
        boolean known = candidate != null && candidate.tenantId().equals(tenant)
                && candidate.invitee().contact().equals(identifier);
        boolean matched;
        if (known) {
            matched = codes.verify(tenant, candidate.id(), candidate.tokenVersion(), entered);
        } else {
            // the same work as for a known identifier, so response time does not tell them apart
            codes.verify(tenant, DECOY, 1, entered);
            matched = false;
        }
        if (matched) {
            throttle.reset(identifierKey);
            return Verdict.MATCH;
        }
        throttle.recordFailure(identifierKey, now);
        if (clientThrottleKey != null) {
            throttle.recordFailure(clientThrottleKey, now);
        }
        LOG.debug("access-code attempt failed for a {} identifier in tenant {}", identifier.kind(), tenant);
        return Verdict.MISMATCH;
    }

    /**
     * Returns the throttle key of an identifier.
     *
     * @param tenant     the tenant, not {@code null}
     * @param identifier the identifier, not {@code null}
     * @return {@code "identifier:" + tenant + ":" + kind + ":" + value}
     */
    public static String identifierKey(TenantId tenant, Identifier identifier) {
        return "identifier:" + tenant.value() + ":" + identifier.kind().name() + ":" + identifier.value();
    }

    /**
     * Returns the throttle key of a client.
     *
     * @param clientKey the host's key for the client, not {@code null}
     * @return {@code "client:" + clientKey}
     */
    public static String clientKey(String clientKey) {
        return "client:" + Objects.requireNonNull(clientKey, "clientKey");
    }
}
