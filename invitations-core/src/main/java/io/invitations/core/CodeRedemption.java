package io.invitations.core;

import io.invitations.spi.invitation.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an invitee without email types to claim their invitation: their identifier and the access
 * code an administrator handed them. The code is a secret: {@link #toString()} never shows it.
 *
 * @param tenantId       the tenant the invitee joins, required
 * @param identifierKind the kind of identifier ({@code phone}, {@code personnel_number},
 *                       {@code birth_date} or a host-defined kind), required
 * @param identifier     the identifier as the inviter entered it, required, at most 256 characters
 * @param code           the access code as typed (any case, with or without the dash), required
 * @param clientKey      the host's key for the client, such as its IP address or a device id, so
 *                       that guesses spread over identifiers are throttled too; or {@code null}
 * @since 0.1.0
 */
public record CodeRedemption(
        @NotNull TenantId tenantId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, '-' or '_'")
        String identifierKind,
        @NotBlank @Size(max = 256) String identifier,
        @NotBlank @Size(max = 64) String code,
        @Size(max = 256) String clientKey) {

    /**
     * Creates a redemption without a client key.
     *
     * @param tenantId       the tenant
     * @param identifierKind the identifier's kind
     * @param identifier     the identifier
     * @param code           the access code as typed
     * @return the redemption
     */
    public static CodeRedemption of(TenantId tenantId, String identifierKind, String identifier, String code) {
        return new CodeRedemption(tenantId, identifierKind, identifier, code, null);
    }

    /**
     * Returns a copy that names the client the attempt comes from.
     *
     * @param key the host's key for the client, e.g. its IP address
     * @return a new redemption
     */
    public CodeRedemption fromClient(String key) {
        return new CodeRedemption(tenantId, identifierKind, identifier, code, key);
    }

    /** Shows the identifier, never the code. */
    @Override
    public String toString() {
        return "CodeRedemption[tenant=" + tenantId + ", identifier=" + identifierKind + ":" + identifier
                + ", code=(hidden), clientKey=" + clientKey + "]";
    }
}
