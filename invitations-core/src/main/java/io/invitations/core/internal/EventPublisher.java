package io.invitations.core.internal;

import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.event.InvitationEventListener;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Hands events to the listeners after the write they describe succeeded. A listener that throws is
 * logged (with the event's type and invitation, never a secret) and does not stop the others.
 * Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final List<InvitationEventListener> listeners;

    /**
     * Creates the publisher.
     *
     * @param listeners the listeners, in call order
     */
    public EventPublisher(List<InvitationEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Publishes events, in order, to every listener.
     *
     * @param events the events
     */
    public void publish(List<InvitationEvent> events) {
        for (InvitationEvent event : events) {
            for (InvitationEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("event listener {} failed on {} in tenant {}; the change stays stored",
                            listener.getClass().getName(), event.type(), event.tenantId(), e);
                }
            }
        }
    }
}
