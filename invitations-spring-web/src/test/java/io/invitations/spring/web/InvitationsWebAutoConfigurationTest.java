package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.memory.InMemoryKeyRing;
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
    void a_host_controller_replaces_the_module_s() {
        InvitationService service = service();
        InviteeApiController own = new InviteeApiController(service.invitee());
        web.withBean(InvitationService.class, () -> service).withBean(InviteeApiController.class, () -> own)
                .run(c -> assertThat(c.getBean(InviteeApiController.class)).isSameAs(own));
    }
}
