package io.invitations.csv;

import io.invitations.core.bulk.RowField;
import io.invitations.csv.internal.CsvTableWriter;
import org.apiguardian.api.API;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Writes the CSV template people fill in for a bulk invitation, beside the Excel one
 * ({@code XlsxTemplate} of {@code invitations-excel}): one header row with the canonical headers
 * ({@code email}, {@code first name}, ..., {@code role}), which {@link CsvImporter} and the Excel
 * importer recognise, and no data rows. With {@link CsvExportOptions#excel()} it starts with a byte
 * order mark, so that spreadsheet programs keep accents intact; {@code withSeparator(';')} suits
 * locales whose list separator is a semicolon.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of("invitations.csv"))) {
 *     CsvTemplate.write(out, CsvExportOptions.excel());
 * }
 * }</pre>
 *
 * <p>Thread-safe: the class holds no state.
 *
 * @since 1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class CsvTemplate {
    private CsvTemplate() {
    }

    /**
     * Writes the template with every column, in the order of {@link RowField}.
     *
     * @param out     where to write, in UTF-8; flushed, not closed
     * @param options separator and byte order mark
     * @throws UncheckedIOException when writing fails
     * @throws NullPointerException if an argument is null
     */
    public static void write(OutputStream out, CsvExportOptions options) {
        write(out, options, List.of(RowField.values()));
    }

    /**
     * Writes the template with these columns, in UTF-8.
     *
     * @param out     where to write; flushed, not closed
     * @param options separator and byte order mark
     * @param columns the columns, in order, without repeats; at least an email or an identifier column
     * @throws IllegalArgumentException when the columns repeat or have neither email nor identifier
     * @throws UncheckedIOException     when writing fails
     * @throws NullPointerException     if an argument is null
     */
    public static void write(OutputStream out, CsvExportOptions options, List<RowField> columns) {
        Objects.requireNonNull(out, "out");
        CsvTableWriter.write(headers(columns), List.of(), out, Objects.requireNonNull(options, "options"));
    }

    /**
     * Writes the template with these columns as text (for a servlet's writer, say).
     *
     * @param out     where to write; flushed, not closed
     * @param options separator and byte order mark
     * @param columns the columns, in order, without repeats; at least an email or an identifier column
     * @throws IllegalArgumentException when the columns repeat or have neither email nor identifier
     * @throws UncheckedIOException     when writing fails
     * @throws NullPointerException     if an argument is null
     */
    public static void write(Writer out, CsvExportOptions options, List<RowField> columns) {
        Objects.requireNonNull(out, "out");
        CsvTableWriter.write(headers(columns), List.of(), out, Objects.requireNonNull(options, "options"));
    }

    private static List<String> headers(List<RowField> columns) {
        List<RowField> chosen = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (new HashSet<>(chosen).size() != chosen.size()) {
            throw new IllegalArgumentException("columns must not repeat: " + chosen);
        }
        if (!chosen.contains(RowField.EMAIL) && !chosen.contains(RowField.IDENTIFIER)) {
            throw new IllegalArgumentException("columns need an EMAIL or an IDENTIFIER column, or no row could name"
                    + " a person; was " + chosen);
        }
        return chosen.stream().map(RowField::canonicalHeader).toList();
    }
}
