package io.invitations.core.internal;

import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.token.ClaimLink;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.core.token.internal.TokenSigner;
import io.invitations.spi.invitation.Invitation;
import org.apiguardian.api.API;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Derives the claim link of an invitation from its tenant, id and token version under the key
 * ring's current key, and places the token in the tenant's claim URL template. The outbox renderer
 * uses this at delivery time, so no link is ever stored. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class ClaimLinks {
    private final TokenSigner signer;
    private final TenantSettingsSource settings;

    /**
     * Creates the derivation.
     *
     * @param signer   the token signer
     * @param settings the tenant settings (for the URL template)
     */
    public ClaimLinks(TokenSigner signer, TenantSettingsSource settings) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Returns the current claim link of an invitation. Links of older token versions are dead.
     *
     * @param invitation the invitation, not {@code null}
     * @return the link; a secret
     */
    public ClaimLink linkFor(Invitation invitation) {
        String token = signer.issue(TokenPurpose.INVITATION_LINK, invitation.tenantId(), invitation.id().value(),
                invitation.tokenVersion());
        TenantSettings s = settings.settingsFor(invitation.tenantId());
        String url = s.claimUrlTemplate().replace(TenantSettings.TOKEN_PLACEHOLDER, token)
                .replace(TenantSettings.TENANT_PLACEHOLDER,
                        URLEncoder.encode(invitation.tenantId().value(), StandardCharsets.UTF_8));
        return new ClaimLink(url, token);
    }

    /**
     * Returns the opt-out URL of an invitation's recipient in its tenant: a signed token of purpose
     * {@link TokenPurpose#OPT_OUT} over the contact's opt-out key, in the tenant's
     * {@link TenantSettings#optOutUrlTemplate()}. The same recipient gets the same URL from every
     * invitation of the tenant.
     *
     * @param invitation the invitation, not {@code null}
     * @return the URL; a secret (never log it)
     */
    public String optOutUrlFor(Invitation invitation) {
        String token = signer.issue(TokenPurpose.OPT_OUT, invitation.tenantId(),
                OptOuts.contactKey(invitation.invitee().contact()), 1);
        TenantSettings s = settings.settingsFor(invitation.tenantId());
        return s.optOutUrlTemplate().replace(TenantSettings.TOKEN_PLACEHOLDER, token)
                .replace(TenantSettings.TENANT_PLACEHOLDER,
                        URLEncoder.encode(invitation.tenantId().value(), StandardCharsets.UTF_8));
    }
}
