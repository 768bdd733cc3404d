package io.invitations.spi.settings;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How many invitation messages (first sends, resends and reinvites) a tenant lets go out within
 * sliding time windows: per recipient (e.g. at most 3 to one contact per week, whoever sends them)
 * and per inviter (e.g. at most 20 per hour and 100 per day). The engine checks them atomically with
 * the write that queues the message, on whichever node, so that two nodes sharing a store cannot
 * exceed them together. A message refused for a recipient's limit gets the same neutral answer as an
 * opted-out or already-invited recipient; an inviter's own window names the window.
 *
 * @param perContact the windows per recipient contact, each {@code (max, window)}; empty for none
 * @param perInviter the windows per inviter, each {@code (max, window)}; empty for none
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public record SendLimits(List<InviteQuota> perContact, List<InviteQuota> perInviter) {
    /** No limits (the default). */
    public static final SendLimits NONE = new SendLimits(List.of(), List.of());

    /**
     * Checks and copies the windows.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} naming the missing list
     */
    public SendLimits {
        InvitationException.requireValue(perContact, "perContact");
        InvitationException.requireValue(perInviter, "perInviter");
        perContact = List.copyOf(perContact);
        perInviter = List.copyOf(perInviter);
    }

    /**
     * Returns these limits with one more window per recipient contact.
     *
     * @param max    the most messages to one contact within the window, at least 1
     * @param window the window's length, positive
     * @return the new limits
     * @throws InvitationException with {@code INVALID_REQUEST} for a bad count or window
     */
    public SendLimits perContact(int max, Duration window) {
        List<InviteQuota> more = new ArrayList<>(perContact);
        more.add(InviteQuota.of(max, window));
        return new SendLimits(more, perInviter);
    }

    /**
     * Returns these limits with one more window per inviter.
     *
     * @param max    the most messages one inviter sends within the window, at least 1
     * @param window the window's length, positive
     * @return the new limits
     * @throws InvitationException with {@code INVALID_REQUEST} for a bad count or window
     */
    public SendLimits perInviter(int max, Duration window) {
        List<InviteQuota> more = new ArrayList<>(perInviter);
        more.add(InviteQuota.of(max, window));
        return new SendLimits(perContact, more);
    }

    /**
     * Whether any window is set.
     *
     * @return {@code true} when at least one window limits sends
     */
    public boolean any() {
        return !perContact.isEmpty() || !perInviter.isEmpty();
    }
}
