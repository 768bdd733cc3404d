package io.invitations.spring.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The Spring Security resolvers' common step: the current caller, if authenticated and not anonymous. */
final class SignedIn {
    private SignedIn() {
    }

    /**
     * Maps the current, authenticated {@link Authentication} with the host's function.
     *
     * @param mapping the host's function; must not answer {@code null}
     * @param <T>     what it maps to
     * @return the mapping's answer, or empty when nobody (or only an anonymous caller) is signed in
     */
    static <T> Optional<T> map(Function<Authentication, Optional<T>> mapping) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Objects.requireNonNull(mapping.apply(auth), "mapping answered null");
    }
}
