package io.invitations.core.message.internal;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The words of the built-in templates, the expiry in words, the identifier labels and the opt-out
 * line every invitation message ends with, in English,
 * French and German. Phrases may contain placeholders; they are parsed with the template they end
 * up in. Not API.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Phrases {
    /** The languages with built-in phrases, the first one being the fallback. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr", "de");

    /** The fallback language. */
    public static final String FALLBACK = "en";

    private static final String NBSP = "\u00a0";

    private static final Map<String, String> EN = Map.ofEntries(
            entry("subject.INVITATION", "{{inviterName}} invited you to join {{tenantName}}"),
            entry("subject.RESEND", "Reminder: {{inviterName}} invited you to join {{tenantName}}"),
            entry("subject.REINVITE", "New invitation to join {{tenantName}}"),
            entry("subject.REMINDER", "Your invitation to join {{tenantName}} is waiting"),
            entry("subject.ACCESS_CODE_NOTICE", "How to join {{tenantName}} with your access code"),
            entry("hello", "Hello {{inviteeName}},"),
            entry("helloAnonymous", "Hello,"),
            entry("intro.INVITATION", "{{inviterName}} has invited you to join {{tenantName}}."),
            entry("intro.RESEND", "This is a reminder: {{inviterName}} has invited you to join {{tenantName}}."),
            entry("intro.REMINDER", "A friendly reminder: {{inviterName}} invited you to join {{tenantName}}, and"
                    + " the invitation is still open."),
            entry("intro.REINVITE", "Your earlier invitation expired, so {{inviterName}} has invited you again"
                    + " to join {{tenantName}}."),
            entry("intro.ACCESS_CODE_NOTICE", "{{inviterName}} has invited you to join {{tenantName}}. You do not"
                    + " need an email address: use the access code below."),
            entry("personalMessage", "A personal message from {{inviterName}}:"),
            entry("button", "Accept the invitation"),
            entry("linkHint", "If the button does not work, copy this link into your browser:"),
            entry("expiry", "This invitation {{expiresIn}} ({{expiresOn}})."),
            entry("about", "About {{tenantName}}"),
            entry("ignore", "If you were not expecting this invitation, you can ignore this message."),
            entry("step.open", "Open {{claimUrl}}"),
            entry("step.enter", "Enter your identifier and the access code below."),
            entry("step.finish", "Follow the steps to finish joining."),
            entry("accessCode", "Access code"),
            entry("colon", ":"),
            entry("keepPrivate", "Keep this notice private: the code is for you alone."),
            entry("expired", "has expired"),
            entry("expiresIn", "expires in {0} {1}"),
            entry("unit.day", "day"),
            entry("unit.days", "days"),
            entry("unit.hour", "hour"),
            entry("unit.hours", "hours"),
            entry("unit.minute", "minute"),
            entry("unit.minutes", "minutes"),
            entry("identifier.phone", "Phone number"),
            entry("identifier.personnel_number", "Personnel number"),
            entry("identifier.birth_date", "Date of birth"),
            entry("sample.personalMessage", "Looking forward to having you on board!"),
            entry("optOut.line", "To receive no more invitations from this sender"),
            entry("optOut.link", "Receive no more invitations from this sender"));

    private static final Map<String, String> FR = Map.ofEntries(
            entry("subject.INVITATION", "{{inviterName}} vous invite à rejoindre {{tenantName}}"),
            entry("subject.RESEND", "Rappel" + NBSP + ": {{inviterName}} vous invite à rejoindre {{tenantName}}"),
            entry("subject.REINVITE", "Nouvelle invitation à rejoindre {{tenantName}}"),
            entry("subject.REMINDER", "Votre invitation à rejoindre {{tenantName}} vous attend"),
            entry("subject.ACCESS_CODE_NOTICE", "Comment rejoindre {{tenantName}} avec votre code d’accès"),
            entry("hello", "Bonjour {{inviteeName}},"),
            entry("helloAnonymous", "Bonjour,"),
            entry("intro.INVITATION", "{{inviterName}} vous invite à rejoindre {{tenantName}}."),
            entry("intro.RESEND", "Petit rappel" + NBSP + ": {{inviterName}} vous invite à rejoindre {{tenantName}}."),
            entry("intro.REMINDER", "Petit rappel" + NBSP + ": {{inviterName}} vous a invité à rejoindre"
                    + " {{tenantName}}, et l’invitation est toujours ouverte."),
            entry("intro.REINVITE", "Votre invitation précédente a expiré" + NBSP + "; {{inviterName}} vous invite"
                    + " de nouveau à rejoindre {{tenantName}}."),
            entry("intro.ACCESS_CODE_NOTICE", "{{inviterName}} vous invite à rejoindre {{tenantName}}. Aucune adresse"
                    + " e-mail n’est nécessaire" + NBSP + ": utilisez le code d’accès ci-dessous."),
            entry("personalMessage", "Un message personnel de {{inviterName}}" + NBSP + ":"),
            entry("button", "Accepter l’invitation"),
            entry("linkHint", "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur" + NBSP + ":"),
            entry("expiry", "Cette invitation {{expiresIn}} ({{expiresOn}})."),
            entry("about", "À propos de {{tenantName}}"),
            entry("ignore", "Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message."),
            entry("step.open", "Ouvrez {{claimUrl}}"),
            entry("step.enter", "Saisissez votre identifiant et le code d’accès ci-dessous."),
            entry("step.finish", "Suivez les étapes pour terminer votre inscription."),
            entry("accessCode", "Code d’accès"),
            entry("colon", NBSP + ":"),
            entry("keepPrivate", "Gardez ce document confidentiel" + NBSP + ": le code est personnel."),
            entry("expired", "a expiré"),
            entry("expiresIn", "expire dans {0} {1}"),
            entry("unit.day", "jour"),
            entry("unit.days", "jours"),
            entry("unit.hour", "heure"),
            entry("unit.hours", "heures"),
            entry("unit.minute", "minute"),
            entry("unit.minutes", "minutes"),
            entry("identifier.phone", "Numéro de téléphone"),
            entry("identifier.personnel_number", "Matricule"),
            entry("identifier.birth_date", "Date de naissance"),
            entry("sample.personalMessage", "Au plaisir de vous compter parmi nous" + NBSP + "!"),
            entry("optOut.line", "Pour ne plus recevoir d’invitations de cet expéditeur"),
            entry("optOut.link", "Ne plus recevoir d’invitations de cet expéditeur"));

    private static final Map<String, String> DE = Map.ofEntries(
            entry("subject.INVITATION", "{{inviterName}} lädt Sie zu {{tenantName}} ein"),
            entry("subject.RESEND", "Erinnerung: {{inviterName}} lädt Sie zu {{tenantName}} ein"),
            entry("subject.REINVITE", "Neue Einladung zu {{tenantName}}"),
            entry("subject.REMINDER", "Ihre Einladung zu {{tenantName}} wartet auf Sie"),
            entry("subject.ACCESS_CODE_NOTICE", "So treten Sie {{tenantName}} mit Ihrem Zugangscode bei"),
            entry("hello", "Hallo {{inviteeName}},"),
            entry("helloAnonymous", "Hallo,"),
            entry("intro.INVITATION", "{{inviterName}} hat Sie eingeladen, {{tenantName}} beizutreten."),
            entry("intro.RESEND", "Zur Erinnerung: {{inviterName}} hat Sie eingeladen, {{tenantName}} beizutreten."),
            entry("intro.REMINDER", "Eine freundliche Erinnerung: {{inviterName}} hat Sie eingeladen,"
                    + " {{tenantName}} beizutreten, und die Einladung ist noch offen."),
            entry("intro.REINVITE", "Ihre frühere Einladung ist abgelaufen. {{inviterName}} hat Sie erneut"
                    + " eingeladen, {{tenantName}} beizutreten."),
            entry("intro.ACCESS_CODE_NOTICE", "{{inviterName}} hat Sie eingeladen, {{tenantName}} beizutreten. Sie"
                    + " brauchen keine E-Mail-Adresse: Verwenden Sie den Zugangscode unten."),
            entry("personalMessage", "Eine persönliche Nachricht von {{inviterName}}:"),
            entry("button", "Einladung annehmen"),
            entry("linkHint", "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:"),
            entry("expiry", "Diese Einladung {{expiresIn}} ({{expiresOn}})."),
            entry("about", "Über {{tenantName}}"),
            entry("ignore", "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren."),
            entry("step.open", "Öffnen Sie {{claimUrl}}"),
            entry("step.enter", "Geben Sie Ihre Kennung und den Zugangscode unten ein."),
            entry("step.finish", "Folgen Sie den Schritten, um den Beitritt abzuschließen."),
            entry("accessCode", "Zugangscode"),
            entry("colon", ":"),
            entry("keepPrivate", "Bewahren Sie dieses Schreiben vertraulich auf: Der Code ist nur für Sie bestimmt."),
            entry("expired", "ist abgelaufen"),
            entry("expiresIn", "läuft in {0} {1} ab"),
            entry("unit.day", "Tag"),
            entry("unit.days", "Tagen"),
            entry("unit.hour", "Stunde"),
            entry("unit.hours", "Stunden"),
            entry("unit.minute", "Minute"),
            entry("unit.minutes", "Minuten"),
            entry("identifier.phone", "Telefonnummer"),
            entry("identifier.personnel_number", "Personalnummer"),
            entry("identifier.birth_date", "Geburtsdatum"),
            entry("sample.personalMessage", "Ich freue mich, dass Sie dabei sind!"),
            entry("optOut.line", "Wenn Sie keine Einladungen mehr von diesem Absender erhalten möchten"),
            entry("optOut.link", "Keine Einladungen mehr von diesem Absender erhalten"));

    private final String language;
    private final Map<String, String> words;

    private Phrases(String language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    /**
     * Returns the phrases of a locale's language, English for languages without built-in phrases.
     *
     * @param locale the locale, not {@code null}
     * @return the phrases
     */
    public static Phrases of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "fr" -> new Phrases("fr", FR);
            case "de" -> new Phrases("de", DE);
            default -> new Phrases(FALLBACK, EN);
        };
    }

    /**
     * The language of these phrases.
     *
     * @return {@code en}, {@code fr} or {@code de}
     */
    public String language() {
        return language;
    }

    /**
     * Returns one phrase.
     *
     * @param key the phrase's key
     * @return the phrase
     * @throws IllegalArgumentException if there is no such phrase
     */
    public String get(String key) {
        String phrase = words.get(key);
        if (phrase == null) {
            throw new IllegalArgumentException("no phrase '" + key + "' in " + language);
        }
        return phrase;
    }

    /**
     * Returns one phrase, or a default when the language has none of that key.
     *
     * @param key      the phrase's key
     * @param fallback what to return when there is no such phrase
     * @return the phrase or the fallback
     */
    public String getOrDefault(String key, String fallback) {
        return words.getOrDefault(key, fallback);
    }

    /**
     * Returns the keys of the phrases of a language, to check that every language has them all.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return words.keySet();
    }
}
