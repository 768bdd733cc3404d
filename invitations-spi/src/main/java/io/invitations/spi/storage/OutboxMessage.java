package io.invitations.spi.storage;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A message waiting to be delivered, stored in the same write as its invitation. It holds what to
 * send, not the rendered text: the engine renders it at delivery time, so that no link token is
 * ever stored.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class OutboxMessage {
    private final String id;
    private final TenantId tenantId;
    private final InvitationId invitationId;
    private final Kind kind;
    private final int sendNumber;
    private final Status status;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final String lastError;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Tracking tracking;

    /** What the provider reported, and when the message was handed over; all nullable. */
    private record Tracking(String providerMessageId, Instant sentAt, Instant deliveredAt, Instant softBouncedAt,
                            Instant hardBouncedAt, Instant complainedAt, String feedbackDetail) {
        static final Tracking NONE = new Tracking(null, null, null, null, null, null, null);
    }

    /**
     * The steps a message goes through, as the outbox and the provider's delivery feedback report
     * them; see {@link #timeline()}.
     *
     * @since 1.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public enum DeliveryStep {
        /** Stored in the outbox. */
        QUEUED,
        /** Handed to the mailer (the mail server or provider took it). */
        SENT,
        /** The provider reports that the recipient's server accepted it. */
        DELIVERED,
        /** The provider reports a temporary refusal (mailbox full, greylisting); it may still arrive. */
        SOFT_BOUNCED,
        /** The provider reports a permanent refusal (no such mailbox, domain unknown). */
        HARD_BOUNCED,
        /** The recipient marked it as spam. */
        COMPLAINED
    }

    /**
     * One step of a message's delivery and when it happened.
     *
     * @param step the step, not {@code null}
     * @param at   when, not {@code null}
     * @since 1.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "1.1")
    public record StepAt(DeliveryStep step, Instant at) {
        /**
         * Validates the value.
         *
         * @throws NullPointerException if a component is null
         */
        public StepAt {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Which message to render. */
    @API(status = API.Status.STABLE, since = "1.0")
    public enum Kind {
        /** The first invitation message. */
        INVITATION,
        /** A resend while pending. */
        RESEND,
        /** A new invitation after expiry. */
        REINVITE,
        /** A notice for an identifier invitee telling how to redeem the access code. */
        ACCESS_CODE_NOTICE,
        /**
         * A scheduled reminder of a pending invitation (see the tenant's reminder schedule).
         *
         * @since 1.1
         */
        REMINDER
    }

    /** Where a message stands. */
    @API(status = API.Status.STABLE, since = "1.0")
    public enum Status {
        /** Waiting to be delivered (or to be retried). */
        PENDING,
        /** Handed to the mail server. Final. */
        DELIVERED,
        /** Failed for good, or retried as often as allowed. Final. */
        FAILED
    }

    private OutboxMessage(String id, TenantId tenantId, InvitationId invitationId, Kind kind, int sendNumber,
            Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant updatedAt, Tracking tracking) {
        InvitationException.requireValue(id, "id");
        if (id.isBlank()) {
            throw InvitationException.invalidValue("id must not be blank");
        }
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(kind, "kind");
        InvitationException.requireValue(status, "status");
        InvitationException.requireValue(nextAttemptAt, "nextAttemptAt");
        InvitationException.requireValue(createdAt, "createdAt");
        InvitationException.requireValue(updatedAt, "updatedAt");
        if (sendNumber < 1 || attempts < 0) {
            throw InvitationException.invalidValue("sendNumber starts at 1 and attempts must not be negative");
        }

        this.id = id;
        this.tenantId = tenantId;
        this.invitationId = invitationId;
        this.kind = kind;
        this.sendNumber = sendNumber;
        this.status = status;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.tracking = tracking;
    }

    /**
     * Creates a new pending message, due at once.
     *
     * @param tenantId     the tenant
     * @param invitationId the invitation
     * @param kind         which message
     * @param sendNumber   the invitation's send number
     * @param now          when it is queued
     * @return the message, with id {@code invitationId + "#" + sendNumber}
     */
    public static OutboxMessage queue(TenantId tenantId, InvitationId invitationId, Kind kind, int sendNumber,
                                      Instant now) {
        return new OutboxMessage(invitationId.value() + "#" + sendNumber, tenantId, invitationId, kind, sendNumber,
                Status.PENDING, 0, now, null, now, now, Tracking.NONE);
    }

    /**
     * The key a mailer uses to drop a message it has already delivered: invitation id and send
     * number. The engine never delivers two messages with the same key.
     *
     * @return the idempotency key
     */
    public String idempotencyKey() {
        return invitationId.value() + "#" + sendNumber;
    }

    /**
     * Returns a copy delivered at an instant.
     *
     * @param now when
     * @return a new snapshot
     */
    public OutboxMessage delivered(Instant now) {
        return sent(now, null);
    }

    /**
     * Returns a copy handed to the mailer at an instant, with the id the mailer or provider gave it.
     *
     * @param now               when
     * @param providerMessageId the {@code Message-ID} or the provider's id of the message, by which
     *                          delivery feedback finds it; {@code null} when the mailer reported none
     * @return a new snapshot, DELIVERED (handed over) with {@link #sentAt()} set
     * @since 1.1
     */
    public OutboxMessage sent(Instant now, String providerMessageId) {
        Tracking t = new Tracking(providerMessageId, now, tracking.deliveredAt(), tracking.softBouncedAt(),
                tracking.hardBouncedAt(), tracking.complainedAt(), tracking.feedbackDetail());
        return new OutboxMessage(id, tenantId, invitationId, kind, sendNumber, Status.DELIVERED, attempts,
                nextAttemptAt, null, createdAt, now, t);
    }

    /**
     * Returns a copy to be retried later.
     *
     * @param retryAt when it may be claimed again
     * @param error   why the attempt failed
     * @param now     when
     * @return a new snapshot
     */
    public OutboxMessage retryAt(Instant retryAt, String error, Instant now) {
        return new OutboxMessage(id, tenantId, invitationId, kind, sendNumber, Status.PENDING, attempts, retryAt,
                error, createdAt, now, tracking);
    }

    /**
     * Returns a copy failed for good.
     *
     * @param error why
     * @param now   when
     * @return a new snapshot
     */
    public OutboxMessage failed(String error, Instant now) {
        return new OutboxMessage(id, tenantId, invitationId, kind, sendNumber, Status.FAILED, attempts,
                nextAttemptAt, error, createdAt, now, tracking);
    }

    /**
     * Returns the message's id, unique, not blank.
     *
     * @return the message's id, unique, not blank
     */
    public String id() {
        return id;
    }

    /**
     * Returns the tenant, not {@code null}.
     *
     * @return the tenant, not {@code null}
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the invitation it belongs to, not {@code null}.
     *
     * @return the invitation it belongs to, not {@code null}
     */
    public InvitationId invitationId() {
        return invitationId;
    }

    /**
     * Returns which message, not {@code null}.
     *
     * @return which message, not {@code null}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns 1 for the first message of the invitation, one more for each resend or re-invite.
     *
     * @return 1 for the first message of the invitation, one more for each resend or re-invite
     */
    public int sendNumber() {
        return sendNumber;
    }

    /**
     * Returns where it stands, not {@code null}.
     *
     * @return where it stands, not {@code null}
     */
    public Status status() {
        return status;
    }

    /**
     * Returns how many times a worker claimed it.
     *
     * @return how many times a worker claimed it
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns when it may be claimed next, not {@code null}.
     *
     * @return when it may be claimed next, not {@code null}
     */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /**
     * Returns the last failure, or {@code null}; never a secret.
     *
     * @return the last failure, or {@code null}; never a secret
     */
    public String lastError() {
        return lastError;
    }

    /**
     * Returns when it was queued, not {@code null}.
     *
     * @return when it was queued, not {@code null}
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns when it last changed, not {@code null}.
     *
     * @return when it last changed, not {@code null}
     */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Returns the id the mailer or provider gave the message when it was handed over (the
     * {@code Message-ID} for {@code SmtpMailer}), by which delivery feedback finds it.
     *
     * @return the id, or {@code null} when none was reported or the message was not sent yet
     * @since 1.1
     */
    public String providerMessageId() {
        return tracking.providerMessageId();
    }

    /**
     * Returns when the message was handed to the mailer.
     *
     * @return the instant, or {@code null} when not yet
     * @since 1.1
     */
    public Instant sentAt() {
        return tracking.sentAt();
    }

    /**
     * Returns when the provider reported the message delivered to the recipient's server (the first
     * report counts).
     *
     * @return the instant, or {@code null}
     * @since 1.1
     */
    public Instant deliveredAt() {
        return tracking.deliveredAt();
    }

    /**
     * Returns when the provider last reported a soft (temporary) bounce.
     *
     * @return the instant, or {@code null}
     * @since 1.1
     */
    public Instant softBouncedAt() {
        return tracking.softBouncedAt();
    }

    /**
     * Returns when the provider reported a hard (permanent) bounce (the first report counts).
     *
     * @return the instant, or {@code null}
     * @since 1.1
     */
    public Instant hardBouncedAt() {
        return tracking.hardBouncedAt();
    }

    /**
     * Returns when the recipient complained (marked the message as spam; the first report counts).
     *
     * @return the instant, or {@code null}
     * @since 1.1
     */
    public Instant complainedAt() {
        return tracking.complainedAt();
    }

    /**
     * Returns the provider's words on the latest bounce or complaint (a diagnostic code, trimmed; no
     * token or message body).
     *
     * @return the detail, or {@code null}
     * @since 1.1
     */
    public String feedbackDetail() {
        return tracking.feedbackDetail();
    }

    /**
     * Returns the message's delivery steps with their instants, in time order (ties in step order):
     * always QUEUED, then SENT, DELIVERED, SOFT_BOUNCED, HARD_BOUNCED and COMPLAINED as they happened.
     *
     * @return the steps, at least one
     * @since 1.1
     */
    public List<StepAt> timeline() {
        List<StepAt> steps = new ArrayList<>();
        steps.add(new StepAt(DeliveryStep.QUEUED, createdAt));
        addStep(steps, DeliveryStep.SENT, tracking.sentAt());
        addStep(steps, DeliveryStep.DELIVERED, tracking.deliveredAt());
        addStep(steps, DeliveryStep.SOFT_BOUNCED, tracking.softBouncedAt());
        addStep(steps, DeliveryStep.HARD_BOUNCED, tracking.hardBouncedAt());
        addStep(steps, DeliveryStep.COMPLAINED, tracking.complainedAt());
        steps.sort(Comparator.comparing(StepAt::at).thenComparing(StepAt::step));
        return List.copyOf(steps);
    }

    /**
     * Returns the latest step of {@link #timeline()}.
     *
     * @return the step
     * @since 1.1
     */
    public DeliveryStep latestStep() {
        List<StepAt> steps = timeline();
        return steps.get(steps.size() - 1).step();
    }

    private static void addStep(List<StepAt> steps, DeliveryStep step, Instant at) {
        if (at != null) {
            steps.add(new StepAt(step, at));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof OutboxMessage other
                && Objects.equals(id, other.id)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(invitationId, other.invitationId)
                && Objects.equals(kind, other.kind)
                && sendNumber == other.sendNumber
                && Objects.equals(status, other.status)
                && attempts == other.attempts
                && Objects.equals(nextAttemptAt, other.nextAttemptAt)
                && Objects.equals(lastError, other.lastError)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(tracking, other.tracking);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, invitationId, kind, sendNumber, status, attempts, nextAttemptAt, lastError, createdAt, updatedAt,
                tracking);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "OutboxMessage[id=" + id + ", tenantId=" + tenantId + ", invitationId=" + invitationId
                + ", kind=" + kind + ", sendNumber=" + sendNumber + ", status=" + status + ", attempts=" + attempts
                + ", nextAttemptAt=" + nextAttemptAt + ", lastError=" + lastError + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + ", providerMessageId=" + tracking.providerMessageId()
                + ", latestStep=" + latestStep() + "]";
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.tenantId = tenantId;
        b.invitationId = invitationId;
        b.kind = kind;
        b.sendNumber = sendNumber;
        b.status = status;
        b.attempts = attempts;
        b.nextAttemptAt = nextAttemptAt;
        b.lastError = lastError;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.providerMessageId = tracking.providerMessageId();
        b.sentAt = tracking.sentAt();
        b.deliveredAt = tracking.deliveredAt();
        b.softBouncedAt = tracking.softBouncedAt();
        b.hardBouncedAt = tracking.hardBouncedAt();
        b.complainedAt = tracking.complainedAt();
        b.feedbackDetail = tracking.feedbackDetail();
        return b;
    }

    /**
     * Builds {@link OutboxMessage} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private String id;
        private TenantId tenantId;
        private InvitationId invitationId;
        private Kind kind;
        private int sendNumber;
        private Status status;
        private int attempts;
        private Instant nextAttemptAt;
        private String lastError;
        private Instant createdAt;
        private Instant updatedAt;
        private String providerMessageId;
        private Instant sentAt;
        private Instant deliveredAt;
        private Instant softBouncedAt;
        private Instant hardBouncedAt;
        private Instant complainedAt;
        private String feedbackDetail;

        private Builder() {
        }

        /**
         * Sets the message's id, unique, not blank.
         *
         * @param v the message's id, unique, not blank
         * @return this builder
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * Sets the tenant, not {@code null}.
         *
         * @param v the tenant, not {@code null}
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the invitation it belongs to, not {@code null}.
         *
         * @param v the invitation it belongs to, not {@code null}
         * @return this builder
         */
        public Builder invitationId(InvitationId v) {
            invitationId = v;
            return this;
        }

        /**
         * Sets which message, not {@code null}.
         *
         * @param v which message, not {@code null}
         * @return this builder
         */
        public Builder kind(Kind v) {
            kind = v;
            return this;
        }

        /**
         * Sets 1 for the first message of the invitation, one more for each resend or re-invite.
         *
         * @param v 1 for the first message of the invitation, one more for each resend or re-invite
         * @return this builder
         */
        public Builder sendNumber(int v) {
            sendNumber = v;
            return this;
        }

        /**
         * Sets where it stands, not {@code null}.
         *
         * @param v where it stands, not {@code null}
         * @return this builder
         */
        public Builder status(Status v) {
            status = v;
            return this;
        }

        /**
         * Sets how many times a worker claimed it.
         *
         * @param v how many times a worker claimed it
         * @return this builder
         */
        public Builder attempts(int v) {
            attempts = v;
            return this;
        }

        /**
         * Sets when it may be claimed next, not {@code null}.
         *
         * @param v when it may be claimed next, not {@code null}
         * @return this builder
         */
        public Builder nextAttemptAt(Instant v) {
            nextAttemptAt = v;
            return this;
        }

        /**
         * Sets the last failure, or {@code null}; never a secret.
         *
         * @param v the last failure, or {@code null}; never a secret
         * @return this builder
         */
        public Builder lastError(String v) {
            lastError = v;
            return this;
        }

        /**
         * Sets when it was queued, not {@code null}.
         *
         * @param v when it was queued, not {@code null}
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * Sets when it last changed, not {@code null}.
         *
         * @param v when it last changed, not {@code null}
         * @return this builder
         */
        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        /**
         * Sets the id the mailer or provider gave the message, or {@code null}.
         *
         * @param v the id the mailer or provider gave the message, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder providerMessageId(String v) {
            providerMessageId = v;
            return this;
        }

        /**
         * Sets when it was handed to the mailer, or {@code null}.
         *
         * @param v when it was handed to the mailer, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder sentAt(Instant v) {
            sentAt = v;
            return this;
        }

        /**
         * Sets when the provider reported it delivered, or {@code null}.
         *
         * @param v when the provider reported it delivered, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder deliveredAt(Instant v) {
            deliveredAt = v;
            return this;
        }

        /**
         * Sets when the provider last reported a soft bounce, or {@code null}.
         *
         * @param v when the provider last reported a soft bounce, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder softBouncedAt(Instant v) {
            softBouncedAt = v;
            return this;
        }

        /**
         * Sets when the provider reported a hard bounce, or {@code null}.
         *
         * @param v when the provider reported a hard bounce, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder hardBouncedAt(Instant v) {
            hardBouncedAt = v;
            return this;
        }

        /**
         * Sets when the recipient complained, or {@code null}.
         *
         * @param v when the recipient complained, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder complainedAt(Instant v) {
            complainedAt = v;
            return this;
        }

        /**
         * Sets the provider's words on the latest bounce or complaint, or {@code null}.
         *
         * @param v the provider's words on the latest bounce or complaint, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder feedbackDetail(String v) {
            feedbackDetail = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public OutboxMessage build() {
            return new OutboxMessage(id, tenantId, invitationId, kind, sendNumber, status, attempts, nextAttemptAt, lastError, createdAt, updatedAt,
                    new Tracking(providerMessageId, sentAt, deliveredAt, softBouncedAt, hardBouncedAt, complainedAt,
                            feedbackDetail));
        }
    }
}
