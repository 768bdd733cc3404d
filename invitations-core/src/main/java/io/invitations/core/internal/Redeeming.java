package io.invitations.core.internal;

import io.invitations.core.CodeRedemption;
import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.RedeemedCode;
import io.invitations.core.code.AccessCode;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.lifecycle.IllegalTransitionException;
import io.invitations.spi.invitation.Action;
import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.code.InvalidAccessCodeException;
import io.invitations.core.code.ThrottledException;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Access codes of invitations without email: revealing one to an administrator, and redeeming
 * identifier and code for the claim token, through the throttled gate.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
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

    private static boolean open(InvitationStatus status) {
        return status == InvitationStatus.PENDING || status == InvitationStatus.PROVISIONED;
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
        Invitation invitation = ctx.requireReadable(actor, tenantId, id);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(ctx.settingsFor(tenantId))
                .checkReveal(actor, invitation));
        if (!(invitation.invitee().contact() instanceof Identifier)) {
            throw new InvalidRequestException(List.of(new FieldProblem("invitationId", "invitation " + id
                    + " is reached by email and has no access code; reveal its claim link instead")));
        }
        return ways.codes().derive(tenantId, id, invitation.tokenVersion());
    }

    /**
     * Checks identifier and code and, when they open a pending invitation, returns its inspection
     * and claim token. The right code of an invitation that cannot be claimed (provisioned,
     * revoked, expired, accepted, awaiting approval) gives an {@link IllegalTransitionException}
     * naming its state, and no token. The gate's work is the same for every identifier.
     *
     * @param entry what the invitee typed
     * @return the inspection and token
     */
    public RedeemedCode redeem(CodeRedemption entry) {
        ways.ctx().requests().check(entry);
        Context ctx = ways.ctx();
        TenantId tenantId = entry.tenantId();
        Identifier identifier = Identifier.of(IdentifierKind.of(entry.identifierKind()),
                ContactText.nfkc(entry.identifier()));
        // open invitations first (at most AccessCodeGate.MAX_OPEN_PER_IDENTIFIER of them), then the
        // newest closed ones: the gate compares exactly that many codes, whoever the identifier is
        Instant now = ctx.now();
        List<Invitation> candidates = ctx.store().findByInvitee(tenantId, identifier).stream()
                .sorted(Comparator.comparing((Invitation i) -> !open(i.effectiveStatus(now)))
                        .thenComparing(Invitation::createdAt, Comparator.reverseOrder()))
                .toList();
        AccessCodeGate.Result result = ways.gate().check(tenantId, identifier, entry.clientKey(), candidates,
                entry.code(), now);
        switch (result.verdict()) {
            case THROTTLED:
                throw new ThrottledException();
            case MISMATCH:
                throw new InvalidAccessCodeException();
            default:
                Invitation invitation = result.invitation();
                InvitationStatus status = invitation.effectiveStatus(now);
                if (status != InvitationStatus.PENDING) {
                    // the right code of an invitation that cannot be claimed: its holder learns the
                    // state (REVOKED, EXPIRED, ALREADY_ACCEPTED, ...), but no claim token is issued
                    throw new IllegalTransitionException(invitation.id(), status, Action.ACCEPT);
                }
                String token = ctx.signer().issue(TokenPurpose.INVITATION_LINK, tenantId, invitation.id().value(),
                        invitation.tokenVersion());
                return new RedeemedCode(claiming.inspect(token), token);
        }
    }
}
