package io.invitations.core.link;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Thrown when a tenant has no shareable link with the given id.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public class LinkNotFoundException extends InvitationException {
    private static final long serialVersionUID = 1L;

    private final String tenantId;
    private final String linkId;

    /**
     * Creates the exception.
     *
     * @param tenantId the tenant, not {@code null}
     * @param linkId   the link that was asked for, not {@code null}
     */
    public LinkNotFoundException(TenantId tenantId, LinkId linkId) {
        super(ErrorCode.NOT_FOUND, "tenant " + tenantId + " has no invitation link " + linkId
                + "; list the tenant's links to find the right id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId").value();
        this.linkId = Objects.requireNonNull(linkId, "linkId").value();
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
     * Returns the link asked for.
     *
     * @return the link's id
     */
    public LinkId linkId() {
        return LinkId.of(linkId);
    }
}
