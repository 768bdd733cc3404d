package io.invitations.core.internal;

import io.invitations.core.CodeRedemption;
import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.RedeemedCode;
import io.invitations.core.code.AccessCode;
import io.invitations.core.code.AccessCodeGate;
import io.invitations.core.code.InvalidAccessCodeException;
import io.invitations.core.code.ThrottledException;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.token.TokenPurpose;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;

import java.util.List;

/**
 * Access codes of invitations without email: revealing one to an administrator, and redeeming
 * identifier and code for the claim token, through the throttled gate.
 */
public final class Redeeming {
    private final WaysIn ways;
    private final Claiming claiming;

    /**
     * Creates the operations.
     *
     * @param ways     the context of the other ways in
     * @param claiming the claim operations the redeemed token continues with
     */
    public Redeeming(WaysIn ways, Claiming claiming) {
        this.ways = ways;
        this.claiming = claiming;
    }

    /**
     * Derives an identifier invitation's current access code for an administrator.
     *
     * @param actor    who asks
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the code
     */
    public AccessCode reveal(Inviter actor, TenantId tenantId, InvitationId id) {
        Context ctx = ways.ctx();
        Invitation invitation = ctx.require(tenantId, id);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(ctx.settingsFor(tenantId))
                .checkReveal(actor, invitation));
        if (!(invitation.invitee().contact() instanceof Identifier)) {
            throw new InvalidRequestException(List.of(new FieldProblem("invitationId", "invitation " + id
                    + " is reached by email and has no access code; reveal its claim link instead")));
        }
        return ways.codes().derive(tenantId, id, invitation.tokenVersion());
    }

    /**
     * Checks identifier and code and, when they open an invitation, returns its inspection and
     * claim token.
     *
     * @param entry what the invitee typed
     * @return the inspection and token
     */
    public RedeemedCode redeem(CodeRedemption entry) {
        ways.ctx().requests().check(entry);
        Context ctx = ways.ctx();
        TenantId tenantId = entry.tenantId();
        Identifier identifier = Identifier.of(IdentifierKind.of(entry.identifierKind()), entry.identifier());
        List<Invitation> candidates = ctx.store().findByInvitee(tenantId, identifier);
        AccessCodeGate.Result result = ways.gate().check(tenantId, identifier, entry.clientKey(), candidates,
                entry.code(), ctx.now());
        switch (result.verdict()) {
            case THROTTLED:
                throw new ThrottledException();
            case MISMATCH:
                throw new InvalidAccessCodeException();
            default:
                Invitation invitation = result.invitation();
                String token = ctx.signer().issue(TokenPurpose.INVITATION_LINK, tenantId, invitation.id().value(),
                        invitation.tokenVersion());
                return new RedeemedCode(claiming.inspect(token), token);
        }
    }
}
