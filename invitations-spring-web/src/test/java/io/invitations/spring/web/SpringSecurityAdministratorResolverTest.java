package io.invitations.spring.web;

import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The Spring Security resolver maps only authenticated callers")
class SpringSecurityAdministratorResolverTest {
    private final SpringSecurityAdministratorResolver resolver = new SpringSecurityAdministratorResolver(auth ->
            auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))
                    ? Optional.of(new Administrator(Inviter.of(auth.getName(), auth.getName(),
                    PermissionLevel.ADMIN_TENANT), TenantId.of("acme")))
                    : Optional.empty());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_authenticated_administrator_is_resolved() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "ada", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThat(resolver.resolve(new MockHttpServletRequest())).get()
                .satisfies(a -> assertThat(a.actor().userId()).isEqualTo("ada"))
                .satisfies(a -> assertThat(a.tenantId()).isEqualTo(TenantId.of("acme")));
    }

    @Test
    void nobody_anonymous_or_a_plain_user_is_not() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(resolver.resolve(new MockHttpServletRequest())).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bob", "n/a", AuthorityUtils.createAuthorityList("ROLE_USER")));
        assertThat(resolver.resolve(new MockHttpServletRequest())).isEmpty();
    }
}
