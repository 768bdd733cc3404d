package io.invitations.benchmarks.internal;

import io.invitations.excel.XlsxImportResult;
import io.invitations.excel.XlsxImporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The {@code .xlsx} readers that are benchmarked and heap-probed, by name (the name is how the heap
 * probe tells a child JVM which one to run).
 */
public enum WorkbookReaders {
    /** Our streaming importer ({@link XlsxImporter}, on POI's SAX event API), default options. */
    STREAMING("Invitations XlsxImporter", WorkbookReaders::importRows),
    /** POI's user model: the whole workbook in memory. */
    USER_MODEL("POI user model", UserModelReader::readAllCells);

    private final String label;
    private final Function<Path, Object> reader;

    WorkbookReaders(String label, Function<Path, Object> reader) {
        this.label = label;
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
        try (InputStream in = Files.newInputStream(file)) {
            return XlsxImporter.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
     * Reads the whole first sheet of a workbook.
     *
     * @param file the {@code .xlsx} file
     * @return what the reader returns: the import result, or the number of characters read
     */
    public Object read(Path file) {
        return reader.apply(file);
    }
}
