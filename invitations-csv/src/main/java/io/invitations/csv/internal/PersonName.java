package io.invitations.csv.internal;

import org.apiguardian.api.API;

/**
 * A full name split into given and family name, for formats that may carry only a full name
 * (vCard FN, LDIF cn). "Jane Doe" gives Jane / Doe; "Jean-Pierre de La Fontaine" gives Jean-Pierre /
 * de La Fontaine (split at the first blank); "Doe, Jane" gives Jane / Doe; a single word is a given
 * name.
 *
 * @param given  the given name, or {@code null}
 * @param family the family name, or {@code null}
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public record PersonName(String given, String family) {
    /**
     * Splits a full name.
     *
     * @param full the full name, or {@code null}
     * @return the parts; both {@code null} for a blank or {@code null} name
     */
    public static PersonName split(String full) {
        if (full == null || full.isBlank()) {
            return new PersonName(null, null);
        }
        String s = full.strip().replaceAll("\\s+", " ");
        int comma = s.indexOf(',');
        if (comma > 0) {
            return new PersonName(blankToNull(s.substring(comma + 1)), blankToNull(s.substring(0, comma)));
        }
        int space = s.indexOf(' ');
        return space < 0 ? new PersonName(s, null) : new PersonName(s.substring(0, space), s.substring(space + 1));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
