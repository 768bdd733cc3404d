package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.excel.XlsxLimits;
import io.invitations.spi.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the zip archive's central directory straight from the bytes, before any zip library sees
 * them: counts the entries (so that a directory of a million entries is refused before one object is
 * made for each), and checks each entry's declared expanded size and compression ratio. Declared
 * sizes can lie; {@link ExpansionGuard} checks the real ones while reading.
 */
final class ZipDirectory {
    /** Below this expanded size the compression ratio is not judged (tiny parts compress oddly). */
    static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final long UNSET32 = 0xFFFFFFFFL;

    private ZipDirectory() {
    }

    /**
     * Checks the central directory against the limits.
     *
     * @param zip    the archive's bytes
     * @param limits the limits
     * @return the number of entries
     * @throws ImportException {@link ErrorCode#IMPORT_INVALID_FILE} when the directory is missing or broken,
     *                         {@link ErrorCode#IMPORT_LIMIT_EXCEEDED} when a limit is passed,
     *                         {@link ErrorCode#IMPORT_UNSAFE} when the workbook carries macros
     */
    static int scan(byte[] zip, XlsxLimits limits) {
        int eocd = findEndOfDirectory(zip);
        long offset = u32(zip, eocd + 16);
        if (u16(zip, eocd + 10) == 0xFFFF || offset == UNSET32) {
            offset = zip64DirectoryOffset(zip, eocd);
        }
        if (offset < 0 || offset > eocd) {
            throw truncated();
        }
        int pos = (int) offset;
        int count = 0;
        long declaredTotal = 0;
        while (pos + 46 <= zip.length && i32(zip, pos) == CENTRAL_HEADER) {
            count++;
            if (count > limits.maxEntries()) {
                throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                        "the archive lists more than " + Sizes.count(limits.maxEntries())
                                + " files, the most this importer accepts; save the workbook again from Excel");
            }
            int flags = u16(zip, pos + 8);
            long compressed = u32(zip, pos + 20);
            long size = u32(zip, pos + 24);
            int nameLength = u16(zip, pos + 28);
            int extraLength = u16(zip, pos + 30);
            int commentLength = u16(zip, pos + 32);
            int nameStart = pos + 46;
            int extraStart = nameStart + nameLength;
            int next = extraStart + extraLength + commentLength;
            if (next > zip.length) {
                throw truncated();
            }
            String name = new String(zip, nameStart, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            if (size == UNSET32 || compressed == UNSET32) {
                long[] real = zip64Sizes(zip, extraStart, extraLength, size, compressed);
                size = real[0];
                compressed = real[1];
            }
            check(name, size, compressed, limits);
            declaredTotal += size;
            if (declaredTotal > limits.maxTotalBytes()) {
                throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                        "the archive's files expand to more than " + Sizes.describe(limits.maxTotalBytes())
                                + ", the most this importer accepts; split the list into several files");
            }
            pos = next;
        }
        if (count == 0) {
            throw truncated();
        }
        return count;
    }

    private static void check(String name, long size, long compressed, XlsxLimits limits) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin")) {
            throw new ImportException(ErrorCode.IMPORT_UNSAFE, 0, null,
                    "the workbook contains macros; save it as 'Excel Workbook (.xlsx)', which has none");
        }
        if (size < 0 || size > limits.maxEntryBytes()) {
            throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                    "the archive's file '" + Names.shorten(name) + "' expands to more than "
                            + Sizes.describe(limits.maxEntryBytes()) + ", the most this importer accepts");
        }
        if (size > RATIO_GRACE_BYTES && compressed < size * limits.minInflateRatio()) {
            throw ExpansionGuard.bomb(name, limits);
        }
    }

    private static int findEndOfDirectory(byte[] zip) {
        int last = zip.length - 22;
        int first = Math.max(0, last - 0xFFFF);
        for (int p = last; p >= first; p--) {
            if (i32(zip, p) == EOCD) {
                return p;
            }
        }
        throw truncated();
    }

    private static long zip64DirectoryOffset(byte[] zip, int eocd) {
        int locator = eocd - 20;
        if (locator < 0 || i32(zip, locator) != ZIP64_LOCATOR) {
            return u32(zip, eocd + 16);
        }
        long record = u64(zip, locator + 8);
        if (record < 0 || record + 56 > locator || i32(zip, (int) record) != ZIP64_EOCD) {
            throw truncated();
        }
        return u64(zip, (int) record + 48);
    }

    /** Finds the real sizes in a zip64 extra field; the field lists only those set to 0xFFFFFFFF. */
    private static long[] zip64Sizes(byte[] zip, int start, int length, long size, long compressed) {
        int p = start;
        int end = start + length;
        while (p + 4 <= end) {
            int id = u16(zip, p);
            int dataLength = u16(zip, p + 2);
            int data = p + 4;
            if (data + dataLength > end) {
                break;
            }
            if (id == 0x0001) {
                int q = data;
                if (size == UNSET32 && q + 8 <= data + dataLength) {
                    size = u64(zip, q);
                    q += 8;
                }
                if (compressed == UNSET32 && q + 8 <= data + dataLength) {
                    compressed = u64(zip, q);
                }
                return new long[]{size, compressed};
            }
            p = data + dataLength;
        }
        // No zip64 field: the 32-bit marker is all we know; judge it as written.
        return new long[]{size, compressed};
    }

    private static ImportException truncated() {
        return new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                "the file is not a complete .xlsx workbook (its zip directory is missing or broken; the upload may be"
                        + " cut short); save it again as 'Excel Workbook (.xlsx)' and send it again");
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int i32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int p) {
        return i32(b, p) & UNSET32;
    }

    private static long u64(byte[] b, int p) {
        return u32(b, p) | u32(b, p + 4) << 32;
    }
}
