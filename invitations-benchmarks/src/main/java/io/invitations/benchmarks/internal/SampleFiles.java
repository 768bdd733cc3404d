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
import java.util.List;

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
