package io.invitations.core.bulk;

import java.util.function.Consumer;

/**
 * Rows read one at a time, as an importer's streaming call produces them, so that a large file is
 * never held as one list. Each call reads the source from its start: a source backed by a file or
 * an upload kept on disk opens it again, which lets {@link BulkWaves} check the whole file before it
 * writes anything.
 *
 * <pre>{@code
 * RowSource source = rows -> {
 *     try (InputStream in = Files.newInputStream(path)) {
 *         CsvImporter.forEachRow(in, CsvImportOptions.defaults(), rows);
 *     } catch (IOException e) {
 *         throw new UncheckedIOException(e);
 *     }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RowSource {
    /**
     * Reads every row, in file order, handing each to {@code consumer} as soon as it is read.
     *
     * @param consumer told of each row; a runtime exception it throws ends the read
     * @throws ImportException when the file cannot be read as a whole (rows already handed over stay
     *                         handed over)
     */
    void forEachRow(Consumer<? super InvitationRow> consumer);
}
