package io.invitations.core.bulk;

import org.apiguardian.api.API;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an import file may have, each recognised under common header names in English, French
 * and German. Headers are compared after {@link #normalize(String) normalising}: case, accents,
 * spaces and punctuation are ignored, so "E-Mail", "email address" and "Courriel" all mean
 * {@link #EMAIL}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public enum RowField {
    /** The invitee's email address. */
    EMAIL("email", "e-mail", "email address", "e-mail address", "mail", "email adresse", "e-mail-adresse",
            "courriel", "adresse email", "adresse e-mail", "adresse mail", "adresse courriel", "mel",
            "email 1 value", "primary email", "work email", "mail address", "emailadresse", "mailadresse",
            "adresse electronique", "adresse de messagerie"),
    /** The first (given) name. */
    FIRST_NAME("first name", "firstname", "given name", "given names", "forename", "prenom", "vorname", "vornamen"),
    /** The last (family) name. */
    LAST_NAME("last name", "lastname", "surname", "family name", "nom", "nom de famille", "nachname",
            "familienname", "zuname"),
    /** The role to grant. */
    ROLE("role", "permission role", "rolle", "berechtigung", "droit"),
    /** Groups or teams, split on {@code ;} or {@code ,} inside the cell. */
    GROUPS("groups", "group", "teams", "team", "groupes", "groupe", "equipes", "equipe", "gruppen", "gruppe"),
    /** Membership type: member or guest (also membre/invité, Mitglied/Gast). */
    MEMBERSHIP_TYPE("membership", "membership type", "type", "user type", "type de membre", "type d utilisateur",
            "mitgliedschaft", "mitgliedstyp", "benutzertyp"),
    /** An identifier for invitees without email. */
    IDENTIFIER("identifier", "id", "login", "identifiant", "kennung", "personnel number", "employee number",
            "matricule", "personalnummer"),
    /** The kind of the identifier (phone, personnel_number, birth_date, or host-defined). */
    IDENTIFIER_KIND("identifier kind", "identifier type", "id kind", "id type", "type d identifiant",
            "kennungstyp", "kennungsart"),
    /** The invitee's language (a language tag such as {@code fr} or {@code de-CH}). */
    LANGUAGE("language", "locale", "lang", "preferred language", "langue", "langue preferee", "sprache",
            "bevorzugte sprache"),
    /** A personal message for this invitee. */
    MESSAGE("message", "personal message", "message personnel", "nachricht", "personliche nachricht");

    private static final Map<String, RowField> BY_NAME = new HashMap<>();

    static {
        for (RowField f : values()) {
            for (String name : f.names) {
                RowField previous = BY_NAME.put(normalize(name), f);
                if (previous != null && previous != f) {
                    throw new IllegalStateException("header " + name + " is claimed by " + previous + " and " + f);
                }
            }
        }
    }

    private final List<String> names;

    RowField(String... names) {
        this.names = List.of(names);
    }

    /**
     * The header names this field is recognised under (before normalising).
     *
     * @return the names
     */
    public List<String> headerNames() {
        return names;
    }

    /**
     * The canonical header, as template files write it (e.g. {@code "email"}, {@code "first name"}).
     *
     * @return the first of {@link #headerNames()}
     */
    public String canonicalHeader() {
        return names.get(0);
    }

    /**
     * Recognises a header cell.
     *
     * @param header the header as written in the file, may be {@code null}
     * @return the field, or empty when the header is not one of the known names
     */
    public static Optional<RowField> recognise(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(normalize(header)));
    }

    /**
     * Normalises a header for comparison: accents removed, lower case, every run of characters that
     * are not letters or digits turned into one space, trimmed. {@code "E-Mail"} becomes {@code "e mail"}.
     *
     * @param header the header, not {@code null}
     * @return the normalised form
     */
    public static String normalize(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        // "e mail" and "email" must meet: drop the space after a lone letter prefix.
        return s.replaceAll("^e mail", "email").replace(" e mail", " email");
    }
}
