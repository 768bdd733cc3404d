package io.invitations.spi.storage;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

/**
 * Thrown by a store when a write would make a second open invitation for the same tenant, target
 * and invitee. Nothing of the write was stored.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class DuplicateInvitationException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final transient TenantId tenantId;
    private final transient Target target;
    private final String inviteeKey;

    /**
     * Creates the exception.
     *
     * @param tenantId   the tenant
     * @param target     the target
     * @param inviteeKey the invitee's match key (an email or identifier, never a secret)
     */
    public DuplicateInvitationException(TenantId tenantId, Target target, String inviteeKey) {
        super(ErrorCode.DUPLICATE_OPEN_INVITATION, "an open invitation already exists for " + inviteeKey
                + " to " + target + " in tenant " + tenantId + "; resend or revoke that one instead");
        this.tenantId = tenantId;
        this.target = target;
        this.inviteeKey = inviteeKey;
    }

    /**
     * Returns the tenant.
     *
     * @return the tenant
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the target.
     *
     * @return the target
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the invitee's match key, see {@link io.invitations.spi.invitation.Contact#matchKey()}.
     *
     * @return the key
     */
    public String inviteeKey() {
        return inviteeKey;
    }
}
