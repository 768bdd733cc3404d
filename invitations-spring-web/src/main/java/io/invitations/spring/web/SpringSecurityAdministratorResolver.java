package io.invitations.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.springframework.security.core.Authentication;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@link AdministratorResolver} over Spring Security: the current, authenticated
 * {@link Authentication} (never an anonymous one) is turned into an {@link Administrator} by the
 * host's function, which reads the user id, name, tenant and authorities it trusts.
 *
 * <pre>{@code
 * @Bean
 * AdministratorResolver administrators() {
 *     return new SpringSecurityAdministratorResolver(auth -> auth.getAuthorities().stream()
 *             .anyMatch(a -> a.getAuthority().equals("ROLE_INVITATIONS_ADMIN"))
 *             ? Optional.of(new Administrator(Inviter.of(auth.getName(), auth.getName(),
 *                     PermissionLevel.ADMIN_TENANT), TenantId.of("acme")))
 *             : Optional.empty());
 * }
 * }</pre>
 *
 * <p>Needs {@code spring-security-core} on the class path (an optional dependency of this module).
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public final class SpringSecurityAdministratorResolver implements AdministratorResolver {
    private final Function<Authentication, Optional<Administrator>> mapping;

    /**
     * Creates the resolver.
     *
     * @param mapping turns an authenticated caller into an administrator, or empty if they are none
     */
    public SpringSecurityAdministratorResolver(Function<Authentication, Optional<Administrator>> mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public Optional<Administrator> resolve(HttpServletRequest request) {
        return SignedIn.map(mapping);
    }
}
