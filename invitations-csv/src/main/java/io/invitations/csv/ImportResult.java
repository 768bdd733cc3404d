package io.invitations.csv;

import io.invitations.core.bulk.InvitationRow;
import org.apiguardian.api.API;

import java.util.List;

/**
 * What an importer read: the rows in file order, each with its row number and the problems found
 * while reading it, and the warnings about things skipped or repaired. Rows are not validated yet:
 * the bulk engine checks addresses, roles and permissions and reports per row.
 *
 * @param rows     the rows, in file order; never empty (an empty file is refused)
 * @param warnings the warnings, in file order; possibly empty
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record ImportResult(List<InvitationRow> rows, List<ImportWarning> warnings) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list or an element is null
     */
    public ImportResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
