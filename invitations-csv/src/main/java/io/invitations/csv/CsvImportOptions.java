package io.invitations.csv;

import io.invitations.core.bulk.ColumnMapping;
import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link CsvImporter} reads a file: the separator (detected by default), the charset (UTF-8 by
 * default; a byte-order mark always wins), the column mapping (recognised header names, unknown
 * columns kept as metadata, by default) and the limits. Immutable and thread-safe.
 *
 * <pre>{@code
 * CsvImportOptions options = CsvImportOptions.builder()
 *         .charset(Charset.forName("windows-1252"))          // an old Excel "CSV (semicolon)" export
 *         .separator(';')
 *         .columnMapping(ColumnMapping.defaults().with("Work address", RowField.EMAIL).ignoringUnknownColumns())
 *         .limits(ImportLimits.of(1024 * 1024, 1_000))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public final class CsvImportOptions {
    private static final CsvImportOptions DEFAULTS = builder().build();

    private final Character separator;
    private final Charset charset;
    private final ColumnMapping columnMapping;
    private final ImportLimits limits;

    private CsvImportOptions(Builder b) {
        this.separator = b.separator;
        this.charset = b.charset;
        this.columnMapping = b.columnMapping;
        this.limits = b.limits;
    }

    /**
     * Returns the defaults: separator detected, UTF-8, {@link ColumnMapping#defaults()},
     * {@link ImportLimits#defaults()}.
     *
     * @return the default options
     */
    public static CsvImportOptions defaults() {
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
     * Returns the forced separator.
     *
     * @return the separator, or empty when it is detected from the header line
     */
    public Optional<Character> separator() {
        return Optional.ofNullable(separator);
    }

    /**
     * Returns the charset used when the file has no byte-order mark.
     *
     * @return the charset
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Returns how headers map to fields.
     *
     * @return the mapping
     */
    public ColumnMapping columnMapping() {
        return columnMapping;
    }

    /**
     * Returns the size and row limits.
     *
     * @return the limits
     */
    public ImportLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "CsvImportOptions[separator=" + (separator == null ? "detected" : "'" + separator + "'")
                + ", charset=" + charset + ", keepUnknownColumns=" + columnMapping.keepsUnknownColumns()
                + ", limits=" + limits + "]";
    }

    /**
     * Builds {@link CsvImportOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private Character separator;
        private Charset charset = StandardCharsets.UTF_8;
        private ColumnMapping columnMapping = ColumnMapping.defaults();
        private ImportLimits limits = ImportLimits.defaults();

        private Builder() {
        }

        /**
         * Forces the separator instead of detecting it.
         *
         * @param value the separator, usually {@code ','}, {@code ';'} or {@code '\t'}
         * @return this builder
         * @throws IllegalArgumentException for a quote, CR or LF
         */
        public Builder separator(char value) {
            if (value == '"' || value == '\r' || value == '\n') {
                throw InvitationException.invalidValue("a quote, CR or LF cannot separate cells");
            }
            separator = value;
            return this;
        }

        /**
         * Detects the separator from the header line (the default): comma, semicolon or tab,
         * whichever occurs most often outside quotes.
         *
         * @return this builder
         */
        public Builder detectSeparator() {
            separator = null;
            return this;
        }

        /**
         * Sets the charset for files without a byte-order mark, e.g. {@code windows-1252} for files
         * saved by older Excel versions. A UTF-8 or UTF-16 byte-order mark overrides it.
         *
         * @param value the charset
         * @return this builder
         */
        public Builder charset(Charset value) {
            charset = Objects.requireNonNull(value, "charset");
            return this;
        }

        /**
         * Sets how headers map to fields, and whether unknown columns are kept as metadata.
         *
         * @param value the mapping
         * @return this builder
         */
        public Builder columnMapping(ColumnMapping value) {
            columnMapping = Objects.requireNonNull(value, "columnMapping");
            return this;
        }

        /**
         * Sets the size and row limits.
         *
         * @param value the limits
         * @return this builder
         */
        public Builder limits(ImportLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public CsvImportOptions build() {
            return new CsvImportOptions(this);
        }
    }
}
