package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one operation writes, applied by {@link InvitationStore#write(WriteBatch)} atomically:
 * all of it or none of it. A bulk run is one batch; an acceptance is one batch (the invitation's
 * compare-and-set and its history entry); a join through a link is one batch (the link's use and the
 * new invitation).
 *
 * <p>Updates are compare-and-set: each names the new snapshot, whose version must be exactly one more
 * than the stored one. Instances are immutable and thread-safe; build them with {@link #builder()}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class WriteBatch {
    private final List<Invitation> inserts;
    private final List<Invitation> updates;
    private final List<HistoryEntry> history;
    private final List<OutboxMessage> enqueued;
    private final List<OutboxMessage> outboxOutcomes;
    private final List<ShareableLink> linkInserts;
    private final List<ShareableLink> linkUpdates;
    private final List<WriteCondition.Guard> guards;
    private final List<OutboxFeedback> feedback;
    private final List<SendRecord> sends;

    private WriteBatch(Builder b) {
        inserts = List.copyOf(b.inserts);
        updates = List.copyOf(b.updates);
        history = List.copyOf(b.history);
        enqueued = List.copyOf(b.enqueued);
        outboxOutcomes = List.copyOf(b.outboxOutcomes);
        linkInserts = List.copyOf(b.linkInserts);
        linkUpdates = List.copyOf(b.linkUpdates);
        guards = List.copyOf(b.guards);
        feedback = List.copyOf(b.feedback);
        sends = List.copyOf(b.sends);
    }

    /**
     * Starts an empty batch.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * New invitations, each at version 1. Each must not create a second open invitation for its
     * tenant, target and invitee, neither against stored ones nor within the batch.
     *
     * @return the inserts, in order
     */
    public List<Invitation> inserts() {
        return inserts;
    }

    /**
     * New snapshots of stored invitations; each is stored only if the stored version is
     * {@code next.version() - 1}.
     *
     * @return the updates, in order
     */
    public List<Invitation> updates() {
        return updates;
    }

    /**
     * History entries to append; each refers to an invitation stored before or inserted by this batch.
     *
     * @return the entries, in order
     */
    public List<HistoryEntry> history() {
        return history;
    }

    /**
     * New outbox messages; each refers to an invitation stored before or inserted by this batch.
     *
     * @return the messages, in order
     */
    public List<OutboxMessage> enqueued() {
        return enqueued;
    }

    /**
     * Outcomes of claimed outbox messages; each is stored only if the stored message is still
     * PENDING with the same {@link OutboxMessage#attempts()} (the claim is still the latest).
     *
     * @return the outcomes, in order
     */
    public List<OutboxMessage> outboxOutcomes() {
        return outboxOutcomes;
    }

    /**
     * New shareable links, each at version 1.
     *
     * @return the link inserts
     */
    public List<ShareableLink> linkInserts() {
        return linkInserts;
    }

    /**
     * New snapshots of stored links, compare-and-set like invitation updates.
     *
     * @return the link updates
     */
    public List<ShareableLink> linkUpdates() {
        return linkUpdates;
    }

    /**
     * Conditions the store checks atomically with this batch, each holding its tenant's write guard
     * (see {@link WriteCondition}). A store takes the guards in tenant-id order, runs every condition
     * before it applies the batch, and stores nothing when one throws.
     *
     * @return the guards, in the order added; empty for an unconditional batch
     * @since 0.2.0
     */
    public List<WriteCondition.Guard> guards() {
        return guards;
    }

    /**
     * Delivery feedback to record on stored outbox messages (see {@link OutboxFeedback}). A store
     * refuses the batch with a {@link StorageException} when a message does not exist in its tenant.
     *
     * @return the steps, in the order added
     * @since 1.1
     */
    public List<OutboxFeedback> feedback() {
        return feedback;
    }

    /**
     * Invitation messages to record for the tenant's send limits, one per queued message.
     *
     * @return the send records, in order
     * @since 1.1
     */
    public List<SendRecord> sends() {
        return sends;
    }

    /**
     * Tells whether the batch writes nothing.
     *
     * @return {@code true} when every list is empty
     */
    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && history.isEmpty() && enqueued.isEmpty()
                && outboxOutcomes.isEmpty() && linkInserts.isEmpty() && linkUpdates.isEmpty() && feedback.isEmpty()
                && sends.isEmpty();
    }

    @Override
    public String toString() {
        return "WriteBatch[inserts=" + inserts.size() + ", updates=" + updates.size() + ", history=" + history.size()
                + ", enqueued=" + enqueued.size() + ", outboxOutcomes=" + outboxOutcomes.size()
                + ", linkInserts=" + linkInserts.size() + ", linkUpdates=" + linkUpdates.size()
                + ", guards=" + guards.size() + ", feedback=" + feedback.size() + ", sends=" + sends.size() + "]";
    }

    /**
     * Builds a {@link WriteBatch}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private final List<Invitation> inserts = new ArrayList<>();
        private final List<Invitation> updates = new ArrayList<>();
        private final List<HistoryEntry> history = new ArrayList<>();
        private final List<OutboxMessage> enqueued = new ArrayList<>();
        private final List<OutboxMessage> outboxOutcomes = new ArrayList<>();
        private final List<ShareableLink> linkInserts = new ArrayList<>();
        private final List<ShareableLink> linkUpdates = new ArrayList<>();
        private final List<WriteCondition.Guard> guards = new ArrayList<>();
        private final List<OutboxFeedback> feedback = new ArrayList<>();
        private final List<SendRecord> sends = new ArrayList<>();
        private final Set<InvitationId> touched = new HashSet<>();

        private Builder() {
        }

        /**
         * Adds a new invitation.
         *
         * @param invitation the invitation, at version 1
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if its version is not 1 or the batch already
         *         writes it
         */
        public Builder insert(Invitation invitation) {
            if (invitation.version() != 1) {
                throw InvitationException.invalidValue("a new invitation has version 1, not " + invitation.version()
                        + ": insert a new invitation, update(..) a stored one");
            }
            claim(invitation.id());
            inserts.add(invitation);
            return this;
        }

        /**
         * Adds a compare-and-set update.
         *
         * @param next the new snapshot, whose version is one more than the stored one
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if its version is below 2 or the batch already
         *         writes it
         */
        public Builder update(Invitation next) {
            if (next.version() < 2) {
                throw InvitationException.invalidValue("an updated invitation has version 2 or more, not "
                        + next.version() + ": insert(..) a new invitation");
            }
            claim(next.id());
            updates.add(next);
            return this;
        }

        /**
         * Appends a history entry.
         *
         * @param entry the entry
         * @return this builder
         */
        public Builder append(HistoryEntry entry) {
            history.add(entry);
            return this;
        }

        /**
         * Queues an outbox message.
         *
         * @param message the message, PENDING with no attempts
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if it is not a new pending message
         */
        public Builder enqueue(OutboxMessage message) {
            if (message.status() != OutboxMessage.Status.PENDING || message.attempts() != 0) {
                throw InvitationException.invalidValue("a queued message is PENDING with no attempts: "
                        + "record the outcome of a claimed message with outboxOutcome(..)");
            }
            enqueued.add(message);
            return this;
        }

        /**
         * Records the outcome of a claimed outbox message.
         *
         * @param outcome the message after the attempt (delivered, retry later, or failed)
         * @return this builder
         */
        public Builder outboxOutcome(OutboxMessage outcome) {
            outboxOutcomes.add(outcome);
            return this;
        }

        /**
         * Adds a new shareable link.
         *
         * @param link the link, at version 1
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if its version is not 1
         */
        public Builder insertLink(ShareableLink link) {
            if (link.version() != 1) {
                throw InvitationException.invalidValue("a new link has version 1, not " + link.version()
                        + ": updateLink(..) a stored link");
            }
            linkInserts.add(link);
            return this;
        }

        /**
         * Adds a compare-and-set update of a link.
         *
         * @param next the new snapshot, whose version is one more than the stored one
         * @return this builder
         * @throws InvitationException with {@code INVALID_REQUEST} if its version is below 2
         */
        public Builder updateLink(ShareableLink next) {
            if (next.version() < 2) {
                throw InvitationException.invalidValue("an updated link has version 2 or more, not " + next.version()
                        + ": insertLink(..) a new link");
            }
            linkUpdates.add(next);
            return this;
        }

        /**
         * Adds a condition that the store checks atomically with the batch, holding the tenant's
         * write guard, e.g. that a seat limit still leaves room for the batch's inserts.
         *
         * @param tenantId  the tenant whose guard the condition needs, not {@code null}
         * @param condition the check; it throws to refuse the batch
         * @return this builder
         * @since 0.2.0
         */
        public Builder guard(TenantId tenantId, WriteCondition condition) {
            guards.add(new WriteCondition.Guard(tenantId, condition));
            return this;
        }

        /**
         * Records one step of delivery feedback on a stored outbox message.
         *
         * @param step the step, not {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder feedback(OutboxFeedback step) {
            feedback.add(java.util.Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Records one invitation message for the tenant's send limits.
         *
         * @param send the record, not {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder recordSend(SendRecord send) {
            sends.add(InvitationException.requireValue(send, "send"));
            return this;
        }

        /**
         * Builds the batch.
         *
         * @return the batch
         */
        public WriteBatch build() {
            return new WriteBatch(this);
        }

        private void claim(InvitationId id) {
            if (!touched.add(id)) {
                throw InvitationException.invalidValue("the batch already writes invitation " + id
                        + ": write each invitation once per batch");
            }
        }
    }
}
