package io.invitations.core.outbox;

/**
 * When queued messages are delivered.
 *
 * @since 0.1.0
 */
public enum DeliveryMode {
    /**
     * Right after each operation that queued messages, the engine hands those messages (no others)
     * to its delivery executor and returns (the embedded default). A failing, slow or hanging mail
     * server neither fails nor holds up the operation. Retries after a transient failure happen on
     * the next drain: schedule one as well ({@code InvitationService.scheduleDelivery}).
     */
    IMMEDIATE,
    /**
     * The host drains the outbox itself, from its own scheduler: {@link OutboxProcessor#drainDue()}
     * or {@link OutboxProcessor#scheduleWith}. Operations only queue.
     */
    HOST_DRIVEN
}
