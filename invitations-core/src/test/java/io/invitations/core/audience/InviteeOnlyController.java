package io.invitations.core.audience;

import io.invitations.core.Acceptance;
import io.invitations.core.ClaimInspection;
import io.invitations.core.ClaimRequest;
import io.invitations.core.InviteeActions;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkOffer;

/**
 * What a web controller for anonymous invitees looks like: it depends on {@link InviteeActions}
 * alone, with the request and result types of its methods, and never sees the service, an
 * administration or the maintenance. That it compiles is the test; {@code FacadeByAudienceTest}
 * drives it.
 */
final class InviteeOnlyController {
    private final InviteeActions invitee;

    InviteeOnlyController(InviteeActions invitee) {
        this.invitee = invitee;
    }

    ClaimInspection showClaimPage(String claimToken) {
        return invitee.inspect(claimToken);
    }

    Acceptance submitClaim(String claimToken, char[] password) {
        return invitee.accept(ClaimRequest.builder(claimToken).password(password).build());
    }

    ShareableLinkOffer showJoinPage(String linkToken) {
        return invitee.inspectShareableLink(linkToken);
    }

    Acceptance join(String linkToken, String email, char[] password) {
        return invitee.joinShareableLink(JoinRequest.of(email, ClaimRequest.builder(linkToken).name("Jo", "Ner")
                .password(password).build()));
    }
}
