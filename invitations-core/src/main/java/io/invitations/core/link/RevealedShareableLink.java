package io.invitations.core.link;

import io.invitations.spi.invitation.ShareableLink;

import java.util.Objects;

/**
 * A shareable link with its current URL and the token inside it. URL and token are secrets (anyone
 * holding them can join): {@link #toString()} shows neither. They are derived from the link's token
 * version, never stored; reactivating a link makes a new URL and the old one stays dead.
 *
 * @param link  the link as stored, not {@code null}
 * @param url   the URL to hand out, not {@code null}
 * @param token the token the URL carries, not {@code null}
 * @since 0.1.0
 */
public record RevealedShareableLink(ShareableLink link, String url, String token) {
    /**
     * Validates the link.
     *
     * @throws NullPointerException if a component is null
     */
    public RevealedShareableLink {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** Shows the stored link, never the URL or token. */
    @Override
    public String toString() {
        return "RevealedShareableLink[link=" + link + ", url=(hidden)]";
    }
}
