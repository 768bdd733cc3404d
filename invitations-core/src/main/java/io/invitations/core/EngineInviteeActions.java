package io.invitations.core;

import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.core.observe.InvitationObserver.Operation;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;

import java.util.Objects;

/** The engine's {@link InviteeActions}. */
final class EngineInviteeActions implements InviteeActions {
    private final Engine engine;

    EngineInviteeActions(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ClaimInspection inspect(String claimToken) {
        return engine.claiming.inspect(claimToken);
    }

    @Override
    public Acceptance accept(ClaimRequest claim) {
        Objects.requireNonNull(claim, "claim");
        return engine.observer.observe(Operation.ACCEPT, null, () -> engine.claiming.accept(claim));
    }

    @Override
    public Invitation decline(String claimToken) {
        return engine.claiming.decline(claimToken);
    }

    @Override
    public RedeemedCode redeemCode(CodeRedemption redemption) {
        return engine.redeeming.redeem(Objects.requireNonNull(redemption, "redemption"));
    }

    @Override
    public ShareableLinkOffer inspectShareableLink(String linkToken) {
        return engine.linking.offer(linkToken);
    }

    @Override
    public Acceptance joinShareableLink(JoinRequest request) {
        Objects.requireNonNull(request, "request");
        return engine.observer.observe(Operation.JOIN, null, () -> engine.linking.join(request));
    }

    @Override
    public boolean selfRegistrationAllowed(TenantId tenantId) {
        return engine.ctx.settingsFor(Objects.requireNonNull(tenantId, "tenantId")).selfRegistration();
    }

    @Override
    public io.invitations.core.optout.OptOutConfirmation optOut(String optOutToken,
                                                                io.invitations.core.optout.OptOutScope scope) {
        return io.invitations.core.internal.OptOuts.optOut(engine.ctx, optOutToken, scope);
    }

    @Override
    public String toString() {
        return "InviteeActions";
    }
}
