package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.core.observe.InvitationObserver;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.micrometer.InvitationMetrics;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEventListener;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.mail.Mailer;
import io.invitations.spi.seats.SeatLedger;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.spi.security.KeyRing;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spring.boot.internal.KeyRings;
import io.invitations.spring.boot.internal.ServiceAssembly;
import io.invitations.spring.boot.internal.TenantDefaultsSource;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import jakarta.validation.Validator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The invitations engine in a Spring Boot application: the {@link InvitationService} built from
 * the application's beans (store, mailer, directory, seat ledger, key ring, throttle, templates,
 * listeners, observers, metrics, clock) and {@code invitations.*} properties; an in-memory store with
 * a WARN when the application has no {@code DataSource}; the key ring from
 * {@code invitations.signing.*}; the tenant defaults; and the scheduled delivery and expiry sweep.
 * Every bean backs off when the application defines its own.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {InvitationsJdbcAutoConfiguration.class, InvitationsMailAutoConfiguration.class,
        InvitationsMetricsAutoConfiguration.class})
@EnableConfigurationProperties(InvitationsProperties.class)
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationsAutoConfiguration.class);

    /**
     * The in-memory store, when the application has neither a store nor a {@code DataSource}.
     *
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(InvitationStore.class)
    public InMemoryInvitationStore invitationStore() {
        LOG.warn("No DataSource (or InvitationStore bean): invitations are kept in memory and lost when the"
                + " application stops. Add a DataSource (spring.datasource.*) for the JDBC store.");
        return new InMemoryInvitationStore();
    }

    /**
     * The key ring from {@code invitations.signing.*}.
     *
     * @param properties the properties
     * @return the ring
     */
    @Bean
    @ConditionalOnMissingBean(KeyRing.class)
    @ConditionalOnProperty(prefix = "invitations.signing", name = "active")
    public KeyRing invitationsKeyRing(InvitationsProperties properties) {
        return KeyRings.fromProperties(properties.getSigning());
    }

    /**
     * Every tenant's settings from {@code invitations.tenant-defaults.*}.
     *
     * @param properties the properties
     * @return the source
     */
    @Bean
    @ConditionalOnMissingBean(TenantSettingsSource.class)
    public TenantSettingsSource invitationsTenantSettings(InvitationsProperties properties) {
        return TenantDefaultsSource.of(properties.getTenantDefaults());
    }

    /**
     * The service.
     *
     * @param store      the store
     * @param settings   the tenant settings
     * @param mailer     the mailer, if any
     * @param directory  the identity directory, if any
     * @param seats      the seat ledger, if any
     * @param keyRing    the key ring, if any (else a random key, with a WARN)
     * @param throttle   the attempt throttle, if any
     * @param templates  the template store, if any
     * @param listeners  the event listeners
     * @param observers  the observers
     * @param metrics    the metrics binding, if any
     * @param clock      the clock, if any
     * @param validator  the application's Jakarta Validation validator, if it has one (else the
     *                   engine's default from the provider on the class path)
     * @param properties the properties
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public InvitationService invitationService(InvitationStore store, TenantSettingsSource settings,
                                               ObjectProvider<Mailer> mailer,
                                               ObjectProvider<IdentityDirectory> directory,
                                               ObjectProvider<SeatLedger> seats, ObjectProvider<KeyRing> keyRing,
                                               ObjectProvider<AttemptThrottle> throttle,
                                               ObjectProvider<MessageTemplateStore> templates,
                                               ObjectProvider<InvitationEventListener> listeners,
                                               ObjectProvider<InvitationObserver> observers,
                                               ObjectProvider<InvitationMetrics> metrics,
                                               ObjectProvider<Clock> clock, ObjectProvider<Validator> validator,
                                               InvitationsProperties properties) {
        return ServiceAssembly.build(new ServiceAssembly.Parts(store, mailer, directory, seats, keyRing, settings,
                throttle, templates, listeners, observers, metrics, clock, validator), properties);
    }

    /**
     * The scheduled delivery and the expiry, reminder and retention sweeps, unless
     * {@code invitations.schedule.enabled=false}; the retention sweep runs for
     * {@code invitations.schedule.retention-tenants}.
     *
     * @param service    the service
     * @param properties the properties
     * @return the scheduler
     * @throws io.invitations.spi.InvitationException with {@code CONFIGURATION} if an interval is not
     *                                                positive or a retention tenant id is invalid
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(InvitationService.class)
    @ConditionalOnProperty(prefix = "invitations.schedule", name = "enabled", matchIfMissing = true)
    public InvitationsScheduler invitationsScheduler(InvitationService service, InvitationsProperties properties) {
        InvitationsProperties.Schedule s = properties.getSchedule();
        List<TenantId> tenants = new ArrayList<>();
        for (String id : s.getRetentionTenants()) {
            try {
                tenants.add(TenantId.of(id));
            } catch (RuntimeException e) {
                throw new InvitationException(ErrorCode.CONFIGURATION, "invitations.schedule.retention-tenants"
                        + " holds an invalid tenant id: " + e.getMessage());
            }
        }
        List<TenantId> retentionTenants = List.copyOf(tenants);
        return InvitationsScheduler.builder(service).deliveryInterval(s.getDeliveryInterval())
                .expiryInterval(s.getExpiryInterval())
                .reminderInterval(s.isRemindersEnabled() ? s.getReminderInterval() : null)
                .retentionTenants(s.isRetentionEnabled() && !tenants.isEmpty() ? s.getRetentionInterval() : null,
                        () -> retentionTenants)
                .build();
    }
}
