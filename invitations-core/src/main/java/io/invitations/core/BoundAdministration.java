package io.invitations.core;

import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.internal.BulkEngine;
import io.invitations.core.bulk.internal.ClaimLinkExporter;
import io.invitations.core.code.AccessCode;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.conversion.ConversionReport;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.observe.InvitationObserver.Operation;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.core.token.ClaimLink;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The engine's {@link InvitationAdministration}, bound to one actor and one tenant. */
final class BoundAdministration implements InvitationAdministration {
    private final Engine engine;
    private final Inviter actor;
    private final TenantId tenantId;

    BoundAdministration(Engine engine, Inviter actor, TenantId tenantId) {
        this.engine = engine;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public Inviter actor() {
        return actor;
    }

    @Override
    public TenantId tenantId() {
        return tenantId;
    }

    @Override
    public Invitation invite(InviteRequest request) {
        Objects.requireNonNull(request, "request");
        return engine.observer.observe(Operation.INVITE, tenantId,
                () -> engine.inviting.create(actor, tenantId, request, true));
    }

    @Override
    public Invitation provision(InviteRequest request) {
        Objects.requireNonNull(request, "request");
        return engine.observer.observe(Operation.PROVISION, tenantId,
                () -> engine.inviting.create(actor, tenantId, request, false));
    }

    @Override
    public Invitation provisionFromDirectory(InviteRequest request) {
        return syncFromDirectory(request).invitation();
    }

    @Override
    public DirectorySyncResult syncFromDirectory(InviteRequest request) {
        return engine.syncing.fromDirectory(actor, tenantId, Objects.requireNonNull(request, "request"));
    }

    @Override
    public BulkReport bulk(BulkRequest request) {
        Objects.requireNonNull(request, "request");
        return engine.observer.observe(Operation.BULK, tenantId,
                () -> new BulkEngine(engine.ctx).run(actor, tenantId, request));
    }

    @Override
    public Invitation send(InvitationId id) {
        return engine.inviting.send(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public Invitation send(InvitationId id, String message) {
        return engine.inviting.send(actor, tenantId, Objects.requireNonNull(id, "id"), message);
    }

    @Override
    public SendReport send(Collection<InvitationId> ids) {
        return send(ids, null);
    }

    @Override
    public SendReport send(Collection<InvitationId> ids, String message) {
        return engine.inviting.sendSelected(actor, tenantId, List.copyOf(Objects.requireNonNull(ids, "ids")), message);
    }

    @Override
    public SendReport sendAllProvisioned() {
        return sendAllProvisioned(null);
    }

    @Override
    public SendReport sendAllProvisioned(String message) {
        return engine.syncing.inviteAll(actor, tenantId, message);
    }

    @Override
    public Invitation resend(InvitationId id) {
        return engine.managing.resend(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public Invitation reinvite(InvitationId id) {
        return engine.managing.reinvite(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public Invitation revoke(InvitationId id, String reason) {
        return engine.managing.revoke(actor, tenantId, Objects.requireNonNull(id, "id"), reason);
    }

    @Override
    public Invitation approve(InvitationId id) {
        return engine.managing.approve(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public Invitation reject(InvitationId id, String reason) {
        return engine.managing.reject(actor, tenantId, Objects.requireNonNull(id, "id"), reason);
    }

    @Override
    public ClaimLink revealClaimLink(InvitationId id) {
        return engine.claiming.reveal(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public ClaimLink shareClaimLink(InvitationId id) {
        return engine.claiming.share(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public ConversionReport conversion(Instant from, Instant until,
            ConversionGroup by) {
        return engine.conversion.report(actor, tenantId, from, until, by);
    }

    @Override
    public DepartureReport handleDeparture(String inviterId, Inviter successor, String reason) {
        return engine.departures.handle(actor, tenantId, inviterId, successor, reason);
    }

    @Override
    public ErasureReport erase(Contact contact) {
        return engine.erasing.erase(actor, tenantId, Objects.requireNonNull(contact, "contact"));
    }

    @Override
    public List<Invitation> erasedInvitationsOf(Contact contact) {
        return engine.erasing.erasedInvitationsOf(actor, tenantId, Objects.requireNonNull(contact, "contact"));
    }

    @Override
    public AccessCode revealAccessCode(InvitationId id) {
        return engine.redeeming.reveal(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<ClaimLinkEntry> exportClaimLinks(BatchId batch) {
        return new ClaimLinkExporter(engine.ctx).export(actor, tenantId, batch);
    }

    @Override
    public RevealedShareableLink createShareableLink(ShareableLinkRequest request) {
        return engine.linking.create(actor, tenantId, Objects.requireNonNull(request, "request"));
    }

    @Override
    public RevealedShareableLink revealShareableLink(LinkId id) {
        return engine.linking.reveal(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public ShareableLink deactivateShareableLink(LinkId id) {
        return engine.linking.deactivate(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public RevealedShareableLink reactivateShareableLink(LinkId id) {
        return engine.linking.reactivate(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public int switchShareableLinks(boolean enabled) {
        return engine.linking.switchLinks(actor, tenantId, enabled);
    }

    @Override
    public List<ShareableLink> shareableLinks() {
        return engine.linking.list(tenantId);
    }

    @Override
    public List<Invitation> matchSignUp(SignUp signUp) {
        Objects.requireNonNull(signUp, "signUp");
        requireBoundTenant(signUp.tenantId(), "signUp.tenantId");
        return engine.syncing.match(signUp);
    }

    @Override
    public Optional<Invitation> find(InvitationId id) {
        return engine.reporting.find(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<Invitation> invitationsOf(Contact contact) {
        return engine.reporting.invitationsOf(actor, tenantId, Objects.requireNonNull(contact, "contact"));
    }

    @Override
    public List<Invitation> openInvitationsOf(Collection<? extends Contact> contacts) {
        return engine.reporting.openInvitationsOf(actor, tenantId, List.copyOf(Objects.requireNonNull(contacts, "contacts")));
    }

    @Override
    public Page<Invitation> query(InvitationQuery query) {
        Objects.requireNonNull(query, "query");
        requireBoundTenant(query.tenantId(), "query.tenantId");
        return engine.reporting.query(actor, query);
    }

    @Override
    public List<HistoryEntry> history(InvitationId id) {
        return engine.reporting.history(actor, tenantId, Objects.requireNonNull(id, "id"));
    }

    @Override
    public SeatCount seats() {
        return engine.reporting.seats(tenantId);
    }

    @Override
    public ReferralStats referrals(String inviterId, Instant from, Instant until) {
        return engine.reporting.referrals(actor, tenantId, Objects.requireNonNull(inviterId, "inviterId"), from, until);
    }

    @Override
    public List<ReferralStats> topInviters(Instant from, Instant until, int limit) {
        return engine.reporting.topInviters(actor, tenantId, from, until, limit);
    }

    @Override
    public MailMessage preview(InvitationId id, OutboxMessage.Kind kind) {
        Objects.requireNonNull(id, "id");
        return engine.messaging.preview(actor, tenantId, id, Objects.requireNonNull(kind, "kind"));
    }

    @Override
    public MailMessage accessCodeNotice(InvitationId id, String accessCode) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accessCode, "accessCode");
        return engine.messaging.accessCodeNotice(actor, tenantId, id, accessCode);
    }

    @Override
    public MailMessage accessCodeNotice(InvitationId id) {
        return accessCodeNotice(id, revealAccessCode(Objects.requireNonNull(id, "id")).formatted());
    }

    @Override
    public MailMessage previewSample(Locale locale, OutboxMessage.Kind kind) {
        return engine.messaging.sample(tenantId, locale(locale), kind(kind), null);
    }

    @Override
    public MailMessage previewSample(Locale locale, OutboxMessage.Kind kind, MessageTemplate draft) {
        return engine.messaging.sample(tenantId, locale(locale), kind(kind), Objects.requireNonNull(draft, "draft"));
    }

    @Override
    public MessageTemplate template(Locale locale, OutboxMessage.Kind kind) {
        return engine.messaging.template(tenantId, locale(locale), kind(kind));
    }

    @Override
    public MessageTemplate saveTemplate(Locale locale, OutboxMessage.Kind kind, String subject, String html,
                                        String text) {
        return engine.messaging.saveTemplate(tenantId, locale(locale), kind(kind),
                Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(html, "html"),
                Objects.requireNonNull(text, "text"));
    }

    @Override
    public boolean removeTemplate(Locale locale, OutboxMessage.Kind kind) {
        return engine.messaging.removeTemplate(tenantId, locale(locale), kind(kind));
    }

    private static Locale locale(Locale locale) {
        return Objects.requireNonNull(locale, "locale");
    }

    private static OutboxMessage.Kind kind(OutboxMessage.Kind kind) {
        return Objects.requireNonNull(kind, "kind");
    }

    /** Refuses a value naming another tenant than the bound one. */
    private void requireBoundTenant(TenantId named, String field) {
        if (!tenantId.equals(named)) {
            throw new InvalidRequestException(List.of(new FieldProblem(field, "names tenant " + named
                    + ", but this administration is bound to tenant " + tenantId
                    + "; use service.administration(actor, " + named + ") to act there")));
        }
    }

    /** Shows the actor's id and the tenant, nothing else. */
    @Override
    public String toString() {
        return "InvitationAdministration[actor=" + actor.userId() + ", tenantId=" + tenantId.value() + "]";
    }
}
