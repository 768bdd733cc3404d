package io.invitations.csv;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import io.invitations.core.bulk.CellText;
import io.invitations.core.bulk.ColumnMapping;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.csv.internal.InputText;
import io.invitations.csv.internal.RowCollector;
import io.invitations.csv.internal.Separators;
import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads invitation rows from a CSV file with a header row, as spreadsheets, address books and HR
 * systems write them.
 *
 * <ul>
 *   <li>The first non-blank row names the columns. Names are matched ignoring case, accents, spaces
 *       and punctuation, in English, French and German ({@code email}, {@code E-Mail-Adresse},
 *       {@code Courriel}, {@code first name}, {@code Prénom}, {@code Nachname}, {@code role},
 *       {@code groups}, {@code membership}, {@code identifier}, {@code identifier kind},
 *       {@code language}, {@code message}, ...; see {@link RowField}). Unknown columns are kept as
 *       metadata or ignored, and explicit mappings win ({@link CsvImportOptions#columnMapping()}).
 *       A {@value ClaimLinkExport#CLAIM_LINK_HEADER} column is never kept: links are secrets.</li>
 *   <li>Cells are parsed per RFC 4180 (OpenCSV's {@code RFC4180Parser}): quoted cells may hold the
 *       separator, doubled quotes and line breaks. The separator (comma, semicolon or tab) is
 *       detected from the header line unless forced, or taken from Excel's first line {@code sep=;}, which is skipped and not counted as a row (Excel does not show it). UTF-8 with or without a byte-order mark, CRLF
 *       or LF; other charsets by option.</li>
 *   <li>Groups are split on {@code ;} or {@code ,} inside their cell. Cells that an export
 *       neutralised against formula injection ({@code '+33 6...}) are restored
 *       ({@link CellText#restore(String)}), so an export imports unchanged.</li>
 *   <li><b>Row numbers</b> are the ones a spreadsheet shows: the header is row 1 (when it is the
 *       first line) and every record after it is one row, blank ones included. A quoted line break
 *       stays inside its cell, so it does not shift later rows. Blank rows are skipped and listed in
 *       a warning.</li>
 *   <li>A row with non-blank cells beyond the header gets a problem on field {@code columns}: a
 *       separator inside an unquoted cell shifted its cells.</li>
 * </ul>
 *
 * <p>A file that cannot be read as a whole is refused with an {@link ImportException} naming the row
 * and what to do: empty, no header with an email or identifier column, a quote never closed, not
 * valid in the charset, binary, a workbook, or over the {@link ImportLimits}. Thread-safe: the class
 * holds no state.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     ImportResult result = CsvImporter.read(in, CsvImportOptions.defaults());
 *     for (InvitationRow row : result.rows()) {
 *         System.out.println(row.rowNumber() + " " + row.email() + " " + row.problems());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class CsvImporter {
    private static final String FORMAT = "CSV";
    /** The separator is detected on the first line, looked for in at most this many characters. */
    private static final int SEPARATOR_WINDOW = 64 * 1024;
    private static final int EXTRA_CELLS_LISTED = 5;
    private static final int EXTRA_CELL_CHARS = 40;
    /** Excel's first line naming the separator: {@code sep=;}, possibly quoted ({@code "sep=;"}). */
    private static final java.util.regex.Pattern EXCEL_SEPARATOR_LINE =
            java.util.regex.Pattern.compile("\"?sep=([^\r\n\"])\"?[ \t]*(?:\r\n|\n|\r|$)", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final String NO_DATA_ROWS = "the file has a header row but no data rows; add one row per person below it";

    private CsvImporter() {
    }

    /**
     * Reads a CSV file with the default options.
     *
     * @param in the file's bytes; read to the end, not closed
     * @return the rows and warnings
     * @throws ImportException      when the file cannot be read as a whole
     * @throws UncheckedIOException when reading the stream fails
     * @see #read(InputStream, CsvImportOptions)
     */
    public static ImportResult read(InputStream in) {
        return read(in, CsvImportOptions.defaults());
    }

    /**
     * Reads a CSV file.
     *
     * @param in      the file's bytes; read to the end, not closed
     * @param options separator, charset, column mapping and limits
     * @return the rows in file order, and warnings (blank rows skipped, a claim-link column dropped)
     * @throws ImportException      when the file cannot be read as a whole: codes
     *                              {@link ErrorCode#IMPORT_INVALID_FILE} and
     *                              {@link ErrorCode#IMPORT_LIMIT_EXCEEDED}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in, CsvImportOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        RowCollector collector = new RowCollector(options.limits());
        parse(in, options, collector);
        return collector.result(NO_DATA_ROWS);
    }

    /**
     * Reads a CSV file as a stream, handing each row to {@code consumer} as soon as it is read: the
     * file is decoded as it arrives and no list of rows is built, so a 100,000-row file needs a few
     * megabytes of heap. Rows, numbers, problems and warnings are those {@link #read} gives. When the
     * file turns out to be broken further down (a quote never closed, bytes not valid in the charset,
     * a limit passed), the rows before it were handed over already and the {@link ImportException}
     * names the row; {@link io.invitations.core.bulk.BulkWaves} reads the file once to the end before
     * it writes anything.
     *
     * @param in       the file's bytes; read to the end, not closed
     * @param options  separator, charset, column mapping and limits
     * @param consumer told of each row, in file order
     * @return how many rows were handed over, and the warnings
     * @throws ImportException      as {@link #read(InputStream, CsvImportOptions)}
     * @throws UncheckedIOException when reading the stream fails
     * @throws NullPointerException if an argument is null
     */
    public static ImportSummary forEachRow(InputStream in, CsvImportOptions options,
                                           Consumer<? super InvitationRow> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(consumer, "consumer");
        RowCollector collector = new RowCollector(options.limits(), consumer);
        parse(in, options, collector);
        return collector.summary(NO_DATA_ROWS);
    }

    private static void parse(InputStream in, CsvImportOptions options, RowCollector collector) {
        Objects.requireNonNull(in, "in");
        BufferedReader text = new BufferedReader(InputText.open(in, options.charset(), options.limits().maxBytes(),
                FORMAT), SEPARATOR_WINDOW);
        String start = peek(text);
        java.util.regex.Matcher excelHint = EXCEL_SEPARATOR_LINE.matcher(start);
        char separator;
        if (excelHint.lookingAt()) {
            // Excel's "sep=;" line names the separator; Excel does not show it, so rows are numbered without it
            skip(text, excelHint.end());
            separator = options.separator().orElse(excelHint.group(1).charAt(0));
        } else {
            separator = options.separator().orElseGet(() -> Separators.detect(start));
        }
        CSVReader reader = new CSVReaderBuilder(text)
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
                .build();
        int rowNumber = 0;
        List<String> header = null;
        List<Integer> claimLinkColumns = new ArrayList<>();
        ColumnMapping.Resolved columns = null;
        List<String> cells;
        while ((cells = next(reader, ++rowNumber)) != null) {
            if (allBlank(cells, 0)) {
                if (header != null) {
                    collector.blank(rowNumber);
                }
                continue;
            }
            if (header == null) {
                header = withoutClaimLinks(cells, rowNumber, collector, claimLinkColumns);
                columns = resolve(options.columnMapping(), header, rowNumber);
                continue;
            }
            for (int c : claimLinkColumns) {
                if (c < cells.size()) {
                    cells.set(c, "");   // dropped on purpose (warned once), not a cell without a header
                }
            }
            collector.add(checkWidth(columns.toRow(rowNumber, cells), header.size(), cells));
        }
        if (header == null) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file is empty; its first row must "
                    + "name the columns, e.g. email" + separator + "first name" + separator + "last name");
        }
    }

    private static void skip(BufferedReader text, int chars) {
        try {
            text.skip(chars);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    /** The first characters of the text (enough for the header line), left unread. */
    private static String peek(BufferedReader text) {
        char[] window = new char[SEPARATOR_WINDOW];
        int length = 0;
        try {
            text.mark(SEPARATOR_WINDOW);
            int n;
            while (length < window.length && (n = text.read(window, length, window.length - length)) != -1) {
                length += n;
            }
            text.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        return new String(window, 0, length);
    }

    /** Reads the next record with its cells restored, or {@code null} at the end. */
    private static List<String> next(CSVReader reader, int rowNumber) {
        long line = reader.getLinesRead() + 1;
        String[] record;
        try {
            record = reader.readNext();
        } catch (ImportException e) {
            // the text itself was refused (charset, NUL, size) while OpenCSV read it: the message names the line
            throw e;
        } catch (CsvMalformedLineException e) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, rowNumber, null, "a quoted cell that starts on "
                    + "line " + line + " is never closed, or text follows its closing quote; put quotes around the "
                    + "whole cell and double every quote inside it (\"\")", e);
        } catch (CsvException | IOException | RuntimeException e) {
            // OpenCSV's own failures on odd input must not escape untyped
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, rowNumber, null, "line " + line
                    + " could not be read as CSV (" + e.getClass().getSimpleName() + "); check its quotes and "
                    + "separators", e);
        }
        if (record == null) {
            return null;
        }
        // restored in place: the record is this row's own array, so no second list is needed
        for (int c = 0; c < record.length; c++) {
            String cell = record[c];
            record[c] = cell == null ? "" : CellText.restore(cell);
        }
        return Arrays.asList(record);
    }

    private static boolean allBlank(List<String> cells, int from) {
        for (int c = from; c < cells.size(); c++) {
            if (!cells.get(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> withoutClaimLinks(List<String> header, int rowNumber, RowCollector collector,
                                                  List<Integer> claimLinkColumns) {
        List<String> kept = new ArrayList<>(header);
        for (int c = 0; c < kept.size(); c++) {
            if (RowField.normalize(kept.get(c)).equals(ClaimLinkExport.CLAIM_LINK_HEADER)) {
                kept.set(c, "");
                claimLinkColumns.add(c);
                collector.warn(rowNumber, "column " + (c + 1) + " ('" + header.get(c).strip() + "') holds claim "
                        + "links, which are secrets; it was not imported");
            }
        }
        return kept;
    }

    private static ColumnMapping.Resolved resolve(ColumnMapping mapping, List<String> header, int rowNumber) {
        try {
            return mapping.resolve(header, rowNumber);
        } catch (ImportException e) {
            if (header.stream().anyMatch(h -> h.contains("@"))) {
                throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, rowNumber, "email", "the first row holds an "
                        + "address, not column names; add a header row (e.g. 'email'), or import a plain list of "
                        + "addresses with TextImporter", e);
            }
            throw e;
        }
    }

    private static InvitationRow checkWidth(InvitationRow row, int width, List<String> cells) {
        if (allBlank(cells, width)) {
            return row;
        }
        List<String> extra = cells.subList(width, cells.size()).stream().filter(s -> !s.isBlank()).toList();
        // at most a few cells, each shortened: the message must not grow with the input
        String listed = extra.stream().limit(EXTRA_CELLS_LISTED).map(CsvImporter::shorten)
                .collect(java.util.stream.Collectors.joining(", ", "[", extra.size() > EXTRA_CELLS_LISTED
                        ? ", ... " + (extra.size() - EXTRA_CELLS_LISTED) + " more]" : "]"));
        return row.withProblem("columns", "the row has " + cells.size() + " cells but the header names " + width
                + " columns; " + listed + " would be lost. Quote cells that contain the separator");
    }

    private static String shorten(String cell) {
        return cell.length() <= EXTRA_CELL_CHARS ? cell : cell.substring(0, EXTRA_CELL_CHARS) + "...";
    }
}
