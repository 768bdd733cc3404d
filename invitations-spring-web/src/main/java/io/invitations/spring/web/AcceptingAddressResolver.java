package io.invitations.spring.web;

import io.invitations.spi.invitation.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;

import java.util.Optional;

/**
 * Tells the invitee's claim endpoint which email address the caller is signed in with (or has
 * verified), from the host's own authentication: the engine's
 * {@link io.invitations.core.ClaimRequest.Builder#acceptingAs acceptingAs}. The tenant's
 * {@code OtherAccountPolicy} then decides what happens when it is not the address invited. The
 * address never comes from the request body: a client could simply leave it out.
 *
 * <p>The auto-configuration defines one, replaceable by the host's own bean: over Spring Security's
 * authenticated principal ({@link SpringSecurityAcceptingAddressResolver#verifiedEmail()}) when
 * Spring Security is on the class path, else {@link #none()}. An empty answer leaves the claim as it
 * was before: the invitee is taken to be who was invited, the claim token being the credential.
 *
 * @since 1.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.1")
@FunctionalInterface
public interface AcceptingAddressResolver {
    /**
     * Resolves the address the caller of one request is signed in with.
     *
     * @param request the request
     * @return the verified address, or empty when the caller is not signed in or has none
     */
    Optional<EmailAddress> resolve(HttpServletRequest request);

    /**
     * A resolver that never knows an address: every claim is taken to be the invited person's.
     *
     * @return the resolver
     */
    static AcceptingAddressResolver none() {
        return request -> Optional.empty();
    }
}
