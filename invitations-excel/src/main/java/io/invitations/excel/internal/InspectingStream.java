package io.invitations.excel.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that shows every byte it passes on to {@link #inspect}, which may stop the read. All reads
 * (single bytes, arrays, skips) go through the array read, so nothing slips past.
 */
abstract class InspectingStream extends FilterInputStream {
    InspectingStream(InputStream in) {
        super(in);
    }

    /**
     * Looks at bytes just read, before the caller sees them.
     *
     * @param b   the buffer
     * @param off where the new bytes start
     * @param n   how many were read, at least 1
     * @throws StoppedReading to refuse them
     */
    abstract void inspect(byte[] b, int off, int n) throws StoppedReading;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            inspect(b, off, n);
        }
        return n;
    }

    @Override
    public final long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }
}
