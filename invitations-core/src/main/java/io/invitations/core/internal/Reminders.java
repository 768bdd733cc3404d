package io.invitations.core.internal;

import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.settings.ReminderSchedule;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StaleVersionException;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Scheduled reminders of pending email invitations. Every send (invitation, resend, re-invitation)
 * plans the first reminder from the tenant's {@link ReminderSchedule}
 * ({@link Invitation#nextReminderAt()}); the sweep queues each due reminder in the outbox with the
 * same {@link Change#queueMessage} the invitation messages use, so whatever that path checks before
 * a message is queued or delivered (the outbox cancels messages of invitations that are no longer
 * pending, bounced or replaced) applies to reminders too. Each reminder is written with a
 * compare-and-set update of the invitation, so of several nodes sweeping at once exactly one
 * queues it.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Reminders {
    /** The actor of reminder history entries and events. */
    public static final String ACTOR = "system:reminders";

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final Context ctx;

    /**
     * Creates the operations.
     *
     * @param ctx the context
     */
    public Reminders(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Plans the first reminder of an invitation that is being sent now: the schedule starts again.
     *
     * @param settings   the tenant's settings
     * @param invitation the invitation as it will be stored, with its new expiry
     * @param now        the send time
     * @return the invitation with its next reminder set, or cleared when there is none or it has no email
     */
    public static Invitation plan(TenantSettings settings, Invitation invitation, Instant now) {
        return invitation.toBuilder().nextReminderAt(first(settings, invitation.invitee(), invitation.expiresAt(), now))
                .build();
    }

    /**
     * The first reminder of an invitation being sent now, as {@link #plan} sets it: for an invitation
     * still being built.
     *
     * @param settings  the tenant's settings
     * @param invitee   the invitee
     * @param expiresAt the invitation's new expiry
     * @param now       the send time
     * @return the first reminder, or {@code null} when there is none or the invitee has no email
     */
    public static Instant first(TenantSettings settings, Invitee invitee, Instant expiresAt, Instant now) {
        return invitee.emailOrNull() == null ? null : settings.reminders().next(now, expiresAt, now).orElse(null);
    }

    /**
     * Queues every due reminder, in all tenants, with history and events. Safe to run from several
     * processes at once: each reminder is queued once.
     *
     * @return how many reminders this call queued
     */
    public int sendDue() {
        return Sweep.run(ctx, ctx.store()::dueForReminder, this::remindOne);
    }

    private boolean remindOne(Invitation candidate, Instant now) {
        return ctx.invitationLocks().with(candidate.id(), () -> {
            Invitation stored = ctx.store().find(candidate.tenantId(), candidate.id()).orElse(null);
            if (stored == null || stored.status() != InvitationStatus.PENDING
                    || stored.effectiveStatus(now) != InvitationStatus.PENDING
                    || stored.nextReminderAt() == null || stored.nextReminderAt().isAfter(now)) {
                return false;
            }
            TenantSettings settings = ctx.settingsFor(stored.tenantId());
            List<OutboxMessage> outbox = ctx.store().outbox(stored.tenantId(), stored.id());
            OutboxMessage send = latestSend(outbox);
            Instant sentAt = send != null ? send.createdAt() : stored.invitedAt() != null ? stored.invitedAt() : now;
            int sendNumber = send != null ? send.sendNumber() : 0;
            Instant next = settings.reminders().next(sentAt, stored.expiresAt(), now).orElse(null);
            Change change = new Change(now);
            boolean deliverable = !settings.reminders().isEmpty() && stored.invitee().emailOrNull() != null
                    && stored.delivery().status() != DeliveryState.Status.BOUNCED;
            boolean queued = false;
            if (deliverable) {
                int number = 1 + (int) outbox.stream().filter(m -> m.kind() == OutboxMessage.Kind.REMINDER
                        && m.sendNumber() > sendNumber).count();
                Invitation next1 = change.queueMessage(stored.toBuilder().nextReminderAt(next).build(),
                        OutboxMessage.Kind.REMINDER);
                change.transition(stored, ACTOR, Action.REMIND, InvitationStatus.PENDING, InvitationStatus.PENDING,
                        "reminder " + number, new InvitationEvent.Reminded(stored.tenantId(), stored.id(), now,
                                ACTOR, number));
                change.update(stored, next1);
                queued = true;
            } else {
                // nothing to remind any more (schedule removed, bounced address): stop planning
                change.update(stored, stored.toBuilder().nextReminderAt(null).build());
            }
            try {
                change.commit(ctx);
                return queued;
            } catch (StaleVersionException e) {
                LOG.debug("invitation {} changed while reminding; another node or operation won", stored.id());
                return false;
            }
        });
    }

    private static OutboxMessage latestSend(List<OutboxMessage> outbox) {
        OutboxMessage latest = null;
        for (OutboxMessage m : outbox) {
            if (OptOuts.COUNTED.contains(m.kind()) && (latest == null || m.sendNumber() > latest.sendNumber())) {
                latest = m;
            }
        }
        return latest;
    }
}
