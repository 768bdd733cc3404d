package io.invitations.core.invitee;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules every contact text (email address, identifier) passes before it is stored or compared:
 * it is NFKC-normalised (so full-width "ｊａｎｅ" is "jane"), and it may not hold a character a reader
 * cannot see or that reorders what they see: format characters (zero-width space and joiners, soft
 * hyphen, bidirectional embeddings, overrides and isolates, the byte-order mark), control
 * characters, separators other than the plain space and the other default-ignorable code points
 * (Hangul fillers, variation selectors, tag characters). The text is judged after NFKC. Such a character is reported by its code point, e.g.
 * {@code U+200B ZERO WIDTH SPACE}.
 *
 * @since 0.1.0
 */
public final class ContactText {
    private ContactText() {
    }

    /**
     * Returns the text in Unicode normalisation form NFKC.
     *
     * @param text the text, not {@code null}
     * @return the normalised text
     */
    public static String nfkc(String text) {
        // every ASCII character is its own NFKC form: the common case needs no normaliser
        return ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /**
     * Describes the first character a contact may not hold, or empty when the text is safe.
     *
     * @param field the field's name for the message, e.g. {@code "email"}
     * @param text  the text as typed, may be {@code null}
     * @return e.g. {@code "contains U+200B ZERO WIDTH SPACE at position 5, an invisible or direction-changing
     * character; type it again without it"}
     */
    public static Optional<String> unsafeCharacter(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        // judged after NFKC, so that a no-break or ideographic space counts as the plain space it reads as
        String stripped = nfkc(text).strip();
        for (int i = 0; i < stripped.length(); ) {
            int cp = stripped.codePointAt(i);
            if (unsafe(cp)) {
                String name = Character.getName(cp);
                return Optional.of("contains " + codePoint(cp) + (name == null ? "" : " " + name) + " at position "
                        + (stripped.codePointCount(0, i) + 1) + ", an invisible or direction-changing character;"
                        + " type the " + field + " again without it");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * Whether a code point is refused in a contact.
     *
     * @param cp the code point
     * @return {@code true} for format, control, separator (except the plain space, which an
     *         identifier such as a phone number may hold and an email address never passes the
     *         syntax check with) and other default-ignorable code points
     */
    public static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL
                || (type == Character.SPACE_SEPARATOR && cp != ' ')
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF)
                || (cp >= 0x1D173 && cp <= 0x1D17A);
    }

    /**
     * Formats a code point the Unicode way: {@code U+} and at least four upper-case hex digits.
     *
     * @param cp the code point
     * @return e.g. {@code U+200B}
     */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /**
     * Whether a text is plain ASCII.
     *
     * @param text the text, not {@code null}
     * @return {@code true} when every character is below U+0080
     */
    public static boolean ascii(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
