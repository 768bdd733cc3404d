package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Instant;

/**
 * What happened to the invitation's messages, as the host sees it.
 *
 * @param status        the latest message's fate, not {@code null}
 * @param sendCount     how many messages were queued for this invitation (first send included)
 * @param lastQueuedAt  when the latest message was queued, or {@code null}
 * @param lastDeliveredAt when a message was last handed to the mail server, or {@code null}
 * @param lastError     why the latest message failed for good, or {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record DeliveryState(Status status, int sendCount, Instant lastQueuedAt, Instant lastDeliveredAt,
                            String lastError) {
    /** The fate of the latest message. */
    @API(status = API.Status.STABLE, since = "1.0")
    public enum Status {
        /** No message is meant to be sent (provisioned, or joined through a link). */
        NOT_SENT,
        /** A message is queued in the outbox. */
        QUEUED,
        /** The message was handed to the mail server. */
        DELIVERED,
        /** Delivery failed for good; see the last error. */
        FAILED,
        /**
         * The provider reported a hard bounce (or the recipient complained): the address does not
         * take the invitation's mail. Further messages are not sent; an administrator may share the
         * claim link another way. The last error holds the provider's words.
         *
         * @since 1.1
         */
        BOUNCED
    }

    private static final DeliveryState NONE = new DeliveryState(Status.NOT_SENT, 0, null, null, null);

    /**
     * Validates the state.
     *
     * @throws io.invitations.spi.InvitationException with {@code INVALID_REQUEST} if {@code status} is missing or
     *         {@code sendCount} is negative
     */
    public DeliveryState {
        Values.require(status, "status");
        if (sendCount < 0) {
            throw InvitationException.invalidValue("sendCount must not be negative, was " + sendCount
                    + ": count the messages queued so far, from 0");
        }
    }

    /**
     * Returns the state of an invitation that has no message.
     *
     * @return the state
     */
    public static DeliveryState none() {
        return NONE;
    }

    /**
     * Returns the state after one more message was queued.
     *
     * @param at when it was queued
     * @return a new state
     */
    public DeliveryState queued(Instant at) {
        return new DeliveryState(Status.QUEUED, sendCount + 1, at, lastDeliveredAt, null);
    }

    /**
     * Returns the state after a message was delivered.
     *
     * @param at when it was handed to the mail server
     * @return a new state
     */
    public DeliveryState delivered(Instant at) {
        return new DeliveryState(Status.DELIVERED, sendCount, lastQueuedAt, at, null);
    }

    /**
     * Returns the state after a message failed for good.
     *
     * @param error why, without secrets
     * @return a new state
     */
    public DeliveryState failed(String error) {
        return new DeliveryState(Status.FAILED, sendCount, lastQueuedAt, lastDeliveredAt, error);
    }

    /**
     * Returns the state after the provider reported a hard bounce or a complaint.
     *
     * @param detail the provider's words, without secrets
     * @return a new state
     * @since 1.1
     */
    public DeliveryState bounced(String detail) {
        return new DeliveryState(Status.BOUNCED, sendCount, lastQueuedAt, lastDeliveredAt, detail);
    }
}
