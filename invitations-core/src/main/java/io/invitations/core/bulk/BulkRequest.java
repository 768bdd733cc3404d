package io.invitations.core.bulk;

import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One bulk call: the rows (as importers produce them, or built by hand), who invites, into what,
 * the defaults that apply where a row's cell is empty, whether to invite now or provision for later,
 * and the {@link BulkMode mode}. Build it with {@link #builder(TenantId, Inviter, List)}.
 *
 * <pre>{@code
 * BulkRequest request = BulkRequest.builder(tenant, inviter, rows)
 *         .defaultRole("member")
 *         .mode(BulkMode.DRY_RUN)
 *         .progressListener(listener.every(50))
 *         .build();
 * }</pre>
 *
 * @param tenantId              the tenant, not {@code null}
 * @param inviter               who invites, not {@code null}
 * @param rows                  the rows, in file order, not {@code null}; at most the tenant's bulk limit
 * @param target                what every invitation grants access to, not {@code null}
 * @param defaultRole           the role for rows without one, or {@code null} (then each row needs a role)
 * @param defaultMembershipType the membership type for rows without one, not {@code null}
 * @param defaultGroups         the groups for rows without any; possibly empty
 * @param unit                  the unit every invitation belongs to, or {@code null}
 * @param defaultIdentifierKind the identifier kind for rows that give an identifier but no kind, or
 *                              {@code null} (then such rows need a kind)
 * @param action                invite now or provision (invite later), not {@code null}
 * @param mode                  dry run, best effort or all or nothing, not {@code null}
 * @param personalMessage       the personal message for rows without one, or {@code null}
 * @param defaultLocale         the language for rows without one, or {@code null} for the tenant's default
 * @param progressListener      told as rows are processed, not {@code null}
 * @param batchId               the id every created invitation carries, or {@code null} to have one generated
 * @since 0.1.0
 */
public record BulkRequest(TenantId tenantId, Inviter inviter, List<InvitationRow> rows, Target target,
                          String defaultRole, MembershipType defaultMembershipType, Set<String> defaultGroups,
                          UnitId unit, IdentifierKind defaultIdentifierKind, BulkAction action, BulkMode mode,
                          String personalMessage, Locale defaultLocale, BulkProgressListener progressListener,
                          BatchId batchId) {
    /**
     * Validates and copies the arguments; a blank default role or message becomes {@code null}.
     *
     * @throws NullPointerException if a required component is null, or a list holds null
     */
    public BulkRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(inviter, "inviter");
        rows = List.copyOf(rows);
        Objects.requireNonNull(target, "target");
        defaultRole = defaultRole == null || defaultRole.isBlank() ? null : defaultRole.strip();
        Objects.requireNonNull(defaultMembershipType, "defaultMembershipType");
        defaultGroups = Set.copyOf(defaultGroups);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mode, "mode");
        personalMessage = personalMessage == null || personalMessage.isBlank() ? null : personalMessage;
        Objects.requireNonNull(progressListener, "progressListener");
    }

    /**
     * Starts a request with the defaults: membership target, member type, no groups, invite now,
     * {@link BulkMode#BEST_EFFORT}, no personal message, the tenant's language, no progress listener,
     * a generated batch id.
     *
     * @param tenantId the tenant, not {@code null}
     * @param inviter  who invites, not {@code null}
     * @param rows     the rows, not {@code null}
     * @return a new builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(TenantId tenantId, Inviter inviter, List<InvitationRow> rows) {
        return new Builder(tenantId, inviter, rows);
    }

    /**
     * Tells whether this is a dry run.
     *
     * @return {@code true} for {@link BulkMode#DRY_RUN}
     */
    public boolean isDryRun() {
        return mode == BulkMode.DRY_RUN;
    }

    /**
     * Builds a {@link BulkRequest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final TenantId tenantId;
        private final Inviter inviter;
        private final List<InvitationRow> rows;
        private Target target = Target.membership();
        private String defaultRole;
        private MembershipType defaultMembershipType = MembershipType.MEMBER;
        private Set<String> defaultGroups = Set.of();
        private UnitId unit;
        private IdentifierKind defaultIdentifierKind;
        private BulkAction action = BulkAction.INVITE;
        private BulkMode mode = BulkMode.BEST_EFFORT;
        private String personalMessage;
        private Locale defaultLocale;
        private BulkProgressListener progressListener = BulkProgressListener.NONE;
        private BatchId batchId;

        private Builder(TenantId tenantId, Inviter inviter, List<InvitationRow> rows) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            this.inviter = Objects.requireNonNull(inviter, "inviter");
            this.rows = List.copyOf(rows);
        }

        /**
         * Sets what every invitation grants access to (default: tenant membership).
         *
         * @param value the target, not {@code null}
         * @return this builder
         */
        public Builder target(Target value) {
            target = Objects.requireNonNull(value, "target");
            return this;
        }

        /**
         * Sets the role for rows without one.
         *
         * @param value the role, or {@code null}
         * @return this builder
         */
        public Builder defaultRole(String value) {
            defaultRole = value;
            return this;
        }

        /**
         * Sets the membership type for rows without one (default: member).
         *
         * @param value the type, not {@code null}
         * @return this builder
         */
        public Builder defaultMembershipType(MembershipType value) {
            defaultMembershipType = Objects.requireNonNull(value, "defaultMembershipType");
            return this;
        }

        /**
         * Sets the groups for rows without any.
         *
         * @param value the groups, not {@code null}
         * @return this builder
         */
        public Builder defaultGroups(Set<String> value) {
            defaultGroups = Set.copyOf(value);
            return this;
        }

        /**
         * Sets the unit every invitation belongs to.
         *
         * @param value the unit, or {@code null}
         * @return this builder
         */
        public Builder unit(UnitId value) {
            unit = value;
            return this;
        }

        /**
         * Sets the identifier kind for rows with an identifier but no kind.
         *
         * @param value the kind, or {@code null}
         * @return this builder
         */
        public Builder defaultIdentifierKind(IdentifierKind value) {
            defaultIdentifierKind = value;
            return this;
        }

        /**
         * Sets whether to invite now or provision for later (default: invite now).
         *
         * @param value the action, not {@code null}
         * @return this builder
         */
        public Builder action(BulkAction value) {
            action = Objects.requireNonNull(value, "action");
            return this;
        }

        /**
         * Sets the mode (default: best effort).
         *
         * @param value the mode, not {@code null}
         * @return this builder
         */
        public Builder mode(BulkMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Sets the personal message for rows without one.
         *
         * @param value the message, or {@code null}
         * @return this builder
         */
        public Builder personalMessage(String value) {
            personalMessage = value;
            return this;
        }

        /**
         * Sets the language for rows without one (default: the tenant's).
         *
         * @param value the language, or {@code null}
         * @return this builder
         */
        public Builder defaultLocale(Locale value) {
            defaultLocale = value;
            return this;
        }

        /**
         * Sets the listener told as rows are processed.
         *
         * @param value the listener, not {@code null}
         * @return this builder
         */
        public Builder progressListener(BulkProgressListener value) {
            progressListener = Objects.requireNonNull(value, "progressListener");
            return this;
        }

        /**
         * Sets the batch id (default: generated).
         *
         * @param value the id, or {@code null}
         * @return this builder
         */
        public Builder batchId(BatchId value) {
            batchId = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public BulkRequest build() {
            return new BulkRequest(tenantId, inviter, rows, target, defaultRole, defaultMembershipType,
                    defaultGroups, unit, defaultIdentifierKind, action, mode, personalMessage, defaultLocale,
                    progressListener, batchId);
        }
    }
}
