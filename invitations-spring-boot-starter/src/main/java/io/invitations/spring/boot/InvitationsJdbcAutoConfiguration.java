package io.invitations.spring.boot;

import io.invitations.jdbc.JdbcConnections;
import io.invitations.jdbc.JdbcInvitationStore;
import io.invitations.spi.security.AttemptThrottle;
import io.invitations.micrometer.OutboxBacklog;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spring.boot.internal.JdbcOutboxBacklog;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;

/**
 * The JDBC store on the application's {@link DataSource}, its tables migrated on start unless
 * {@code invitations.jdbc.migrate=false}, the shared attempt throttle, and the outbox backlog read
 * from its table.
 *
 * <p>The store's writes join the caller's Spring transaction when there is one and commit on their
 * own otherwise ({@link SpringJdbcConnections}): a host method annotated {@code @Transactional} that
 * creates an invitation and then fails leaves no invitation, history entry or outbox message behind.
 * The throttle always commits on its own connections, so failed guesses stay counted across a host
 * rollback.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({DataSource.class, JdbcInvitationStore.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(InvitationsProperties.class)
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public class InvitationsJdbcAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationsJdbcAutoConfiguration.class);

    /**
     * The JDBC store, migrated unless switched off.
     *
     * @param dataSource the application's data source
     * @param properties the properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(InvitationStore.class)
    public JdbcInvitationStore invitationStore(DataSource dataSource, InvitationsProperties properties) {
        JdbcInvitationStore store = JdbcInvitationStore.builder(new SpringJdbcConnections(dataSource))
                .attemptThrottleConnections(JdbcConnections.of(dataSource))
                .tablePrefix(properties.getJdbc().getTablePrefix())
                .lockingOutboxClaims(properties.getJdbc().isLockingOutboxClaims()).build();
        if (properties.getJdbc().isMigrate()) {
            int applied = store.migrate();
            LOG.info("invitations schema: {} migration(s) applied", applied);
        }
        return store;
    }

    /**
     * The attempt throttle shared by every node on the database, on connections of its own that
     * never join the caller's transaction.
     *
     * @param store the JDBC store
     * @return the throttle
     */
    @Bean
    @ConditionalOnMissingBean(AttemptThrottle.class)
    @ConditionalOnBean(JdbcInvitationStore.class)
    public AttemptThrottle invitationsAttemptThrottle(JdbcInvitationStore store) {
        return store.attemptThrottle();
    }

    /**
     * The outbox backlog, read from the store's outbox table.
     *
     * @param dataSource the application's data source
     * @param properties the properties
     * @return the reader
     */
    @Bean
    @ConditionalOnMissingBean(OutboxBacklog.class)
    @ConditionalOnBean(JdbcInvitationStore.class)
    public OutboxBacklog invitationsOutboxBacklog(DataSource dataSource, InvitationsProperties properties) {
        return new JdbcOutboxBacklog(dataSource, properties.getJdbc().getTablePrefix());
    }
}
