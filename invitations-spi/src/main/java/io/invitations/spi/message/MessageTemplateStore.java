package io.invitations.spi.message;

import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage.Kind;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps each tenant's custom message templates, one per language and message kind. Only the
 * language of a locale counts: {@code fr-CA} and {@code fr} share a template. Where a tenant has no
 * custom template, the engine's built-in one is used
 * ({@code io.invitations.core.message.MessageTemplates#builtIn}). The engine's in-memory default is
 * {@code io.invitations.core.memory.InMemoryMessageTemplateStore}.
 *
 * <p>A store that persists templates keeps their three texts ({@link MessageTemplate#subject()},
 * {@link MessageTemplate#html()}, {@link MessageTemplate#text()}) and rebuilds them with
 * {@link MessageTemplate#of} when reading.
 *
 * <p>Implementations must be safe for use by many threads at once; arguments are never
 * {@code null}.
 *
 * @since 0.1.0
 */
public interface MessageTemplateStore {
    /**
     * Reads a tenant's custom template.
     *
     * @param tenantId the tenant
     * @param locale   the language (only {@link Locale#getLanguage()} counts)
     * @param kind     the message
     * @return the custom template, or empty when the tenant uses the built-in one
     */
    Optional<MessageTemplate> find(TenantId tenantId, Locale locale, Kind kind);

    /**
     * Stores (or replaces) a tenant's custom template.
     *
     * @param tenantId the tenant
     * @param locale   the language (only {@link Locale#getLanguage()} counts)
     * @param kind     the message
     * @param template the template, already validated by {@link MessageTemplate#of}
     */
    void save(TenantId tenantId, Locale locale, Kind kind, MessageTemplate template);

    /**
     * Validates three texts as a template and stores it.
     *
     * @param tenantId the tenant
     * @param locale   the language (only {@link Locale#getLanguage()} counts)
     * @param kind     the message
     * @param subject  the subject, one line
     * @param html     the HTML body
     * @param text     the plain-text body
     * @return the stored template
     * @throws TemplateException if the texts use an unknown placeholder or are otherwise invalid;
     *                           nothing is stored then
     */
    default MessageTemplate save(TenantId tenantId, Locale locale, Kind kind, String subject, String html,
                                 String text) {
        MessageTemplate template = MessageTemplate.of(subject, html, text);
        save(tenantId, locale, kind, template);
        return template;
    }

    /**
     * Removes a tenant's custom template, so that the built-in one is used again.
     *
     * @param tenantId the tenant
     * @param locale   the language (only {@link Locale#getLanguage()} counts)
     * @param kind     the message
     * @return {@code true} if there was a custom template
     */
    boolean remove(TenantId tenantId, Locale locale, Kind kind);
}
