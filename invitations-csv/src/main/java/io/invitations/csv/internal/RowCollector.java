package io.invitations.csv.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.csv.ImportLimits;
import io.invitations.csv.ImportResult;
import io.invitations.csv.ImportSummary;
import io.invitations.csv.ImportWarning;
import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Gathers an importer's rows and warnings, enforces the row limit as rows arrive, and refuses a
 * file that gave no row at all. Not thread-safe; one per import.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class RowCollector {
    private static final int BLANK_ROWS_LISTED = 10;

    private final ImportLimits limits;
    private final List<InvitationRow> rows = new ArrayList<>();
    private final Consumer<? super InvitationRow> consumer;
    private int count;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<Integer> blankRows = new ArrayList<>();
    private int blankCount;
    private int skippedCount;

    /**
     * Starts a collection.
     *
     * @param limits the limits whose row count is enforced
     */
    public RowCollector(ImportLimits limits) {
        this.limits = limits;
        this.consumer = rows::add;
    }

    /**
     * Starts a streaming collection: rows go to {@code consumer} as they are added, none is kept.
     *
     * @param limits   the limits whose row count is enforced
     * @param consumer told of each row
     */
    public RowCollector(ImportLimits limits, Consumer<? super InvitationRow> consumer) {
        this.limits = limits;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /**
     * Adds a row.
     *
     * @param row the row
     * @throws ImportException with {@link ErrorCode#IMPORT_LIMIT_EXCEEDED} when it is one too many
     */
    public void add(InvitationRow row) {
        requireRoom(row.rowNumber());
        count++;
        consumer.accept(row);
    }

    /**
     * Notes a blank row that was skipped.
     *
     * @param rowNumber its number
     */
    public void blank(int rowNumber) {
        // only the first few are listed: a file of empty lines must not cost memory per line
        if (blankCount++ < BLANK_ROWS_LISTED) {
            blankRows.add(rowNumber);
        }
    }

    /**
     * Notes an entry (card, record) that was read but skipped; it counts against the row limit like a
     * row, since reading it cost as much. Only the first few get their own warning; the rest are
     * counted in one summary warning, so a file of skipped entries cannot fill the memory with warnings.
     *
     * @param rowNumber the entry's number
     * @param message   why it was skipped
     * @throws ImportException with {@link ErrorCode#IMPORT_LIMIT_EXCEEDED} when it is one entry too many
     */
    public void skipped(int rowNumber, String message) {
        requireRoom(rowNumber);
        if (skippedCount++ < BLANK_ROWS_LISTED) {
            warn(rowNumber, message);
        }
    }

    private void requireRoom(int rowNumber) {
        if (count + skippedCount >= limits.maxRows()) {
            throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, rowNumber, null, "the file has more than "
                    + limits.maxRows() + " rows" + (skippedCount > 0 ? " (entries, skipped ones included)" : "")
                    + ", the limit; split it into smaller files");
        }
    }

    /**
     * Adds a warning.
     *
     * @param rowNumber the row, or 0
     * @param message   what happened
     */
    public void warn(int rowNumber, String message) {
        warnings.add(new ImportWarning(rowNumber, message));
    }

    /**
     * Returns the number of rows so far.
     *
     * @return the count
     */
    public int size() {
        return count;
    }

    /**
     * Finishes the import.
     *
     * @param whenEmpty what to tell the user when no row was read
     * @return the result, with a warning listing skipped blank rows
     * @throws ImportException with {@link ErrorCode#IMPORT_INVALID_FILE} when no row was read
     */
    public ImportResult result(String whenEmpty) {
        return new ImportResult(rows, warnings(whenEmpty));
    }

    /**
     * Finishes a streaming import.
     *
     * @param whenEmpty what to tell the user when no row was read
     * @return how many rows were handed over, and the warnings
     * @throws ImportException with {@link ErrorCode#IMPORT_INVALID_FILE} when no row was read
     */
    public ImportSummary summary(String whenEmpty) {
        return new ImportSummary(count, warnings(whenEmpty));
    }

    private List<ImportWarning> warnings(String whenEmpty) {
        if (count == 0) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, whenEmpty);
        }
        List<ImportWarning> all = new ArrayList<>(warnings);
        if (skippedCount > BLANK_ROWS_LISTED) {
            all.add(new ImportWarning(0, "... and " + (skippedCount - BLANK_ROWS_LISTED) + " more entries skipped ("
                    + skippedCount + " in all)"));
        }
        if (blankCount > 0) {
            String listed = blankRows.stream().map(String::valueOf).collect(Collectors.joining(", "));
            all.add(new ImportWarning(0, blankCount + " blank row" + (blankCount == 1 ? "" : "s") + " skipped: "
                    + listed + (blankCount > BLANK_ROWS_LISTED ? ", ..." : "")));
        }
        return all;
    }
}
