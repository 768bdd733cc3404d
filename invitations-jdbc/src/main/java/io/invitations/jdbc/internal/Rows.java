package io.invitations.jdbc.internal;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.FunnelEntry;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.StorageException;
import org.apiguardian.api.API;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * How each stored record maps to columns: the column lists the statements use, binding a record's
 * values in that order, and reading a row back. A row that no longer makes a valid record (edited by
 * hand, say) is reported as a {@link StorageException} naming the record, not as a bare parsing error.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Rows {
    private static final String EMAIL = "EMAIL";
    private static final String IDENTIFIER = "IDENTIFIER";

    /** Invitation columns after {@code id, tenant_id}: everything an update rewrites. */
    public static final List<String> INVITATION_VALUES = List.of("contact_type", "contact_kind", "contact_value",
            "invitee_key", "first_name", "last_name", "display_name", "target_type", "target_id", "grant_role",
            "grant_membership", "grant_groups", "grant_unit", "grant_metadata", "invited_by", "inviter_name",
            "personal_message", "locale", "source_kind", "source_ref", "status", "token_version", "resend_count",
            "created_at", "updated_at", "invited_at", "expires_at", "responded_at", "account_id", "delivery_status",
            "delivery_send_count", "delivery_queued_at", "delivery_delivered_at", "delivery_error", "version",
            "next_reminder_at");

    /** Link columns after {@code id, tenant_id}: everything an update rewrites. */
    public static final List<String> LINK_VALUES = List.of("target_type", "target_id", "grant_role",
            "grant_membership", "grant_groups", "grant_unit", "grant_metadata", "created_by", "created_at",
            "updated_at", "expires_at", "max_uses", "uses", "allowed_domains", "active", "token_version", "version");

    /** Outbox columns. */
    public static final List<String> OUTBOX = List.of("id", "tenant_id", "invitation_id", "kind", "send_number",
            "status", "attempts", "next_attempt_at", "last_error", "created_at", "updated_at", "provider_message_id",
            "sent_at", "delivered_at", "soft_bounced_at", "hard_bounced_at", "complained_at", "feedback_detail");

    /** History columns. */
    public static final List<String> HISTORY = List.of("tenant_id", "invitation_id", "occurred_at", "actor",
            "action", "from_status", "to_status", "reason", "accepting_address");

    private Rows() {
    }

    /**
     * Binds {@link #INVITATION_VALUES}.
     *
     * @param p the parameters
     * @param i the invitation
     * @throws SQLException if binding fails
     */
    public static void bindInvitationValues(Params p, Invitation i) throws SQLException {
        Contact contact = i.invitee().contact();
        if (contact instanceof Identifier id) {
            p.text(IDENTIFIER).text(id.kind().name()).text(id.value());
        } else {
            p.text(EMAIL).text(null).text(((EmailAddress) contact).value());
        }
        p.text(i.inviteeKey()).text(i.invitee().firstName()).text(i.invitee().lastName())
                .text(i.invitee().displayName());
        bindTarget(p, i.target());
        bindGrant(p, i.grant());
        p.text(i.invitedBy()).text(i.inviterName()).text(i.personalMessage()).text(i.locale().toLanguageTag())
                .name(i.source().kind()).text(i.source().reference()).name(i.status())
                .integer(i.tokenVersion()).integer(i.resendCount())
                .instant(i.createdAt()).instant(i.updatedAt()).instant(i.invitedAt()).instant(i.expiresAt())
                .instant(i.respondedAt()).text(i.accountId());
        DeliveryState d = i.delivery();
        p.name(d.status()).integer(d.sendCount()).instant(d.lastQueuedAt()).instant(d.lastDeliveredAt())
                .text(d.lastError()).number(i.version()).instant(i.nextReminderAt());
    }

    /**
     * Reads an invitation from a row holding {@code id, tenant_id} and {@link #INVITATION_VALUES}.
     *
     * @param rs the row
     * @return the invitation
     * @throws SQLException       if reading fails
     * @throws StorageException   if the row does not make a valid invitation
     */
    public static Invitation invitation(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            String value = rs.getString("contact_value");
            Contact contact = IDENTIFIER.equals(rs.getString("contact_type"))
                    ? Identifier.of(IdentifierKind.of(rs.getString("contact_kind")), value)
                    : EmailAddress.of(value);
            Invitee invitee = new Invitee(contact, rs.getString("first_name"), rs.getString("last_name"),
                    rs.getString("display_name"));
            DeliveryState delivery = new DeliveryState(
                    DeliveryState.Status.valueOf(rs.getString("delivery_status")), rs.getInt("delivery_send_count"),
                    instant(rs, "delivery_queued_at"), instant(rs, "delivery_delivered_at"),
                    rs.getString("delivery_error"));
            return Invitation.builder()
                    .id(InvitationId.of(id))
                    .tenantId(TenantId.of(rs.getString("tenant_id")))
                    .invitee(invitee)
                    .target(target(rs))
                    .grant(grant(rs))
                    .invitedBy(rs.getString("invited_by"))
                    .inviterName(rs.getString("inviter_name"))
                    .personalMessage(rs.getString("personal_message"))
                    .locale(Locale.forLanguageTag(rs.getString("locale")))
                    .source(new InvitationSource(InvitationSource.Kind.valueOf(rs.getString("source_kind")),
                            rs.getString("source_ref")))
                    .status(InvitationStatus.valueOf(rs.getString("status")))
                    .tokenVersion(rs.getInt("token_version"))
                    .resendCount(rs.getInt("resend_count"))
                    .createdAt(instant(rs, "created_at"))
                    .updatedAt(instant(rs, "updated_at"))
                    .invitedAt(instant(rs, "invited_at"))
                    .expiresAt(instant(rs, "expires_at"))
                    .respondedAt(instant(rs, "responded_at"))
                    .accountId(rs.getString("account_id"))
                    .delivery(delivery)
                    .version(rs.getLong("version"))
                    .nextReminderAt(instant(rs, "next_reminder_at"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
            throw unreadable("invitation", id, e);
        }
    }

    /**
     * Binds {@link #LINK_VALUES}.
     *
     * @param p the parameters
     * @param l the link
     * @throws SQLException if binding fails
     */
    public static void bindLinkValues(Params p, ShareableLink l) throws SQLException {
        bindTarget(p, l.target());
        bindGrant(p, l.grant());
        p.text(l.createdBy()).instant(l.createdAt()).instant(l.updatedAt()).instant(l.expiresAt())
                .integer(l.maxUses()).integer(l.uses()).text(JsonText.writeStrings(l.allowedDomains()))
                .flag(l.active()).integer(l.tokenVersion()).number(l.version());
    }

    /**
     * Reads a link from a row holding {@code id, tenant_id} and {@link #LINK_VALUES}.
     *
     * @param rs the row
     * @return the link
     * @throws SQLException     if reading fails
     * @throws StorageException if the row does not make a valid link
     */
    public static ShareableLink link(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            int maxUses = rs.getInt("max_uses");
            Integer max = rs.wasNull() ? null : maxUses;
            return ShareableLink.builder()
                    .id(LinkId.of(id))
                    .tenantId(TenantId.of(rs.getString("tenant_id")))
                    .target(target(rs))
                    .grant(grant(rs))
                    .createdBy(rs.getString("created_by"))
                    .createdAt(instant(rs, "created_at"))
                    .updatedAt(instant(rs, "updated_at"))
                    .expiresAt(instant(rs, "expires_at"))
                    .maxUses(max)
                    .uses(rs.getInt("uses"))
                    .allowedDomains(new HashSet<>(JsonText.readStrings(rs.getString("allowed_domains"))))
                    .active(rs.getBoolean("active"))
                    .tokenVersion(rs.getInt("token_version"))
                    .version(rs.getLong("version"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
            throw unreadable("link", id, e);
        }
    }

    /**
     * Binds {@link #OUTBOX}.
     *
     * @param p the parameters
     * @param m the message
     * @throws SQLException if binding fails
     */
    public static void bindOutbox(Params p, OutboxMessage m) throws SQLException {
        p.text(m.id()).text(m.tenantId().value()).text(m.invitationId().value()).name(m.kind())
                .integer(m.sendNumber()).name(m.status()).integer(m.attempts()).instant(m.nextAttemptAt())
                .text(m.lastError()).instant(m.createdAt()).instant(m.updatedAt()).text(m.providerMessageId())
                .instant(m.sentAt()).instant(m.deliveredAt()).instant(m.softBouncedAt()).instant(m.hardBouncedAt())
                .instant(m.complainedAt()).text(m.feedbackDetail());
    }

    /**
     * Reads an outbox message from a row holding {@link #OUTBOX}.
     *
     * @param rs the row
     * @return the message
     * @throws SQLException     if reading fails
     * @throws StorageException if the row does not make a valid message
     */
    public static OutboxMessage outbox(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            return OutboxMessage.builder()
                    .id(id)
                    .tenantId(TenantId.of(rs.getString("tenant_id")))
                    .invitationId(InvitationId.of(rs.getString("invitation_id")))
                    .kind(OutboxMessage.Kind.valueOf(rs.getString("kind")))
                    .sendNumber(rs.getInt("send_number"))
                    .status(OutboxMessage.Status.valueOf(rs.getString("status")))
                    .attempts(rs.getInt("attempts"))
                    .nextAttemptAt(instant(rs, "next_attempt_at"))
                    .lastError(rs.getString("last_error"))
                    .createdAt(instant(rs, "created_at"))
                    .updatedAt(instant(rs, "updated_at"))
                    .providerMessageId(rs.getString("provider_message_id"))
                    .sentAt(instant(rs, "sent_at"))
                    .deliveredAt(instant(rs, "delivered_at"))
                    .softBouncedAt(instant(rs, "soft_bounced_at"))
                    .hardBouncedAt(instant(rs, "hard_bounced_at"))
                    .complainedAt(instant(rs, "complained_at"))
                    .feedbackDetail(rs.getString("feedback_detail"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
            throw unreadable("outbox message", id, e);
        }
    }

    /**
     * Reads funnel facts from a row of {@link Statements#selectFunnel()}.
     *
     * @param rs the row
     * @return the facts
     * @throws SQLException     if reading fails
     * @throws StorageException if the row does not make valid facts
     */
    public static FunnelEntry funnel(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            String sourceKind = rs.getString("source_kind");
            InvitationSource source = new InvitationSource(InvitationSource.Kind.valueOf(sourceKind),
                    rs.getString("source_ref"));
            String status = rs.getString("status");
            boolean accepted = "ACCEPTED".equals(status) || "AWAITING_APPROVAL".equals(status);
            return new FunnelEntry(InvitationId.of(id), rs.getString("invited_by"), source,
                    "EMAIL".equals(rs.getString("contact_type")), instant(rs, "invited_at"),
                    instant(rs, "delivery_delivered_at"), "BOUNCED".equals(rs.getString("delivery_status")),
                    instant(rs, "opened_at"), accepted ? instant(rs, "responded_at") : null);
        } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
            throw unreadable("funnel of invitation", id, e);
        }
    }

    /**
     * Binds {@link #HISTORY}.
     *
     * @param p the parameters
     * @param e the entry
     * @throws SQLException if binding fails
     */
    public static void bindHistory(Params p, HistoryEntry e) throws SQLException {
        p.text(e.tenantId().value()).text(e.invitationId().value()).instant(e.at()).text(e.actor())
                .name(e.action()).name(e.from()).name(e.to()).text(e.reason())
                .text(e.acceptingAddress() == null ? null : e.acceptingAddress().value());
    }

    /**
     * Reads a history entry from a row holding {@link #HISTORY}.
     *
     * @param rs the row
     * @return the entry
     * @throws SQLException     if reading fails
     * @throws StorageException if the row does not make a valid entry
     */
    public static HistoryEntry history(ResultSet rs) throws SQLException {
        String invitation = rs.getString("invitation_id");
        try {
            String from = rs.getString("from_status");
            return HistoryEntry.builder()
                    .tenantId(TenantId.of(rs.getString("tenant_id")))
                    .invitationId(InvitationId.of(invitation))
                    .at(instant(rs, "occurred_at"))
                    .actor(rs.getString("actor"))
                    .action(Action.valueOf(rs.getString("action")))
                    .from(from == null ? null : InvitationStatus.valueOf(from))
                    .to(InvitationStatus.valueOf(rs.getString("to_status")))
                    .reason(rs.getString("reason"))
                    .acceptingAddress(rs.getString("accepting_address") == null ? null
                            : EmailAddress.of(rs.getString("accepting_address")))
                    .build();
        } catch (IllegalArgumentException | NullPointerException | InvitationException e) {
            throw unreadable("history entry of invitation", invitation, e);
        }
    }

    private static void bindTarget(Params p, Target t) throws SQLException {
        p.text(t.type()).text(t.id());
    }

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(rs.getString("target_type"), rs.getString("target_id"));
    }

    private static void bindGrant(Params p, Grant g) throws SQLException {
        p.text(g.role()).name(g.membershipType()).text(JsonText.writeStrings(g.groups()))
                .text(g.unit() == null ? null : g.unit().value()).text(JsonText.writeMap(g.metadata()));
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        String unit = rs.getString("grant_unit");
        return new Grant(rs.getString("grant_role"), MembershipType.valueOf(rs.getString("grant_membership")),
                new HashSet<>(JsonText.readStrings(rs.getString("grant_groups"))), unit == null ? null : UnitId.of(unit),
                JsonText.readMap(rs.getString("grant_metadata")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static StorageException unreadable(String what, String id, RuntimeException e) {
        return new StorageException("stored " + what + " " + id + " is not valid any more (" + e.getMessage()
                + "); was the row changed outside the library?", e);
    }
}
