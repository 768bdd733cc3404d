package io.invitations.excel;

import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.spi.ErrorCode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded fuzzing: thousands of random and mutated inputs. Each one must either import (with sane
 * row numbers) or be refused with a typed {@link ImportException}; nothing else may escape, and
 * nothing may be written to disk. Run again with {@code -Dfuzz.seed=N} to replay a failure.
 */
@DisplayName("XlsxImporter under seeded fuzzing")
class XlsxImportFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 800);
    private static final Set<ErrorCode> IMPORT_CODES = Set.of(ErrorCode.IMPORT_INVALID_FILE,
            ErrorCode.IMPORT_LIMIT_EXCEEDED, ErrorCode.IMPORT_UNSAFE);
    private static final String[] XML_TOKENS = {"<", ">", "\"", "&", "&amp;", "&#0;", "<!DOCTYPE x>", "<c>", "</c>",
            "<row>", "</row>", "<row r=\"0\">", "<row r=\"9999999\">", " r=\"ZZZZ9\"", " r=\"XFE1\"", " t=\"s\"",
            " t=\"b\"", " t=\"e\"", " t=\"d\"", " t=\"inlineStr\"", " s=\"99\"", "<v>99999</v>", "<v>NaN</v>",
            "<v>1E+308</v>", "<v>-1</v>", "<is><t>x</t></is>", "_x0000_", "<rPh>", "</sheetData>", "\u0000", "é", "\uD800"};
    private static final String[] PART_NAMES = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"};

    @Test
    @DisplayName("random and mutated inputs import or are refused with a typed error, and write nothing")
    void neverEscapesUntyped() throws IOException {
        System.out.println("XlsxImportFuzzTest seed=" + SEED + " cases=" + CASES);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        List<byte[]> seeds = List.of(filledTemplate(), handMade(), exported());
        List<Path> filesBefore = files(tmp);
        XlsxImportOptions options = XlsxImportOptions.builder()
                .limits(XlsxLimits.builder().maxRows(200).maxUploadBytes(1 << 20).build()).build();
        Random random = new Random(SEED);
        int imported = 0;
        int refused = 0;

        for (int i = 0; i < CASES; i++) {
            int strategy = random.nextInt(7);
            byte[] input = switch (strategy) {
                case 0 -> flipBytes(pick(seeds, random), random);
                case 1 -> truncate(pick(seeds, random), random);
                case 2 -> mutateXml(pick(seeds, random), random);
                case 3 -> mutateXml(mutateXml(pick(seeds, random), random), random);
                case 4 -> randomZip(random);
                case 5 -> reshape(pick(seeds, random), random);
                default -> randomBytes(random);
            };
            try {
                // every other case through the streaming call, which must behave the same
                XlsxImportResult result = i % 2 == 0
                        ? XlsxImporter.read(new ByteArrayInputStream(input), options)
                        : streamed(input, options);
                assertThat(result.headerRowNumber()).isBetween(1, 1_048_576);
                assertThat(result.rows()).allSatisfy(r -> assertThat(r.rowNumber()).isBetween(1, 1_048_576));
                assertThat(result.rows()).extracting(InvitationRow::isBlank).doesNotContain(true);
                imported++;
            } catch (ImportException e) {
                if (!IMPORT_CODES.contains(e.code()) || e.getMessage() == null || e.getMessage().isBlank()) {
                    fail(replay(i, strategy) + ": refused without a proper code or message", e);
                }
                refused++;
            } catch (Throwable t) {
                fail(replay(i, strategy) + ": escaped as " + t.getClass().getName(), t);
            }
        }

        System.out.println("XlsxImportFuzzTest imported=" + imported + " refused=" + refused);
        assertThat(imported).as("some mutants stay readable, so the readers' deep paths ran").isPositive();
        assertThat(refused).isPositive();
        assertThat(files(tmp)).as("importing writes no file").isEqualTo(filesBefore);
    }

    private static String replay(int index, int strategy) {
        return "case " + index + " (strategy " + strategy + ") failed; replay with -Dfuzz.seed=" + SEED;
    }

    private static byte[] pick(List<byte[]> seeds, Random random) {
        return seeds.get(random.nextInt(seeds.size()));
    }

    private static byte[] flipBytes(byte[] seed, Random random) {
        byte[] copy = seed.clone();
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] truncate(byte[] seed, Random random) {
        return java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
    }

    /** Unzips, mutates the text of one or two parts (or drops one), zips again: the zip stays valid. */
    private static byte[] mutateXml(byte[] zip, Random random) {
        Map<String, byte[]> parts = unzip(zip);
        if (parts.isEmpty()) {
            return zip;
        }
        List<String> names = new ArrayList<>(parts.keySet());
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(10) == 0) {
            parts.remove(name);
            return HandMadeXlsx.zip(parts);
        }
        StringBuilder xml = new StringBuilder(new String(parts.get(name), StandardCharsets.UTF_8));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && xml.length() > 0; e++) {
            int at = random.nextInt(xml.length());
            switch (random.nextInt(4)) {
                case 0 -> xml.insert(at, XML_TOKENS[random.nextInt(XML_TOKENS.length)]);
                case 1 -> xml.delete(at, Math.min(xml.length(), at + 1 + random.nextInt(20)));
                case 2 -> xml.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> {
                    int from = random.nextInt(xml.length());
                    xml.insert(at, xml.substring(from, Math.min(xml.length(), from + random.nextInt(200))));
                }
            }
        }
        parts.put(name, xml.toString().getBytes(StandardCharsets.UTF_8));
        return HandMadeXlsx.zip(parts);
    }

    private static XlsxImportResult streamed(byte[] input, XlsxImportOptions options) {
        List<InvitationRow> rows = new ArrayList<>();
        XlsxImportSummary summary = XlsxImporter.forEachRow(new ByteArrayInputStream(input), options, rows::add);
        assertThat(summary.rows()).isEqualTo(rows.size());
        return new XlsxImportResult(summary.sheetName(), summary.headerRowNumber(), summary.headers(), rows);
    }

    /** Deep nesting, many attributes or a long attribute value, at a random place of a random part. */
    private static byte[] reshape(byte[] zip, Random random) {
        Map<String, byte[]> parts = unzip(zip);
        if (parts.isEmpty()) {
            return zip;
        }
        List<String> names = new ArrayList<>(parts.keySet());
        String name = names.get(random.nextInt(names.size()));
        String xml = new String(parts.get(name), StandardCharsets.UTF_8);
        int close = xml.indexOf('>', random.nextInt(Math.max(1, xml.length())));
        int at = close < 0 ? xml.length() : close + 1;
        String insert = switch (random.nextInt(3)) {
            case 0 -> "<x>".repeat(1 + random.nextInt(120)) + (random.nextBoolean() ? "</x>".repeat(random.nextInt(120))
                    : "");
            case 1 -> "<y " + IntStream.range(0, 1 + random.nextInt(100))
                    .mapToObj(k -> "a" + k + "=\"" + k + "\"").collect(Collectors.joining(" ")) + "/>";
            default -> "<z v=\"" + "v".repeat(random.nextInt(12_000)) + "\"/>";
        };
        parts.put(name, (xml.substring(0, at) + insert + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
        return HandMadeXlsx.zip(parts);
    }

    private static byte[] randomZip(Random random) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        int entries = 1 + random.nextInt(7);
        for (int i = 0; i < entries; i++) {
            String name = random.nextInt(4) == 0 ? "x" + random.nextInt(100) : PART_NAMES[random.nextInt(PART_NAMES.length)];
            StringBuilder content = new StringBuilder();
            int tokens = random.nextInt(30);
            for (int t = 0; t < tokens; t++) {
                content.append(XML_TOKENS[random.nextInt(XML_TOKENS.length)]);
            }
            parts.put(name, content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HandMadeXlsx.zip(parts);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        if (bytes.length >= 4 && random.nextBoolean()) {
            bytes[0] = 'P';
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
        }
        return bytes;
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                try (InputStream data = in.getInputStream(e)) {
                    parts.put(e.getName(), data.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static byte[] filledTemplate() throws IOException {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        XlsxTemplate.write(blank, TemplateOptions.builder().roles(List.of("member", "admin")).build());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            sheet.createRow(1).createCell(0).setCellValue("zoe@example.com");
            sheet.getRow(1).createCell(1).setCellValue("Zoë");
            sheet.getRow(1).createCell(3).setCellValue("admin");
            sheet.createRow(2).createCell(0).setCellValue(42);
            sheet.getRow(2).createCell(4).setCellValue("a; b");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] handMade() {
        return HandMadeXlsx.create().sharedStrings(List.of("email", "first name", "ana@example.com"))
                .styles("<numFmts><numFmt numFmtId=\"164\" formatCode=\"0000\"/></numFmts>"
                        + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs>")
                .sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><t>start</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c t=\"b\"><v>1</v></c>"
                        + "<c s=\"1\"><v>45352</v></c></row>"
                        + "<row r=\"4\"><c r=\"A4\" s=\"2\"><v>12</v></c><c r=\"B4\" t=\"e\"><v>#REF!</v></c></row>"
                        + inlineRow(5, "A", "bo@example.com", "B", "Bö"))
                .bytes();
    }

    private static byte[] exported() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxStatusExport.write(out, List.of(), java.time.Instant.EPOCH);
        return out.toByteArray();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
