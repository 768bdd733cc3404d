package io.invitations.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;

import java.util.Optional;

/**
 * Tells who is calling the administrators' API, from the host's own authentication. The host
 * defines one bean; without it every administrative endpoint answers 403 and nothing administrative
 * is reachable. An empty answer is a 401.
 *
 * <p>For Spring Security, {@link SpringSecurityAdministratorResolver} reads the current
 * {@code Authentication}. The resolver decides the permission level: the engine then checks it
 * for every action (inviting above one's own level, managing someone else's invitation, ...).
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
@FunctionalInterface
public interface AdministratorResolver {
    /**
     * Resolves the caller of one request.
     *
     * @param request the request
     * @return the administrator, or empty when the caller is not signed in as one
     */
    Optional<Administrator> resolve(HttpServletRequest request);
}
