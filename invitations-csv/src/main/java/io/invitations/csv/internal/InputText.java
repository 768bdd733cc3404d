package io.invitations.csv.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an upload into text, refusing what is not text before any parser sees it: more bytes than
 * the limit, a ZIP or OLE2 workbook, bytes that are not valid in the charset, NUL characters. A
 * byte-order mark decides the charset (UTF-8, UTF-16 LE/BE) and is removed.
 */
public final class InputText {
    private static final int CHUNK = 64 * 1024;

    private InputText() {
    }

    /**
     * Reads and decodes a whole stream.
     *
     * @param in       the stream; read to its end, not closed
     * @param charset  the charset to decode with when the file has no byte-order mark
     * @param maxBytes the most bytes accepted
     * @param format   the format's name for messages ("CSV", "vCard", ...)
     * @return the text, without a byte-order mark
     * @throws ImportException      when the file is too large, a workbook, not valid in the charset,
     *                              or binary
     * @throws UncheckedIOException when reading the stream fails
     */
    public static String read(InputStream in, Charset charset, long maxBytes, String format) {
        byte[] bytes = readBounded(in, maxBytes);
        refuseWorkbooks(bytes, format);
        Charset effective = charset;
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            effective = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            effective = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            effective = StandardCharsets.UTF_16BE;
            offset = 2;
        }
        String text = decode(bytes, offset, effective, format);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file holds binary data (a NUL "
                    + "character on line " + lineOf(text, nul) + "), so it is not a " + format + " text file; "
                    + "export the list again as " + format + " (UTF-8)");
        }
        return text;
    }

    /**
     * Returns the 1-based line of a character position, counting CRLF, CR and LF as line ends.
     *
     * @param text  the text
     * @param index the position
     * @return the line number
     */
    public static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static byte[] readBounded(InputStream in, long maxBytes) {
        byte[] buffer = new byte[(int) Math.min(CHUNK, maxBytes + 1)];
        int length = 0;
        try {
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) != -1) {
                length += n;
                if (length > maxBytes) {
                    throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null, "the file is larger than "
                            + maxBytes + " bytes, the limit; split it into smaller files");
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxBytes + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        return Arrays.copyOf(buffer, length);
    }

    private static void refuseWorkbooks(byte[] bytes, String format) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file is a ZIP archive (an .xlsx "
                    + "workbook?), not " + format + "; import workbooks with invitations-excel, or save the sheet as "
                    + format);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file is a legacy Office document "
                    + "(.xls?), not " + format + "; save it as .xlsx or as " + format);
        }
    }

    private static String decode(byte[] bytes, int offset, Charset charset, String format) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        int capacity = (int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1;
        CharBuffer out = CharBuffer.allocate(capacity);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            String hint = charset.equals(StandardCharsets.UTF_8)
                    ? "; save the file as UTF-8, or pass its charset (e.g. windows-1252) in the import options"
                    : "; save the file as UTF-8 and import it with the UTF-8 charset";
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the " + format + " file is not valid "
                    + charset.name() + " text (byte " + (in.position() + 1) + ", line "
                    + lineOf(before, before.length()) + ")" + hint);
        }
        out.flip();
        return out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
