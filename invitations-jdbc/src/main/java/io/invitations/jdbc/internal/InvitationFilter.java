package io.invitations.jdbc.internal;

import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.InvitationQuery;
import org.apiguardian.api.API;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WHERE clause of an {@link InvitationQuery}, with its values. With {@code asOf}, statuses
 * match effectively, as {@link io.invitations.spi.invitation.Invitation#effectiveStatus} does: a
 * PENDING row whose {@code expires_at} is at or before {@code asOf} matches EXPIRED, not PENDING.
 *
 * @param clause the clause, starting with {@code " WHERE "}
 * @param values the values of its parameters, in order
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record InvitationFilter(String clause, List<Object> values) {
    /**
     * Copies the values.
     */
    public InvitationFilter {
        values = List.copyOf(values);
    }

    /**
     * Writes the filter of a query (not its page).
     *
     * @param q the query
     * @return the filter
     */
    public static InvitationFilter of(InvitationQuery q) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        conditions.add("tenant_id = ?");
        values.add(q.tenantId().value());
        if (!q.statuses().isEmpty()) {
            conditions.add(statusCondition(q, values));
        }
        if (q.invitedBy() != null) {
            conditions.add("invited_by = ?");
            values.add(q.invitedBy());
        }
        if (q.source() != null) {
            conditions.add("source_kind = ?");
            values.add(q.source().kind().name());
            if (q.source().reference() == null) {
                conditions.add("source_ref IS NULL");
            } else {
                conditions.add("source_ref = ?");
                values.add(q.source().reference());
            }
        }
        if (q.target() != null) {
            conditions.add("target_type = ? AND target_id = ?");
            values.add(q.target().type());
            values.add(q.target().id());
        }
        if (q.invitee() != null) {
            conditions.add("invitee_key = ?");
            values.add(q.invitee().matchKey());
        }
        if (q.contactType() != null) {
            conditions.add("contact_type = ?");
            values.add(q.contactType().name());
        }
        if (q.createdFrom() != null) {
            conditions.add("created_at >= ?");
            values.add(q.createdFrom());
        }
        if (q.createdUntil() != null) {
            conditions.add("created_at < ?");
            values.add(q.createdUntil());
        }
        if (q.deliveryStatus() != null) {
            conditions.add("delivery_status = ?");
            values.add(q.deliveryStatus().name());
        }
        if (q.scope() != null) {
            conditions.add(scopeCondition(q.scope(), values));
        }
        return new InvitationFilter(" WHERE " + String.join(" AND ", conditions), values);
    }

    private static String scopeCondition(InvitationQuery.Scope scope, List<Object> values) {
        values.add(scope.invitedBy());
        if (scope.units().isEmpty()) {
            return "invited_by = ?";
        }
        List<String> units = scope.units().stream().map(UnitId::value).sorted().toList();
        values.addAll(units);
        return "(invited_by = ? OR grant_unit IN (" + Statements.marks(units.size()) + "))";
    }

    private static String statusCondition(InvitationQuery q, List<Object> values) {
        Set<InvitationStatus> plain = EnumSet.copyOf(q.statuses());
        List<String> alternatives = new ArrayList<>();
        if (q.asOf() != null) {
            if (plain.remove(InvitationStatus.PENDING)) {
                alternatives.add("(status = 'PENDING' AND (expires_at IS NULL OR expires_at > ?))");
                values.add(q.asOf());
            }
            if (plain.remove(InvitationStatus.EXPIRED)) {
                alternatives.add("status = 'EXPIRED' OR (status = 'PENDING' AND expires_at <= ?)");
                values.add(q.asOf());
            }
        }
        if (!plain.isEmpty()) {
            alternatives.add(0, plain.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ", "status IN (", ")")));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /**
     * Binds the values, from the current parameter on.
     *
     * @param p the parameters
     * @throws SQLException if binding fails
     */
    public void bind(Params p) throws SQLException {
        for (Object v : values) {
            p.any(v);
        }
    }
}
