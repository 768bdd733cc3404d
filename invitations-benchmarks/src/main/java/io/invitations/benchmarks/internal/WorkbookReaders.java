package io.invitations.benchmarks.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.csv.CsvImportOptions;
import io.invitations.csv.CsvImporter;
import io.invitations.csv.ImportSummary;
import io.invitations.excel.XlsxImportOptions;
import io.invitations.excel.XlsxImportResult;
import io.invitations.excel.XlsxImportSummary;
import io.invitations.excel.XlsxImporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The readers that are benchmarked and heap-probed, by name (the name is how the heap probe tells a
 * child JVM which one to run), each with the kind of file it reads.
 */
public enum WorkbookReaders {
    /** Our streaming importer ({@link XlsxImporter}, on POI's SAX event API), default options, returning the list. */
    STREAMING("Invitations XlsxImporter", Input.XLSX, WorkbookReaders::importRows),
    /** The same, handing each row to a consumer that counts ({@link XlsxImporter#forEachRow}). */
    XLSX_FOR_EACH_ROW("XlsxImporter.forEachRow", Input.XLSX, WorkbookReaders::countXlsxRows),
    /** POI's user model: the whole workbook in memory. */
    USER_MODEL("POI user model", Input.XLSX, UserModelReader::readAllCells),
    /** {@link CsvImporter#read}, returning the list. */
    CSV_LIST("CsvImporter.read", Input.CSV, WorkbookReaders::importCsv),
    /** {@link CsvImporter#forEachRow} to a consumer that counts. */
    CSV_FOR_EACH_ROW("CsvImporter.forEachRow", Input.CSV, WorkbookReaders::countCsvRows),
    /** {@link XlsxImporter#read} of a sheet opening 300,000 nested elements: must be refused. */
    NESTED_BOMB("XlsxImporter, nested bomb", Input.NESTED_BOMB, WorkbookReaders::refuse);

    /** The kinds of input file. */
    public enum Input {
        /** The benchmark workbook. */
        XLSX,
        /** The benchmark CSV file. */
        CSV,
        /** A workbook whose sheet opens 300,000 nested elements (about 2 MB of XML). */
        NESTED_BOMB;

        /**
         * Writes this kind of file.
         *
         * @param directory where
         * @param rows      how many data rows (ignored for the bomb)
         * @return the file
         */
        public Path write(Path directory, int rows) {
            return switch (this) {
                case XLSX -> SampleFiles.xlsx(directory.resolve("people.xlsx"), rows, SamplePeople.SEED);
                case CSV -> SampleFiles.csv(directory.resolve("people.csv"), rows, SamplePeople.SEED);
                case NESTED_BOMB -> SampleFiles.nestedBomb(directory.resolve("nested.xlsx"), 300_000);
            };
        }
    }

    private final String label;
    private final Input input;
    private final Function<Path, Object> reader;

    WorkbookReaders(String label, Input input, Function<Path, Object> reader) {
        this.label = label;
        this.input = input;
        this.reader = reader;
    }

    /**
     * Imports a workbook with {@link XlsxImporter} and its default options, from a stream as an
     * upload arrives.
     *
     * @param file the {@code .xlsx} file
     * @return the rows read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static XlsxImportResult importRows(Path file) {
        return open(file, XlsxImporter::read);
    }

    private static Object countXlsxRows(Path file) {
        long[] count = {0};
        XlsxImportSummary summary = open(file,
                in -> XlsxImporter.forEachRow(in, XlsxImportOptions.defaults(), row -> count[0]++));
        return summary.rows() + count[0];
    }

    private static Object importCsv(Path file) {
        return open(file, CsvImporter::read);
    }

    private static Object countCsvRows(Path file) {
        long[] count = {0};
        ImportSummary summary = open(file,
                in -> CsvImporter.forEachRow(in, CsvImportOptions.defaults(), row -> count[0]++));
        return summary.rows() + count[0];
    }

    /** Reads a file from a stream, as an upload arrives. */
    private static <T> T open(Path file, Function<InputStream, T> read) {
        try (InputStream in = Files.newInputStream(file)) {
            return read.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object refuse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XlsxImporter.read(in);
        } catch (ImportException e) {
            return e.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the nested-element bomb was read instead of refused");
    }

    /**
     * Returns a readable name.
     *
     * @return the name for reports
     */
    public String label() {
        return label;
    }

    /**
     * Returns the kind of file this reader reads.
     *
     * @return the input kind
     */
    public Input input() {
        return input;
    }

    /**
     * Reads the whole file (or, for the bomb, has it refused).
     *
     * @param file the file of {@link #input()}'s kind
     * @return what the reader returns: the import result, a row count, or the refusal's code
     */
    public Object read(Path file) {
        return reader.apply(file);
    }
}
