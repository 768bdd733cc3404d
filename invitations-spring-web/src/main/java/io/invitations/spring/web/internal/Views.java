package io.invitations.spring.web.internal;

import io.invitations.core.ClaimRequirements;
import io.invitations.core.SendReport;
import io.invitations.core.bulk.BulkReport;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spring.web.WebJson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Engine values to JSON views; nothing secret is copied. */
public final class Views {
    private Views() {
    }

    /**
     * An instant as ISO text.
     *
     * @param at the instant, or null
     * @return the text, or null
     */
    public static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    static String targetId(Target t) {
        return Target.MEMBERSHIP_TYPE.equals(t.type()) ? null : t.id();
    }

    static String name(Invitee invitee) {
        if (invitee.displayName() != null) {
            return invitee.displayName();
        }
        String n = ((invitee.firstName() == null ? "" : invitee.firstName()) + " "
                + (invitee.lastName() == null ? "" : invitee.lastName())).strip();
        return n.isEmpty() ? null : n;
    }

    /**
     * An invitation.
     *
     * @param i   the invitation
     * @param now the instant for its effective status
     * @return the view
     */
    public static WebJson.InvitationView invitation(Invitation i, Instant now) {
        Contact c = i.invitee().contact();
        String email = c instanceof EmailAddress e ? e.value() : null;
        String kind = c instanceof Identifier id ? id.kind().name() : null;
        String ident = c instanceof Identifier id ? id.value() : null;
        Grant g = i.grant();
        return new WebJson.InvitationView(i.id().value(), i.effectiveStatus(now).name(), email, kind, ident,
                name(i.invitee()), g.role(), g.membershipType().name(), g.groups(), i.target().type(),
                targetId(i.target()), i.invitedBy(), i.inviterName(), iso(i.createdAt()), iso(i.invitedAt()),
                iso(i.expiresAt()), iso(i.respondedAt()), i.resendCount(), i.delivery().status().name());
    }

    /**
     * A page of invitations.
     *
     * @param page the page
     * @param now  the instant for effective statuses
     * @return the view
     */
    public static WebJson.InvitationPage page(Page<Invitation> page, Instant now) {
        return new WebJson.InvitationPage(page.items().stream().map(i -> invitation(i, now)).toList(),
                page.offset(), page.hasMore());
    }

    /**
     * A history entry.
     *
     * @param h the entry
     * @return the view
     */
    public static WebJson.HistoryView history(HistoryEntry h) {
        return new WebJson.HistoryView(iso(h.at()), h.actor(), h.action().name(),
                h.from() == null ? null : h.from().name(), h.to() == null ? null : h.to().name(), h.reason(),
                h.acceptingAddress() == null ? null : h.acceptingAddress().value());
    }

    /**
     * A bulk report.
     *
     * @param r the report
     * @return the view
     */
    public static WebJson.BulkReportView bulk(BulkReport r) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        r.totals().forEach((k, v) -> totals.put(k.name(), v));
        return new WebJson.BulkReportView(r.batchId() == null ? null : r.batchId().value(), r.isDryRun(),
                r.written(), totals, r.lines().stream().map(l -> new WebJson.BulkLineView(l.rowNumber(),
                        l.outcome().name(), l.invitationId() == null ? null : l.invitationId().value(),
                        l.reasons().stream().map(p -> new WebJson.ProblemView(p.field(), p.message(),
                                p.code() == null ? null : p.code().name())).toList(),
                        l.existingInvitationId() == null ? null : l.existingInvitationId().value())).toList());
    }

    /**
     * A send report.
     *
     * @param r the report
     * @return the view
     */
    public static WebJson.SendView send(SendReport r) {
        return new WebJson.SendView(r.sent().stream().map(i -> i.id().value()).toList(),
                r.refused().stream().map(x -> new WebJson.RefusedView(x.invitationId().value(), x.code().name(),
                        x.message())).toList());
    }

    /**
     * Claim requirements.
     *
     * @param r the requirements
     * @return the view
     */
    public static WebJson.RequirementsView requirements(ClaimRequirements r) {
        return new WebJson.RequirementsView(r.termsRequired(), r.profileFields(), r.passwordRequired(),
                r.minimumPasswordLength(), r.groupPool());
    }

    /**
     * A rendered message.
     *
     * @param m the message
     * @return the view
     */
    public static WebJson.MessageView message(MailMessage m) {
        return new WebJson.MessageView(m.to(), m.subject(), m.html(), m.text(),
                Objects.toString(m.locale().toLanguageTag(), null));
    }
}
