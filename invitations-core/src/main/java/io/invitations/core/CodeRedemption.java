package io.invitations.core;

import io.invitations.spi.InvitationException;

import java.util.Objects;
import io.invitations.spi.invitation.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an invitee without email types to claim their invitation: their identifier and the access
 * code an administrator handed them. The code is a secret: {@link #toString()} never shows it.
 *
 * @since 0.1.0
 */
public final class CodeRedemption {
    private final @NotNull TenantId tenantId;
    private final @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, '-' or '_'") String identifierKind;
    private final @NotBlank @Size(max = 256) String identifier;
    private final @NotBlank @Size(max = 64) String code;
    private final @Size(max = 256) String clientKey;

    private CodeRedemption(TenantId tenantId, String identifierKind, String identifier, String code, String clientKey) {
        this.tenantId = tenantId;
        this.identifierKind = identifierKind;
        this.identifier = identifier;
        this.code = code;
        this.clientKey = clientKey;
    }

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

    /**
     * Returns the tenant the invitee joins, required.
     *
     * @return the tenant the invitee joins, required
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), required.
     *
     * @return the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), required
     */
    public String identifierKind() {
        return identifierKind;
    }

    /**
     * Returns the identifier as the inviter entered it, required, at most 256 characters.
     *
     * @return the identifier as the inviter entered it, required, at most 256 characters
     */
    public String identifier() {
        return identifier;
    }

    /**
     * Returns the access code as typed (any case, with or without the dash), required.
     *
     * @return the access code as typed (any case, with or without the dash), required
     */
    public String code() {
        return code;
    }

    /**
     * Returns the host's key for the client, such as its IP address or a device id, so that guesses spread over identifiers are throttled too; or {@code null}.
     *
     * @return the host's key for the client, such as its IP address or a device id, so that guesses spread over identifiers are throttled too; or {@code null}
     */
    public String clientKey() {
        return clientKey;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CodeRedemption other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(identifierKind, other.identifierKind)
                && Objects.equals(identifier, other.identifier)
                && Objects.equals(code, other.code)
                && Objects.equals(clientKey, other.clientKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, identifierKind, identifier, code, clientKey);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tenantId = tenantId;
        b.identifierKind = identifierKind;
        b.identifier = identifier;
        b.code = code;
        b.clientKey = clientKey;
        return b;
    }

    /**
     * Builds {@link CodeRedemption} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private TenantId tenantId;
        private String identifierKind;
        private String identifier;
        private String code;
        private String clientKey;

        private Builder() {
        }

        /**
         * Sets the tenant the invitee joins, required.
         *
         * @param v the tenant the invitee joins, required
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), required.
         *
         * @param v the kind of identifier ({@code phone}, {@code personnel_number}, {@code birth_date} or a host-defined kind), required
         * @return this builder
         */
        public Builder identifierKind(String v) {
            identifierKind = v;
            return this;
        }

        /**
         * Sets the identifier as the inviter entered it, required, at most 256 characters.
         *
         * @param v the identifier as the inviter entered it, required, at most 256 characters
         * @return this builder
         */
        public Builder identifier(String v) {
            identifier = v;
            return this;
        }

        /**
         * Sets the access code as typed (any case, with or without the dash), required.
         *
         * @param v the access code as typed (any case, with or without the dash), required
         * @return this builder
         */
        public Builder code(String v) {
            code = v;
            return this;
        }

        /**
         * Sets the host's key for the client, such as its IP address or a device id, so that guesses spread over identifiers are throttled too; or {@code null}.
         *
         * @param v the host's key for the client, such as its IP address or a device id, so that guesses spread over identifiers are throttled too; or {@code null}
         * @return this builder
         */
        public Builder clientKey(String v) {
            clientKey = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public CodeRedemption build() {
            return new CodeRedemption(tenantId, identifierKind, identifier, code, clientKey);
        }
    }
}
