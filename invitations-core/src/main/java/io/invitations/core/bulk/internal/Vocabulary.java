package io.invitations.core.bulk.internal;

import io.invitations.core.bulk.RowField;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.MembershipType;
import org.apiguardian.api.API;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words a row's cells may use, in English, French and German, compared after
 * {@link RowField#normalize(String)} (case, accents and punctuation ignored).
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Vocabulary {
    private static final int QUOTE_LIMIT = 60;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private static final Map<String, MembershipType> MEMBERSHIP = Map.ofEntries(
            Map.entry("member", MembershipType.MEMBER), Map.entry("members", MembershipType.MEMBER),
            Map.entry("membre", MembershipType.MEMBER), Map.entry("membres", MembershipType.MEMBER),
            Map.entry("mitglied", MembershipType.MEMBER), Map.entry("mitglieder", MembershipType.MEMBER),
            Map.entry("guest", MembershipType.GUEST), Map.entry("guests", MembershipType.GUEST),
            Map.entry("invite", MembershipType.GUEST), Map.entry("invitee", MembershipType.GUEST),
            Map.entry("invites", MembershipType.GUEST), Map.entry("invitees", MembershipType.GUEST),
            Map.entry("gast", MembershipType.GUEST), Map.entry("gaste", MembershipType.GUEST));

    private static final Map<String, IdentifierKind> KINDS = Map.ofEntries(
            Map.entry("phone", IdentifierKind.PHONE), Map.entry("phone number", IdentifierKind.PHONE),
            Map.entry("mobile", IdentifierKind.PHONE), Map.entry("mobile phone", IdentifierKind.PHONE),
            Map.entry("telephone", IdentifierKind.PHONE), Map.entry("numero de telephone", IdentifierKind.PHONE),
            Map.entry("portable", IdentifierKind.PHONE), Map.entry("telefon", IdentifierKind.PHONE),
            Map.entry("telefonnummer", IdentifierKind.PHONE), Map.entry("handy", IdentifierKind.PHONE),
            Map.entry("personnel number", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("employee number", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("employee id", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("matricule", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("numero d employe", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("personalnummer", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("mitarbeiternummer", IdentifierKind.PERSONNEL_NUMBER),
            Map.entry("birth date", IdentifierKind.BIRTH_DATE), Map.entry("birthdate", IdentifierKind.BIRTH_DATE),
            Map.entry("date of birth", IdentifierKind.BIRTH_DATE), Map.entry("birthday", IdentifierKind.BIRTH_DATE),
            Map.entry("date de naissance", IdentifierKind.BIRTH_DATE),
            Map.entry("geburtsdatum", IdentifierKind.BIRTH_DATE), Map.entry("geburtstag", IdentifierKind.BIRTH_DATE));

    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "english", "en", "anglais", "en", "englisch", "en",
            "french", "fr", "francais", "fr", "franzosisch", "fr",
            "german", "de", "allemand", "de", "deutsch", "de");

    private Vocabulary() {
    }

    /**
     * Reads a membership-type cell: member / membre / Mitglied or guest / invité / Gast (plurals too).
     *
     * @param cell the cell text, not {@code null}
     * @return the type, or empty when the word is not known
     */
    public static Optional<MembershipType> membershipType(String cell) {
        String word = RowField.normalize(cell);
        for (MembershipType t : MembershipType.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.ofNullable(MEMBERSHIP.get(word));
    }

    /**
     * Reads an identifier-kind cell: a well-known kind under its English, French or German name
     * ("phone", "matricule", "Geburtsdatum"), else a host-defined kind whose name is the cell with
     * spaces and punctuation turned into {@code _}.
     *
     * @param cell the cell text, not {@code null}
     * @return the kind
     * @throws IllegalArgumentException when the cell cannot be a kind's name
     */
    public static IdentifierKind identifierKind(String cell) {
        String word = RowField.normalize(cell);
        IdentifierKind known = KINDS.get(word);
        if (known != null) {
            return known;
        }
        if (word.isEmpty()) {
            throw new IllegalArgumentException(quote(cell) + " is not an identifier kind");
        }
        try {
            return IdentifierKind.of(word.replace(' ', '_'));
        } catch (InvitationException e) {
            throw new IllegalArgumentException(quote(cell) + " is not an identifier kind: use phone, "
                    + "personnel_number, birth_date or a name of letters, digits, '-' and '_'", e);
        }
    }

    /**
     * Reads a language cell: a language tag ({@code fr}, {@code de-CH}, {@code pt_BR}), or English,
     * French or German named in one of those languages.
     *
     * @param cell the cell text, not {@code null}
     * @return the locale
     * @throws IllegalArgumentException when the cell is not a language
     */
    public static Locale language(String cell) {
        String named = LANGUAGE_NAMES.get(RowField.normalize(cell));
        String tag = named != null ? named : cell.strip().replace('_', '-');
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            locale = null;
        }
        if (locale == null || !LANGUAGE.matcher(locale.getLanguage()).matches()) {
            throw new IllegalArgumentException(quote(cell) + " is not a language; write a language tag such as "
                    + "en, fr or de-CH");
        }
        return locale;
    }

    /**
     * Quotes a user's text for a message, shortened when long.
     *
     * @param text the text, not {@code null}
     * @return the text in single quotes, cut at 60 characters with an ellipsis
     */
    public static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
        return "'" + shown + "'";
    }
}
