package io.invitations.excel;

import io.invitations.core.bulk.ImportException;
import io.invitations.spi.ErrorCode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static io.invitations.excel.XlsxImporterTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("XlsxImporter refuses broken and hostile files with typed errors")
class XlsxImportSafetyTest {
    private static final String HEADER = inlineRow(1, "A", "email");
    /** How OLE2 compound files start: old .xls workbooks and password-protected (encrypted) .xlsx. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    static ImportException refusal(byte[] file, XlsxImportOptions options) {
        try {
            read(file, options);
        } catch (ImportException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    static ImportException refusal(byte[] file) {
        return refusal(file, XlsxImportOptions.defaults());
    }

    static XlsxImportOptions limits(XlsxLimits.Builder limits) {
        return XlsxImportOptions.builder().limits(limits.build()).build();
    }

    @Nested
    @DisplayName("files that are not .xlsx workbooks")
    class NotWorkbooks {
        @Test
        @DisplayName("an empty file")
        void empty() {
            ImportException e = refusal(new byte[0]);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.getMessage()).contains("empty");
        }

        @Test
        @DisplayName("a CSV file given to the Excel importer")
        void csv() {
            ImportException e = refusal("email;first name\r\na@example.com;Ana\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.getMessage()).contains("not an .xlsx workbook", "CSV importer");
        }

        @Test
        @DisplayName("an old Excel 97-2003 .xls workbook")
        void oldXls() {
            byte[] xls = Arrays.copyOf(OLE2, 4096);
            ImportException e = refusal(xls);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.getMessage()).contains(".xls", "save it as 'Excel Workbook (.xlsx)'");
        }

        @Test
        @DisplayName("a password-protected workbook (an encrypted package)")
        void encrypted() {
            byte[] file = Arrays.copyOf(OLE2, 4096);
            byte[] marker = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(marker, 0, file, 1024, marker.length);
            ImportException e = refusal(file);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.getMessage()).contains("password");
        }

        @Test
        @DisplayName("a zip archive that is no workbook, and one cut short")
        void otherZipAndTruncated() {
            byte[] other = HandMadeXlsx.zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(refusal(other).code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);

            byte[] whole = HandMadeXlsx.create().sheet("S", HEADER).bytes();
            ImportException cut = refusal(Arrays.copyOf(whole, whole.length / 2));
            assertThat(cut.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(cut.getMessage()).contains("not a complete .xlsx workbook");
        }

        @Test
        @DisplayName("an OpenDocument spreadsheet (.ods)")
        void ods() {
            Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
            parts.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            parts.put("settings.xml", "<office:document-settings/>".getBytes(StandardCharsets.UTF_8));
            parts.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            ImportException e = refusal(HandMadeXlsx.zip(parts));
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.getMessage()).contains(".ods", "save it as 'Excel Workbook (.xlsx)'");
        }

        @Test
        @DisplayName("a cell that refers to a shared string the workbook does not have")
        void missingSharedString() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>").bytes();
            ImportException e = refusal(xlsx);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
            assertThat(e.rowNumber()).isEqualTo(1);
            assertThat(e.getMessage()).contains("cell A1", "shared string '7'");
        }
    }

    @Nested
    @DisplayName("unsafe content")
    class Unsafe {
        private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM"
                + " \"file:///etc/passwd\">]>";

        @Test
        @DisplayName("a DOCTYPE with an external entity in the worksheet")
        void doctypeInSheet() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER).entry("xl/worksheets/sheet1.xml", XXE
                    + "<worksheet xmlns=\"" + HandMadeXlsx.MAIN_NS + "\"><sheetData>" + HEADER
                    + inlineRow(2, "A", "&xxe;") + "</sheetData></worksheet>").bytes();

            ImportException e = refusal(xlsx);

            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_UNSAFE);
            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml", "DOCTYPE").doesNotContain("root:");
        }

        @Test
        @DisplayName("a DOCTYPE in a part POI parses itself (content types, relationships)")
        void doctypeInPackageParts() {
            HandMadeXlsx base = HandMadeXlsx.create().sheet("S", HEADER);
            for (String part : new String[]{"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels",
                    "xl/workbook.xml"}) {
                String xml = new String(base.parts().get(part), StandardCharsets.UTF_8);
                byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER).entry(part, XXE + xml).bytes();

                ImportException e = refusal(xlsx);

                assertThat(e.code()).as(part).isEqualTo(ErrorCode.IMPORT_UNSAFE);
                assertThat(e.getMessage()).as(part).contains(part);
            }
        }

        @Test
        @DisplayName("an entity bomb in the shared strings, and a DOCTYPE in a UTF-16 part")
        void entityBombAndUtf16() {
            String lol = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
            byte[] bomb = HandMadeXlsx.create().sharedStrings(java.util.List.of("email"))
                    .entry("xl/sharedStrings.xml", lol + "<sst xmlns=\"" + HandMadeXlsx.MAIN_NS
                            + "\"><si><t>&lol2;</t></si></sst>")
                    .sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>").bytes();
            assertThat(refusal(bomb).code()).isEqualTo(ErrorCode.IMPORT_UNSAFE);

            String sheet = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY x \"y\">]><worksheet xmlns=\""
                    + HandMadeXlsx.MAIN_NS + "\"><sheetData>" + HEADER + "</sheetData></worksheet>";
            byte[] utf16 = HandMadeXlsx.create().sheet("S", HEADER)
                    .entry("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_16)).bytes();
            assertThat(refusal(utf16).code()).isEqualTo(ErrorCode.IMPORT_UNSAFE);
        }

        @Test
        @DisplayName("a workbook with macros")
        void macros() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER).entry("xl/vbaProject.bin", new byte[64]).bytes();
            ImportException e = refusal(xlsx);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_UNSAFE);
            assertThat(e.getMessage()).contains("macros");
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("an upload larger than the limit")
        void uploadSize() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER).bytes();
            ImportException e = refusal(xlsx, limits(XlsxLimits.builder().maxUploadBytes(xlsx.length - 1)));
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("larger than",
                    String.format(java.util.Locale.ROOT, "%,d bytes", xlsx.length - 1));
        }

        @Test
        @DisplayName("an archive listing more entries than the limit")
        void entries() {
            HandMadeXlsx many = HandMadeXlsx.create().sheet("S", HEADER);
            for (int i = 0; i < 20; i++) {
                many.entry("docProps/extra" + i + ".bin", new byte[1]);
            }
            ImportException e = refusal(many.bytes(), limits(XlsxLimits.builder().maxEntries(10)));
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("more than 10 files");
        }

        @Test
        @DisplayName("an entry that declares a high expansion ratio (a zip bomb) is refused before it is read")
        void declaredBomb() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER + "<!--" + " ".repeat(2_000_000) + "-->").bytes();
            ImportException e = refusal(xlsx);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml", "100 times", "zip bomb");
        }

        @Test
        @DisplayName("an entry whose directory lies about its size is stopped while it expands")
        void lyingBomb() {
            byte[] xlsx = ZipBombs.lyingAboutSize(HandMadeXlsx.create()
                    .sheet("S", HEADER + "<!--" + " ".repeat(2_000_000) + "-->").bytes(), "xl/worksheets/sheet1.xml");
            ImportException e = refusal(xlsx);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml", "zip bomb");
        }

        @Test
        @DisplayName("expanded sizes above the part, entry or total limits")
        void expandedSizes() {
            String rows = HEADER + inlineRow(2, "A", "a".repeat(20_000) + "@example.com");
            byte[] xlsx = HandMadeXlsx.create().sheet("S", rows).bytes();
            XlsxLimits.Builder loose = XlsxLimits.builder().minInflateRatio(0.0001);

            ImportException entry = refusal(xlsx, limits(loose.maxEntryBytes(10_000)));
            assertThat(entry.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(entry.getMessage()).contains("sheet1.xml", "10,000 bytes");

            ImportException part = refusal(xlsx, limits(loose.maxEntryBytes(1_000_000).maxBufferedPartBytes(100)));
            assertThat(part.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);

            ImportException total = refusal(xlsx, limits(loose.maxBufferedPartBytes(1_000_000).maxTotalBytes(15_000)));
            assertThat(total.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(total.getMessage()).contains("15,000 bytes");
        }

        @Test
        @DisplayName("more rows than the limit are refused at the first row past it")
        void rows() {
            StringBuilder sheet = new StringBuilder(HEADER);
            for (int r = 2; r <= 50; r++) {
                sheet.append(inlineRow(r, "A", "p" + r + "@example.com"));
            }
            byte[] xlsx = HandMadeXlsx.create().sheet("S", sheet.toString()).bytes();

            ImportException e = refusal(xlsx, limits(XlsxLimits.builder().maxRows(10)));

            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.rowNumber()).isEqualTo(12);
            assertThat(e.getMessage()).contains("more than 10 rows", "split");
            assertThat(read(xlsx, limits(XlsxLimits.builder().maxRows(49))).rows()).hasSize(49);
        }

        @Test
        @DisplayName("more cells or characters than the limits, and a cell longer than Excel allows")
        void cellsAndCharacters() {
            String rows = inlineRow(1, "A", "email", "B", "first name") + inlineRow(2, "A", "a@example.com", "B", "Ana")
                    + inlineRow(3, "A", "b@example.com", "B", "Bo");
            byte[] xlsx = HandMadeXlsx.create().sheet("S", rows).bytes();

            assertThat(refusal(xlsx, limits(XlsxLimits.builder().maxCells(5))).getMessage()).contains("5 filled cells");
            assertThat(refusal(xlsx, limits(XlsxLimits.builder().maxTextChars(30))).getMessage())
                    .contains("30 characters");

            byte[] longCell = HandMadeXlsx.create().sheet("S", HEADER + inlineRow(2, "A", "x".repeat(32_768))).bytes();
            ImportException e = refusal(longCell);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("cell A2", "32,767");
        }

        @Test
        @DisplayName("limits are the importer's own: POI's JVM-wide settings are left as they were")
        void poiStaticsUntouched() {
            double ratio = ZipSecureFile.getMinInflateRatio();
            long entry = ZipSecureFile.getMaxEntrySize();
            int override = IOUtils.getByteArrayMaxOverride();
            byte[] xlsx = HandMadeXlsx.create().sheet("S", HEADER + inlineRow(2, "A", "a@example.com")).bytes();

            read(xlsx, limits(XlsxLimits.builder().minInflateRatio(0.5).maxEntryBytes(1_000_000)));

            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(ratio);
            assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(entry);
            assertThat(IOUtils.getByteArrayMaxOverride()).isEqualTo(override);
        }
    }
}
