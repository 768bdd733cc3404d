package io.invitations.excel;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What a streaming import ({@link XlsxImporter#forEachRow}) read: the sheet, where its header was,
 * the header cells, and how many rows were handed to the consumer.
 *
 * @param sheetName       the name of the sheet read
 * @param headerRowNumber the row (as Excel numbers it) that held the header
 * @param headers         the header cells, blank ones as empty strings
 * @param rows            the number of data rows handed over
 * @param warnings        what the user should check although no row was refused (see
 *                        {@link XlsxImportResult#warnings()})
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record XlsxImportSummary(String sheetName, int headerRowNumber, List<String> headers, int rows,
                                List<String> warnings) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code headerRowNumber} is below 1 or {@code
     *         rows} negative
     */
    public XlsxImportSummary {
        Objects.requireNonNull(sheetName, "sheetName");
        if (headerRowNumber < 1 || rows < 0) {
            throw InvitationException.invalidValue("headerRowNumber starts at 1 and rows is not negative");
        }
        headers = List.copyOf(headers);
        warnings = List.copyOf(warnings);
    }

    /**
     * Creates a summary without warnings.
     *
     * @param sheetName       the sheet's name
     * @param headerRowNumber the header's row number
     * @param headers         the header cells
     * @param rows            the number of data rows
     * @throws NullPointerException     if a component is null
     * @throws InvitationException with {@code INVALID_REQUEST} if {@code headerRowNumber} is below 1 or {@code
     *         rows} negative
     */
    public XlsxImportSummary(String sheetName, int headerRowNumber, List<String> headers, int rows) {
        this(sheetName, headerRowNumber, headers, rows, List.of());
    }
}
