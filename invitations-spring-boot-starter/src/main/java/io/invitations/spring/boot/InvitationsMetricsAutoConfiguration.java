package io.invitations.spring.boot;

import io.invitations.micrometer.InvitationMetrics;
import io.invitations.micrometer.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Micrometer meters and observations of the engine on the application's {@link MeterRegistry} and
 * {@link ObservationRegistry}; the outbox gauges when an {@link OutboxBacklog} is known.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InvitationsJdbcAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, InvitationMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(InvitationsProperties.class)
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsMetricsAutoConfiguration {
    /**
     * The metrics binding.
     *
     * @param meters       the application's meter registry
     * @param observations the application's observation registry, if any
     * @param backlog      the outbox backlog, if any
     * @param clock        the application's clock, if any
     * @param properties   the properties
     * @return the binding
     */
    @Bean
    @ConditionalOnMissingBean
    public InvitationMetrics invitationMetrics(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations,
                                               ObjectProvider<OutboxBacklog> backlog, ObjectProvider<Clock> clock,
                                               InvitationsProperties properties) {
        InvitationMetrics.Builder b = InvitationMetrics.builder(meters)
                .tenantTags(properties.getMetrics().isTenantTags());
        observations.ifAvailable(b::observationRegistry);
        backlog.ifAvailable(b::outboxBacklog);
        clock.ifAvailable(b::clock);
        return b.build();
    }
}
