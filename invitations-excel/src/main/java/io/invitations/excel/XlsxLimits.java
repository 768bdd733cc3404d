package io.invitations.excel;

import io.invitations.spi.InvitationException;
import org.apiguardian.api.API;

/**
 * What the {@link XlsxImporter} accepts before it refuses a file with
 * {@link io.invitations.spi.ErrorCode#IMPORT_LIMIT_EXCEEDED}. The limits are checked inside the
 * importer, per call: Apache POI's JVM-wide settings ({@code ZipSecureFile}, {@code IOUtils}) are
 * neither read nor changed, so other POI users in the same JVM are not affected.
 *
 * <p>Memory stays bounded: the upload is held once ({@link #maxUploadBytes()}); the worksheet is
 * streamed, never expanded in memory ({@link #maxEntryBytes()} bounds the work, not the memory);
 * the parts that must be held while reading (shared strings, styles, package structure) expand to at
 * most {@link #maxBufferedPartBytes()} each; and the rows returned hold at most {@link #maxCells()}
 * cells and {@link #maxTextChars()} characters in all, none longer than 32,767 characters (Excel's
 * own limit per cell).
 *
 * <pre>{@code
 * XlsxLimits limits = XlsxLimits.builder()
 *         .maxUploadBytes(2 * 1024 * 1024)   // 2 MB is plenty for a 500-row template
 *         .maxRows(5_000)
 *         .build();
 * }</pre>
 *
 * @param maxUploadBytes       the largest file accepted, in bytes
 * @param maxRows              the most data rows read (blank rows do not count; the header does not count)
 * @param maxCells             the most non-blank cells kept, header row included
 * @param maxTextChars         the most characters kept across all those cells
 * @param maxEntries           the most entries (files) the zip archive may list (POI itself also refuses
 *                             more than {@code ZipSecureFile.getMaxFileCount()}, 1,000 unless the host
 *                             changed that JVM-wide setting; this importer never does)
 * @param minInflateRatio      the smallest compressed/expanded ratio accepted for an entry once it has
 *                             expanded past 100 KiB ({@code 0.01}: an entry may expand at most 100 times)
 * @param maxEntryBytes        the largest expanded size of any one entry (the worksheet, which is streamed)
 * @param maxBufferedPartBytes the largest expanded size of a part held in memory while reading: shared
 *                             strings, styles, the workbook, relationships and content types
 * @param maxTotalBytes        the largest expanded size of everything read from the archive
 * @param maxElementDepth      the deepest nesting of XML elements in any part read (Excel writes at most
 *                             about ten); checked on the bytes as they expand, before any parser builds a
 *                             stack, so a part that opens hundreds of thousands of elements costs no memory
 * @param maxAttributesPerElement the most attributes (namespace declarations included) on one XML element
 * @param maxAttributeChars    the longest attribute value, in characters
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public record XlsxLimits(long maxUploadBytes, int maxRows, long maxCells, long maxTextChars, int maxEntries,
                         double minInflateRatio,
                         long maxEntryBytes, long maxBufferedPartBytes, long maxTotalBytes,
                         int maxElementDepth, int maxAttributesPerElement, int maxAttributeChars) {
    /** Default {@link #maxUploadBytes()}: 10 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    /** Default {@link #maxRows()}: 100,000. */
    public static final int DEFAULT_MAX_ROWS = 100_000;
    /** Default {@link #maxCells()}: 1,000,000 (100,000 rows of 10 columns). */
    public static final long DEFAULT_MAX_CELLS = 1_000_000;
    /** Default {@link #maxTextChars()}: 16 Mi characters (100,000 rows of about 160 characters). */
    public static final long DEFAULT_MAX_TEXT_CHARS = 16L * 1024 * 1024;
    /** Default {@link #maxEntries()}: 1,000. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000;
    /** Default {@link #minInflateRatio()}: 0.01, as Apache POI's own default. */
    public static final double DEFAULT_MIN_INFLATE_RATIO = 0.01;
    /** Default {@link #maxEntryBytes()}: 100 MiB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    /** Default {@link #maxBufferedPartBytes()}: 16 MiB. */
    public static final long DEFAULT_MAX_BUFFERED_PART_BYTES = 16L * 1024 * 1024;
    /** Default {@link #maxTotalBytes()}: 200 MiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /** Default {@link #maxElementDepth()}: 64. */
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 64;
    /** Default {@link #maxAttributesPerElement()}: 64. */
    public static final int DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT = 64;
    /** Default {@link #maxAttributeChars()}: 8,192. */
    public static final int DEFAULT_MAX_ATTRIBUTE_CHARS = 8_192;

    private static final XlsxLimits DEFAULTS = builder().build();

    /**
     * Validates the limits.
     *
     * @throws InvitationException with {@code INVALID_REQUEST} if a limit is not positive, or the ratio is not in
     *         {@code (0, 1]}
     */
    public XlsxLimits {
        positive(maxUploadBytes, "maxUploadBytes");
        positive(maxRows, "maxRows");
        positive(maxCells, "maxCells");
        positive(maxTextChars, "maxTextChars");
        positive(maxEntries, "maxEntries");
        positive(maxEntryBytes, "maxEntryBytes");
        positive(maxBufferedPartBytes, "maxBufferedPartBytes");
        positive(maxTotalBytes, "maxTotalBytes");
        positive(maxElementDepth, "maxElementDepth");
        positive(maxAttributesPerElement, "maxAttributesPerElement");
        positive(maxAttributeChars, "maxAttributeChars");
        if (!(minInflateRatio > 0 && minInflateRatio <= 1)) {
            throw InvitationException.invalidValue("minInflateRatio must be in (0, 1], was " + minInflateRatio);
        }
    }

    /**
     * The limits without the XML shape limits, which take their defaults
     * ({@link #DEFAULT_MAX_ELEMENT_DEPTH}, {@link #DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT},
     * {@link #DEFAULT_MAX_ATTRIBUTE_CHARS}); kept for source compatibility, prefer {@link #builder()}.
     *
     * @param maxUploadBytes       see {@link #maxUploadBytes()}
     * @param maxRows              see {@link #maxRows()}
     * @param maxCells             see {@link #maxCells()}
     * @param maxTextChars         see {@link #maxTextChars()}
     * @param maxEntries           see {@link #maxEntries()}
     * @param minInflateRatio      see {@link #minInflateRatio()}
     * @param maxEntryBytes        see {@link #maxEntryBytes()}
     * @param maxBufferedPartBytes see {@link #maxBufferedPartBytes()}
     * @param maxTotalBytes        see {@link #maxTotalBytes()}
     * @throws InvitationException with {@code INVALID_REQUEST} if a limit is not positive, or the ratio is not in
     *         {@code (0, 1]}
     */
    public XlsxLimits(long maxUploadBytes, int maxRows, long maxCells, long maxTextChars, int maxEntries,
                      double minInflateRatio, long maxEntryBytes, long maxBufferedPartBytes, long maxTotalBytes) {
        this(maxUploadBytes, maxRows, maxCells, maxTextChars, maxEntries, minInflateRatio, maxEntryBytes,
                maxBufferedPartBytes, maxTotalBytes, DEFAULT_MAX_ELEMENT_DEPTH, DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT,
                DEFAULT_MAX_ATTRIBUTE_CHARS);
    }

    /**
     * The default limits (see the {@code DEFAULT_*} constants).
     *
     * @return the defaults
     */
    public static XlsxLimits defaults() {
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
     * Returns a builder holding these limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxUploadBytes = maxUploadBytes;
        b.maxRows = maxRows;
        b.maxCells = maxCells;
        b.maxTextChars = maxTextChars;
        b.maxEntries = maxEntries;
        b.minInflateRatio = minInflateRatio;
        b.maxEntryBytes = maxEntryBytes;
        b.maxBufferedPartBytes = maxBufferedPartBytes;
        b.maxTotalBytes = maxTotalBytes;
        b.maxElementDepth = maxElementDepth;
        b.maxAttributesPerElement = maxAttributesPerElement;
        b.maxAttributeChars = maxAttributeChars;
        return b;
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw InvitationException.invalidValue(name + " must be positive, was " + value);
        }
    }

    /**
     * Builds {@link XlsxLimits}; every setter has the default of its {@code DEFAULT_*} constant.
     * Not thread-safe.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.STABLE, since = "1.0")
    public static final class Builder {
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private int maxRows = DEFAULT_MAX_ROWS;
        private long maxCells = DEFAULT_MAX_CELLS;
        private long maxTextChars = DEFAULT_MAX_TEXT_CHARS;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private double minInflateRatio = DEFAULT_MIN_INFLATE_RATIO;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
        private long maxBufferedPartBytes = DEFAULT_MAX_BUFFERED_PART_BYTES;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private int maxElementDepth = DEFAULT_MAX_ELEMENT_DEPTH;
        private int maxAttributesPerElement = DEFAULT_MAX_ATTRIBUTES_PER_ELEMENT;
        private int maxAttributeChars = DEFAULT_MAX_ATTRIBUTE_CHARS;

        private Builder() {
        }

        /**
         * Sets the largest file accepted.
         *
         * @param bytes the size in bytes, positive
         * @return this builder
         */
        public Builder maxUploadBytes(long bytes) {
            maxUploadBytes = bytes;
            return this;
        }

        /**
         * Sets the most data rows read.
         *
         * @param rows the number of rows, positive
         * @return this builder
         */
        public Builder maxRows(int rows) {
            maxRows = rows;
            return this;
        }

        /**
         * Sets the most non-blank cells kept, header row included.
         *
         * @param cells the number of cells, positive
         * @return this builder
         */
        public Builder maxCells(long cells) {
            maxCells = cells;
            return this;
        }

        /**
         * Sets the most characters kept across all cells.
         *
         * @param chars the number of characters, positive
         * @return this builder
         */
        public Builder maxTextChars(long chars) {
            maxTextChars = chars;
            return this;
        }

        /**
         * Sets the most entries the archive may list.
         *
         * @param entries the number of entries, positive
         * @return this builder
         */
        public Builder maxEntries(int entries) {
            maxEntries = entries;
            return this;
        }

        /**
         * Sets the smallest compressed/expanded ratio accepted.
         *
         * @param ratio the ratio, in {@code (0, 1]}
         * @return this builder
         */
        public Builder minInflateRatio(double ratio) {
            minInflateRatio = ratio;
            return this;
        }

        /**
         * Sets the largest expanded size of any one entry.
         *
         * @param bytes the size in bytes, positive
         * @return this builder
         */
        public Builder maxEntryBytes(long bytes) {
            maxEntryBytes = bytes;
            return this;
        }

        /**
         * Sets the largest expanded size of a part held in memory while reading.
         *
         * @param bytes the size in bytes, positive
         * @return this builder
         */
        public Builder maxBufferedPartBytes(long bytes) {
            maxBufferedPartBytes = bytes;
            return this;
        }

        /**
         * Sets the largest expanded size of everything read.
         *
         * @param bytes the size in bytes, positive
         * @return this builder
         */
        public Builder maxTotalBytes(long bytes) {
            maxTotalBytes = bytes;
            return this;
        }

        /**
         * Sets {@link XlsxLimits#maxElementDepth()}.
         *
         * @param depth the deepest element nesting accepted in any XML part
         * @return this builder
         */
        public Builder maxElementDepth(int depth) {
            maxElementDepth = depth;
            return this;
        }

        /**
         * Sets {@link XlsxLimits#maxAttributesPerElement()}.
         *
         * @param attributes the most attributes on one XML element
         * @return this builder
         */
        public Builder maxAttributesPerElement(int attributes) {
            maxAttributesPerElement = attributes;
            return this;
        }

        /**
         * Sets {@link XlsxLimits#maxAttributeChars()}.
         *
         * @param chars the longest attribute value accepted
         * @return this builder
         */
        public Builder maxAttributeChars(int chars) {
            maxAttributeChars = chars;
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         * @throws InvitationException with {@code INVALID_REQUEST} if a limit is out of range
         */
        public XlsxLimits build() {
            return new XlsxLimits(maxUploadBytes, maxRows, maxCells, maxTextChars, maxEntries, minInflateRatio,
                    maxEntryBytes, maxBufferedPartBytes, maxTotalBytes, maxElementDepth, maxAttributesPerElement,
                    maxAttributeChars);
        }
    }
}
