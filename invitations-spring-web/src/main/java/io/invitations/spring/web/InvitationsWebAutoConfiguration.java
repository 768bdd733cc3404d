package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.spi.security.AttemptThrottle;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Registers the invitee's endpoints ({@link InviteeApiController}), the administrators' API
 * ({@link AdminApiController}) and the mail providers' delivery webhooks
 * ({@link DeliveryWebhookController}, each provider off until configured) in a servlet web application that has an {@link InvitationService}
 * bean, under {@code invitations.web.path} (default {@code /invitations}). Switch both off with
 * {@code invitations.web.enabled=false}; each backs off when the application defines its own.
 * The administrators' API stays closed (403) until the application defines an
 * {@link AdministratorResolver} bean. The claim endpoint passes the caller's signed-in address from
 * an {@link AcceptingAddressResolver} bean: the application's, else Spring Security's verified
 * {@code email} when Spring Security is on the class path, else none.
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
    private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

    /**
     * The invitee's endpoints.
     *
     * @param service          the service
     * @param acceptingAddress the signed-in address of the caller, see {@link AcceptingAddressResolver}
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    public InviteeApiController invitationsInviteeApi(InvitationService service,
                                                      ObjectProvider<AcceptingAddressResolver> acceptingAddress) {
        return new InviteeApiController(service.invitee(),
                acceptingAddress.getIfAvailable(AcceptingAddressResolver::none));
    }

    /**
     * Without Spring Security on the class path, no signed-in address is known.
     *
     * @return {@link AcceptingAddressResolver#none()}
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnMissingClass(SECURITY_CONTEXT)
    public AcceptingAddressResolver invitationsAcceptingAddress() {
        return AcceptingAddressResolver.none();
    }

    /** The signed-in address from Spring Security, when it is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SECURITY_CONTEXT)
    static class SpringSecurityAcceptingAddress {
        /**
         * The verified {@code email} of the authenticated principal.
         *
         * @return {@link SpringSecurityAcceptingAddressResolver#verifiedEmail()}
         */
        @Bean
        @ConditionalOnMissingBean
        AcceptingAddressResolver invitationsAcceptingAddress() {
            return SpringSecurityAcceptingAddressResolver.verifiedEmail();
        }
    }

    /**
     * The mail providers' delivery webhooks; each provider answers 404 until switched on under
     * {@code invitations.web.webhooks.*} with its secret.
     *
     * @param service    the service
     * @param properties the webhook settings
     * @param clock      the application's clock, if any (else the system's, in UTC)
     * @param throttle   the attempt throttle, if any (the JDBC one, shared by the nodes, with a JDBC
     *                   store): each Mailgun signature token is accepted once on it
     * @return the controller
     * @throws io.invitations.spi.InvitationException with {@code CONFIGURATION} when an enabled
     *                                                provider lacks its secret
     */
    @Bean
    @ConditionalOnMissingBean
    public DeliveryWebhookController invitationsDeliveryWebhooks(InvitationService service,
                                                                 WebhookProperties properties,
                                                                 ObjectProvider<Clock> clock,
                                                                 ObjectProvider<AttemptThrottle> throttle) {
        return new DeliveryWebhookController(service.deliveryFeedback(), properties,
                clock.getIfAvailable(Clock::systemUTC), throttle.getIfUnique(() -> null));
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
