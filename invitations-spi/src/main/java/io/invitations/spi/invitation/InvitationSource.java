package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;


/**
 * How an invitation came to be.
 *
 * @param kind      the way in, not {@code null}
 * @param reference the batch id for {@link Kind#BULK}, the link id for {@link Kind#LINK}, the
 *                  directory's name for {@link Kind#DIRECTORY} (optional), else {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record InvitationSource(Kind kind, String reference) {
    /** The ways an invitation is created. */
    @API(status = API.Status.STABLE, since = "1.0")
    public enum Kind {
        /** One invitation made by a person. */
        INDIVIDUAL,
        /** Part of a bulk call; the reference is the batch id. */
        BULK,
        /** A join through a shareable link; the reference is the link id. */
        LINK,
        /** Created by a directory or identity-provider sync. */
        DIRECTORY
    }

    private static final InvitationSource INDIVIDUAL = new InvitationSource(Kind.INDIVIDUAL, null);

    /**
     * Validates the source.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code kind} is missing, a
     *         BULK or LINK source has no reference, or an INDIVIDUAL one has one
     */
    public InvitationSource {
        Values.require(kind, "kind");
        if ((kind == Kind.BULK || kind == Kind.LINK) && reference == null) {
            throw InvitationException.invalidValue("reference must be set: a " + kind
                    + " source names its batch or link");
        }
        if (kind == Kind.INDIVIDUAL && reference != null) {
            throw InvitationException.invalidValue("an individual source has no reference: use "
                    + "InvitationSource.individual()");
        }
    }

    /**
     * Returns the individual source.
     *
     * @return the source
     */
    public static InvitationSource individual() {
        return INDIVIDUAL;
    }

    /**
     * Returns a bulk source.
     *
     * @param batch the batch
     * @return the source
     */
    public static InvitationSource bulk(BatchId batch) {
        return new InvitationSource(Kind.BULK, batch.value());
    }

    /**
     * Returns a link source.
     *
     * @param link the link
     * @return the source
     */
    public static InvitationSource link(LinkId link) {
        return new InvitationSource(Kind.LINK, link.value());
    }

    /**
     * Returns a directory source.
     *
     * @param directory the directory's name, or {@code null}
     * @return the source
     */
    public static InvitationSource directory(String directory) {
        return new InvitationSource(Kind.DIRECTORY, directory);
    }
}
