package io.invitations.core.bulk;

import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a header row maps to {@link RowField fields}: recognised names by default, explicit mappings
 * first, and a choice for unknown columns (kept as metadata, or ignored). Shared by every tabular
 * importer so that CSV and Excel read headers the same way. Immutable and thread-safe.
 *
 * <pre>{@code
 * ColumnMapping mapping = ColumnMapping.defaults()
 *         .with("Work address", RowField.EMAIL)   // an explicit mapping overrides recognition
 *         .ignoringUnknownColumns();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class ColumnMapping {
    private static final ColumnMapping DEFAULTS = new ColumnMapping(Map.of(), true);

    private final Map<String, RowField> explicit;
    private final boolean keepUnknownAsMetadata;

    private ColumnMapping(Map<String, RowField> explicit, boolean keepUnknownAsMetadata) {
        this.explicit = Map.copyOf(explicit);
        this.keepUnknownAsMetadata = keepUnknownAsMetadata;
    }

    /**
     * Recognised header names, unknown columns kept as metadata.
     *
     * @return the default mapping
     */
    public static ColumnMapping defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that maps a header (compared after {@link RowField#normalize(String)}) to a field.
     *
     * @param header the header as written in the file
     * @param field  the field it holds
     * @return a new mapping
     */
    public ColumnMapping with(String header, RowField field) {
        Map<String, RowField> m = new HashMap<>(explicit);
        m.put(RowField.normalize(Objects.requireNonNull(header, "header")), Objects.requireNonNull(field, "field"));
        return new ColumnMapping(m, keepUnknownAsMetadata);
    }

    /**
     * Returns a copy that drops unknown columns instead of keeping them as metadata.
     *
     * @return a new mapping
     */
    public ColumnMapping ignoringUnknownColumns() {
        return new ColumnMapping(explicit, false);
    }

    /**
     * Tells whether unknown columns are kept as metadata.
     *
     * @return {@code true} when kept
     */
    public boolean keepsUnknownColumns() {
        return keepUnknownAsMetadata;
    }

    /**
     * Resolves a header row.
     *
     * @param headers the header cells in column order; {@code null} or blank cells are allowed
     * @return the resolved columns
     * @throws ImportException with {@link ErrorCode#IMPORT_INVALID_FILE} when two columns map to the
     *                         same field, or neither an email nor an identifier column exists
     */
    public Resolved resolve(List<String> headers) {
        return resolve(headers, 1);
    }

    /**
     * Resolves a header row that is not the file's first row (blank rows before it).
     *
     * @param headers         the header cells in column order; {@code null} or blank cells are allowed
     * @param headerRowNumber the header's row number as the user sees it, named in errors; at least 1
     * @return the resolved columns
     * @throws ImportException with {@link ErrorCode#IMPORT_INVALID_FILE} when two columns map to the
     *                         same field, or neither an email nor an identifier column exists
     */
    public Resolved resolve(List<String> headers, int headerRowNumber) {
        Map<Integer, RowField> fields = new LinkedHashMap<>();
        Map<Integer, String> unknown = new LinkedHashMap<>();
        Map<RowField, Integer> seen = new HashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            String h = headers.get(c);
            if (h == null || h.isBlank()) {
                // kept with a blank name whatever keepUnknownAsMetadata says: a value under it is a problem
                unknown.put(c, "");
                continue;
            }
            RowField f = explicit.get(RowField.normalize(h));
            if (f == null) {
                f = RowField.recognise(h).orElse(null);
            }
            if (f == null) {
                if (keepUnknownAsMetadata) {
                    unknown.put(c, h.strip());
                }
                continue;
            }
            Integer other = seen.putIfAbsent(f, c);
            if (other != null) {
                throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, headerRowNumber, f.canonicalHeader(),
                        "columns " + (other + 1) + " ('" + headers.get(other) + "') and " + (c + 1) + " ('" + h.strip()
                                + "') both mean " + f.canonicalHeader() + "; rename one or map it with ColumnMapping.with");
            }
            fields.put(c, f);
        }
        if (!seen.containsKey(RowField.EMAIL) && !seen.containsKey(RowField.IDENTIFIER)) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, headerRowNumber, "email",
                    "the header row has no email column (nor an identifier column); found " + headers
                            + "; name a column 'email' or map one with ColumnMapping.with(header, RowField.EMAIL)");
        }
        return new Resolved(fields, unknown);
    }

    /**
     * A resolved header row: which column holds which field, and which unknown columns are kept.
     *
     * @param fields  column index (0-based) → field
     * @param unknown column index (0-based) → header, for columns kept as metadata; a blank header
     *                stands for a column without a header, whose non-empty cells are a problem of their
     *                row ({@link #NO_HEADER_FIELD}) rather than silently dropped
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public record Resolved(Map<Integer, RowField> fields, Map<Integer, String> unknown) {
        /** The field that {@link #toRow} names in the problem of a cell under a blank header. */
        public static final String NO_HEADER_FIELD = "columns";

        /**
         * Copies the maps.
         *
         * @throws NullPointerException if a map is null
         */
        public Resolved {
            fields = Map.copyOf(fields);
            unknown = Map.copyOf(unknown);
        }

        /**
         * Returns the problem text for a non-empty cell under a blank header.
         *
         * @param where     the cell or column as the user sees it, e.g. {@code cell B2} or {@code column 2 (B)}
         * @param headerRow the header row as the user sees it, e.g. {@code row 1}
         * @return the message
         */
        public static String noHeader(String where, String headerRow) {
            return where + " has a value but no header; name the column in " + headerRow + " or empty the cell";
        }

        /**
         * Returns a column's spreadsheet letters: 0 → {@code A}, 26 → {@code AA}.
         *
         * @param column the 0-based column
         * @return the letters
         */
        public static String letters(int column) {
            StringBuilder name = new StringBuilder();
            for (int c = column + 1; c > 0; c = (c - 1) / 26) {
                name.insert(0, (char) ('A' + (c - 1) % 26));
            }
            return name.toString();
        }

        /**
         * Builds a row from its cells.
         *
         * @param rowNumber the row's number as the user sees it
         * @param cells     the cells in column order; missing trailing cells count as empty
         * @return the row
         */
        public InvitationRow toRow(int rowNumber, List<String> cells) {
            InvitationRow.Builder b = InvitationRow.builder(rowNumber);
            fields.forEach((c, field) -> b.set(field, c < cells.size() ? cells.get(c) : null));
            new java.util.TreeMap<>(unknown).forEach((c, h) -> {
                String cell = c < cells.size() ? cells.get(c) : null;
                if (!h.isEmpty()) {
                    b.metadata(h, cell);
                } else if (cell != null && !cell.isBlank()) {
                    b.problem(NO_HEADER_FIELD, noHeader("column " + (c + 1) + " (" + letters(c) + ")", "the header row"));
                }
            });
            return b.build();
        }
    }
}
