package io.invitations.core.internal;

import io.invitations.spi.message.Branding;
import io.invitations.core.message.MessageContext;
import io.invitations.core.message.MessageRenderer;
import io.invitations.core.message.internal.Phrases;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailDeliveryException;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.Kind;
import org.apiguardian.api.API;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Composes the facade's messages: the tenant's branding from its settings, the claim link derived
 * at the moment of rendering, the tenant's template. The outbox renders through
 * {@link #render(Invitation, OutboxMessage)} and previews through {@link #latest}, from the same
 * context, so that a preview is byte for byte what is sent. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Composer {
    /** The RFC 2369 header naming the opt-out URL. */
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    /** The RFC 8058 header that makes the opt-out URL one-click (a POST). */
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    /** The line before the opt-out URL at the end of a message's text, in English. */
    public static final String OPT_OUT_LINE = optOutLine(Phrases.of(Locale.ENGLISH));
    /** The text of the opt-out link at the end of a message's HTML, in English. */
    public static final String OPT_OUT_HTML = Phrases.of(Locale.ENGLISH).get("optOut.link");
    private final TenantSettingsSource settings;
    private final ClaimLinks links;
    private final MessageRenderer renderer;
    private final Clock clock;

    /**
     * Creates the composer.
     *
     * @param settings the tenant settings (branding, claim URL)
     * @param links    the claim-link derivation
     * @param renderer the renderer over the tenant templates
     * @param clock    the clock the expiry is described from
     */
    public Composer(TenantSettingsSource settings, ClaimLinks links, MessageRenderer renderer, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.links = Objects.requireNonNull(links, "links");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the renderer (for templates and drafts).
     *
     * @return the renderer
     */
    public MessageRenderer renderer() {
        return renderer;
    }

    /**
     * Renders a claimed outbox message at delivery time. A claim URL that cannot go into a message
     * is a permanent failure: retrying would not help, and the invitation shows the reason.
     *
     * @param invitation the invitation as stored
     * @param message    the claimed message
     * @return the message to send
     * @throws MailDeliveryException (permanent) when the tenant's claim URL is not absolute
     */
    public MailMessage render(Invitation invitation, OutboxMessage message) {
        String url;
        try {
            url = claimUrl(invitation);
        } catch (InvitationException e) {
            throw MailDeliveryException.permanentFailure(e.getMessage(), null);
        }
        return withOptOut(invitation, renderer.render(MessageContext.forMessage(message, invitation,
                brandingOf(invitation.tenantId()), url, clock.instant())));
    }

    /**
     * Renders the latest message of a kind of an invitation, exactly as the outbox would send it now.
     *
     * @param invitation the invitation as stored
     * @param kind       the message, not an access-code notice
     * @return the message
     * @throws InvitationException with CONFIGURATION when the tenant's claim URL is not absolute
     */
    public MailMessage latest(Invitation invitation, Kind kind) {
        return withOptOut(invitation, renderer.render(MessageContext.of(kind, invitation,
                brandingOf(invitation.tenantId()), claimUrl(invitation), clock.instant())));
    }

    /**
     * Renders the printable access-code notice of an identifier invitation.
     *
     * @param invitation the invitation as stored
     * @param accessCode the code, not blank
     * @return the notice
     * @throws InvitationException with CONFIGURATION when the tenant's claim URL is not absolute
     */
    public MailMessage notice(Invitation invitation, String accessCode) {
        return renderer.render(MessageContext.forNotice(invitation, brandingOf(invitation.tenantId()),
                redeemUrl(invitation.tenantId()), accessCode, clock.instant()));
    }

    /**
     * Renders a message around a sample invitation, with the tenant's template or a draft.
     *
     * @param tenantId the tenant
     * @param locale   the language
     * @param kind     the message
     * @param draft    a template to try, or {@code null} for the tenant's current one
     * @return the message
     */
    public MailMessage sample(TenantId tenantId, Locale locale, Kind kind, MessageTemplate draft) {
        MessageContext context = MessageContext.sample(kind, tenantId, brandingOf(tenantId), locale, clock.instant());
        return draft == null ? renderer.render(context) : renderer.render(context, draft);
    }

    /**
     * Adds the recipient's opt-out link to a message: a line at the end of its text and HTML, and the
     * RFC 8058 one-click headers {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}. The line
     * is in the invitation's language (English for a language without built-in phrases).
     *
     * @param invitation the invitation the message is for
     * @param message    the rendered message
     * @return the message with its opt-out link
     */
    public MailMessage withOptOut(Invitation invitation, MailMessage message) {
        if (invitation.invitee().emailOrNull() == null) {
            return message;
        }
        String url = links.optOutUrlFor(invitation);
        Map<String, String> headers = new LinkedHashMap<>(message.headers());
        headers.put(LIST_UNSUBSCRIBE, "<" + url + ">");
        headers.put(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
        Phrases phrases = Phrases.of(invitation.locale());
        String line = optOutLine(phrases) + url;
        String html = message.html();
        String link = "<p style=\"font-size:12px;color:#666666\"><a href=\"" + escape(url) + "\">"
                + escape(phrases.get("optOut.link")) + "</a></p>";
        int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        html = body < 0 ? html + link : html.substring(0, body) + link + html.substring(body);
        return message.toBuilder().text(message.text() + "\n\n" + line).html(html).headers(headers).build();
    }

    /**
     * The line before the opt-out URL in a language, e.g. {@code "To receive no more invitations from
     * this sender: "}.
     *
     * @param phrases the language
     * @return the line, ending with the language's colon and a space
     */
    public static String optOutLine(Phrases phrases) {
        return phrases.get("optOut.line") + phrases.get("colon") + " ";
    }

    /**
     * Returns a tenant's branding.
     *
     * @param tenantId the tenant
     * @return the branding from its settings
     */
    public Branding brandingOf(TenantId tenantId) {
        return settingsFor(tenantId).brandingFor(tenantId);
    }

    private TenantSettings settingsFor(TenantId tenantId) {
        return Objects.requireNonNull(settings.settingsFor(tenantId), "the settings source returned null");
    }

    private String claimUrl(Invitation invitation) {
        requireAbsolute(invitation.tenantId());
        return links.linkFor(invitation).url();
    }

    /**
     * The page where an identifier and access code are entered: the claim URL without a token (the
     * host's claim page shows the code form when it gets none).
     */
    private String redeemUrl(TenantId tenantId) {
        String template = requireAbsolute(tenantId);
        return template.replace(TenantSettings.TOKEN_PLACEHOLDER, "").replace(TenantSettings.TENANT_PLACEHOLDER,
                URLEncoder.encode(tenantId.value(), StandardCharsets.UTF_8));
    }

    /** Checks the tenant's claim URL template; the message names the template, which holds no secret. */
    private String requireAbsolute(TenantId tenantId) {
        String template = settingsFor(tenantId).claimUrlTemplate();
        if (!(template.startsWith("https://") || template.startsWith("http://"))) {
            throw new InvitationException(ErrorCode.CONFIGURATION, "the claim URL template of tenant " + tenantId
                    + " is '" + template + "', which cannot go into a message: make it an absolute http(s) URL,"
                    + " e.g. TenantSettings.builder().claimUrlBase(\"https://app.example.com/claim/\")");
        }
        return template;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
