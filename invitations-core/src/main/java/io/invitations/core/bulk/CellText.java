package io.invitations.core.bulk;

import org.apiguardian.api.API;

/**
 * Makes text safe to put in a spreadsheet cell, and undoes it when a file comes back. A cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed
 * could be run as a formula by Excel, LibreOffice or Google Sheets (CSV/formula injection); such
 * text gets a single quote in front of the trigger, as OWASP recommends. Every CSV export of the SDK
 * writes its cells through {@link #neutralize(String)}, and importers read cells back through
 * {@link #restore(String)}, so that an exported phone number {@code +33 6 12 34 56 78} is imported
 * unchanged.
 *
 * <p>The same is done after every comma, semicolon and tab <em>inside</em> a cell ({@code Smith;=1+1}
 * becomes {@code Smith;'=1+1}): a spreadsheet whose list separator is not the file's separator (Excel
 * in a {@code ;} locale opening a comma-separated file) may split a cell there, and the piece must not
 * start with a trigger either. Text that already has quotes followed by a trigger at such a place
 * ({@code '=x}) gets one more quote too, which makes {@code restore(neutralize(s))} give back
 * {@code s} for every string.
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
     * @return the text with a {@code '} in front of every formula trigger (possibly after single quotes)
     *         that starts the text or follows a comma, semicolon or tab; {@code ""} for {@code null}
     */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            if (startsPiece(value, i) && startsWithTrigger(value, i)) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 4).append(value, 0, i);
                }
                out.append('\'');
            }
            if (out != null) {
                out.append(value.charAt(i));
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Undoes {@link #neutralize(String)}: removes one single quote where quotes followed by a formula
     * trigger start the text or follow a comma, semicolon or tab. Other text is returned as it is.
     *
     * @param value the cell's text as read from a file, or {@code null}
     * @return the original text; {@code null} for {@code null}
     */
    public static String restore(String value) {
        if (value == null || value.isEmpty() || value.indexOf('\'') < 0) {
            return value;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            boolean drop = value.charAt(i) == '\'' && startsPiece(value, i) && startsWithTrigger(value, i + 1);
            if (drop && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!drop && out != null) {
                out.append(value.charAt(i));
            }
        }
        return out == null ? value : out.toString();
    }

    /** Tells whether a spreadsheet may start a cell at {@code i}: the text's start, or after , ; or tab. */
    private static boolean startsPiece(String value, int i) {
        if (i == 0) {
            return true;
        }
        char before = value.charAt(i - 1);
        return before == ',' || before == ';' || before == '\t';
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
