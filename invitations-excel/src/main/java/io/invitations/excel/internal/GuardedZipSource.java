package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipEntrySource;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;

/**
 * The upload as POI's {@link ZipEntrySource}: random access over the bytes already in memory, each
 * entry expanded lazily, only when POI or the importer asks for it, through an {@link ExpansionGuard}
 * (sizes and ratio, on the real bytes), a {@link PrologGuard} (no DOCTYPE) and an {@link XmlShapeGuard}
 * (element depth, attributes). So the worksheet is
 * streamed rather than expanded in memory, and no POI static setting is needed. Not thread-safe.
 */
final class GuardedZipSource implements ZipEntrySource {
    private final ZipFile zip;
    private final ReadBudget budget;
    private boolean closed;

    private GuardedZipSource(ZipFile zip, ReadBudget budget) {
        this.zip = zip;
        this.budget = budget;
    }

    /**
     * Opens the archive. Call only after {@link ZipDirectory#scan} accepted the bytes.
     *
     * @param bytes  the archive
     * @param budget the import's budget
     * @return the source
     * @throws IOException when the archive cannot be opened
     */
    static GuardedZipSource open(byte[] bytes, ReadBudget budget) throws IOException {
        ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        return new GuardedZipSource(zip, budget);
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return zip.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        return zip.getEntry(path);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        String name = entry.getName();
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            throw new StoppedReading(budget.stop(new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                    "the workbook's part '" + Names.shorten(name) + "' is encrypted; remove the password and save it"
                            + " again as .xlsx")));
        }
        InputStream raw = zip.getRawInputStream(entry);
        if (raw == null) {
            throw new IOException("no data for entry " + Names.shorten(name));
        }
        long cap = budget.capFor(entry);
        InputStream expanded;
        if (entry.getMethod() == ZipEntry.STORED) {
            expanded = new ExpansionGuard(raw, name, cap, null, budget);
        } else if (entry.getMethod() == ZipEntry.DEFLATED) {
            Inflating inflating = new Inflating(raw);
            expanded = new ExpansionGuard(inflating, name, cap, inflating.inflater::getBytesRead, budget);
        } else {
            throw new StoppedReading(budget.stop(new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                    "the workbook's part '" + Names.shorten(name) + "' uses zip compression method "
                            + entry.getMethod() + ", which spreadsheet programs do not write; save it again as .xlsx")));
        }
        return new XmlShapeGuard(new PrologGuard(expanded, name, budget), name, budget);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        zip.close();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Raw deflate with its own {@link Inflater}, released on close. */
    private static final class Inflating extends InflaterInputStream {
        private final Inflater inflater;
        private boolean eofPadded;

        Inflating(InputStream raw) {
            this(raw, new Inflater(true));
        }

        private Inflating(InputStream raw, Inflater inflater) {
            super(raw, inflater, 8192);
            this.inflater = inflater;
        }

        @Override
        protected void fill() throws IOException {
            try {
                super.fill();
            } catch (EOFException e) {
                // A raw ("nowrap") inflater may want one byte past the data, as java.util.zip.ZipFile gives it.
                if (eofPadded) {
                    throw e;
                }
                eofPadded = true;
                buf[0] = 0;
                len = 1;
                inflater.setInput(buf, 0, 1);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inflater.end();
            }
        }
    }
}
