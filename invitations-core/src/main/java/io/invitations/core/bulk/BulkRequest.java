package io.invitations.core.bulk;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.UnitId;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One bulk call: the rows (as importers produce them, or built by hand), who invites, into what,
 * the defaults that apply where a row's cell is empty, whether to invite now or provision for later,
 * and the {@link BulkMode mode}. Build it with {@link #builder(List)}.
 *
 * <pre>{@code
 * BulkRequest request = BulkRequest.builder(rows)
 *         .defaultRole("member")
 *         .mode(BulkMode.DRY_RUN)
 *         .progressListener(listener.every(50))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BulkRequest {
    private final List<InvitationRow> rows;
    private final Target target;
    private final String defaultRole;
    private final MembershipType defaultMembershipType;
    private final Set<String> defaultGroups;
    private final UnitId unit;
    private final IdentifierKind defaultIdentifierKind;
    private final BulkAction action;
    private final BulkMode mode;
    private final String personalMessage;
    private final Locale defaultLocale;
    private final BulkProgressListener progressListener;
    private final BatchId batchId;

    private BulkRequest(List<InvitationRow> rows, Target target,
            String defaultRole, MembershipType defaultMembershipType, Set<String> defaultGroups, UnitId unit,
            IdentifierKind defaultIdentifierKind, BulkAction action, BulkMode mode, String personalMessage,
            Locale defaultLocale, BulkProgressListener progressListener, BatchId batchId) {
        rows = List.copyOf(rows);
        InvitationException.requireValue(target, "target");
        defaultRole = defaultRole == null || defaultRole.isBlank() ? null : defaultRole.strip();
        InvitationException.requireValue(defaultMembershipType, "defaultMembershipType");
        defaultGroups = Set.copyOf(defaultGroups);
        InvitationException.requireValue(action, "action");
        InvitationException.requireValue(mode, "mode");
        personalMessage = personalMessage == null || personalMessage.isBlank() ? null : personalMessage;
        InvitationException.requireValue(progressListener, "progressListener");
        this.rows = rows;
        this.target = target;
        this.defaultRole = defaultRole;
        this.defaultMembershipType = defaultMembershipType;
        this.defaultGroups = defaultGroups;
        this.unit = unit;
        this.defaultIdentifierKind = defaultIdentifierKind;
        this.action = action;
        this.mode = mode;
        this.personalMessage = personalMessage;
        this.defaultLocale = defaultLocale;
        this.progressListener = progressListener;
        this.batchId = batchId;
    }

    /**
     * Starts a request with the defaults: membership target, member type, no groups, invite now,
     * {@link BulkMode#BEST_EFFORT}, no personal message, the tenant's language, no progress listener,
     * a generated batch id.
     *
     * @param rows     the rows, not {@code null}
     * @return a new builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(List<InvitationRow> rows) {
        return new Builder(rows);
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

        private Builder(List<InvitationRow> rows) {
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
            return new BulkRequest(rows, target, defaultRole, defaultMembershipType,
                    defaultGroups, unit, defaultIdentifierKind, action, mode, personalMessage, defaultLocale,
                    progressListener, batchId);
        }
    }



    /**
     * Returns the rows, in file order, not {@code null}; at most the tenant's bulk limit.
     *
     * @return the rows, in file order, not {@code null}; at most the tenant's bulk limit
     */
    public List<InvitationRow> rows() {
        return rows;
    }

    /**
     * Returns what every invitation grants access to, not {@code null}.
     *
     * @return what every invitation grants access to, not {@code null}
     */
    public Target target() {
        return target;
    }

    /**
     * Returns the role for rows without one, or {@code null} (then each row needs a role).
     *
     * @return the role for rows without one, or {@code null} (then each row needs a role)
     */
    public String defaultRole() {
        return defaultRole;
    }

    /**
     * Returns the membership type for rows without one, not {@code null}.
     *
     * @return the membership type for rows without one, not {@code null}
     */
    public MembershipType defaultMembershipType() {
        return defaultMembershipType;
    }

    /**
     * Returns the groups for rows without any; possibly empty.
     *
     * @return the groups for rows without any; possibly empty
     */
    public Set<String> defaultGroups() {
        return defaultGroups;
    }

    /**
     * Returns the unit every invitation belongs to, or {@code null}.
     *
     * @return the unit every invitation belongs to, or {@code null}
     */
    public UnitId unit() {
        return unit;
    }

    /**
     * Returns the identifier kind for rows that give an identifier but no kind, or {@code null} (then such rows need a kind).
     *
     * @return the identifier kind for rows that give an identifier but no kind, or {@code null} (then such rows need a kind)
     */
    public IdentifierKind defaultIdentifierKind() {
        return defaultIdentifierKind;
    }

    /**
     * Returns invite now or provision (invite later), not {@code null}.
     *
     * @return invite now or provision (invite later), not {@code null}
     */
    public BulkAction action() {
        return action;
    }

    /**
     * Returns dry run, best effort or all or nothing, not {@code null}.
     *
     * @return dry run, best effort or all or nothing, not {@code null}
     */
    public BulkMode mode() {
        return mode;
    }

    /**
     * Returns the personal message for rows without one, or {@code null}.
     *
     * @return the personal message for rows without one, or {@code null}
     */
    public String personalMessage() {
        return personalMessage;
    }

    /**
     * Returns the language for rows without one, or {@code null} for the tenant's default.
     *
     * @return the language for rows without one, or {@code null} for the tenant's default
     */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /**
     * Returns told as rows are processed, not {@code null}.
     *
     * @return told as rows are processed, not {@code null}
     */
    public BulkProgressListener progressListener() {
        return progressListener;
    }

    /**
     * Returns the id every created invitation carries, or {@code null} to have one generated.
     *
     * @return the id every created invitation carries, or {@code null} to have one generated
     */
    public BatchId batchId() {
        return batchId;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof BulkRequest other
                && Objects.equals(rows, other.rows)
                && Objects.equals(target, other.target)
                && Objects.equals(defaultRole, other.defaultRole)
                && Objects.equals(defaultMembershipType, other.defaultMembershipType)
                && Objects.equals(defaultGroups, other.defaultGroups)
                && Objects.equals(unit, other.unit)
                && Objects.equals(defaultIdentifierKind, other.defaultIdentifierKind)
                && Objects.equals(action, other.action)
                && Objects.equals(mode, other.mode)
                && Objects.equals(personalMessage, other.personalMessage)
                && Objects.equals(defaultLocale, other.defaultLocale)
                && Objects.equals(progressListener, other.progressListener)
                && Objects.equals(batchId, other.batchId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, target, defaultRole, defaultMembershipType, defaultGroups, unit, defaultIdentifierKind, action, mode, personalMessage, defaultLocale, progressListener, batchId);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "BulkRequest[rows=" + rows + ", target=" + target
                + ", defaultRole=" + defaultRole + ", defaultMembershipType=" + defaultMembershipType
                + ", defaultGroups=" + defaultGroups + ", unit=" + unit
                + ", defaultIdentifierKind=" + defaultIdentifierKind + ", action=" + action + ", mode=" + mode
                + ", personalMessage=" + personalMessage + ", defaultLocale=" + defaultLocale
                + ", progressListener=" + progressListener + ", batchId=" + batchId + "]";
    }
}
