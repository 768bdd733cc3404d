package io.invitations.core.internal;

import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The facade's message operations: preview of an invitation's message, samples and drafts, the
 * printable access-code notice, and the tenant templates. Reads only; sends and stores nothing but
 * templates. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Messaging {
    private final Context ctx;
    private final Composer composer;
    private final MessageTemplateStore templates;

    /**
     * Creates the operations.
     *
     * @param ctx       the context
     * @param composer  the composer the outbox renders with too
     * @param templates the tenant templates
     */
    public Messaging(Context ctx, Composer composer, MessageTemplateStore templates) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * Renders what the invitation's message of a kind is (or would be) now; it shows the claim link,
     * so it takes the level that reveals links.
     *
     * @param actor    who asks
     * @param tenantId the tenant
     * @param id       the invitation
     * @param kind     the message
     * @return the message
     */
    public MailMessage preview(Inviter actor, TenantId tenantId, InvitationId id, Kind kind) {
        Objects.requireNonNull(kind, "kind");
        Invitation invitation = revealable(actor, tenantId, id);
        if (kind == Kind.ACCESS_CODE_NOTICE) {
            throw refused("kind", "an access-code notice carries the code; render it with accessCodeNotice(actor,"
                    + " tenant, id, code)");
        }
        if (invitation.invitee().emailOrNull() == null) {
            throw refused("invitee", "invitation " + id + " is for an identifier without email, which is sent no"
                    + " message; print its access-code notice with accessCodeNotice(actor, tenant, id, code)");
        }
        return composer.latest(invitation, kind);
    }

    /**
     * Renders the printable notice that tells an identifier invitee how to redeem their code.
     *
     * @param actor      who asks; the code is a secret, so the level that reveals links
     * @param tenantId   the tenant
     * @param id         the invitation
     * @param accessCode the invitation's access code
     * @return the notice
     */
    public MailMessage accessCodeNotice(Inviter actor, TenantId tenantId, InvitationId id, String accessCode) {
        Invitation invitation = revealable(actor, tenantId, id);
        if (invitation.invitee().emailOrNull() != null) {
            throw refused("invitee", "invitation " + id + " is for an email address: it is mailed a claim link and"
                    + " has no access code; preview its message with preview(actor, tenant, id, kind)");
        }
        if (accessCode == null || accessCode.isBlank()) {
            throw refused("accessCode", "must not be blank; reveal the invitation's access code first");
        }
        return composer.notice(invitation, accessCode);
    }

    /**
     * Renders a kind of message around a sample invitation, with the tenant's template or a draft.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     the message
     * @param draft    a template to try, or {@code null}
     * @return the message
     */
    public MailMessage sample(TenantId tenantId, Locale locale, Kind kind, MessageTemplate draft) {
        return composer.sample(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(locale, "locale"),
                Objects.requireNonNull(kind, "kind"), draft);
    }

    /**
     * Returns the template a tenant's messages of a kind and language are rendered with.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     the message
     * @return the custom template, else the built-in one
     */
    public MessageTemplate template(TenantId tenantId, Locale locale, Kind kind) {
        return composer.renderer().templateFor(tenantId, locale, kind);
    }

    /**
     * Validates and stores a tenant's custom template.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     the message
     * @param subject  the subject
     * @param html     the HTML body
     * @param text     the text body
     * @return the stored template
     */
    public MessageTemplate saveTemplate(TenantId tenantId, Locale locale, Kind kind, String subject, String html,
                                        String text) {
        return templates.save(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(locale, "locale"),
                Objects.requireNonNull(kind, "kind"), subject, html, text);
    }

    /**
     * Removes a tenant's custom template.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     the message
     * @return whether there was one
     */
    public boolean removeTemplate(TenantId tenantId, Locale locale, Kind kind) {
        return templates.remove(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(locale, "locale"),
                Objects.requireNonNull(kind, "kind"));
    }

    private Invitation revealable(Inviter actor, TenantId tenantId, InvitationId id) {
        Objects.requireNonNull(actor, "actor");
        Invitation invitation = ctx.requireReadable(actor, tenantId, id);
        PolicyViolationException.throwIfAny(InvitationPolicy.of(ctx.settingsFor(tenantId))
                .checkReveal(actor, invitation));
        return invitation;
    }

    private static InvalidRequestException refused(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }
}
