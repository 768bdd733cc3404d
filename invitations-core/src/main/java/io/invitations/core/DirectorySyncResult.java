package io.invitations.core;

import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

/**
 * The result of syncing one directory entry with
 * {@link InvitationAdministration#syncFromDirectory(InviteRequest)}: the entry's invitation, and
 * whether the sync left it unchanged (the person already had an open invitation for the target) or
 * created it. A directory sync counts the two without reading logs.
 *
 * <pre>{@code
 * DirectorySyncResult result = admin.syncFromDirectory(entry);
 * if (result.unchanged()) { unchanged++; } else { created++; }
 * }</pre>
 *
 * @param invitation the stored invitation, new or the entry's open one; not {@code null}
 * @param unchanged  {@code true} when the entry's open invitation was returned as stored (same id and
 *                   version, no history, message or event); {@code false} when this call created it
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record DirectorySyncResult(Invitation invitation, boolean unchanged) {
    /**
     * Checks the invitation.
     *
     * @throws NullPointerException naming {@code invitation} if it is {@code null}
     */
    public DirectorySyncResult {
        java.util.Objects.requireNonNull(invitation, "invitation");
    }

    /**
     * Whether this call created the invitation.
     *
     * @return {@code true} for a new invitation, the opposite of {@link #unchanged()}
     */
    public boolean created() {
        return !unchanged;
    }
}
