package io.invitations.core.outbox;

import org.apiguardian.api.API;

/**
 * When queued messages are delivered.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum DeliveryMode {
    /**
     * The engine drains the outbox right after each operation that queued messages (the embedded
     * default). A failing or slow mail server never fails the operation; a slow one delays its
     * return.
     */
    IMMEDIATE,
    /**
     * The host drains the outbox itself, from its own scheduler: {@code OutboxProcessor.drainDue()}
     * or {@code OutboxProcessor.scheduleWith}. Operations only queue.
     */
    HOST_DRIVEN
}
