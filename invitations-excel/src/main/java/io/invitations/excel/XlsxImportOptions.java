package io.invitations.excel;

import io.invitations.core.bulk.ColumnMapping;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * How {@link XlsxImporter} reads a workbook: which sheet, how headers map to fields (the same
 * {@link ColumnMapping} the CSV importer uses) and the {@link XlsxLimits limits}.
 *
 * <pre>{@code
 * XlsxImportOptions options = XlsxImportOptions.builder()
 *         .sheet("Invitations")                               // default: the first worksheet
 *         .columns(ColumnMapping.defaults().with("Work address", RowField.EMAIL))
 *         .limits(XlsxLimits.builder().maxRows(5_000).build())
 *         .build();
 * }</pre>
 *
 * @param sheetName the sheet to read (compared ignoring case, as Excel does), or {@code null} for the
 *                  first worksheet
 * @param columns   how headers map to fields, not {@code null}
 * @param limits    what the importer accepts, not {@code null}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record XlsxImportOptions(String sheetName, ColumnMapping columns, XlsxLimits limits) {
    private static final XlsxImportOptions DEFAULTS = builder().build();

    /**
     * Validates the options; a blank sheet name means the first worksheet.
     *
     * @throws NullPointerException if {@code columns} or {@code limits} is null
     */
    public XlsxImportOptions {
        sheetName = sheetName == null || sheetName.isBlank() ? null : sheetName.strip();
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * The first worksheet, recognised headers with unknown columns kept as metadata, default limits.
     *
     * @return the defaults
     */
    public static XlsxImportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link XlsxImportOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private String sheetName;
        private ColumnMapping columns = ColumnMapping.defaults();
        private XlsxLimits limits = XlsxLimits.defaults();

        private Builder() {
        }

        /**
         * Reads the sheet of this name instead of the first worksheet.
         *
         * @param name the sheet's name, or {@code null} for the first worksheet
         * @return this builder
         */
        public Builder sheet(String name) {
            sheetName = name;
            return this;
        }

        /**
         * Sets how headers map to fields.
         *
         * @param mapping the mapping, not {@code null}
         * @return this builder
         */
        public Builder columns(ColumnMapping mapping) {
            columns = mapping;
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param value the limits, not {@code null}
         * @return this builder
         */
        public Builder limits(XlsxLimits value) {
            limits = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws NullPointerException if the mapping or the limits were set to null
         */
        public XlsxImportOptions build() {
            return new XlsxImportOptions(sheetName, columns, limits);
        }
    }
}
