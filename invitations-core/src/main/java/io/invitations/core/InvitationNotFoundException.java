package io.invitations.core;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

/**
 * Thrown when no invitation with an id exists in a tenant.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class InvitationNotFoundException extends InvitationException {
    private static final long serialVersionUID = 1L;

    /** The tenant looked in. */
    private final String tenantId;
    /** The id looked for. */
    private final String invitationId;

    /**
     * Creates the exception.
     *
     * @param tenantId     the tenant, not {@code null}
     * @param invitationId the id looked for, not {@code null}
     */
    public InvitationNotFoundException(TenantId tenantId, InvitationId invitationId) {
        super(ErrorCode.NOT_FOUND, "no invitation " + invitationId + " exists in tenant " + tenantId
                + "; check the id and the tenant");
        this.tenantId = tenantId.value();
        this.invitationId = invitationId.value();
    }

    /**
     * Returns the tenant.
     *
     * @return the tenant
     */
    public TenantId tenantId() {
        return TenantId.of(tenantId);
    }

    /**
     * Returns the id looked for.
     *
     * @return the id
     */
    public InvitationId invitationId() {
        return InvitationId.of(invitationId);
    }
}
