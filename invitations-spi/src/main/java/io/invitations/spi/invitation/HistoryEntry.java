package io.invitations.spi.invitation;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of an invitation, appended to its history and never changed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class HistoryEntry {
    private final TenantId tenantId;
    private final InvitationId invitationId;
    private final Instant at;
    private final String actor;
    private final Action action;
    private final InvitationStatus from;
    private final InvitationStatus to;
    private final String reason;
    private final EmailAddress acceptingAddress;

    private HistoryEntry(TenantId tenantId, InvitationId invitationId, Instant at, String actor, Action action,
            InvitationStatus from, InvitationStatus to, String reason, EmailAddress acceptingAddress) {
        InvitationException.requireValue(tenantId, "tenantId");
        InvitationException.requireValue(invitationId, "invitationId");
        InvitationException.requireValue(at, "at");
        Values.requireText(actor, "actor", 256);
        InvitationException.requireValue(action, "action");
        InvitationException.requireValue(to, "to");

        this.tenantId = tenantId;
        this.invitationId = invitationId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.acceptingAddress = acceptingAddress;
    }

    /**
     * Returns the tenant, not {@code null}.
     *
     * @return the tenant, not {@code null}
     */
    public TenantId tenantId() {
        return tenantId;
    }

    /**
     * Returns the invitation, not {@code null}.
     *
     * @return the invitation, not {@code null}
     */
    public InvitationId invitationId() {
        return invitationId;
    }

    /**
     * Returns when it happened, not {@code null}.
     *
     * @return when it happened, not {@code null}
     */
    public Instant at() {
        return at;
    }

    /**
     * Returns the user id of who did it (or {@code system:…}), not blank.
     *
     * @return the user id of who did it (or {@code system:…}), not blank
     */
    public String actor() {
        return actor;
    }

    /**
     * Returns what was done, not {@code null}.
     *
     * @return what was done, not {@code null}
     */
    public Action action() {
        return action;
    }

    /**
     * Returns the state before, or {@code null} for the creating transition.
     *
     * @return the state before, or {@code null} for the creating transition
     */
    public InvitationStatus from() {
        return from;
    }

    /**
     * Returns the state after, not {@code null}.
     *
     * @return the state after, not {@code null}
     */
    public InvitationStatus to() {
        return to;
    }

    /**
     * Returns a free-text reason or detail, or {@code null}; never a secret.
     *
     * @return a free-text reason or detail, or {@code null}; never a secret
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the email address the invitee accepted with (signed in with or verified), when the claim
     * named one: on ACCEPT entries, and on APPROVE and REJECT entries of an acceptance held because it
     * came from another address than the one invited; {@code null} otherwise or once erased.
     *
     * @return the accepting address, or {@code null}
     * @since 1.1
     */
    public EmailAddress acceptingAddress() {
        return acceptingAddress;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HistoryEntry other
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(invitationId, other.invitationId)
                && Objects.equals(at, other.at)
                && Objects.equals(actor, other.actor)
                && Objects.equals(action, other.action)
                && Objects.equals(from, other.from)
                && Objects.equals(to, other.to)
                && Objects.equals(reason, other.reason)
                && Objects.equals(acceptingAddress, other.acceptingAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, invitationId, at, actor, action, from, to, reason, acceptingAddress);
    }

    /**
     * Describes the value for logs; never shows a token, code or key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "HistoryEntry[tenantId=" + tenantId + ", invitationId=" + invitationId + ", at=" + at
                + ", actor=" + actor + ", action=" + action + ", from=" + from + ", to=" + to
                + ", reason=" + reason + (acceptingAddress == null ? "" : ", acceptingAddress=(given)") + "]";
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
        b.invitationId = invitationId;
        b.at = at;
        b.actor = actor;
        b.action = action;
        b.from = from;
        b.to = to;
        b.reason = reason;
        b.acceptingAddress = acceptingAddress;
        return b;
    }

    /**
     * Builds {@link HistoryEntry} values. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private TenantId tenantId;
        private InvitationId invitationId;
        private Instant at;
        private String actor;
        private Action action;
        private InvitationStatus from;
        private InvitationStatus to;
        private String reason;
        private EmailAddress acceptingAddress;

        private Builder() {
        }

        /**
         * Sets the tenant, not {@code null}.
         *
         * @param v the tenant, not {@code null}
         * @return this builder
         */
        public Builder tenantId(TenantId v) {
            tenantId = v;
            return this;
        }

        /**
         * Sets the invitation, not {@code null}.
         *
         * @param v the invitation, not {@code null}
         * @return this builder
         */
        public Builder invitationId(InvitationId v) {
            invitationId = v;
            return this;
        }

        /**
         * Sets when it happened, not {@code null}.
         *
         * @param v when it happened, not {@code null}
         * @return this builder
         */
        public Builder at(Instant v) {
            at = v;
            return this;
        }

        /**
         * Sets the user id of who did it (or {@code system:…}), not blank.
         *
         * @param v the user id of who did it (or {@code system:…}), not blank
         * @return this builder
         */
        public Builder actor(String v) {
            actor = v;
            return this;
        }

        /**
         * Sets what was done, not {@code null}.
         *
         * @param v what was done, not {@code null}
         * @return this builder
         */
        public Builder action(Action v) {
            action = v;
            return this;
        }

        /**
         * Sets the state before, or {@code null} for the creating transition.
         *
         * @param v the state before, or {@code null} for the creating transition
         * @return this builder
         */
        public Builder from(InvitationStatus v) {
            from = v;
            return this;
        }

        /**
         * Sets the state after, not {@code null}.
         *
         * @param v the state after, not {@code null}
         * @return this builder
         */
        public Builder to(InvitationStatus v) {
            to = v;
            return this;
        }

        /**
         * Sets a free-text reason or detail, or {@code null}; never a secret.
         *
         * @param v a free-text reason or detail, or {@code null}; never a secret
         * @return this builder
         */
        public Builder reason(String v) {
            reason = v;
            return this;
        }

        /**
         * Sets the email address the invitee accepted with, or {@code null}.
         *
         * @param v the accepting address, or {@code null}
         * @return this builder
         * @since 1.1
         */
        public Builder acceptingAddress(EmailAddress v) {
            acceptingAddress = v;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws InvitationException with {@code INVALID_REQUEST}, naming the field, if a value is
         *                             missing or out of range
         */
        public HistoryEntry build() {
            return new HistoryEntry(tenantId, invitationId, at, actor, action, from, to, reason, acceptingAddress);
        }
    }
}
