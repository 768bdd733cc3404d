package io.invitations.spring.web;

import io.invitations.core.InviteeActions;
import io.invitations.core.optout.OptOutConfirmation;
import io.invitations.core.optout.OptOutScope;
import io.invitations.spi.InvitationException;
import io.invitations.spring.web.internal.InviteeCalls;
import io.invitations.spring.web.internal.OptOutPage;
import io.invitations.spring.web.internal.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The invitee's endpoints, reachable without signing in (the claim token or access code is the
 * credential), under {@code ${invitations.web.path:/invitations}/api}.
 *
 * <ul>
 *   <li>{@code GET|HEAD /claims/{token}} reads what a claim link offers and never changes anything,
 *       so a mail scanner that pre-opens the link consumes nothing;</li>
 *   <li>{@code POST /claims/{token}} claims with the answers to the tenant's claim steps;</li>
 *   <li>{@code POST /claims/{token}/decline} declines;</li>
 *   <li>{@code GET|HEAD /opt-out/{token}} answers a confirmation page (HTML) and changes nothing;
 *       {@code POST /opt-out/{token}} opts out (RFC 8058 one-click, or the page's form);</li>
 *   <li>{@code POST /codes/redeem} redeems an access code (throttled; a wrong code and an unknown
 *       identifier answer alike);</li>
 *   <li>{@code GET|HEAD /shareable-links/{token}} and {@code POST /shareable-links/{token}/join}.</li>
 * </ul>
 *
 * <p><b>CSRF.</b> Every state-changing endpoint is a {@code POST} that accepts only
 * {@code application/json}: a page of another site cannot send that cross-origin without a CORS
 * preflight this module never allows, and a plain HTML form can only send form, multipart or text
 * bodies. The token in the URL is the credential; the caller's session is read only through the
 * {@link AcceptingAddressResolver}, to narrow who may accept (never to grant anything), so a forged
 * request gains nothing its sender did not already hold. The one exception is the opt-out
 * {@code POST}, which must take the RFC 8058 form body a mailbox provider sends: its token is the
 * credential, and a forged request could only opt out the recipient the token belongs to. A host rendering its own claim form posts
 * it under its own CSRF protection (Spring Security's token) and calls the engine from there.
 *
 * <p>Errors are RFC 9457 problem details with neutral texts (see the module's README section).
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
@RestController
@RequestMapping("${invitations.web.path:/invitations}/api")
public class InviteeApiController {
    private final InviteeCalls calls;
    private final InviteeActions invitee;
    private final AcceptingAddressResolver acceptingAddress;

    /**
     * Creates the controller on the invitee's side of the service alone, knowing no signed-in
     * address ({@link AcceptingAddressResolver#none()}).
     *
     * @param invitee {@code service.invitee()}
     */
    public InviteeApiController(InviteeActions invitee) {
        this(invitee, AcceptingAddressResolver.none());
    }

    /**
     * Creates the controller.
     *
     * @param invitee          {@code service.invitee()}
     * @param acceptingAddress tells which address the caller is signed in with, passed to the
     *                         engine as the claim's {@code acceptingAs}
     * @since 1.1
     */
    public InviteeApiController(InviteeActions invitee, AcceptingAddressResolver acceptingAddress) {
        this.calls = new InviteeCalls(invitee);
        this.invitee = invitee;
        this.acceptingAddress = java.util.Objects.requireNonNull(acceptingAddress, "acceptingAddress");
    }

    /**
     * Reads what a claim link offers: who invited whom to what, its status, and the claim steps.
     * Safe and idempotent: GET and HEAD change nothing.
     *
     * @param token the claim token from the link
     * @return the offer
     */
    @RequestMapping(path = "/claims/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public WebJson.ClaimView inspect(@PathVariable String token) {
        return calls.inspect(token);
    }

    /**
     * Claims the invitation with the answers to its claim steps. When the caller is signed in, the
     * {@link AcceptingAddressResolver} names their address and the tenant's {@code OtherAccountPolicy}
     * decides if it is not the address invited: refused with {@code ACCOUNT_MISMATCH} (403; the
     * invitation stays open), accepted, or held ({@code AWAITING_APPROVAL}).
     *
     * @param token   the claim token
     * @param form    the answers
     * @param request the request, for the signed-in address
     * @return the outcome
     */
    @PostMapping(path = "/claims/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.AcceptanceView accept(@PathVariable String token, @RequestBody WebJson.ClaimForm form,
                                         HttpServletRequest request) {
        return calls.accept(token, form, acceptingAddress.resolve(request).orElse(null));
    }

    /**
     * Declines the invitation. The body is an empty JSON object ({@code {}}).
     *
     * @param token the claim token
     * @param body  ignored; required so that the request is JSON
     * @return the status after
     */
    @PostMapping(path = "/claims/{token}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> decline(@PathVariable String token,
                                       @RequestBody(required = false) Map<String, Object> body) {
        return Map.of("status", calls.decline(token));
    }

    /**
     * Opts the recipient out of further invitations: the RFC 8058 one-click endpoint. A mailbox
     * provider posts {@code List-Unsubscribe=One-Click} (form-encoded) to the URL of the message's
     * {@code List-Unsubscribe} header, so point the tenant's
     * {@link io.invitations.spi.settings.TenantSettings#optOutUrlTemplate()} here, e.g.
     * {@code https://app.example.com/invitations/api/opt-out/{token}}. Idempotent; the body is
     * ignored. A forged or altered token answers as an invalid token. The same URL is the visible
     * link in the message: a browser opening it gets the confirmation page of {@link #optOutPage}.
     *
     * @param token the opt-out token from the link
     * @param scope {@code TENANT} (the default) or {@code ALL_TENANTS}
     * @return the tenant and the scope recorded
     */
    @PostMapping(path = "/opt-out/{token}")
    public Map<String, String> optOut(@PathVariable String token,
                                      @RequestParam(name = "scope", required = false) OptOutScope scope) {
        OptOutConfirmation done = invitee.optOut(token, scope == null ? OptOutScope.TENANT : scope);
        return Map.of("tenant", done.tenantId().value(), "scope", done.scope().name());
    }

    /**
     * The page a recipient sees on clicking the opt-out link in the message (the same URL as the
     * {@code List-Unsubscribe} header): a confirmation with a form that posts back to this URL, with
     * the choice of scope. Opening it opts nobody out, so a mail scanner that pre-fetches the link
     * changes nothing. The page never reads the token, so a forged or altered token gets the same
     * page (and then the same 404 as {@link #optOut} when the form is sent). HTML without script,
     * answered with {@code Cache-Control: no-store}, {@code Referrer-Policy: no-referrer} and
     * {@code X-Frame-Options: DENY}.
     *
     * @param token the opt-out token from the link (not read)
     * @return the confirmation page
     * @since 1.2
     */
    @RequestMapping(path = "/opt-out/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<String> optOutPage(@PathVariable String token) {
        return OptOutPage.confirmation();
    }

    /**
     * Records the opt-out sent from the confirmation page of {@link #optOutPage} (the form carries
     * the field {@code confirmed}) and answers a small HTML page: done, or the same status and
     * neutral text as {@link #optOut} for an invalid token.
     *
     * @param token the opt-out token from the link
     * @param scope {@code TENANT} (the default) or {@code ALL_TENANTS}
     * @return the page
     * @since 1.2
     */
    @PostMapping(path = "/opt-out/{token}", params = OptOutPage.CONFIRM_FIELD)
    public ResponseEntity<String> optOutFromPage(@PathVariable String token,
                                                 @RequestParam(name = "scope", required = false) OptOutScope scope) {
        try {
            OptOutConfirmation done = invitee.optOut(token, scope == null ? OptOutScope.TENANT : scope);
            return OptOutPage.done(done.scope() == OptOutScope.ALL_TENANTS);
        } catch (InvitationException e) {
            ProblemDetail problem = Problems.forInvitee(e);
            return OptOutPage.failed(HttpStatus.valueOf(problem.getStatus()), String.valueOf(problem.getDetail()));
        }
    }

    /**
     * Redeems an access code; throttled per identifier and client. A wrong code, an unknown
     * identifier and a used-up invitation answer alike.
     *
     * @param form    the code as typed
     * @param request the request, for the client's address
     * @return the claim token to continue with, and what it opens
     */
    @PostMapping(path = "/codes/redeem", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.RedeemedView redeemCode(@RequestBody WebJson.CodeForm form, HttpServletRequest request) {
        return calls.redeemCode(form, request.getRemoteAddr());
    }

    /**
     * Reads what a shareable link offers; changes nothing.
     *
     * @param token the link's token
     * @return the offer
     */
    @RequestMapping(path = "/shareable-links/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public WebJson.OfferView inspectShareableLink(@PathVariable String token) {
        return calls.inspectShareableLink(token);
    }

    /**
     * Joins through a shareable link. The typed email is unverified: anyone holding the link may type
     * any address. The {@link AcceptingAddressResolver} names the caller's signed-in address, passed to
     * the engine as the claim's {@code acceptingAs}: a signed-in address other than the typed one is
     * refused with {@code ACCOUNT_MISMATCH} (403), a tenant requiring the accepting address refuses a
     * caller who is not signed in ({@code ACCEPTING_ADDRESS_REQUIRED}), and only a signed-in joiner
     * replaces their own open invitation; without it such an invitation stays untouched and the join
     * is refused with the neutral {@code ALREADY_INVITED_OR_MEMBER}.
     *
     * @param token   the link's token
     * @param form    the joiner's email and claim answers
     * @param request the request, for the signed-in address
     * @return the outcome
     */
    @PostMapping(path = "/shareable-links/{token}/join", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.AcceptanceView joinShareableLink(@PathVariable String token, @RequestBody WebJson.JoinForm form,
                                                    HttpServletRequest request) {
        return calls.joinShareableLink(token, form, acceptingAddress.resolve(request).orElse(null));
    }

    /**
     * Answers an engine failure with a neutral problem detail.
     *
     * @param e the failure
     * @return the problem
     */
    @ExceptionHandler(InvitationException.class)
    public ProblemDetail failed(InvitationException e) {
        return Problems.forInvitee(e);
    }

    /**
     * Answers a malformed value (such as an over-long tenant id) without echoing it.
     *
     * @param e the failure
     * @return the problem
     */
    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail malformed(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Some answers are missing or invalid.");
    }

    /**
     * Answers a request parameter of the wrong type (such as an unknown opt-out {@code scope}),
     * naming the parameter without echoing its value.
     *
     * @param e the failure
     * @return the problem
     */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    public ProblemDetail mistyped(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String allowed = type != null && type.isEnum()
                ? "; use one of " + java.util.Arrays.toString(type.getEnumConstants()) : "";
        return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The parameter '" + e.getName() + "' has an invalid value" + allowed + ".");
    }
}
