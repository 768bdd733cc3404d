package io.invitations.spring.web;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The Spring Security resolver of the signed-in address reads verified addresses only")
class SpringSecurityAcceptingAddressResolverTest {
    private final SpringSecurityAcceptingAddressResolver verified = SpringSecurityAcceptingAddressResolver.verifiedEmail();

    /** What a resource server's JwtAuthenticationToken exposes, without the OAuth 2.0 modules. */
    public static final class JwtLikeToken extends AbstractAuthenticationToken {
        private final Map<String, Object> claims;

        JwtLikeToken(Map<String, Object> claims) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.claims = claims;
            setAuthenticated(true);
        }

        public Map<String, Object> getTokenAttributes() {
            return claims;
        }

        @Override
        public Object getCredentials() {
            return "n/a";
        }

        @Override
        public Object getPrincipal() {
            return "subject-1";
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Authentication auth) {
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private static Authentication oidc(Map<String, Object> attributes) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new AcceptanceByAnotherAccountTest.OidcLikeUser(attributes), "n/a", AuthorityUtils.NO_AUTHORITIES);
    }

    @Test
    void a_verified_email_of_the_principal_or_of_the_token_is_the_address() {
        signIn(oidc(Map.of("email", "Ada@Example.com", "email_verified", true)));
        assertThat(verified.resolve(new MockHttpServletRequest())).contains(EmailAddress.of("Ada@Example.com"));
        signIn(new JwtLikeToken(Map.of("email", "ada@example.com", "email_verified", "true")));
        assertThat(verified.resolve(new MockHttpServletRequest())).contains(EmailAddress.of("ada@example.com"));
    }

    @Test
    void nobody_anonymous_unverified_or_without_an_email_has_none() {
        assertThat(verified.resolve(new MockHttpServletRequest())).isEmpty();
        signIn(new AnonymousAuthenticationToken("k", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(verified.resolve(new MockHttpServletRequest())).isEmpty();
        signIn(oidc(Map.of("email", "ada@example.com", "email_verified", false)));
        assertThat(verified.resolve(new MockHttpServletRequest())).isEmpty();
        signIn(oidc(Map.of("email", "ada@example.com")));
        assertThat(verified.resolve(new MockHttpServletRequest())).isEmpty();
        signIn(UsernamePasswordAuthenticationToken.authenticated("ada@example.com", "n/a", AuthorityUtils.NO_AUTHORITIES));
        assertThat(verified.resolve(new MockHttpServletRequest())).as("a user name is not an address").isEmpty();
    }

    @Test
    void other_attributes_can_be_named_and_a_malformed_address_fails_rather_than_counting_as_none() {
        SpringSecurityAcceptingAddressResolver upn = SpringSecurityAcceptingAddressResolver.fromAttributes("upn", null);
        signIn(new JwtLikeToken(Map.of("upn", "ada@example.com")));
        assertThat(upn.resolve(new MockHttpServletRequest())).contains(EmailAddress.of("ada@example.com"));
        signIn(new JwtLikeToken(Map.of("upn", "ada")));
        assertThatThrownBy(() -> upn.resolve(new MockHttpServletRequest())).isInstanceOf(InvitationException.class);
    }
}
