package io.invitations.examples.boot;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spring.web.Administrator;
import io.invitations.spring.web.AdministratorResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Optional;

/**
 * A runnable host of the invitations engine: {@code mvn -q -pl examples/spring-boot-app -am spring-boot:run},
 * then open http://localhost:8080/. Embedded H2 in memory, messages in an in-app mailbox, a fixed
 * demo administrator (no sign-in) and a demo clock that can be moved forward.
 */
@SpringBootApplication
public class ExampleApplication {
    /** The demo's only tenant. */
    static final TenantId TENANT = TenantId.of("demo");
    /** The fixed demo administrator: a real application resolves its signed-in user instead. */
    static final Administrator DEMO_ADMIN = new Administrator(
            Inviter.of("ada", "Ada Admin", PermissionLevel.ADMIN_TENANT), TENANT);

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /** Sends no referrer from any page: claim, join and opt-out URLs carry their token in the path. */
    @Bean
    jakarta.servlet.Filter noReferrer() {
        return (request, response, chain) -> {
            ((jakarta.servlet.http.HttpServletResponse) response).setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        };
    }

    @Bean
    DemoClock demoClock() {
        return new DemoClock();
    }

    @Bean
    Mailbox mailbox() {
        return new Mailbox();
    }

    /**
     * DEMO ONLY, NEVER EXPOSE: every request, from anyone, acts as the demo administrator, on these
     * pages and on the administrators' JSON API under {@code /invitations/api/admin}. A real
     * application maps its signed-in user (see {@code SpringSecurityAdministratorResolver}).
     */
    @Bean
    AdministratorResolver demoAdministrator() {
        return request -> Optional.of(DEMO_ADMIN);
    }

    /**
     * The demo tenant: terms, a job title and a password to claim; shareable links on. Claim links
     * point at this application's own pages on the port it listens on (known once it started).
     */
    @Bean
    TenantSettingsSource tenantSettings(Environment environment) {
        return tenant -> {
            String base = "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
            // the opt-out link is the web module's endpoint: a browser gets its confirmation page,
            // a mailbox provider's one-click POST opts out at once
            return TenantSettings.builder().claimUrlTemplate(base + "/claim/{token}")
                    .joinUrlTemplate(base + "/join/{token}").optOutUrlTemplate(base + "/invitations/api/opt-out/{token}").termsRequired(true).profileFields(List.of("job_title"))
                    .linkInvitationsEnabled(true).minimumPasswordLength(8).build();
        };
    }
}
