package io.invitations.excel;

import io.invitations.core.bulk.ImportException;
import io.invitations.excel.internal.WorkbookImport;

import io.invitations.core.bulk.InvitationRow;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.Objects;

/**
 * Reads invitation rows from an Excel workbook ({@code .xlsx}) with Apache POI's streaming (SAX)
 * event API: the worksheet is read row by row and never loaded as a workbook object, so large files
 * cost time, not memory. The first non-blank row of the sheet is the header, recognised exactly as
 * the CSV importer recognises it ({@link io.invitations.core.bulk.ColumnMapping}); every later
 * non-blank row becomes an {@link io.invitations.core.bulk.InvitationRow} numbered as Excel shows it.
 *
 * <p>Cells become text: shared and inline strings as written, numbers as plain digits (or as their
 * explicit number format shows them), dates as ISO dates ({@code 2024-03-01}), booleans as
 * {@code TRUE}/{@code FALSE}, formulas as their last computed value. A number, date or boolean in the
 * email column, and an error value ({@code #N/A}) anywhere, are problems of that row, never a
 * failure of the file.
 *
 * <p>Hostile files are refused with a typed {@link ImportException} in bounded memory: too large
 * ({@link XlsxLimits#maxUploadBytes()}), zip bombs (ratio and expanded-size limits, checked on the
 * real bytes), a DOCTYPE in any part (XXE, entity bombs:
 * {@link io.invitations.spi.ErrorCode#IMPORT_UNSAFE}), macros, too many rows. POI's JVM-wide
 * settings are left untouched. Nothing is written anywhere (no temporary files); a result is only
 * returned once the whole sheet was read.
 *
 * <pre>{@code
 * try (InputStream in = upload.getInputStream()) {
 *     XlsxImportResult result = XlsxImporter.read(in, XlsxImportOptions.defaults());
 *     for (InvitationRow row : result.rows()) {
 *         // row.rowNumber(), row.email(), row.firstName(), row.problems() ...
 *     }
 * } catch (ImportException e) {
 *     // e.code(): IMPORT_INVALID_FILE, IMPORT_LIMIT_EXCEEDED or IMPORT_UNSAFE; e.getMessage() says what to do
 * }
 * }</pre>
 *
 * <p>Thread-safe: every call is independent.
 *
 * @since 0.1.0
 */
public final class XlsxImporter {
    private XlsxImporter() {
    }

    /**
     * Reads the first worksheet with the default options.
     *
     * @param in the workbook; read to its end and not closed
     * @return the rows read
     * @throws ImportException      when the file cannot be read, passes a limit or is unsafe
     * @throws NullPointerException if {@code in} is null
     */
    public static XlsxImportResult read(InputStream in) {
        return read(in, XlsxImportOptions.defaults());
    }

    /**
     * Reads a workbook.
     *
     * @param in      the workbook; read to its end and not closed
     * @param options which sheet, how headers map, what limits apply
     * @return the rows read
     * @throws ImportException      {@link io.invitations.spi.ErrorCode#IMPORT_INVALID_FILE} when the file is
     *                              not a readable workbook, the sheet does not exist or the header has no
     *                              email (nor identifier) column;
     *                              {@link io.invitations.spi.ErrorCode#IMPORT_LIMIT_EXCEEDED} when a limit is
     *                              passed; {@link io.invitations.spi.ErrorCode#IMPORT_UNSAFE} for a DOCTYPE or
     *                              macros
     * @throws NullPointerException if an argument is null
     */
    public static XlsxImportResult read(InputStream in, XlsxImportOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        return WorkbookImport.read(in, options);
    }

    /**
     * Reads a workbook as a stream, handing each data row to {@code consumer} as soon as the sheet's
     * row ends, instead of returning one list: besides the upload itself (at most
     * {@link XlsxLimits#maxUploadBytes()}) and the shared strings, only the current row is held, so a
     * 100,000-row workbook imports within a 32 MB heap. Rows, numbers and problems are those
     * {@link #read(InputStream, XlsxImportOptions)} gives. When the sheet turns out to be broken further
     * down, the rows before were handed over already and the {@link ImportException} names the row;
     * {@link io.invitations.core.bulk.BulkWaves} reads the file once to the end before it writes anything.
     *
     * <pre>{@code
     * XlsxImportSummary summary = XlsxImporter.forEachRow(in, XlsxImportOptions.defaults(), row -> wave.add(row));
     * }</pre>
     *
     * @param in       the workbook; read to its end and not closed
     * @param options  which sheet, how headers map, what limits apply
     * @param consumer told of each data row, in sheet order; a runtime exception it throws ends the read
     *                 and is rethrown as it is
     * @return the sheet read, its header and how many rows were handed over
     * @throws ImportException      as {@link #read(InputStream, XlsxImportOptions)}
     * @throws NullPointerException if an argument is null
     */
    public static XlsxImportSummary forEachRow(InputStream in, XlsxImportOptions options,
                                               Consumer<? super InvitationRow> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(consumer, "consumer");
        return WorkbookImport.forEachRow(in, options, consumer);
    }
}
