package io.invitations.spring.web;

import io.invitations.core.memory.RecordingMailer;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** A host for the controller tests: in-memory engine, a settable clock, and a header-based resolver. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class WebTestApplication {
    static final TenantId ACME = TenantId.of("acme");
    /** The header naming the caller's permission level; absent means "not signed in". */
    static final String LEVEL_HEADER = "X-Test-Level";
    /** The administrator's tenant, ACME unless this header names another. */
    static final String TENANT_HEADER = "X-Test-Tenant";
    /** The administrator the tests read with. */
    static final Inviter SYSTEM = Inviter.of("test-reader", "Test Reader", PermissionLevel.ADMIN_TENANT);

    @Bean
    MutableClock clock() {
        return MutableClock.at("2026-11-22T09:00:00Z");
    }

    @Bean
    RecordingMailer mailer() {
        return new RecordingMailer();
    }

    @Bean
    AdministratorResolver administrators() {
        return request -> Optional.ofNullable(request.getHeader(LEVEL_HEADER)).map(level -> new Administrator(
                Inviter.of("admin-" + level.toLowerCase(), "Ada " + level, PermissionLevel.valueOf(level)),
                Optional.ofNullable(request.getHeader(TENANT_HEADER)).map(TenantId::of).orElse(ACME)));
    }
}
