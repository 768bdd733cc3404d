package io.invitations.spring.web;

import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Who is calling the administrators' API: the acting inviter (with their permission level and units)
 * and the tenant they administer. Every administrative call is bound to one.
 *
 * @param actor    the acting inviter, not {@code null}
 * @param tenantId the tenant, not {@code null}
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
public record Administrator(Inviter actor, TenantId tenantId) {
    /**
     * Validates the administrator.
     *
     * @throws NullPointerException if a component is null
     */
    public Administrator {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
