package io.invitations.csv;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * How the CSV exports are written. Lines always end with CRLF (RFC 4180); every data cell is between
 * double quotes and neutralised against formula injection (see {@code CellText}): a single quote goes
 * in front of a formula trigger ({@code = + - @}, tab, CR, LF) at the start of a cell and after a
 * comma, semicolon or tab inside it, so that a spreadsheet using another list separator cannot run a
 * piece of a cell either. The importers remove those quotes again.
 *
 * <pre>{@code
 * CsvExportOptions.excel().withSeparator(';')   // for Excel in locales whose list separator is ';'
 * }</pre>
 *
 * @param separator     the cell separator; not a quote, CR or LF
 * @param byteOrderMark whether the text starts with a UTF-8 byte-order mark, which makes Excel read
 *                      accents correctly when the file is opened by double-click
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record CsvExportOptions(char separator, boolean byteOrderMark) {
    /**
     * Validates the options.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if the separator is a quote, CR or LF
     */
    public CsvExportOptions {
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw InvitationException.invalidValue("a quote, CR or LF cannot separate cells");
        }
    }

    /**
     * Returns plain RFC 4180 output: comma, no byte-order mark.
     *
     * @return the options
     */
    public static CsvExportOptions defaults() {
        return new CsvExportOptions(',', false);
    }

    /**
     * Returns output for Excel: comma and a UTF-8 byte-order mark.
     *
     * @return the options
     */
    public static CsvExportOptions excel() {
        return new CsvExportOptions(',', true);
    }

    /**
     * Returns a copy with another separator.
     *
     * @param value the separator, e.g. {@code ';'} or {@code '\t'}
     * @return new options
     * @throws InvitationException with {@code INVALID_REQUEST} if the separator is a quote, CR or LF
     */
    public CsvExportOptions withSeparator(char value) {
        return new CsvExportOptions(value, byteOrderMark);
    }

    /**
     * Returns a copy with or without the byte-order mark.
     *
     * @param value whether to write it
     * @return new options
     */
    public CsvExportOptions withByteOrderMark(boolean value) {
        return new CsvExportOptions(separator, value);
    }
}
