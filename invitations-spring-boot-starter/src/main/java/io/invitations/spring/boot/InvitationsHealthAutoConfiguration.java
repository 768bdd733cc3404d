package io.invitations.spring.boot;

import io.invitations.core.InvitationService;
import io.invitations.micrometer.OutboxBacklog;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The Actuator health indicator {@code invitations}, when Spring Boot's health support is present.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InvitationsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(InvitationService.class)
@EnableConfigurationProperties(InvitationsProperties.class)
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsHealthAutoConfiguration {
    /**
     * The health indicator.
     *
     * @param dataSource the application's data source, if exactly one
     * @param backlog    the outbox backlog, if any
     * @param clock      the application's clock, if any
     * @param properties the properties
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "invitationsHealthIndicator")
    public InvitationsHealthIndicator invitationsHealthIndicator(ObjectProvider<DataSource> dataSource,
                                                                 ObjectProvider<OutboxBacklog> backlog,
                                                                 ObjectProvider<Clock> clock,
                                                                 InvitationsProperties properties) {
        return new InvitationsHealthIndicator(dataSource.getIfUnique(), backlog.getIfAvailable(),
                properties.getHealth(), clock.getIfAvailable(Clock::systemUTC));
    }
}
