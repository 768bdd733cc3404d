package io.invitations.excel.internal;

import io.invitations.core.bulk.RowField;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the template in English, French and German. Headers stay the canonical English ones
 * (the importers recognise them, and French and German ones too); everything a person reads to fill
 * the file in is translated.
 */
record TemplateTexts(String dataSheet, String instructionsSheet, String title, String limitFormat,
                     String oneRowPerPerson, String contactRule, String columnHeader, String requiredHeader,
                     String meaningHeader, String allowedHeader, String no, Map<RowField, String> required,
                     Map<RowField, String> meanings, String anyRole, String groupsAllowed, String languageAllowed,
                     String otherKindsAllowed, String pickFromList, String pickRole, String pickMembership,
                     String unusualKind, String limitTitle, String seeInstructions) {

    static TemplateTexts of(String language) {
        return switch (language) {
            case "fr" -> french();
            case "de" -> german();
            default -> english();
        };
    }

    /**
     * States the limit, e.g. "At most 500 rows per file; split larger lists into waves."
     *
     * @param bulkLimit the limit
     * @return the sentence
     */
    String limit(int bulkLimit) {
        return String.format(Locale.ROOT, limitFormat, bulkLimit);
    }

    private static TemplateTexts english() {
        return new TemplateTexts("Invitations", "Instructions", "How to fill in this file",
                "At most %d rows per file; split larger lists into waves.",
                "One person per row, from row 2 of the sheet 'Invitations'. Keep the header row as it is.",
                "Every person needs an email address, or else an identifier and its kind (people without email"
                        + " receive an access code).",
                "Column", "Required", "What it holds", "Allowed values", "no",
                requirementTexts("yes, unless the row has an identifier", "if there is no email", "with an identifier"),
                meaningTexts("the person's email address", "first (given) name", "last (family) name",
                        "the role to give; empty: the default role of the invitation",
                        "groups or teams to join", "member (full access) or guest (only the groups invited to)",
                        "for people without email: a phone number, personnel number, birth date...",
                        "what kind of identifier the row holds", "the language of the invitation",
                        "a personal message added to the invitation"),
                "a role of your platform", "names separated by ; or ,", "a language tag: en, fr, de, de-CH...",
                "others too, if your platform defines them", "Pick a value from the list.",
                "Pick one of the platform's roles from the list.", "Pick member or guest from the list.",
                "This identifier kind is not one of the usual ones; keep it only if your platform knows it.",
                "Limit", "See the sheet 'Instructions'.");
    }

    private static TemplateTexts french() {
        return new TemplateTexts("Invitations", "Instructions", "Comment remplir ce fichier",
                "%d lignes au plus par fichier ; découpez les listes plus longues en plusieurs vagues.",
                "Une personne par ligne, à partir de la ligne 2 de la feuille « Invitations ». Gardez la ligne"
                        + " d'en-tête telle quelle.",
                "Chaque personne a besoin d'une adresse e-mail, ou à défaut d'un identifiant et de son type (les"
                        + " personnes sans e-mail reçoivent un code d'accès).",
                "Colonne", "Obligatoire", "Contenu", "Valeurs possibles", "non",
                requirementTexts("oui, sauf si la ligne a un identifiant", "s'il n'y a pas d'e-mail", "avec un identifiant"),
                meaningTexts("l'adresse e-mail de la personne", "prénom", "nom de famille",
                        "le rôle à donner ; vide : le rôle par défaut de l'invitation",
                        "groupes ou équipes à rejoindre",
                        "member (accès complet) ou guest (seulement les groupes où il est invité)",
                        "pour les personnes sans e-mail : numéro de téléphone, matricule, date de naissance...",
                        "le type d'identifiant de la ligne", "la langue de l'invitation",
                        "un message personnel ajouté à l'invitation"),
                "un rôle de votre plateforme", "noms séparés par ; ou ,", "un code de langue : en, fr, de, fr-CA...",
                "d'autres aussi, si votre plateforme les définit", "Choisissez une valeur de la liste.",
                "Choisissez l'un des rôles de la plateforme dans la liste.",
                "Choisissez member ou guest dans la liste.",
                "Ce type d'identifiant n'est pas l'un des types habituels ; gardez-le seulement si votre plateforme"
                        + " le connaît.",
                "Limite", "Voir la feuille « Instructions ».");
    }

    private static TemplateTexts german() {
        return new TemplateTexts("Einladungen", "Anleitung", "So füllen Sie diese Datei aus",
                "Höchstens %d Zeilen pro Datei; teilen Sie längere Listen in mehrere Wellen auf.",
                "Eine Person pro Zeile, ab Zeile 2 des Blatts „Einladungen“. Lassen Sie die Kopfzeile unverändert.",
                "Jede Person braucht eine E-Mail-Adresse oder sonst eine Kennung und deren Art (Personen ohne E-Mail"
                        + " erhalten einen Zugangscode).",
                "Spalte", "Pflicht", "Inhalt", "Erlaubte Werte", "nein",
                requirementTexts("ja, außer die Zeile hat eine Kennung", "wenn es keine E-Mail gibt", "mit einer Kennung"),
                meaningTexts("die E-Mail-Adresse der Person", "Vorname", "Nachname",
                        "die zu vergebende Rolle; leer: die Standardrolle der Einladung",
                        "Gruppen oder Teams, denen die Person beitritt",
                        "member (voller Zugang) oder guest (nur die Gruppen, in die eingeladen wird)",
                        "für Personen ohne E-Mail: Telefonnummer, Personalnummer, Geburtsdatum...",
                        "welche Art von Kennung die Zeile enthält", "die Sprache der Einladung",
                        "eine persönliche Nachricht zur Einladung"),
                "eine Rolle Ihrer Plattform", "Namen, getrennt durch ; oder ,", "ein Sprachcode: en, fr, de, de-CH...",
                "auch andere, wenn Ihre Plattform sie kennt", "Wählen Sie einen Wert aus der Liste.",
                "Wählen Sie eine der Rollen der Plattform aus der Liste.",
                "Wählen Sie member oder guest aus der Liste.",
                "Diese Art von Kennung ist keine der üblichen; behalten Sie sie nur, wenn Ihre Plattform sie kennt.",
                "Grenze", "Siehe Blatt „Anleitung“.");
    }

    /** Requirement texts: email, identifier, identifier kind; every other column is optional. */
    private static Map<RowField, String> requirementTexts(String email, String identifier, String identifierKind) {
        Map<RowField, String> m = new EnumMap<>(RowField.class);
        m.put(RowField.EMAIL, email);
        m.put(RowField.IDENTIFIER, identifier);
        m.put(RowField.IDENTIFIER_KIND, identifierKind);
        return m;
    }

    /** Meanings in {@link RowField} order. */
    private static Map<RowField, String> meaningTexts(String... meanings) {
        Map<RowField, String> m = new EnumMap<>(RowField.class);
        RowField[] all = RowField.values();
        for (int i = 0; i < all.length && i < meanings.length; i++) {
            m.put(all[i], meanings[i]);
        }
        return m;
    }
}
