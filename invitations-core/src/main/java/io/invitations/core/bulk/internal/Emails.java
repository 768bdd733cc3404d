package io.invitations.core.bulk.internal;

import io.invitations.spi.invitation.EmailAddress;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks the email of a row: surrounding blanks removed, the domain converted from
 * IDN to ASCII and lower-cased, the local part kept as typed.
 */
public final class Emails {
    private static final Pattern LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LOCAL_PART = 64;

    private Emails() {
    }

    /**
     * Normalises an address.
     *
     * @param raw the cell text, not {@code null}
     * @return the normalised address
     * @throws IllegalArgumentException with a message for the user when the text is not an address
     */
    public static String normalize(String raw) {
        String s = raw.strip();
        String shown = Vocabulary.quote(s);
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException(shown + " is not an email address: it has no @");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException(shown + " is not an email address: write it as name@domain");
        }
        if (local.length() > MAX_LOCAL_PART) {
            throw new IllegalArgumentException(shown + " is not an email address: the part before @ has "
                    + local.length() + " characters; at most " + MAX_LOCAL_PART + " are allowed");
        }
        if (!LOCAL_PART.matcher(local).matches()) {
            throw new IllegalArgumentException(shown + " is not an email address: the part before @ has "
                    + "spaces, misplaced dots or characters an address cannot have");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shown + " is not an email address: " + Vocabulary.quote(domain)
                    + " is not a domain name", e);
        }
        String[] labels = ascii.split("\\.", -1);
        boolean valid = labels.length >= 2 && !labels[labels.length - 1].matches("[0-9]+");
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException(shown + " is not an email address: " + Vocabulary.quote(domain)
                    + " is not a domain name such as example.com");
        }
        String address = local + "@" + ascii;
        if (address.length() > EmailAddress.MAX_LENGTH) {
            throw new IllegalArgumentException("the address has " + address.length() + " characters; at most "
                    + EmailAddress.MAX_LENGTH + " are allowed");
        }
        return address;
    }
}
