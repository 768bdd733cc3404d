package io.invitations.excel;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile files refused with the default limits inside a 64 MB heap: the surefire execution
 * {@code bounded-memory} in this module's pom runs the classes named {@code *BoundedMemoryTest} with
 * {@code -Xmx64m}. Each file below expands to far more than 64 MB (or would make millions of rows),
 * so being refused with a typed error instead of an {@link OutOfMemoryError} is the proof.
 */
@DisplayName("XlsxImporter refuses hostile files in bounded memory (64 MB heap)")
class XlsxImportBoundedMemoryTest {
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String HEADER = inlineRow(1, "A", "email");

    /** A worksheet expanding to 512 MiB of spaces after a valid header row: about 1000 times its size. */
    private static byte[] bomb;

    @BeforeAll
    static void smallHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max <= 80L * 1024 * 1024,
                "runs in the 'bounded-memory' surefire execution (-Xmx64m); this JVM allows " + max + " bytes");
        bomb = ZipBombs.spaceBomb(HandMadeXlsx.create().sheet("S", HEADER).parts(), SHEET, HEADER, 512);
    }

    private static ImportException refusal(byte[] file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> XlsxImporter.read(new ByteArrayInputStream(file)));
        assertThat(thrown).isInstanceOf(ImportException.class);
        return (ImportException) thrown;
    }

    @Test
    @DisplayName("a zip bomb (a worksheet expanding to 512 MiB, about 1000 times its size) is refused")
    void zipBomb() {
        assertThat(bomb.length).isLessThan(1024 * 1024);

        ImportException e = refusal(bomb);

        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains(SHEET);
    }

    @Test
    @DisplayName("the same bomb whose zip directory lies about its size is stopped while it expands")
    void lyingZipBomb() {
        byte[] lying = ZipBombs.lyingAboutSize(bomb, SHEET);

        ImportException e = refusal(lying);

        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains(SHEET, "zip bomb");
    }

    @Test
    @DisplayName("a DOCTYPE with an external entity and a billion-laughs entity bomb is refused as unsafe")
    void doctype() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [")
                .append("<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String sheet = dtd + "<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData>" + HEADER
                + inlineRow(2, "A", "&lol10;") + inlineRow(3, "A", "&xxe;") + "</sheetData></worksheet>";
        byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER).entry(SHEET, sheet).bytes();

        ImportException e = refusal(xlsx);

        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_UNSAFE);
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    @DisplayName("a sheet of two million rows is refused at the first row past the 100,000-row limit")
    void millionsOfRows() throws IOException {
        int rows = 2_000_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, byte[]> parts = HandMadeXlsx.create().sharedStrings(List.of("email", "someone@example.com"))
                .sheet("S", "").parts();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                if (part.getKey().equals(SHEET)) {
                    StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData>"
                            + "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>");
                    for (int r = 2; r <= rows; r++) {
                        xml.append("<row r=\"").append(r).append("\"><c t=\"s\"><v>1</v></c></row>");
                        if (xml.length() > 1 << 16) {
                            zip.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
                            xml.setLength(0);
                        }
                    }
                    zip.write(xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.US_ASCII));
                } else {
                    zip.write(part.getValue());
                }
                zip.closeEntry();
            }
        }

        ImportException e = refusal(out.toByteArray());

        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        assertThat(e.rowNumber()).isEqualTo(XlsxLimits.DEFAULT_MAX_ROWS + 2);
        assertThat(e.getMessage()).contains("more than 100,000 rows");
    }

    @Test
    @DisplayName("an archive listing a hundred thousand entries is refused before any is opened")
    void manyEntries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            for (int i = 0; i < 100_000; i++) {
                ZipEntry entry = new ZipEntry(Integer.toString(i, 36));
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan((int) XlsxLimits.DEFAULT_MAX_UPLOAD_BYTES);

        assertThatThrownBy(() -> XlsxImporter.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED));
    }
}
