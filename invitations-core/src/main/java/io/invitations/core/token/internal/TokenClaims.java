package io.invitations.core.token.internal;

import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * What a verified token says. Holds no secret: the MAC is checked and dropped.
 *
 * @param purpose   what the token is for, not {@code null}
 * @param tenantId  the tenant, not {@code null}
 * @param subjectId the id of what the token opens (an invitation or link id), not {@code null}
 * @param version   the token version it was made for, at least 1
 * @param keyId     the id of the key it was made under, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record TokenClaims(TokenPurpose purpose, TenantId tenantId, String subjectId, int version, String keyId) {
    /**
     * Validates the claims.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the version is below 1
     */
    public TokenClaims {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(keyId, "keyId");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }
}
