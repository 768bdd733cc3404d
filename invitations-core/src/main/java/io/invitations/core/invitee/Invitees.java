package io.invitations.core.invitee;

import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import org.apiguardian.api.API;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises email addresses and infers display names. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class Invitees {
    private Invitees() {
    }

    /**
     * Returns the normal form of an address: surrounding blanks removed, the whole address
     * NFKC-normalised (full-width letters become ASCII), the domain converted from IDN to ASCII
     * (punycode) and lower-cased, the local part otherwise kept as typed. Does not check that the
     * result is a well-formed address; the facade validates it with {@code @Email}, and reports an
     * invisible or direction-changing character by its code point ({@link ContactText}).
     *
     * @param raw the address as typed, may be {@code null}
     * @return the normal form, or empty when there is no {@code @}, the domain is not a valid
     *         internationalised domain name, or the address holds a character {@link ContactText}
     *         refuses
     */
    public static Optional<String> normalizeEmail(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (ContactText.unsafeCharacter("email", raw).isPresent()) {
            return Optional.empty();
        }
        String s = ContactText.nfkc(raw.strip());
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return Optional.empty();
        }
        try {
            String domain = IDN.toASCII(s.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return Optional.of(s.substring(0, at) + '@' + domain);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the name to show for an invitee: first and last name when given, else one inferred
     * from the email's local part, else {@code null} (identifier invitees without names).
     *
     * @param firstName the first name, or {@code null}
     * @param lastName  the last name, or {@code null}
     * @param contact   the contact, not {@code null}
     * @return the display name, or {@code null}
     */
    public static String displayName(String firstName, String lastName, Contact contact) {
        String joined = ((firstName == null ? "" : firstName.strip()) + " "
                + (lastName == null ? "" : lastName.strip())).strip();
        if (!joined.isEmpty()) {
            return joined;
        }
        return contact instanceof EmailAddress e ? nameFromLocalPart(e.localPart()) : null;
    }

    /**
     * Guesses a person's name from an email's local part: a {@code +tag} is dropped, dots and
     * underscores separate words, digits are dropped, and each word and each hyphenated part is
     * capitalised: {@code jane.doe-smith} becomes "Jane Doe-Smith", {@code JOHN_SMITH42} becomes
     * "John Smith".
     *
     * @param localPart the part before the {@code @}, not {@code null}
     * @return the name; the local part itself when no word is left
     */
    public static String nameFromLocalPart(String localPart) {
        int plus = localPart.indexOf('+');
        String base = plus > 0 ? localPart.substring(0, plus) : localPart;
        List<String> words = new ArrayList<>();
        for (String word : base.split("[._\\s]+")) {
            String letters = word.replaceAll("\\d", "");
            List<String> parts = new ArrayList<>();
            for (String part : letters.split("-")) {
                if (!part.isEmpty()) {
                    parts.add(capitalise(part));
                }
            }
            if (!parts.isEmpty()) {
                words.add(String.join("-", parts));
            }
        }
        return words.isEmpty() ? localPart : String.join(" ", words);
    }

    private static String capitalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
}
