package io.invitations.core.bulk;

/**
 * Makes text safe to put in a spreadsheet cell. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab, a carriage return or a line feed could be run as a formula by Excel,
 * LibreOffice or Google Sheets (CSV/formula injection); such text gets a leading single quote, as
 * OWASP recommends. Every CSV and XLSX export of the SDK writes its cells through
 * {@link #neutralize(String)}.
 *
 * @since 0.1.0
 */
public final class CellText {
    private CellText() {
    }

    /**
     * Neutralises one cell.
     *
     * @param value the cell's text, or {@code null}
     * @return the text with a leading {@code '} when it starts with a formula trigger; {@code ""}
     *         for {@code null}
     */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
        return trigger ? "'" + value : value;
    }
}
