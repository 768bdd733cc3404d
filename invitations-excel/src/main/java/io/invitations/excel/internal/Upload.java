package io.invitations.excel.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.apiguardian.api.API;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The uploaded bytes, copied once with a cap, and what kind of file they start like. Only a zip
 * archive goes on to be opened; everything else is refused here with a message saying what the file
 * looks like and what to do.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Upload {
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

    private Upload() {
    }

    /**
     * Reads the whole stream, refusing more than {@code maxBytes}. The stream is not closed.
     *
     * @param in       the upload
     * @param maxBytes the largest size accepted
     * @return the bytes
     * @throws ImportException {@link ErrorCode#IMPORT_LIMIT_EXCEEDED} when the upload is larger,
     *                         {@link ErrorCode#IMPORT_INVALID_FILE} when it cannot be read
     */
    public static byte[] read(InputStream in, long maxBytes) {
        Objects.requireNonNull(in, "in");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null,
                            "the file is larger than " + Sizes.describe(maxBytes) + ", the most this importer accepts;"
                                    + " split the list into several files");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                    "the upload could not be read to its end (" + e.getClass().getSimpleName() + "); send it again", e);
        }
        return out.toByteArray();
    }

    /**
     * Refuses anything that does not start like a zip archive, naming what it looks like instead.
     *
     * @param bytes the upload
     * @throws ImportException {@link ErrorCode#IMPORT_INVALID_FILE} unless the bytes start like a zip archive
     */
    public static void requireZip(byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("the file is empty; choose the filled-in .xlsx workbook");
        }
        if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) {
            return;
        }
        if (startsWith(bytes, OLE2)) {
            if (indexOf(bytes, ENCRYPTION_INFO) >= 0) {
                throw invalid("the workbook is protected by a password and cannot be read; remove the password"
                        + " (File > Info > Protect Workbook) and save it again as .xlsx");
            }
            throw invalid("this is an Excel 97-2003 (.xls) workbook; open it and save it as"
                    + " 'Excel Workbook (.xlsx)'");
        }
        throw invalid("the file is not an .xlsx workbook (it does not start like one); if it is a CSV or text file,"
                + " import it with the CSV importer, otherwise save it as 'Excel Workbook (.xlsx)'");
    }

    private static ImportException invalid(String message) {
        return new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, message);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
