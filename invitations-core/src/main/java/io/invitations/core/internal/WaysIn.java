package io.invitations.core.internal;

import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.code.internal.AccessCodes;
import io.invitations.spi.invitation.LinkId;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the other ways in (access codes, shareable links, directory sync) need beyond the
 * {@link Context}: the code derivation and its throttled gate, and the link id generator. Built once
 * by the facade's builder; immutable and thread-safe.
 *
 * @param ctx       the core context
 * @param codes     the access-code derivation
 * @param gate      the throttled check of typed codes
 * @param linkIds   the link id generator
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record WaysIn(Context ctx, AccessCodes codes, AccessCodeGate gate, Supplier<LinkId> linkIds) {
    /** Checks that nothing is missing. */
    public WaysIn {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(linkIds, "linkIds");
    }

    /**
     * Returns a fresh link id.
     *
     * @return the id, never {@code null}
     */
    public LinkId nextLinkId() {
        return Objects.requireNonNull(linkIds.get(), "the link id generator returned null");
    }
}
