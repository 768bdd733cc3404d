package io.invitations.excel;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile XML shapes refused in a small heap: the surefire execution {@code small-heap} in this
 * module's pom runs the classes named {@code *SmallHeapTest} with {@code -Xmx32m}. A part that opens
 * hundreds of thousands of nested elements and never closes them passes every size and ratio limit
 * (random element names keep it from compressing well); without a depth limit the XML parser's
 * element stack alone needs far more than this heap.
 */
@DisplayName("XlsxImporter streams 100,000 rows and refuses deeply nested XML in a small heap (32 MB)")
class XlsxSmallHeapTest {
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String HEADER = inlineRow(1, "A", "email");
    private static final int NESTED = 300_000;
    private static final int ROWS = 100_000;

    @BeforeAll
    static void smallHeap() {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max <= 40L * 1024 * 1024,
                "runs in the 'small-heap' surefire execution (-Xmx32m); this JVM allows " + max + " bytes");
    }

    /** About 2 MB of elements with random five-letter names, opened and never closed. */
    static String nestedElements(long seed) {
        Random random = new Random(seed);
        StringBuilder xml = new StringBuilder(NESTED * 8);
        char[] name = new char[5];
        for (int i = 0; i < NESTED; i++) {
            for (int j = 0; j < name.length; j++) {
                name[j] = (char) ('a' + random.nextInt(26));
            }
            xml.append('<').append(name).append('>');
        }
        return xml.toString();
    }

    /** A 100,000-row workbook of inline strings, zipped as it is written. */
    static byte[] hundredThousandRows() throws IOException {
        Map<String, byte[]> parts = HandMadeXlsx.create().sheet("S", "").parts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                if (part.getKey().equals(SHEET)) {
                    StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData>"
                            + inlineRow(1, "A", "email", "B", "first name", "C", "last name", "D", "role"));
                    for (int r = 2; r <= ROWS + 1; r++) {
                        xml.append(inlineRow(r, "A", "person" + r + "@example.com", "B", "Given" + r, "C", "Family" + r,
                                "D", "member"));
                        if (xml.length() > 1 << 16) {
                            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                            xml.setLength(0);
                        }
                    }
                    zip.write(xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(part.getValue());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("a 100,000-row workbook is streamed to a consumer that counts")
    void hundredThousandRowsStreamed() throws IOException {
        byte[] file = hundredThousandRows();
        AtomicInteger count = new AtomicInteger();
        InvitationRow[] last = new InvitationRow[1];

        XlsxImportSummary summary = XlsxImporter.forEachRow(new ByteArrayInputStream(file),
                XlsxImportOptions.defaults(), row -> {
                    count.incrementAndGet();
                    last[0] = row;
                });

        assertThat(summary.rows()).isEqualTo(ROWS);
        assertThat(summary.headers()).containsExactly("email", "first name", "last name", "role");
        assertThat(count).hasValue(ROWS);
        assertThat(last[0].rowNumber()).isEqualTo(ROWS + 1);
        assertThat(last[0].email()).isEqualTo("person" + (ROWS + 1) + "@example.com");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {SHEET, "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml",
            "_rels/.rels", "xl/_rels/workbook.xml.rels"})
    @DisplayName("a part opening 300,000 nested elements is refused with a typed error naming maxElementDepth")
    void nestedElementBomb(String part) {
        Map<String, byte[]> parts = HandMadeXlsx.create().sharedStrings(List.of("email"))
                .styles("").sheet("S", HEADER).parts();
        String original = new String(parts.get(part), StandardCharsets.UTF_8);
        int close = original.indexOf('>', original.indexOf('<', original.startsWith("<?") ? 2 : 0) + 1);
        String hostile = original.substring(0, close + 1) + nestedElements(part.hashCode());
        parts.put(part, hostile.getBytes(StandardCharsets.UTF_8));
        byte[] file = HandMadeXlsx.zip(parts);
        assertThat(file.length).isLessThan((int) XlsxLimits.DEFAULT_MAX_UPLOAD_BYTES);

        Throwable thrown = catchThrowable(() -> XlsxImporter.read(new ByteArrayInputStream(file)));

        assertThat(thrown).isInstanceOf(ImportException.class);
        ImportException e = (ImportException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains(part, "nested more than 64 deep", "XlsxLimits.maxElementDepth");
    }
}
