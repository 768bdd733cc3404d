package io.invitations.core.code.internal;

import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks an identifier and access code typed by an invitee against the invitations of that
 * identifier, throttling wrong guesses per identifier and per client (e.g. an IP address or device
 * the host recognises). While either key is locked, no code is even compared. A wrong code, an
 * identifier nobody was invited with, and input that cannot be a code all count as one failure for
 * both keys and look the same to the caller, so a guesser learns nothing about which identifiers
 * exist. Every check does the same work: exactly {@link #MAX_OPEN_PER_IDENTIFIER} code derivations,
 * whatever the number of candidates (see ADR 0016).
 *
 * <p>A right code clears the identifier's failures but not the client's, so that a guesser cannot
 * wipe their client's count by redeeming a code of their own.
 *
 * <p>Every attempt is counted before it is judged ({@link AttemptThrottle#tryAttempt(String, Instant)}),
 * for the identifier and then the client; a right code is
 * {@linkplain AttemptThrottle#forgive(String, Instant) forgiven} for the client. With a throttle that counts atomically (the in-memory one, the
 * JDBC one shared by every node) exactly the documented number of guesses per identifier is judged
 * per window, however many threads and nodes race. Within one process, attempts on one identifier
 * are also judged one at a time, which keeps throttles relying on the SPI's default methods exact
 * there.
 *
 * <p>Throttle keys are {@code "identifier:" + tenant + ":" + kind + ":" + value} and
 * {@code "client:" + clientKey}; they never contain the code. Nothing here logs a code or an
 * identifier's value. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class AccessCodeGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccessCodeGate.class);
    private static final InvitationId DECOY = InvitationId.of("decoy");

    /**
     * What a check found.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public enum Verdict {
        /** The code is a candidate invitation's code; the identifier's failures are cleared. */
        MATCH,
        /** No candidate, a wrong code, or input that cannot be a code; one failure was recorded. */
        MISMATCH,
        /** The identifier or the client has too many recent failures; nothing was compared. */
        THROTTLED
    }

    /**
     * The most open (provisioned or pending) invitations one identifier may have in one tenant; the
     * engine refuses creating more with {@code ErrorCode.OPEN_INVITATIONS_LIMIT}, as a condition of
     * the store write that opens one (counted holding the tenant's write guard), so the cap holds
     * across every node sharing the store. Every check compares exactly this many codes (HMACs per
     * accepted key), using decoys for the missing candidates, so its work is the same for an unknown
     * identifier and for one with any number of invitations. Should more candidates be passed
     * (invitations created by an older version), only the first {@value} are compared.
     */
    public static final int MAX_OPEN_PER_IDENTIFIER = 5;

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
     * What a check found, and for a match, which invitation the code opens.
     *
     * @param verdict    the verdict, not {@code null}
     * @param invitation the invitation whose code was typed when {@link Verdict#MATCH}, else {@code null}
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Result(Verdict verdict, Invitation invitation) {
        /**
         * Validates the result.
         *
         * @throws NullPointerException     if {@code verdict} is null
         * @throws IllegalArgumentException if a match has no invitation, or another verdict has one
         */
        public Result {
            Objects.requireNonNull(verdict, "verdict");
            if ((verdict == Verdict.MATCH) != (invitation != null)) {
                throw new IllegalArgumentException("exactly a MATCH names the invitation");
            }
        }
    }

    /**
     * Checks a typed code against the invitations of an identifier; the code of one invitation
     * opens only that invitation.
     *
     * @param tenant     the tenant the invitee claims in, not {@code null}
     * @param identifier the identifier the invitee typed, not {@code null}
     * @param clientKey  the host's key for the client (an IP address, a device id), or {@code null}
     *                   to throttle per identifier only
     * @param candidates the invitations stored for that tenant and identifier, possibly empty;
     *                   others are ignored
     * @param entered    the code as typed, may be {@code null}
     * @param now        the instant of the attempt, not {@code null}
     * @return the verdict, with the matched invitation
     * @throws NullPointerException if a required argument is null
     */
    public Result check(TenantId tenant, Identifier identifier, String clientKey, Collection<Invitation> candidates,
                        CharSequence entered, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(now, "now");
        String identifierKey = identifierKey(tenant, identifier);
        String clientThrottleKey = clientKey == null || clientKey.isBlank() ? null : clientKey(clientKey);
        // one identifier's attempts are judged one at a time, so that racing guesses cannot all pass
        // the lock check before any of their failures is counted
        synchronized (stripes[Math.floorMod(identifierKey.hashCode(), stripes.length)]) {
            return judge(tenant, identifier, identifierKey, clientThrottleKey, List.copyOf(candidates), entered, now);
        }
    }

    private Result judge(TenantId tenant, Identifier identifier, String identifierKey, String clientThrottleKey,
                         List<Invitation> candidates, CharSequence entered, Instant now) {
        if (!throttle.tryAttempt(identifierKey, now)) {
            return throttled(tenant, identifier);
        }
        if (clientThrottleKey != null && !throttle.tryAttempt(clientThrottleKey, now)) {
            // this attempt is not judged: give the identifier its attempt back
            throttle.forgive(identifierKey, now);
            return throttled(tenant, identifier);
        }
        Invitation matched = null;
        List<Invitation> own = candidates.stream()
                .filter(c -> c.tenantId().equals(tenant) && c.invitee().contact().equals(identifier))
                .limit(MAX_OPEN_PER_IDENTIFIER).toList();
        // always exactly MAX_OPEN_PER_IDENTIFIER comparisons, decoys for the missing candidates, so
        // that neither timing nor work tells 0, 1 or many invitations of an identifier apart
        for (int i = 0; i < MAX_OPEN_PER_IDENTIFIER; i++) {
            if (i < own.size()) {
                Invitation candidate = own.get(i);
                if (codes.verify(tenant, candidate.id(), candidate.tokenVersion(), entered) && matched == null) {
                    matched = candidate;
                }
            } else {
                codes.verify(tenant, DECOY, 1, entered);
            }
        }
        if (matched != null) {
            throttle.reset(identifierKey);
            if (clientThrottleKey != null) {
                throttle.forgive(clientThrottleKey, now);
            }
            return new Result(Verdict.MATCH, matched);
        }
        // both keys counted this failure when the attempt was admitted
        LOG.debug("access-code attempt failed for a {} identifier in tenant {}", identifier.kind(), tenant);
        return new Result(Verdict.MISMATCH, null);
    }

    private static Result throttled(TenantId tenant, Identifier identifier) {
        LOG.info("access-code attempt refused: too many failures for a {} identifier in tenant {}",
                identifier.kind(), tenant);
        return new Result(Verdict.THROTTLED, null);
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
