package io.invitations.spring.web;

import io.invitations.spi.invitation.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.security.core.Authentication;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@link AcceptingAddressResolver} over Spring Security: the current, authenticated
 * {@link Authentication} (never an anonymous one) is turned into the address the invitee accepts
 * with.
 *
 * <p>{@link #verifiedEmail()}, the auto-configured default, reads the OpenID Connect claims
 * {@code email} and {@code email_verified}: from the principal's attributes (an OAuth 2.0 / OIDC
 * login's {@code OAuth2User} or {@code OidcUser}, an opaque token's principal) or the token's
 * attributes (a resource server's {@code JwtAuthenticationToken} or {@code BearerTokenAuthentication}),
 * found by their {@code getAttributes()} / {@code getTokenAttributes()} accessors so that this module
 * needs no OAuth 2.0 dependency. An address is used only when {@code email_verified} is {@code true}
 * (a boolean or the text {@code "true"}). {@link #fromAttributes(String, String)} names other
 * attributes; the constructor takes any mapping, e.g. for a form login whose user names are
 * verified addresses:
 *
 * <pre>{@code
 * @Bean
 * AcceptingAddressResolver acceptingAddress() {
 *     return new SpringSecurityAcceptingAddressResolver(auth -> Optional.of(EmailAddress.of(auth.getName())));
 * }
 * }</pre>
 *
 * <p>An address the mapping gives that is not a valid email address fails the claim with
 * {@code INVALID_REQUEST} rather than being ignored. Needs {@code spring-security-core} on the class
 * path (an optional dependency of this module).
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
public final class SpringSecurityAcceptingAddressResolver implements AcceptingAddressResolver {
    private final Function<Authentication, Optional<EmailAddress>> mapping;

    /**
     * Creates the resolver.
     *
     * @param mapping turns an authenticated caller into their verified address, or empty if they have none
     */
    public SpringSecurityAcceptingAddressResolver(Function<Authentication, Optional<EmailAddress>> mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * The resolver over the OpenID Connect claims {@code email} and {@code email_verified}.
     *
     * @return the resolver
     */
    public static SpringSecurityAcceptingAddressResolver verifiedEmail() {
        return fromAttributes("email", "email_verified");
    }

    /**
     * A resolver over other attributes of the principal or token.
     *
     * @param emailAttribute    the attribute holding the address, e.g. {@code "email"} or {@code "upn"}
     * @param verifiedAttribute the attribute that must be {@code true} for the address to count, or
     *                          {@code null} when the identity provider only ever issues verified addresses
     * @return the resolver
     */
    public static SpringSecurityAcceptingAddressResolver fromAttributes(String emailAttribute, String verifiedAttribute) {
        Objects.requireNonNull(emailAttribute, "emailAttribute");
        return new SpringSecurityAcceptingAddressResolver(auth -> {
            Map<?, ?> attributes = attributes(auth.getPrincipal(), "attributes");
            if (attributes == null || !attributes.containsKey(emailAttribute)) {
                attributes = attributes(auth, "tokenAttributes");
            }
            if (attributes == null || !(attributes.get(emailAttribute) instanceof String email) || email.isBlank()) {
                return Optional.empty();
            }
            if (verifiedAttribute != null && !"true".equals(String.valueOf(attributes.get(verifiedAttribute)))) {
                return Optional.empty();
            }
            return Optional.of(EmailAddress.of(email.strip()));
        });
    }

    private static Map<?, ?> attributes(Object source, String property) {
        if (source == null || source instanceof String) {
            return null;
        }
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(source);
        return bean.isReadableProperty(property) && bean.getPropertyValue(property) instanceof Map<?, ?> map
                ? map : null;
    }

    @Override
    public Optional<EmailAddress> resolve(HttpServletRequest request) {
        return SignedIn.map(mapping);
    }
}
