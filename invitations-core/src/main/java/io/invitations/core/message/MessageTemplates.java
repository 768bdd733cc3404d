package io.invitations.core.message;

import io.invitations.core.message.internal.BuiltInTemplates;
import io.invitations.core.message.internal.Phrases;
import io.invitations.spi.message.MessageTemplate;
import io.invitations.spi.storage.OutboxMessage.Kind;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's built-in message templates, used where a tenant has no custom one.
 *
 * @since 0.1.0
 */
public final class MessageTemplates {
    private static final Map<String, Map<Kind, MessageTemplate>> BUILT_IN = builtIns();

    private MessageTemplates() {
    }

    /**
     * Returns the built-in template of a message kind in a locale's language: English, French or
     * German, English for any other language. A good starting point for a custom template.
     *
     * @param locale the language, not {@code null}
     * @param kind   the message, not {@code null}
     * @return the built-in template
     */
    public static MessageTemplate builtIn(Locale locale, Kind kind) {
        return BUILT_IN.get(Phrases.of(locale).language()).get(kind);
    }

    /**
     * Tells whether a locale's language has built-in templates (otherwise English is used).
     *
     * @param locale the locale, not {@code null}
     * @return {@code true} for English, French and German
     */
    public static boolean hasBuiltIn(Locale locale) {
        return Phrases.LANGUAGES.contains(locale.getLanguage());
    }

    private static Map<String, Map<Kind, MessageTemplate>> builtIns() {
        Map<String, Map<Kind, MessageTemplate>> all = new HashMap<>();
        for (String language : Phrases.LANGUAGES) {
            Phrases phrases = Phrases.of(Locale.forLanguageTag(language));
            Map<Kind, MessageTemplate> kinds = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                BuiltInTemplates.Source source = BuiltInTemplates.of(phrases, kind);
                kinds.put(kind, MessageTemplate.of(source.subject(), source.html(), source.text()));
            }
            all.put(language, Map.copyOf(kinds));
        }
        return Map.copyOf(all);
    }
}
