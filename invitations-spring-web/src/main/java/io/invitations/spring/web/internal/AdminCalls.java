package io.invitations.spring.web.internal;

import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import io.invitations.spring.web.Administrator;
import io.invitations.spring.web.WebJson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The administrators' calls into the engine, bound to one {@link Administrator}: the one place of
 * this module that knows the administrative side of the service, through
 * {@code service.administration(actor, tenantId)}.
 */
public final class AdminCalls {
    private final InvitationAdministration admin;
    private final TenantId tenant;
    private final Clock clock;

    /**
     * Binds the calls to an administrator.
     *
     * @param service the service
     * @param admin   who acts, in which tenant
     * @param clock   the clock for effective statuses
     */
    public AdminCalls(InvitationService service, Administrator admin, Clock clock) {
        this.admin = service.administration(admin.actor(), admin.tenantId());
        this.tenant = admin.tenantId();
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant();
    }

    private WebJson.InvitationView view(Invitation i) {
        return Views.invitation(i, now());
    }

    private static InvitationId id(String value) {
        return InvitationId.of(value);
    }

    private InviteRequest request(WebJson.InviteForm f) {
        InviteRequest.Builder b = InviteRequest.builder();
        if (f.identifierKind() != null && !f.identifierKind().isBlank()) {
            b.identifier(IdentifierKind.of(f.identifierKind()), f.identifier());
        } else {
            b.email(f.email());
        }
        if (f.firstName() != null || f.lastName() != null) {
            b.name(f.firstName(), f.lastName());
        }
        if (f.role() != null && !f.role().isBlank()) {
            b.role(f.role());
        }
        if (Boolean.TRUE.equals(f.guest())) {
            b.membershipType(MembershipType.GUEST);
        }
        if (f.groups() != null) {
            b.groups(f.groups());
        }
        if (f.personalMessage() != null && !f.personalMessage().isBlank()) {
            b.personalMessage(f.personalMessage());
        }
        if (f.locale() != null && !f.locale().isBlank()) {
            b.locale(Locale.forLanguageTag(f.locale()));
        }
        if (f.targetType() != null && !f.targetType().isBlank()) {
            b.target(Target.resource(f.targetType(), f.targetId()));
        }
        return b.build();
    }

    /**
     * Invites one person and queues the message.
     *
     * @param f the form
     * @return the invitation
     */
    public WebJson.InvitationView invite(WebJson.InviteForm f) {
        return view(admin.invite(request(f)));
    }

    /**
     * Provisions one invitation without sending it.
     *
     * @param f the form
     * @return the invitation
     */
    public WebJson.InvitationView provision(WebJson.InviteForm f) {
        return view(admin.provision(request(f)));
    }

    /**
     * Sends a provisioned invitation.
     *
     * @param id      the id
     * @param message text to add to the email, or {@code null}
     * @return the invitation
     */
    public WebJson.InvitationView send(String id, String message) {
        return view(admin.send(id(id), message));
    }

    /**
     * Sends several provisioned invitations.
     *
     * @param ids     the ids
     * @param message text to add to each email, or {@code null}
     * @return what was sent and refused
     */
    public WebJson.SendView send(List<String> ids, String message) {
        return Views.send(admin.send(ids.stream().map(AdminCalls::id).toList(), message));
    }

    /**
     * Sends every provisioned invitation of the tenant.
     *
     * @param message text to add to each email, or {@code null}
     * @return what was sent and refused
     */
    public WebJson.SendView sendAllProvisioned(String message) {
        return Views.send(admin.sendAllProvisioned(message));
    }

    /**
     * Resends.
     *
     * @param id the id
     * @return the invitation
     */
    public WebJson.InvitationView resend(String id) {
        return view(admin.resend(id(id)));
    }

    /**
     * Re-invites after expiry.
     *
     * @param id the id
     * @return the new invitation
     */
    public WebJson.InvitationView reinvite(String id) {
        return view(admin.reinvite(id(id)));
    }

    /**
     * Revokes.
     *
     * @param id     the id
     * @param reason why, or null
     * @return the invitation
     */
    public WebJson.InvitationView revoke(String id, String reason) {
        return view(admin.revoke(id(id), reason));
    }

    /**
     * Approves an acceptance awaiting approval.
     *
     * @param id the id
     * @return the invitation
     */
    public WebJson.InvitationView approve(String id) {
        return view(admin.approve(id(id)));
    }

    /**
     * Rejects an acceptance awaiting approval.
     *
     * @param id     the id
     * @param reason why, or null
     * @return the invitation
     */
    public WebJson.InvitationView reject(String id, String reason) {
        return view(admin.reject(id(id), reason));
    }

    /**
     * Reveals a claim link.
     *
     * @param id the id
     * @return the link
     */
    public WebJson.ClaimLinkView revealClaimLink(String id) {
        return new WebJson.ClaimLinkView(admin.revealClaimLink(id(id)).url());
    }

    /**
     * Finds one invitation of the tenant.
     *
     * @param id the id
     * @return the invitation, or null
     */
    public WebJson.InvitationView find(String id) {
        return admin.find(id(id)).map(this::view).orElse(null);
    }

    /**
     * Queries the tenant's invitations by effective status.
     *
     * @param statuses the statuses, empty for all
     * @param offset   how many to skip
     * @param limit    the page size
     * @return the page
     */
    public WebJson.InvitationPage query(Set<InvitationStatus> statuses, int offset, int limit) {
        Instant now = now();
        Page<Invitation> page = admin.query(InvitationQuery.builder(tenant).statuses(statuses).asOf(now)
                .page(offset, limit).build());
        return Views.page(page, now);
    }

    /**
     * Every invitation of the tenant, for the status export.
     *
     * @param max the most to read
     * @return the invitations
     */
    public List<Invitation> all(int max) {
        List<Invitation> out = new ArrayList<>();
        InvitationQuery q = InvitationQuery.builder(tenant).asOf(now()).page(0, Math.min(max, InvitationQuery.MAX_LIMIT))
                .build();
        while (true) {
            Page<Invitation> p = admin.query(q);
            out.addAll(p.items());
            if (!p.hasMore() || out.size() >= max) {
                return out.size() > max ? out.subList(0, max) : out;
            }
            q = q.nextPage();
        }
    }

    /**
     * The history of one invitation.
     *
     * @param id the id
     * @return its entries, oldest first
     */
    public List<WebJson.HistoryView> history(String id) {
        return admin.history(id(id)).stream().map(Views::history).toList();
    }

    /**
     * Runs a bulk upload's rows.
     *
     * @param rows      the rows read from the file
     * @param dryRun    whether to check only
     * @param provision whether to provision instead of inviting
     * @param role      the default role, or null
     * @return the row report
     */
    public WebJson.BulkReportView bulk(List<InvitationRow> rows, boolean dryRun, boolean provision, String role) {
        BulkRequest.Builder b = BulkRequest.builder(rows)
                .mode(dryRun ? BulkMode.DRY_RUN : BulkMode.BEST_EFFORT)
                .action(provision ? BulkAction.PROVISION : BulkAction.INVITE);
        if (role != null && !role.isBlank()) {
            b.defaultRole(role);
        }
        return Views.bulk(admin.bulk(b.build()));
    }

    /**
     * The claim links of a batch, for the export.
     *
     * @param batchId the batch
     * @return the entries
     */
    public List<ClaimLinkEntry> exportClaimLinks(String batchId) {
        return admin.exportClaimLinks(new BatchId(batchId));
    }

    /**
     * The tenant's shareable links.
     *
     * @return the links, without URLs
     */
    public List<WebJson.ShareableLinkView> shareableLinks() {
        return admin.shareableLinks().stream().map(l -> link(l, null)).toList();
    }

    /**
     * Creates a shareable link.
     *
     * @param f the form
     * @return the link with its URL
     */
    public WebJson.ShareableLinkView createShareableLink(WebJson.ShareableLinkForm f) {
        ShareableLinkRequest.Builder b = ShareableLinkRequest.builder();
        if (f.role() != null && !f.role().isBlank()) {
            b.role(f.role());
        }
        if (Boolean.TRUE.equals(f.guest())) {
            b.membershipType(MembershipType.GUEST);
        }
        if (f.targetType() != null && !f.targetType().isBlank()) {
            b.target(Target.resource(f.targetType(), f.targetId()));
        }
        if (f.expiresAt() != null && !f.expiresAt().isBlank()) {
            b.expiresAt(Instant.parse(f.expiresAt()));
        }
        b.maxUses(f.maxUses());
        if (f.allowedDomains() != null) {
            b.allowedDomains(f.allowedDomains());
        }
        return revealed(admin.createShareableLink(b.build()));
    }

    /**
     * Reveals a shareable link's URL.
     *
     * @param id the link's id
     * @return the link with its URL
     */
    public WebJson.ShareableLinkView revealShareableLink(String id) {
        return revealed(admin.revealShareableLink(LinkId.of(id)));
    }

    /**
     * Reactivates a shareable link (its old URL stays dead).
     *
     * @param id the link's id
     * @return the link with its new URL
     */
    public WebJson.ShareableLinkView reactivateShareableLink(String id) {
        return revealed(admin.reactivateShareableLink(LinkId.of(id)));
    }

    /**
     * Deactivates a shareable link.
     *
     * @param id the link's id
     * @return the link
     */
    public WebJson.ShareableLinkView deactivateShareableLink(String id) {
        return link(admin.deactivateShareableLink(LinkId.of(id)), null);
    }

    /**
     * Renders the message an invitation sends.
     *
     * @param id   the id
     * @param kind which message
     * @return the message
     */
    public WebJson.MessageView preview(String id, OutboxMessage.Kind kind) {
        return Views.message(admin.preview(id(id), kind));
    }

    /**
     * Renders a message with sample values.
     *
     * @param locale the language
     * @param kind   which message
     * @return the message
     */
    public WebJson.MessageView previewSample(Locale locale, OutboxMessage.Kind kind) {
        return Views.message(admin.previewSample(locale, kind));
    }

    private static WebJson.ShareableLinkView revealed(RevealedShareableLink s) {
        return link(s.link(), s.url());
    }

    private static WebJson.ShareableLinkView link(ShareableLink l, String url) {
        return new WebJson.ShareableLinkView(l.id().value(), l.active(), l.grant().role(), l.target().type(),
                Views.targetId(l.target()), l.uses(), l.maxUses(), Views.iso(l.expiresAt()), l.allowedDomains(),
                l.createdBy(), url);
    }
}
