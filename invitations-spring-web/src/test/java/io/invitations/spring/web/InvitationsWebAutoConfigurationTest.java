package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web auto-configuration: each condition")
class InvitationsWebAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InvitationsWebAutoConfiguration.class));

    private static InvitationService service() {
        return InvitationService.builder().keyRing(InMemoryKeyRing.of(InMemoryKeyRing.randomKey("k"))).build();
    }

    @Test
    void a_servlet_application_with_a_service_gets_both_controllers() {
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .run(c -> assertThat(c).hasSingleBean(InviteeApiController.class)
                        .hasSingleBean(AdminApiController.class));
    }

    @Test
    void nothing_without_a_service_when_switched_off_or_outside_a_web_application() {
        web.run(c -> assertThat(c).doesNotHaveBean(InviteeApiController.class)
                .doesNotHaveBean(AdminApiController.class));
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withPropertyValues("invitations.web.enabled=false")
                .run(c -> assertThat(c).doesNotHaveBean(InviteeApiController.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InvitationsWebAutoConfiguration.class))
                .withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .run(c -> assertThat(c).doesNotHaveBean(AdminApiController.class));
    }

    @Test
    void an_enabled_webhook_without_its_secret_stops_the_start_with_a_configuration_error() {
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withPropertyValues("invitations.web.webhooks.sendgrid.enabled=true",
                        "invitations.web.webhooks.sendgrid.username=sendgrid",
                        "invitations.web.webhooks.sendgrid.password=short")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvitationException.class)
                        .hasMessageContaining("invitations.web.webhooks.sendgrid.password")
                        .hasMessageNotContaining("short")
                        .satisfies(e -> assertThat(((InvitationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION)));
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withPropertyValues("invitations.web.webhooks.mailgun.enabled=true")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("invitations.web.webhooks.mailgun.signing-key"));
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withPropertyValues("invitations.web.webhooks.postmark.enabled=true",
                        "invitations.web.webhooks.postmark.password=0123456789abcdef0123")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("invitations.web.webhooks.postmark.username"));
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .run(c -> assertThat(c).hasSingleBean(DeliveryWebhookController.class));
    }

    @Test
    void a_host_controller_replaces_the_module_s() {
        InvitationService service = service();
        InviteeApiController own = new InviteeApiController(service.invitee());
        web.withBean(InvitationService.class, () -> service).withBean(InviteeApiController.class, () -> own)
                .run(c -> assertThat(c.getBean(InviteeApiController.class)).isSameAs(own));
    }

    @Test
    void the_signed_in_address_comes_from_spring_security_unless_the_host_defines_its_own_resolver() {
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .run(c -> assertThat(c.getBean(AcceptingAddressResolver.class))
                        .isInstanceOf(SpringSecurityAcceptingAddressResolver.class));
        AcceptingAddressResolver own = request -> java.util.Optional.empty();
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withBean(AcceptingAddressResolver.class, () -> own)
                .run(c -> assertThat(c.getBean(AcceptingAddressResolver.class)).isSameAs(own));
        web.withBean(InvitationService.class, InvitationsWebAutoConfigurationTest::service)
                .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                        org.springframework.security.core.context.SecurityContextHolder.class))
                .run(c -> assertThat(c.getBean(AcceptingAddressResolver.class))
                        .isNotInstanceOf(SpringSecurityAcceptingAddressResolver.class)
                        .satisfies(r -> assertThat(r.resolve(new org.springframework.mock.web.MockHttpServletRequest()))
                                .isEmpty()));
    }
}
