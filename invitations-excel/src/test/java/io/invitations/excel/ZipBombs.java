package io.invitations.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds hostile archives: entries that expand enormously, and directories that lie about it. */
final class ZipBombs {
    private ZipBombs() {
    }

    /**
     * Rewrites (a copy of) the central directory so that {@code entry} declares an expanded size equal
     * to its compressed size: only the real bytes can tell it is a bomb.
     */
    static byte[] lyingAboutSize(byte[] original, String entry) {
        byte[] zip = original.clone();
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (zip[p] == 'P' && zip[p + 1] == 'K' && zip[p + 2] == 1 && zip[p + 3] == 2
                    && u16(zip, p + 28) == name.length && matches(zip, p + 46, name)) {
                System.arraycopy(zip, p + 20, zip, p + 24, 4);
                return zip;
            }
        }
        throw new IllegalArgumentException("no entry " + entry);
    }

    /**
     * A workbook whose worksheet is a valid header row followed by {@code megabytes} MiB of spaces
     * inside a comment, streamed into the archive without ever being held in memory.
     */
    static byte[] spaceBomb(Map<String, byte[]> parts, String sheetEntry, String headerRows, int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(sheetEntry)) {
                    zip.write(("<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData>" + headerRows
                            + "<!--").getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(spaces);
                    }
                    zip.write("--></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean matches(byte[] zip, int at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (zip[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }
}
