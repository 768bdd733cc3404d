package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * Makes text safe to put in a spreadsheet cell, and undoes it when a file comes back. A cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed
 * could be run as a formula by Excel, LibreOffice or Google Sheets (CSV/formula injection); such
 * text gets a leading single quote, as OWASP recommends. Every CSV and XLSX export of the SDK
 * writes its cells through {@link #neutralize(String)}, and importers read cells back through
 * {@link #restore(String)}, so that an exported phone number {@code +33 6 12 34 56 78} is imported
 * unchanged.
 *
 * <p>Text that already starts with quotes followed by a trigger ({@code '=x}) gets one more quote
 * too, which makes {@code restore(neutralize(s))} give back {@code s} for every string.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class CellText {
    private CellText() {
    }

    /**
     * Neutralises one cell.
     *
     * @param value the cell's text, or {@code null}
     * @return the text with a leading {@code '} when it starts with a formula trigger (possibly after
     *         single quotes); {@code ""} for {@code null}
     */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsWithTrigger(value, 0) ? "'" + value : value;
    }

    /**
     * Undoes {@link #neutralize(String)}: removes one leading single quote when quotes are followed
     * by a formula trigger. Other text is returned as it is.
     *
     * @param value the cell's text as read from a file, or {@code null}
     * @return the original text; {@code null} for {@code null}
     */
    public static String restore(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != '\'') {
            return value;
        }
        return startsWithTrigger(value, 1) ? value.substring(1) : value;
    }

    /** Tells whether, after skipping single quotes from {@code from}, the text starts with a trigger. */
    private static boolean startsWithTrigger(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }
}
