package io.invitations.csv;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.csv.internal.InputText;
import io.invitations.csv.internal.RowCollector;
import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a plain text list of email addresses: one address per line, as pasted from a mail client
 * or a spreadsheet column. The row number is the line number. Blank lines are skipped (listed in a
 * warning); surrounding blanks are removed.
 *
 * <p><b>Duplicates</b>: a line whose address (compared ignoring case) already appeared on an earlier
 * line is kept as it is, so that the bulk report still has one line per input line, and is reported
 * by a warning on its row ({@code "duplicate of row 3 ..."}). The row itself carries no problem: the
 * bulk engine finds duplicates in every format, comparing normalised addresses, and reports such a
 * row as {@code DUPLICATE_IN_INPUT} naming the first row, not as {@code INVALID}.
 *
 * <p>Addresses are not validated here; the bulk engine does that per row. Thread-safe: the class
 * holds no state.
 *
 * <pre>{@code
 * ImportResult result = TextImporter.read(new ByteArrayInputStream("ana@example.com\nbo@example.com\n"
 *         .getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class TextImporter {
    private static final String FORMAT = "TXT";
    private static final String NO_ADDRESS = "the file holds no address; write one email address per line";

    private TextImporter() {
    }

    /**
     * Reads a UTF-8 list with the default limits.
     *
     * @param in the file's bytes; read to the end, not closed
     * @return the rows and warnings
     * @throws ImportException      when the file cannot be read as a whole
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in) {
        return read(in, StandardCharsets.UTF_8, ImportLimits.defaults());
    }

    /**
     * Reads a list.
     *
     * @param in      the file's bytes; read to the end, not closed
     * @param charset the charset when the file has no byte-order mark
     * @param limits  the size and row limits
     * @return one row per non-blank line, numbered by line; a warning per repeated address
     * @throws ImportException      when the file is empty, not text, not valid in the charset or over a
     *                              limit ({@link ErrorCode#IMPORT_INVALID_FILE},
     *                              {@link ErrorCode#IMPORT_LIMIT_EXCEEDED})
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportResult read(InputStream in, Charset charset, ImportLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(limits, "limits");
        RowCollector collector = new RowCollector(limits);
        parse(in, charset, limits, collector);
        return collector.result(NO_ADDRESS);
    }

    /**
     * Reads a list as a stream, handing each address's row to {@code consumer} as soon as it is read
     * (see {@code CsvImporter.forEachRow} for the contract). To warn about repeated addresses, the
     * addresses seen are remembered (not the rows).
     *
     * @param in       the file's bytes; read to the end, not closed
     * @param charset  the charset when the file has no byte-order mark
     * @param limits   the size and row limits
     * @param consumer told of each row, in file order
     * @return how many rows were handed over, and the warnings
     * @throws ImportException      as {@link #read(InputStream, Charset, ImportLimits)}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static ImportSummary forEachRow(InputStream in, Charset charset, ImportLimits limits,
                                           Consumer<? super InvitationRow> consumer) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(consumer, "consumer");
        RowCollector collector = new RowCollector(limits, consumer);
        parse(in, charset, limits, collector);
        return collector.summary(NO_ADDRESS);
    }

    private static void parse(InputStream in, Charset charset, ImportLimits limits, RowCollector collector) {
        Objects.requireNonNull(charset, "charset");
        BufferedReader lines = new BufferedReader(InputText.open(in, charset, limits.maxBytes(), FORMAT));
        Map<String, Integer> firstSeen = new HashMap<>();
        String line;
        for (int rowNumber = 1; (line = nextLine(lines)) != null; rowNumber++) {
            String address = line.strip();
            if (address.isEmpty()) {
                collector.blank(rowNumber);
                continue;
            }
            collector.add(InvitationRow.builder(rowNumber).set(RowField.EMAIL, address).build());
            Integer first = firstSeen.putIfAbsent(address.toLowerCase(Locale.ROOT), rowNumber);
            if (first != null) {
                collector.warn(rowNumber, "duplicate of row " + first + " (addresses are compared ignoring case); "
                        + "the bulk engine skips it as DUPLICATE_IN_INPUT — remove one of the two lines");
            }
        }
    }

    private static String nextLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }
}
