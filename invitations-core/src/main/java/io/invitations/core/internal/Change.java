package io.invitations.core.internal;

import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.WriteBatch;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation's writes and events: inserts and compare-and-set updates, one history entry and one
 * event per transition, outbox messages. {@link #commit(Context)} writes everything as one atomic
 * batch and publishes the events only after the write succeeded. A change that opens an identifier's
 * invitation carries the cap of open invitations per identifier as a write condition. Not thread-safe;
 * one per operation.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Change {
    private final WriteBatch.Builder batch = WriteBatch.builder();
    private final List<InvitationEvent> events = new ArrayList<>();
    /** Identifiers whose invitations this change opens, per tenant, once per invitation. */
    private final Map<io.invitations.spi.invitation.TenantId, List<Identifier>> openedCodes = new LinkedHashMap<>();
    private final Instant now;
    private boolean messagesQueued;
    private boolean optOutsChecked;
    private final List<Map.Entry<Invitation, OutboxMessage.Kind>> queued = new ArrayList<>();

    /**
     * Starts a change.
     *
     * @param now the instant every entry of the change is stamped with
     */
    public Change(Instant now) {
        this.now = now;
    }

    /**
     * Returns the change's instant.
     *
     * @return now
     */
    public Instant now() {
        return now;
    }

    /**
     * Records one transition: a history entry and its event.
     *
     * @param invitation the invitation (its id and tenant are used)
     * @param actor      who did it
     * @param action     what was done
     * @param from       the status before, or {@code null} for creation
     * @param to         the status after
     * @param reason     a detail, or {@code null}; never a secret
     * @param event      the event to publish after the write
     * @return this change
     */
    public Change transition(Invitation invitation, String actor, Action action, InvitationStatus from,
                             InvitationStatus to, String reason, InvitationEvent event) {
        return transition(invitation, actor, action, from, to, reason, event, null);
    }

    /**
     * Records one transition whose history entry names the address the invitee accepted with.
     *
     * @param invitation       the invitation (its id and tenant are used)
     * @param actor            who did it
     * @param action           what was done
     * @param from             the status before, or {@code null} for creation
     * @param to               the status after
     * @param reason           a detail, or {@code null}; never a secret
     * @param event            the event to publish after the write
     * @param acceptingAddress the accepting address, or {@code null}
     * @return this change
     */
    public Change transition(Invitation invitation, String actor, Action action, InvitationStatus from,
                             InvitationStatus to, String reason, InvitationEvent event,
                             io.invitations.spi.invitation.EmailAddress acceptingAddress) {
        batch.append(HistoryEntry.builder().acceptingAddress(acceptingAddress)
                .tenantId(invitation.tenantId())
                .invitationId(invitation.id())
                .at(now)
                .actor(actor)
                .action(action)
                .from(from)
                .to(to)
                .reason(reason)
                .build());
        events.add(event);
        return this;
    }

    /**
     * Adds one more event to publish after the write, besides the transitions' own.
     *
     * @param event the event
     * @return this change
     */
    public Change event(InvitationEvent event) {
        events.add(event);
        return this;
    }

    /**
     * Adds a new invitation.
     *
     * @param invitation the invitation at version 1
     * @return this change
     */
    public Change insert(Invitation invitation) {
        batch.insert(invitation);
        noteOpened(invitation);
        return this;
    }

    /** Remembers an identifier's invitation that becomes open, for the cap of open ones per identifier. */
    private void noteOpened(Invitation invitation) {
        if (invitation.invitee().contact() instanceof Identifier identifier && countsAgainstCodeCap(invitation)) {
            openedCodes.computeIfAbsent(invitation.tenantId(), t -> new ArrayList<>()).add(identifier);
        }
    }

    private boolean countsAgainstCodeCap(Invitation invitation) {
        InvitationStatus s = invitation.effectiveStatus(now);
        return s == InvitationStatus.PROVISIONED || s == InvitationStatus.PENDING;
    }

    /**
     * Adds a compare-and-set update: {@code next} is stored with the version after {@code stored}'s.
     *
     * @param stored the snapshot as read from the store
     * @param next   the new content (its version is replaced)
     * @return the snapshot as it will be stored
     */
    public Invitation update(Invitation stored, Invitation next) {
        Invitation versioned = next.toBuilder().version(stored.version() + 1).updatedAt(now).build();
        batch.update(versioned);
        if (!countsAgainstCodeCap(stored)) {
            noteOpened(versioned);
        }
        return versioned;
    }

    /**
     * Queues a message for an invitation reached by email, in the same write, and returns the
     * invitation with its delivery state moved to queued. Identifier invitees get no message (their
     * access code is handed over by other means) and come back unchanged.
     *
     * @param invitation the invitation as it will be stored (before its delivery state changes)
     * @param kind       which message
     * @return the invitation with the new delivery state
     */
    public Invitation queueMessage(Invitation invitation, OutboxMessage.Kind kind) {
        if (invitation.invitee().emailOrNull() == null) {
            return invitation;
        }
        Invitation queued = invitation.toBuilder().delivery(invitation.delivery().queued(now)).build();
        batch.enqueue(OutboxMessage.queue(queued.tenantId(), queued.id(), kind, queued.delivery().sendCount(), now));
        messagesQueued = true;
        this.queued.add(Map.entry(queued, kind));
        return queued;
    }

    /**
     * Records the expiry of an invitation that is stored PENDING but past its expiry, so that the
     * action that follows starts from EXPIRED with history and events complete.
     *
     * @param stored the snapshot as read from the store
     * @return the snapshot as EXPIRED (same version) when it was due, else {@code stored}
     */
    public Invitation expireIfDue(Invitation stored) {
        if (stored.status() != InvitationStatus.PENDING
                || stored.effectiveStatus(now) != InvitationStatus.EXPIRED) {
            return stored;
        }
        transition(stored, Context.EXPIRY_ACTOR, Action.EXPIRE, InvitationStatus.PENDING, InvitationStatus.EXPIRED,
                "expiry passed at " + stored.expiresAt(), new InvitationEvent.Expired(stored.tenantId(), stored.id(),
                        now, Context.EXPIRY_ACTOR));
        return stored.toBuilder().status(InvitationStatus.EXPIRED).build();
    }

    /**
     * Records delivery feedback on a stored outbox message.
     *
     * @param step the feedback
     * @return this change
     */
    public Change feedback(io.invitations.spi.storage.OutboxFeedback step) {
        batch.feedback(step);
        return this;
    }

    /**
     * Adds a new shareable link and the event that announces it.
     *
     * @param link  the link at version 1
     * @param event the event to publish after the write
     * @return this change
     */
    public Change insertLink(ShareableLink link, InvitationEvent event) {
        batch.insertLink(link);
        events.add(event);
        return this;
    }

    /**
     * Adds a compare-and-set update of a shareable link, and optionally an event.
     *
     * @param next  the new snapshot, one version after the stored one
     * @param event the event to publish after the write, or {@code null}
     * @return this change
     */
    public Change updateLink(ShareableLink next, InvitationEvent event) {
        batch.updateLink(next);
        if (event != null) {
            events.add(event);
        }
        return this;
    }

    /**
     * Notes that the caller has just checked the opt-outs of every recipient this change mails (a
     * bulk call asks once for all its rows), so that the commit does not ask again; send limits are
     * still guarded.
     *
     * @return this change
     */
    public Change optOutsChecked() {
        optOutsChecked = true;
        return this;
    }

    /**
     * Records one invitation message for the tenant's send limits.
     *
     * @param send the record
     * @return this change
     */
    public Change recordSend(io.invitations.spi.storage.SendRecord send) {
        batch.recordSend(send);
        return this;
    }

    /**
     * Adds a condition the store checks atomically with the write, holding the tenant's write guard
     * (see {@link io.invitations.spi.storage.WriteCondition}).
     *
     * @param tenantId  the tenant
     * @param condition the check; throws to refuse the whole write
     * @return this change
     */
    public Change guard(io.invitations.spi.invitation.TenantId tenantId,
                        io.invitations.spi.storage.WriteCondition condition) {
        batch.guard(tenantId, condition);
        return this;
    }

    /**
     * Writes the batch atomically, then publishes the events; when the batch queued messages, tells
     * the outbox driver (which, by the delivery mode, hands them to its executor once the operation released its
     * locks, and never fails the operation).
     *
     * @param ctx the context
     */
    public void commit(Context ctx) {
        // opt-outs and send limits of every queued message, the limits atomically with the write
        OptOuts.check(ctx, this, queued, !optOutsChecked);
        queued.clear();
        // the cap of open invitations per identifier, atomically with the write on whichever node
        openedCodes.forEach((tenantId, opened) -> Limits.guardOpenCodes(this, tenantId, opened));
        openedCodes.clear();
        WriteBatch written = batch.build();
        ctx.store().write(written);
        ctx.publisher().publish(events);
        if (messagesQueued) {
            ctx.delivery().messagesQueued(written.enqueued());
        }
    }
}
