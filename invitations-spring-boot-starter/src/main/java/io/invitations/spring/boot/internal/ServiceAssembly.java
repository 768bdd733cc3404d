package io.invitations.spring.boot.internal;

import io.invitations.core.InvitationService;
import io.invitations.core.observe.InvitationObserver;
import io.invitations.core.outbox.RetryPolicy;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.micrometer.InvitationMetrics;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spring.boot.InvitationsProperties;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;

import jakarta.validation.Validator;

import java.time.Clock;

/**
 * Builds the service from the application's beans and the properties: the one place of the starter
 * that calls the service's builder, so that a regrouped facade is wired here alone.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class ServiceAssembly {
    private ServiceAssembly() {
    }

    /**
     * The beans the service is built from; each may be absent (the engine's in-memory default).
     *
     * @param store      the store
     * @param mailer     the mailer
     * @param directory  the identity directory
     * @param seats      the seat ledger
     * @param keyRing    the key ring
     * @param settings   the tenant settings source
     * @param throttle   the attempt throttle
     * @param templates  the message template store
     * @param listeners  the event listeners, in order
     * @param observers  the observers, in order
     * @param metrics    the Micrometer binding
     * @param clock      the clock
     * @param validator  the application's Jakarta Validation validator, when it has exactly one
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Parts(InvitationStore store, ObjectProvider<Mailer> mailer,
                        ObjectProvider<IdentityDirectory> directory, ObjectProvider<SeatLedger> seats,
                        ObjectProvider<KeyRing> keyRing, TenantSettingsSource settings,
                        ObjectProvider<AttemptThrottle> throttle, ObjectProvider<MessageTemplateStore> templates,
                        ObjectProvider<InvitationEventListener> listeners,
                        ObjectProvider<InvitationObserver> observers, ObjectProvider<InvitationMetrics> metrics,
                        ObjectProvider<Clock> clock, ObjectProvider<Validator> validator) {
    }

    /**
     * Builds the service.
     *
     * @param parts      the beans
     * @param properties the properties
     * @return the service
     */
    public static InvitationService build(Parts parts, InvitationsProperties properties) {
        InvitationsProperties.Delivery d = properties.getDelivery();
        InvitationsProperties.Retry r = d.getRetry();
        InvitationService.Builder b = InvitationService.builder().store(parts.store()).settings(parts.settings())
                .deliveryMode(d.getMode()).outboxLease(d.getLease()).outboxBatchSize(d.getBatchSize())
                .retryPolicy(new RetryPolicy(r.getBaseDelay(), r.getMultiplier(), r.getMaxDelay(), r.getMaxAttempts()));
        parts.mailer().ifAvailable(b::mailer);
        parts.directory().ifAvailable(b::identityDirectory);
        parts.seats().ifAvailable(b::seatLedger);
        parts.keyRing().ifAvailable(b::keyRing);
        parts.throttle().ifAvailable(b::attemptThrottle);
        parts.templates().ifAvailable(b::messageTemplates);
        parts.clock().ifAvailable(b::clock);
        parts.validator().ifUnique(b::validator);
        parts.metrics().ifAvailable(m -> m.bindTo(b));
        parts.observers().orderedStream().forEach(b::observer);
        parts.listeners().orderedStream().forEach(b::listener);
        return b.build();
    }
}
