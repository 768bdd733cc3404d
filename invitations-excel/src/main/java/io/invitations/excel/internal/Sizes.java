package io.invitations.excel.internal;

import java.util.Locale;

/** Byte counts and numbers as people read them in messages. */
final class Sizes {
    private Sizes() {
    }

    /**
     * Describes a byte count, e.g. {@code "10 MiB (10,485,760 bytes)"}.
     *
     * @param bytes the count
     * @return the description
     */
    static String describe(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB (" + exact + ")";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + exact + ")";
        }
        return exact;
    }

    /**
     * Writes a count with thousands separators, e.g. {@code "100,000"}.
     *
     * @param n the count
     * @return the text
     */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
