package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * What a bulk call does with each creatable row.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum BulkAction {
    /** Invite now: the invitation is PENDING and its message is queued with it. */
    INVITE,
    /**
     * Invite later: the invitation is PROVISIONED (the account is prepared, no message is sent and it
     * cannot be claimed) until it is sent individually, as a selection or with invite-all.
     */
    PROVISION,
    /**
     * Send the PROVISIONED invitations of the file's people ("Invite Selected" from a file of people
     * already provisioned); nothing is created. Each row is matched to its person's open invitation
     * for the call's target: a provisioned one is sent (PENDING, its message queued, with the row's
     * message or the call's personal message added as by
     * {@code InvitationAdministration.send(id, message)}): {@link BulkOutcome#SENT} with its id; a
     * pending one is {@link BulkOutcome#ALREADY_INVITED} (with its id for managers); none is
     * {@link BulkOutcome#NOT_PROVISIONED}. Rows need no role. Each row is sent in its own write;
     * {@link BulkMode#ALL_OR_NOTHING} checks every row first and sends none when one cannot be sent,
     * and {@link BulkMode#DRY_RUN} says what would be sent.
     */
    SEND_PROVISIONED
}
