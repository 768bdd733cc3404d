package io.invitations.spring.web.internal;

import io.invitations.core.Acceptance;
import io.invitations.core.ClaimRequest;
import io.invitations.core.CodeRedemption;
import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.ClaimInspection;
import io.invitations.core.InviteeActions;
import io.invitations.core.RedeemedCode;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spring.web.WebJson;

import java.util.List;
import java.util.Objects;

/**
 * The invitee's calls into the engine: the one place of this module that knows the invitee's side
 * of the service, through {@code service.invitee()}.
 */
public final class InviteeCalls {
    private final InviteeActions invitee;

    /**
     * Creates the adapter.
     *
     * @param invitee the invitee's side of the service ({@code service.invitee()})
     */
    public InviteeCalls(InviteeActions invitee) {
        this.invitee = Objects.requireNonNull(invitee, "invitee");
    }

    /**
     * Reads what a claim link offers; changes nothing.
     *
     * @param claimToken the token
     * @return the view
     */
    public WebJson.ClaimView inspect(String claimToken) {
        return claimView(invitee.inspect(claimToken));
    }

    /**
     * Accepts.
     *
     * @param claimToken  the token
     * @param form        the answers
     * @param acceptingAs the address the caller is signed in with, from the host's authentication,
     *                    or {@code null}
     * @return the outcome
     */
    public WebJson.AcceptanceView accept(String claimToken, WebJson.ClaimForm form, EmailAddress acceptingAs) {
        return acceptance(invitee.accept(claim(claimToken, form).acceptingAs(acceptingAs).build()));
    }

    /**
     * Declines.
     *
     * @param claimToken the token
     * @return the status after
     */
    public String decline(String claimToken) {
        return invitee.decline(claimToken).status().name();
    }

    /**
     * Redeems an access code.
     *
     * @param form      the code as typed
     * @param clientKey the client's key for the throttle
     * @return the claim token and what it opens
     */
    public WebJson.RedeemedView redeemCode(WebJson.CodeForm form, String clientKey) {
        if (form.tenantId() == null || form.tenantId().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldProblem("tenantId", "must not be blank")));
        }
        RedeemedCode r = invitee.redeemCode(CodeRedemption.of(TenantId.of(form.tenantId()), form.identifierKind(),
                form.identifier(), form.code()).fromClient(clientKey));
        return new WebJson.RedeemedView(r.token(), claimView(r.inspection()));
    }

    /**
     * Reads what a shareable link offers; changes nothing.
     *
     * @param linkToken the link's token
     * @return the offer
     */
    public WebJson.OfferView inspectShareableLink(String linkToken) {
        ShareableLinkOffer o = invitee.inspectShareableLink(linkToken);
        return new WebJson.OfferView(o.tenantName(), o.target().type(), Views.targetId(o.target()),
                o.grant().role(), Views.iso(o.expiresAt()), o.usesLeft(), o.allowedDomains(),
                o.requirements().steps().stream().map(Enum::name).toList(), Views.requirements(o.requirements()));
    }

    /**
     * Joins through a shareable link.
     *
     * @param linkToken   the link's token
     * @param form        the join
     * @param acceptingAs the address the caller is signed in with, from the host's authentication,
     *                    or {@code null} (the typed email is then unverified)
     * @return the outcome
     */
    public WebJson.AcceptanceView joinShareableLink(String linkToken, WebJson.JoinForm form, EmailAddress acceptingAs) {
        WebJson.ClaimForm claim = form.claim() == null
                ? new WebJson.ClaimForm(null, null, null, null, null, null) : form.claim();
        return acceptance(invitee.joinShareableLink(JoinRequest.of(form.email(),
                claim(linkToken, claim).acceptingAs(acceptingAs).build())));
    }

    private static ClaimRequest.Builder claim(String token, WebJson.ClaimForm form) {
        ClaimRequest.Builder b = ClaimRequest.builder(token).name(form.firstName(), form.lastName());
        if (form.profile() != null) {
            form.profile().forEach(b::profile);
        }
        if (form.password() != null && !form.password().isEmpty()) {
            b.password(form.password().toCharArray());
        }
        if (Boolean.TRUE.equals(form.termsAccepted())) {
            b.acceptTerms();
        }
        if (form.groups() != null) {
            b.chooseGroups(form.groups());
        }
        return b;
    }

    private static WebJson.AcceptanceView acceptance(Acceptance a) {
        return new WebJson.AcceptanceView(a.invitation().id().value(), a.invitation().status().name(),
                a.accountId(), a.awaitingApproval());
    }

    private static WebJson.ClaimView claimView(ClaimInspection i) {
        return new WebJson.ClaimView(i.tenantName(), i.inviterName(), Views.name(i.invitee()), i.target().type(),
                Views.targetId(i.target()), i.grant().role(), i.personalMessage(), i.locale().toLanguageTag(),
                i.status().name(), i.claimable(), Views.iso(i.expiresAt()),
                i.requirements().steps().stream().map(Enum::name).toList(), Views.requirements(i.requirements()));
    }
}
