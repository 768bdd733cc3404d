package io.invitations.core.message;

import io.invitations.spi.message.MessageTemplateStore;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.message.Placeholder;
import io.invitations.spi.message.Branding;
import io.invitations.core.memory.InMemoryMessageTemplateStore;
import io.invitations.core.message.internal.ExpiryWords;
import io.invitations.core.message.internal.Phrases;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage.Kind;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders invitation messages: picks the tenant's template for the message's language and kind
 * (custom, else built-in, else the English ones), fills it from a {@link MessageContext}, and
 * returns the {@link MailMessage} a {@link io.invitations.spi.mail.Mailer} receives. Every value is
 * HTML-escaped in the HTML part and kept as is in the subject and text.
 *
 * <p>Rendering is a pure function of the context and the templates: it sends and stores nothing,
 * so rendering is also the preview, byte for byte the same as what the outbox delivers for the
 * same context.
 *
 * <p>Languages: a custom template of the tenant in the message's language, else the built-in one
 * if the language has one (English, French, German), else the tenant's custom English template,
 * else the built-in English one. Words the library writes itself ({@code {{expiresIn}}},
 * identifier labels) are English for languages without built-in templates; {@code {{expiresOn}}}
 * is formatted in any language.
 *
 * <p>Thread-safe when its template store is.
 *
 * @since 0.1.0
 */
public final class MessageRenderer {
    /** The accent colour used when the tenant's branding has none. */
    public static final String DEFAULT_ACCENT_COLOR = "#2F6FEB";

    /** The header naming the message kind ({@code invitation}, {@code resend}, ...), for routing. */
    public static final String KIND_HEADER = "X-Invitation-Kind";

    private static final Locale FALLBACK = Locale.forLanguageTag(Phrases.FALLBACK);

    private final MessageTemplateStore templates;

    private MessageRenderer(MessageTemplateStore templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * Creates a renderer that uses a tenant's custom templates where it has them.
     *
     * @param templates the custom templates, not {@code null}
     * @return the renderer
     */
    public static MessageRenderer of(MessageTemplateStore templates) {
        return new MessageRenderer(templates);
    }

    /**
     * Creates a renderer that uses only the built-in templates.
     *
     * @return the renderer
     */
    public static MessageRenderer builtIn() {
        return new MessageRenderer(new InMemoryMessageTemplateStore());
    }

    /**
     * Returns the template a message of a tenant is rendered with (see the class documentation for
     * how the language is chosen).
     *
     * @param tenantId the tenant, not {@code null}
     * @param locale   the invitee's language, not {@code null}
     * @param kind     the message, not {@code null}
     * @return the template
     */
    public MessageTemplate templateFor(TenantId tenantId, Locale locale, Kind kind) {
        return resolve(tenantId, locale, kind).template();
    }

    /**
     * Renders a message with the tenant's template. Sends and stores nothing: use it to preview.
     *
     * @param context what to render, not {@code null}
     * @return the message, keyed {@link MessageContext#idempotencyKey()}
     */
    public MailMessage render(MessageContext context) {
        Resolved resolved = resolve(context.invitation().tenantId(), context.locale(), context.kind());
        return render(context, resolved.template(), resolved.language());
    }

    /**
     * Renders a message with a given template, for example a draft the tenant has not saved yet.
     * Sends and stores nothing.
     *
     * @param context  what to render, not {@code null}
     * @param template the template, not {@code null}
     * @return the message, keyed {@link MessageContext#idempotencyKey()}
     */
    public MailMessage render(MessageContext context, MessageTemplate template) {
        return render(context, template, Locale.forLanguageTag(context.locale().getLanguage()));
    }

    private MailMessage render(MessageContext context, MessageTemplate template, Locale language) {
        Map<Placeholder, String> values = values(context, language);
        Function<String, String> lookup = key -> Placeholder.byKey(key).map(values::get).orElse(null);
        Invitation invitation = context.invitation();
        Contact contact = invitation.invitee().contact();
        String to = contact instanceof EmailAddress email ? email.value() : contact.toString();
        return MailMessage.builder()
                .idempotencyKey(context.idempotencyKey())
                .tenantId(invitation.tenantId())
                .invitationId(invitation.id())
                .to(to)
                .toName(values.get(Placeholder.INVITEE_NAME))
                .replyTo(null)
                .subject(template.renderSubject(lookup))
                .html(template.renderHtml(lookup))
                .text(template.renderText(lookup))
                .locale(language)
                .headers(Map.of(KIND_HEADER, context.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .build();
    }

    private static Map<Placeholder, String> values(MessageContext context, Locale language) {
        Phrases phrases = Phrases.of(language);
        Invitation invitation = context.invitation();
        Branding branding = context.branding();
        Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
        v.put(Placeholder.TENANT_NAME, branding.tenantName());
        v.put(Placeholder.TENANT_DESCRIPTION, branding.description());
        v.put(Placeholder.LOGO_URL, branding.logoUrl());
        v.put(Placeholder.ACCENT_COLOR, branding.accentColor() == null ? DEFAULT_ACCENT_COLOR : branding.accentColor());
        v.put(Placeholder.INVITER_NAME, invitation.inviterName());
        v.put(Placeholder.INVITEE_NAME, inviteeName(invitation.invitee()));
        v.put(Placeholder.PERSONAL_MESSAGE, invitation.personalMessage());
        v.put(Placeholder.CLAIM_URL, context.claimUrl());
        if (invitation.expiresAt() != null) {
            v.put(Placeholder.EXPIRES_IN, ExpiryWords.describe(context.now(), invitation.expiresAt(), phrases));
            v.put(Placeholder.EXPIRES_ON, ExpiryWords.date(invitation.expiresAt(), language));
        }
        Contact contact = invitation.invitee().contact();
        if (contact instanceof Identifier id) {
            v.put(Placeholder.IDENTIFIER_LABEL, phrases.getOrDefault("identifier." + id.kind().name(),
                    id.kind().name()));
            v.put(Placeholder.IDENTIFIER, id.value());
        } else if (contact instanceof EmailAddress email) {
            v.put(Placeholder.IDENTIFIER, email.value());
        }
        if (context.kind() == Kind.ACCESS_CODE_NOTICE) {
            v.put(Placeholder.ACCESS_CODE, context.accessCode());
        }
        return v;
    }

    /** The display name, else first and last name, else a name inferred from the email's local part. */
    static String inviteeName(Invitee invitee) {
        if (invitee.displayName() != null) {
            return invitee.displayName();
        }
        String full = ((invitee.firstName() == null ? "" : invitee.firstName()) + " "
                + (invitee.lastName() == null ? "" : invitee.lastName())).strip();
        if (!full.isEmpty()) {
            return full;
        }
        EmailAddress email = invitee.emailOrNull();
        if (email == null) {
            return null;
        }
        String local = email.localPart();
        int plus = local.indexOf('+');
        StringBuilder name = new StringBuilder();
        for (String word : (plus > 0 ? local.substring(0, plus) : local).split("[._-]+")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.length() == 0 ? null : name.toString();
    }

    private Resolved resolve(TenantId tenantId, Locale locale, Kind kind) {
        Locale language = Locale.forLanguageTag(locale.getLanguage());
        Optional<MessageTemplate> custom = templates.find(tenantId, language, kind);
        if (custom.isPresent()) {
            return new Resolved(custom.get(), language);
        }
        if (MessageTemplates.hasBuiltIn(language)) {
            return new Resolved(MessageTemplates.builtIn(language, kind), language);
        }
        return new Resolved(templates.find(tenantId, FALLBACK, kind)
                .orElseGet(() -> MessageTemplates.builtIn(FALLBACK, kind)), FALLBACK);
    }

    private record Resolved(MessageTemplate template, Locale language) {
    }
}
