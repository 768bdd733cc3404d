package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.excel.XlsxLimits;
import io.invitations.spi.ErrorCode;

import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts what one archive entry expands to while it is read, and stops (with a typed verdict) when
 * the entry passes its cap, the import passes its total, or the entry expands more than the minimum
 * inflate ratio allows. It checks real bytes, so a directory that lies about sizes gains nothing.
 */
final class ExpansionGuard extends InspectingStream {
    private final String name;
    private final long cap;
    private final LongSupplier compressedRead;
    private final ReadBudget budget;
    private long expanded;

    /**
     * Guards a stream.
     *
     * @param in             the expanded entry
     * @param name           the entry's name, for messages
     * @param cap            the most bytes this entry may expand to
     * @param compressedRead how many compressed bytes were consumed so far, or {@code null} for a stored entry
     * @param budget         the import's budget
     */
    ExpansionGuard(InputStream in, String name, long cap, LongSupplier compressedRead, ReadBudget budget) {
        super(in);
        this.name = name;
        this.cap = cap;
        this.compressedRead = compressedRead;
        this.budget = budget;
    }

    @Override
    void inspect(byte[] b, int off, int n) throws StoppedReading {
        expanded += n;
        if (expanded > cap) {
            throw stop(new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                    "the archive's file '" + Names.shorten(name) + "' expands to more than " + Sizes.describe(cap)
                            + ", the most this importer accepts; split the list into several files"));
        }
        if (!budget.spend(n)) {
            throw stop(new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                    "the workbook expands to more than " + Sizes.describe(budget.limits().maxTotalBytes())
                            + ", the most this importer accepts; split the list into several files"));
        }
        if (compressedRead != null && expanded > ZipDirectory.RATIO_GRACE_BYTES
                && compressedRead.getAsLong() < expanded * budget.limits().minInflateRatio()) {
            throw stop(bomb(name, budget.limits()));
        }
    }

    private StoppedReading stop(ImportException reason) {
        return new StoppedReading(budget.stop(reason));
    }

    /**
     * The verdict for an entry that expands more than the minimum inflate ratio allows.
     *
     * @param name   the entry's name
     * @param limits the limits
     * @return the typed error
     */
    static ImportException bomb(String name, XlsxLimits limits) {
        return new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                "the archive's file '" + Names.shorten(name) + "' expands more than "
                        + Math.round(1 / limits.minInflateRatio()) + " times its compressed size (minimum inflate ratio "
                        + limits.minInflateRatio() + "), as zip bombs do; the file is refused");
    }
}
