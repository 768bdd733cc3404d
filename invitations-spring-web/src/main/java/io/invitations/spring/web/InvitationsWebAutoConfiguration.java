package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Registers the invitee's endpoints ({@link InviteeApiController}), the administrators' API
 * ({@link AdminApiController}) and the mail providers' delivery webhooks
 * ({@link DeliveryWebhookController}, each provider off until configured) in a servlet web application that has an {@link InvitationService}
 * bean, under {@code invitations.web.path} (default {@code /invitations}). Switch both off with
 * {@code invitations.web.enabled=false}; each backs off when the application defines its own.
 * The administrators' API stays closed (403) until the application defines an
 * {@link AdministratorResolver} bean.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
@AutoConfiguration(afterName = "io.invitations.spring.boot.InvitationsAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(InvitationService.class)
@ConditionalOnProperty(prefix = "invitations.web", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(WebhookProperties.class)
public class InvitationsWebAutoConfiguration {
    /**
     * The invitee's endpoints.
     *
     * @param service the service
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    public InviteeApiController invitationsInviteeApi(InvitationService service) {
        return new InviteeApiController(service.invitee());
    }

    /**
     * The mail providers' delivery webhooks; each provider answers 404 until switched on under
     * {@code invitations.web.webhooks.*} with its secret.
     *
     * @param service    the service
     * @param properties the webhook settings
     * @param clock      the application's clock, if any (else the system's, in UTC)
     * @return the controller
     * @throws io.invitations.spi.InvitationException with {@code CONFIGURATION} when an enabled
     *                                                provider lacks its secret
     */
    @Bean
    @ConditionalOnMissingBean
    public DeliveryWebhookController invitationsDeliveryWebhooks(InvitationService service,
                                                                 WebhookProperties properties,
                                                                 ObjectProvider<Clock> clock) {
        return new DeliveryWebhookController(service.deliveryFeedback(), properties,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The administrators' API.
     *
     * @param service  the service
     * @param resolver the host's resolver of administrators, if any
     * @param clock    the application's clock, if any (else the system's, in UTC)
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    public AdminApiController invitationsAdminApi(InvitationService service,
                                                  ObjectProvider<AdministratorResolver> resolver,
                                                  ObjectProvider<Clock> clock) {
        return new AdminApiController(service, resolver, clock.getIfAvailable(Clock::systemUTC));
    }
}
