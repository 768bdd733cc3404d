package io.invitations.benchmarks.internal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the benchmark input files from {@link SamplePeople}: a CSV file as Excel saves it (UTF-8,
 * CRLF, RFC 4180 quoting) and an {@code .xlsx} workbook with one sheet (shared strings, as Excel
 * writes text). Both hold the header row and then one row per person.
 */
public final class SampleFiles {
    private SampleFiles() {
    }

    /**
     * Writes {@code count} people as CSV.
     *
     * @param file  the file to create or replace
     * @param count how many data rows
     * @param seed  the random seed of {@link SamplePeople#rows(int, long)}
     * @return {@code file}
     * @throws UncheckedIOException when writing fails
     */
    public static Path csv(Path file, int count, long seed) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsvLine(out, SamplePeople.HEADER);
            for (List<String> row : SamplePeople.rows(count, seed)) {
                writeCsvLine(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes {@code count} people as an {@code .xlsx} workbook, streaming (POI's SXSSF), so that
     * writing a large file needs little memory.
     *
     * @param file  the file to create or replace
     * @param count how many data rows
     * @param seed  the random seed of {@link SamplePeople#rows(int, long)}
     * @return {@code file}
     * @throws UncheckedIOException when writing fails
     */
    public static Path xlsx(Path file, int count, long seed) {
        // shared strings as Excel writes them; SXSSF's default inline strings would be an easier case
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, true);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Invitations");
            writeXlsxRow(sheet, 0, SamplePeople.HEADER);
            int r = 1;
            for (List<String> row : SamplePeople.rows(count, seed)) {
                writeXlsxRow(sheet, r++, row);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes a hostile workbook: a valid package whose sheet, after its root element, opens
     * {@code depth} nested elements with random five-letter names (so that it compresses no better
     * than ordinary XML) and never closes them.
     *
     * @param file  the file to create or replace
     * @param depth how many nested elements
     * @return {@code file}
     * @throws UncheckedIOException when writing fails
     */
    public static Path nestedBomb(Path file, int depth) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"S\""
                + " sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
        Random random = new Random(SamplePeople.SEED);
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"" + main + "\"><sheetData>");
        char[] name = new char[5];
        for (int i = 0; i < depth; i++) {
            for (int j = 0; j < name.length; j++) {
                name[j] = (char) ('a' + random.nextInt(26));
            }
            sheet.append('<').append(name).append('>');
        }
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void writeCsvLine(Writer out, List<String> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.write(',');
            }
            String cell = cells.get(c);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
                out.write('"');
                out.write(cell.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(cell);
            }
        }
        out.write("\r\n");
    }

    private static void writeXlsxRow(Sheet sheet, int index, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
    }
}
