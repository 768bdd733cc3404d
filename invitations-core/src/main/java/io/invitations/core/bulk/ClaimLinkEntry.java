package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One invitation with its claim link, as the facade's claim-link export returns them for an
 * administrator (the links are re-derived from the key ring; they are never stored), and as the CSV
 * module's {@code ClaimLinkExport} writes them.
 *
 * @param invitation the invitation, PENDING at the time of the export; not {@code null}
 * @param claimUrl   the URL that claims it, not blank; a secret, so {@link #toString()} hides it
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ClaimLinkEntry(Invitation invitation, String claimUrl) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if the link is blank
     */
    public ClaimLinkEntry {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(claimUrl, "claimUrl");
        if (claimUrl.isBlank()) {
            throw InvitationException.invalidValue("claimUrl must not be blank");
        }
    }

    /** Shows the invitation's id only: the link opens the invitation. */
    @Override
    public String toString() {
        return "ClaimLinkEntry[invitation=" + invitation.id() + ", claimUrl=(hidden)]";
    }
}
