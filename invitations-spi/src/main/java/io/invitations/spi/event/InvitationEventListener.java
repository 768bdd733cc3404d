package io.invitations.spi.event;

import org.apiguardian.api.API;

/**
 * Receives events after the change they describe is stored. Called synchronously on the thread
 * that made the change; a listener that throws is logged and does not undo the change or stop other
 * listeners. Implementations must be safe for use by many threads at once and should return quickly.
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "1.0")
public interface InvitationEventListener {
    /**
     * Handles one event.
     *
     * @param event the event, not {@code null}
     */
    void onEvent(InvitationEvent event);
}
