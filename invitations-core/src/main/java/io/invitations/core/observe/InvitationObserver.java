package io.invitations.core.observe;

import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps the engine's main operations so that a host can time and trace them (a Micrometer
 * {@code Observation}, a tracing span, a log line). The engine calls {@link #observe} around invite,
 * provision, bulk, accept, link join and each outbox drain; the observer must call {@code work}
 * exactly once on the calling thread and return its result (or let its exception pass unchanged).
 *
 * <p>Implementations must be safe for use by many threads at once and must never put a token, access
 * code or personal data into what they record: the operation, the tenant and the result's type and
 * counts are all they are given.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public interface InvitationObserver {
    /** The operations the engine observes. */
    enum Operation {
        /** {@code invite}: one invitation created and sent. */
        INVITE("invite"),
        /** {@code provision}: one invitation created without sending. */
        PROVISION("provision"),
        /** {@code bulk}: many rows at once; the result is a {@link io.invitations.core.bulk.BulkReport}. */
        BULK("bulk"),
        /** {@code accept}: an invitee accepts through a claim link. */
        ACCEPT("accept"),
        /** {@code join}: someone joins through a shareable link. */
        JOIN("join"),
        /**
         * {@code delivery}: one drain of the outbox; the result is a
         * {@link io.invitations.core.outbox.DrainResult}.
         */
        DELIVERY("delivery");

        private final String tagValue;

        Operation(String tagValue) {
            this.tagValue = tagValue;
        }

        /**
         * A short lower-case name, stable across versions, for metric tags and span names.
         *
         * @return the name, e.g. {@code invite}
         */
        public String tagValue() {
            return tagValue;
        }
    }

    /**
     * Runs one operation.
     *
     * @param operation which operation, not {@code null}
     * @param tenantId  the tenant when known before the work runs, else {@code null} (accept, join
     *                  and delivery learn it only from the token or the messages)
     * @param work      the operation itself; call it exactly once
     * @param <T>       the operation's result type
     * @return what {@code work} returned
     */
    <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work);

    /**
     * An observer that only runs the work: the default.
     *
     * @return the no-op observer
     */
    static InvitationObserver noop() {
        return Noop.INSTANCE;
    }

    /**
     * Combines observers: the first one added is the outermost.
     *
     * @param first  the outer observer
     * @param second the inner observer
     * @return an observer calling both
     */
    static InvitationObserver both(InvitationObserver first, InvitationObserver second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first == Noop.INSTANCE) {
            return second;
        }
        if (second == Noop.INSTANCE) {
            return first;
        }
        return new InvitationObserver() {
            @Override
            public <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work) {
                return first.observe(operation, tenantId, () -> second.observe(operation, tenantId, work));
            }
        };
    }
}

/** The default observer: runs the work and nothing else. */
final class Noop implements InvitationObserver {
    static final Noop INSTANCE = new Noop();

    private Noop() {
    }

    @Override
    public <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work) {
        return work.get();
    }
}
