package io.invitations.benchmarks.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a workbook the way most code does it: POI's user model ({@link XSSFWorkbook}), which loads
 * the whole workbook into memory, then every cell of the first sheet as the text Excel shows
 * ({@link DataFormatter}). This is the baseline the streaming importer is compared with.
 */
public final class UserModelReader {
    private UserModelReader() {
    }

    /**
     * Opens the workbook from a stream, as an upload arrives, and reads every cell's text.
     *
     * @param file the {@code .xlsx} file
     * @return the number of characters read, so that the work cannot be dropped
     * @throws UncheckedIOException when the file cannot be read
     */
    public static long readAllCells(Path file) {
        DataFormatter formatter = new DataFormatter();
        long chars = 0;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    chars += formatter.formatCellValue(cell).length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chars;
    }
}
