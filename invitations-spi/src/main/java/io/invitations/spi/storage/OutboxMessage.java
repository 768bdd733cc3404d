package io.invitations.spi.storage;

import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * A message waiting to be delivered, stored in the same write as its invitation. It holds what to
 * send, not the rendered text: the engine renders it at delivery time, so that no link token is
 * ever stored.
 *
 * @param id             the message's id, unique, not blank
 * @param tenantId       the tenant, not {@code null}
 * @param invitationId   the invitation it belongs to, not {@code null}
 * @param kind           which message, not {@code null}
 * @param sendNumber     1 for the first message of the invitation, one more for each resend or
 *                       re-invite
 * @param status         where it stands, not {@code null}
 * @param attempts       how many times a worker claimed it
 * @param nextAttemptAt  when it may be claimed next, not {@code null}
 * @param lastError      the last failure, or {@code null}; never a secret
 * @param createdAt      when it was queued, not {@code null}
 * @param updatedAt      when it last changed, not {@code null}
 * @since 0.1.0
 */
public record OutboxMessage(String id, TenantId tenantId, InvitationId invitationId, Kind kind, int sendNumber,
                            Status status, int attempts, Instant nextAttemptAt, String lastError,
                            Instant createdAt, Instant updatedAt) {
    /** Which message to render. */
    public enum Kind {
        /** The first invitation message. */
        INVITATION,
        /** A resend while pending. */
        RESEND,
        /** A new invitation after expiry. */
        REINVITE,
        /** A notice for an identifier invitee telling how to redeem the access code. */
        ACCESS_CODE_NOTICE
    }

    /** Where a message stands. */
    public enum Status {
        /** Waiting to be delivered (or to be retried). */
        PENDING,
        /** Handed to the mail server. Final. */
        DELIVERED,
        /** Failed for good, or retried as often as allowed. Final. */
        FAILED
    }

    /**
     * Validates the message.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if a number is out of range or the id is blank
     */
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (sendNumber < 1 || attempts < 0) {
            throw new IllegalArgumentException("sendNumber starts at 1 and attempts must not be negative");
        }
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
                Status.PENDING, 0, now, null, now, now);
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
        return new OutboxMessage(id, tenantId, invitationId, kind, sendNumber, Status.DELIVERED, attempts,
                nextAttemptAt, null, createdAt, now);
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
                error, createdAt, now);
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
                nextAttemptAt, error, createdAt, now);
    }
}
