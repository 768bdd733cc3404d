package io.invitations.csv;

import java.util.List;

/**
 * What a streaming import ({@code forEachRow}) read: how many rows it handed to the consumer, and
 * the warnings about things skipped or repaired, as {@link ImportResult} has them.
 *
 * @param rows     the number of rows handed over; at least 1 (an empty file is refused)
 * @param warnings the warnings, in file order; possibly empty
 * @since 0.1.0
 */
public record ImportSummary(int rows, List<ImportWarning> warnings) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public ImportSummary {
        warnings = List.copyOf(warnings);
    }
}
