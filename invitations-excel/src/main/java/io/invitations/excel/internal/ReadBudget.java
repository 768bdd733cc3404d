package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.excel.XlsxLimits;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What one import may still read, and the first reason it was stopped. Every entry stream of the
 * archive reports here; the verdict is kept so that, whatever exception POI or the XML parser wraps
 * it in, the import ends with the typed error that caused it. One per import; not thread-safe.
 */
final class ReadBudget {
    private final XlsxLimits limits;
    private final Set<ZipArchiveEntry> streamed = Collections.newSetFromMap(new IdentityHashMap<>());
    private long totalRead;
    private ImportException verdict;

    ReadBudget(XlsxLimits limits) {
        this.limits = limits;
    }

    XlsxLimits limits() {
        return limits;
    }

    /**
     * Marks an entry as streamed (the worksheet): it may expand up to {@link XlsxLimits#maxEntryBytes()}
     * instead of {@link XlsxLimits#maxBufferedPartBytes()}.
     *
     * @param entry the entry
     */
    void stream(ZipArchiveEntry entry) {
        streamed.add(entry);
    }

    long capFor(ZipArchiveEntry entry) {
        return streamed.contains(entry) ? limits.maxEntryBytes() : limits.maxBufferedPartBytes();
    }

    /**
     * Counts bytes expanded from any entry.
     *
     * @param n the bytes just read
     * @return {@code true} while the total stays within {@link XlsxLimits#maxTotalBytes()}
     */
    boolean spend(int n) {
        totalRead += n;
        return totalRead <= limits.maxTotalBytes();
    }

    /**
     * Records why reading stopped; the first reason wins.
     *
     * @param reason the typed error
     * @return the recorded verdict (the first one)
     */
    ImportException stop(ImportException reason) {
        if (verdict == null) {
            verdict = reason;
        }
        return verdict;
    }

    /**
     * Returns why reading stopped.
     *
     * @return the verdict, or {@code null} when no guard stopped the import
     */
    ImportException verdict() {
        return verdict;
    }
}
