package io.invitations.core.token;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The claim link of one invitation: the URL to hand to the invitee and the token inside it. Both are
 * secrets; {@link #toString()} shows neither.
 *
 * @param url   the full claim URL, not {@code null}
 * @param token the token the URL carries, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ClaimLink(String url, String token) {
    /**
     * Validates the link.
     *
     * @throws NullPointerException if a component is null
     */
    public ClaimLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** Hides the URL and token: they open the invitation. */
    @Override
    public String toString() {
        return "ClaimLink[(hidden)]";
    }
}
