package io.invitations.csv.internal;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.invitations.core.bulk.CellText;
import io.invitations.csv.CsvExportOptions;
import org.apiguardian.api.API;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a header and rows as CSV with OpenCSV's writer, every cell (header included) through
 * {@link CellText#neutralize(String)}, every data cell between double quotes (the header's names are the
 * SDK's own and quoted only where needed): a spreadsheet whose list separator is
 * not the file's (Excel in a {@code ;} locale opening a comma-separated file) then keeps each cell whole
 * instead of splitting it at a separator inside the text. The target is flushed, never closed: it belongs to the caller.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    /**
     * Writes a table as UTF-8 bytes.
     *
     * @param header  the header cells
     * @param rows    the rows, each in header order
     * @param out     the target; flushed, not closed
     * @param options separator and byte-order mark
     * @throws UncheckedIOException when writing fails
     */
    public static void write(List<String> header, Iterable<List<String>> rows, OutputStream out,
                             CsvExportOptions options) {
        write(header, rows, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), options);
    }

    /**
     * Writes a table as text.
     *
     * @param header  the header cells
     * @param rows    the rows, each in header order
     * @param out     the target; flushed, not closed
     * @param options separator and byte-order mark
     * @throws UncheckedIOException when writing fails
     */
    public static void write(List<String> header, Iterable<List<String>> rows, Writer out, CsvExportOptions options) {
        try {
            if (options.byteOrderMark()) {
                out.write('\uFEFF');
            }
            ICSVWriter csv = new CSVWriterBuilder(out)
                    .withSeparator(options.separator())
                    .withLineEnd("\r\n")
                    .build();
            csv.writeNext(neutralized(header), false);   // the SDK's own header names, quoted only if needed
            for (List<String> row : rows) {
                csv.writeNext(neutralized(row), true);
            }
            csv.flush();
            if (csv.checkError()) {
                throw new UncheckedIOException("could not write the CSV export", csv.getException());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the CSV export", e);
        }
    }

    private static String[] neutralized(List<String> cells) {
        return cells.stream().map(CellText::neutralize).toArray(String[]::new);
    }
}
