package io.invitations.csv.internal;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an upload as text, refusing what is not text before any parser sees it: more bytes than
 * the limit, a ZIP or OLE2 workbook, bytes that are not valid in the charset, NUL characters. A
 * byte-order mark decides the charset (UTF-8, UTF-16 LE/BE) and is removed. The text is decoded as a
 * stream ({@link #open}): only a buffer of bytes and one of characters are held, never the file.
 */
public final class InputText {
    private static final int CHUNK = 16 * 1024;

    private InputText() {
    }

    /**
     * Reads and decodes a whole stream into one string (for small files and tests).
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
        Reader reader = open(in, charset, maxBytes, format);
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[CHUNK];
        try {
            int n;
            while ((n = reader.read(buffer)) != -1) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        return text.toString();
    }

    /**
     * Opens a stream as text, decoded as it is read. The checks of {@link #read} happen as the bytes
     * arrive: the reader throws {@link ImportException} (unchecked) from {@code read} at the first byte
     * past the limit, the first byte not valid in the charset, or the first NUL character; a workbook
     * is refused at once. The stream is not closed by closing the reader.
     *
     * @param in       the stream; read as the text is read, not closed
     * @param charset  the charset to decode with when the file has no byte-order mark
     * @param maxBytes the most bytes accepted
     * @param format   the format's name for messages ("CSV", "vCard", ...)
     * @return the text
     * @throws ImportException      when the file is empty of bytes in a way that reveals a workbook
     * @throws UncheckedIOException when reading the stream fails
     */
    public static Reader open(InputStream in, Charset charset, long maxBytes, String format) {
        return new Decoding(in, charset, maxBytes, format);
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

    /** The streaming decoder: bytes in, checked characters out, with the byte and line for errors. */
    private static final class Decoding extends Reader {
        private final InputStream in;
        private final long maxBytes;
        private final String format;
        private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        private final CharBuffer chars = CharBuffer.allocate(CHUNK);
        private Charset charset;
        private CharsetDecoder decoder;
        private long bytesRead;
        /** Bytes consumed by the decoder before the current buffer, BOM included. */
        private long bytesBefore;
        private boolean eof;
        private boolean started;
        private boolean flushed;
        private CoderResult pendingError;
        private int line = 1;
        private boolean afterCr;

        Decoding(InputStream in, Charset charset, long maxBytes, String format) {
            this.in = in;
            this.charset = charset;
            this.maxBytes = maxBytes;
            this.format = format;
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!chars.hasRemaining() && !fill()) {
                return -1;
            }
            int n = Math.min(len, chars.remaining());
            chars.get(cbuf, off, n);
            return n;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }

        private void start() throws IOException {
            started = true;
            while (bytes.remaining() < 4 && more()) {
                // read until the signature can be seen
            }
            refuseWorkbooks();
            if (startsWith(0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                skip(3);
            } else if (startsWith(0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                skip(2);
            } else if (startsWith(0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                skip(2);
            }
            decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        private void skip(int n) {
            bytes.position(bytes.position() + n);
            bytesBefore += n;
        }

        /** Decodes the next characters into {@code chars}; false at the end. */
        private boolean fill() throws IOException {
            if (!started) {
                start();
            }
            if (pendingError != null) {
                throw invalid();
            }
            chars.clear();
            try {
                while (chars.position() == 0) {
                    if (flushed) {
                        return false;
                    }
                    int before = bytes.position();
                    CoderResult result = decoder.decode(bytes, chars, eof);
                    bytesBefore += bytes.position() - before;
                    if (result.isError()) {
                        if (chars.position() == 0) {
                            pendingError = result;
                            throw invalid();
                        }
                        pendingError = result;
                        break;
                    }
                    if (result.isOverflow()) {
                        break;
                    }
                    if (eof) {
                        CoderResult flush = decoder.flush(chars);
                        flushed = flush.isUnderflow();
                        if (flush.isError()) {
                            pendingError = flush;
                            if (chars.position() == 0) {
                                throw invalid();
                            }
                        }
                    } else {
                        more();
                    }
                }
            } finally {
                chars.flip();
            }
            check();
            return chars.hasRemaining();
        }

        /** Reads more bytes into the buffer; false at the end of the stream. */
        private boolean more() throws IOException {
            bytes.compact();
            try {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                    return false;
                }
                bytesRead += n;
                if (bytesRead > maxBytes) {
                    throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, 0, null, "the file is larger than "
                            + maxBytes + " bytes, the limit; split it into smaller files");
                }
                bytes.position(bytes.position() + n);
                return true;
            } finally {
                bytes.flip();
            }
        }

        /** Counts lines in the characters about to be handed out, and refuses NUL. */
        private void check() {
            for (int i = chars.position(); i < chars.limit(); i++) {
                char c = chars.get(i);
                if (c == '\0') {
                    throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file holds binary data (a NUL"
                            + " character on line " + line + "), so it is not a " + format + " text file; export the "
                            + "list again as " + format + " (UTF-8)");
                }
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                    afterCr = false;
                } else if (c == '\r') {
                    line++;
                    afterCr = true;
                } else {
                    afterCr = false;
                }
            }
        }

        private ImportException invalid() {
            // the characters before the bad bytes were handed out (and counted) already
            String hint = charset.equals(StandardCharsets.UTF_8)
                    ? "; save the file as UTF-8, or pass its charset (e.g. windows-1252) in the import options"
                    : "; save the file as UTF-8 and import it with the UTF-8 charset";
            return new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the " + format + " file is not valid "
                    + charset.name() + " text (byte " + (bytesBefore + 1) + ", line " + line + ")" + hint);
        }

        private void refuseWorkbooks() {
            if (startsWith('P', 'K', 3, 4)) {
                throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file is a ZIP archive (an "
                        + ".xlsx workbook?), not " + format + "; import workbooks with invitations-excel, or save the "
                        + "sheet as " + format);
            }
            if (startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
                throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null, "the file is a legacy Office "
                        + "document (.xls?), not " + format + "; save it as .xlsx or as " + format);
            }
        }

        private boolean startsWith(int... prefix) {
            if (bytes.remaining() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes.get(bytes.position() + i) & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
