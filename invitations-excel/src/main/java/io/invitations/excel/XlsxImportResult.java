package io.invitations.excel;

import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What {@link XlsxImporter} read: every non-blank data row of the sheet, in order, each with the row
 * number Excel shows and the problems found while reading it (such as a number in the email column).
 * A result is only returned once the whole sheet was read; a file that cannot be read raises an
 * {@link io.invitations.core.bulk.ImportException} instead, never a partial result.
 *
 * @param sheetName       the name of the sheet that was read
 * @param headerRowNumber the row number (as Excel shows it) of the header row
 * @param headers         the header cells as written, in column order from column A ({@code ""} for a
 *                        blank header cell)
 * @param rows            the data rows; blank rows are skipped
 * @param warnings        what the user should check although no row was refused, e.g. {@code cell B2 is
 *                        a number (612345678); leading zeros ... may have been lost}; the first ten, then
 *                        one line counting the rest
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record XlsxImportResult(String sheetName, int headerRowNumber, List<String> headers,
                               List<InvitationRow> rows, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code headerRowNumber} is below 1
     */
    public XlsxImportResult {
        Objects.requireNonNull(sheetName, "sheetName");
        if (headerRowNumber < 1) {
            throw InvitationException.invalidValue("headerRowNumber starts at 1");
        }
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * Creates a result without warnings.
     *
     * @param sheetName       the sheet's name
     * @param headerRowNumber the header's row number
     * @param headers         the header cells
     * @param rows            the data rows
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code headerRowNumber} is below 1
     */
    public XlsxImportResult(String sheetName, int headerRowNumber, List<String> headers, List<InvitationRow> rows) {
        this(sheetName, headerRowNumber, headers, rows, List.of());
    }

    /**
     * Returns the rows that have at least one problem found while reading.
     *
     * @return those rows, in order
     */
    public List<InvitationRow> rowsWithProblems() {
        return rows.stream().filter(r -> !r.problems().isEmpty()).toList();
    }
}
