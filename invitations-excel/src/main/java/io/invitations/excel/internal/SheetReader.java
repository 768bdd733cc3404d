package io.invitations.excel.internal;

import io.invitations.core.bulk.ColumnMapping;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.excel.XlsxImportSummary;
import io.invitations.excel.XlsxLimits;
import io.invitations.spi.ErrorCode;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one worksheet as SAX events, row by row, never holding more than the current row: each
 * row goes to the consumer as soon as it ends. The first non-blank row is the header, resolved by the same
 * {@link ColumnMapping} as CSV; after it only the columns the mapping keeps are captured. Row
 * numbers are the ones Excel shows ({@code r} attribute); cells without a reference follow the one
 * before, so sparse rows land in the right columns. Not thread-safe; one per sheet.
 */
final class SheetReader extends DefaultHandler {
    /** Excel's last row. */
    private static final int MAX_ROW = 1_048_576;
    /** Excel's last column (XFD), 0-based. */
    private static final int MAX_COLUMN = 16_383;

    private enum Kind { TEXT, NUMBER, DATE, BOOLEAN, ERROR, UNCALCULATED }

    private record Cell(Kind kind, String text) {
    }

    private final String sheetName;
    private final SharedStrings strings;
    private final CellFormats formats;
    private final ColumnMapping mapping;
    private final XlsxLimits limits;

    private final Map<Integer, Cell> row = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final Consumer<? super InvitationRow> consumer;
    private int rowCount;

    private int rowNumber;
    private int column;
    private String type;
    private int style;
    private boolean capture;
    private boolean inValue;
    private boolean formula;
    private boolean valued;
    private boolean inInline;
    private boolean inInlineText;
    private int phoneticDepth;
    private boolean inSheetData;

    private int headerRow;
    private List<String> headers;
    private ColumnMapping.Resolved columns;
    private int emailColumn = -1;
    private int identifierColumn = -1;
    private static final int WARNINGS_LISTED = 10;
    private final List<String> warnings = new ArrayList<>();
    private int numericIdentifiers;
    private long cells;
    private long chars;

    SheetReader(String sheetName, SharedStrings strings, CellFormats formats, ColumnMapping mapping,
                XlsxLimits limits, Consumer<? super InvitationRow> consumer) {
        this.consumer = consumer;
        this.sheetName = sheetName;
        this.strings = strings;
        this.formats = formats;
        this.mapping = mapping;
        this.limits = limits;
    }

    /**
     * Returns what was read, once the parse has ended.
     *
     * @return the result
     * @throws ImportException when the sheet had no header row
     */
    XlsxImportSummary summary() {
        if (headers == null) {
            throw new ImportException(ErrorCode.IMPORT_INVALID_FILE, 0, null,
                    "the sheet '" + Names.shorten(sheetName) + "' is empty; its first row must hold the column headers"
                            + " (email, first name, last name, ...)");
        }
        List<String> all = new ArrayList<>(warnings);
        if (numericIdentifiers > WARNINGS_LISTED) {
            all.add("... and " + (numericIdentifiers - WARNINGS_LISTED) + " more identifier cells are numbers ("
                    + numericIdentifiers + " in all); format the identifier column as Text");
        }
        return new XlsxImportSummary(sheetName, headerRow, headers, rowCount, all);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (Xml.local(localName, qName)) {
            case "sheetData" -> inSheetData = true;
            case "row" -> {
                if (inSheetData) {
                    startRow(attributes.getValue("r"));
                }
            }
            case "c" -> {
                if (inSheetData) {
                    startCell(attributes.getValue("r"), attributes.getValue("t"), attributes.getValue("s"));
                }
            }
            case "v" -> {
                inValue = capture;
                valued = true;
            }
            case "f" -> formula = true;
            case "is" -> inInline = capture;
            case "t" -> inInlineText = inInline && phoneticDepth == 0;
            case "rPh" -> phoneticDepth++;
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (Xml.local(localName, qName)) {
            case "sheetData" -> inSheetData = false;
            case "row" -> {
                if (inSheetData) {
                    endRow();
                }
            }
            case "c" -> {
                if (inSheetData && capture) {
                    endCell();
                }
                capture = false;
            }
            case "v" -> inValue = false;
            case "is" -> inInline = false;
            case "t" -> inInlineText = false;
            case "rPh" -> phoneticDepth--;
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inInlineText) {
            // escaped characters (_xHHHH_) take 7 characters each before decoding
            if (text.length() + length > 7L * SharedStrings.MAX_CELL_CHARS) {
                throw cellTooLong();
            }
            text.append(ch, start, length);
        }
    }

    private void startRow(String reference) {
        int number = rowNumber + 1;
        if (reference != null) {
            try {
                number = Integer.parseInt(reference.strip());
            } catch (NumberFormatException e) {
                throw invalid("a row is numbered '" + Names.shorten(reference) + "', which is not a row number");
            }
        }
        if (number < 1 || number > MAX_ROW) {
            throw invalid("a row is numbered " + number + "; Excel numbers rows from 1 to " + Sizes.count(MAX_ROW));
        }
        if (reference != null && number <= rowNumber) {
            // a repeated <row r="2"> would overwrite or shadow the first one's people
            throw invalid("row " + number + " appears twice, or after row " + rowNumber);
        }
        rowNumber = number;
        column = -1;
        row.clear();
    }

    private void startCell(String reference, String cellType, String styleIndex) {
        int previous = column;
        column = reference == null ? column + 1 : columnOf(reference);
        if (column <= previous) {
            // a repeated cell reference would silently replace the first cell's value
            throw invalid("cell " + reference() + " appears twice in row " + rowNumber + ", or out of order");
        }
        if (column > MAX_COLUMN) {
            throw invalid("a cell lies beyond column XFD, Excel's last column");
        }
        type = cellType;
        formula = false;
        valued = false;
        style = parseStyle(styleIndex);
        text.setLength(0);
        // cells right of the last header are read too, so that a value there is reported, not lost
        capture = columns == null || columns.fields().containsKey(column) || columns.unknown().containsKey(column)
                || column >= headers.size();
    }

    private void endCell() {
        // a formula whose result was never stored (written by a program, not calculated): its value is unknown
        Cell cell = formula && !valued && !"inlineStr".equals(type) ? new Cell(Kind.UNCALCULATED, "?") : value();
        if (cell == null) {
            return;
        }
        if (cell.text.length() > SharedStrings.MAX_CELL_CHARS) {
            throw cellTooLong();
        }
        if (columns != null && isHeaderless(column)) {
            // only noted, not kept: its text is not counted against the limits nor handed over
            row.put(column, new Cell(Kind.TEXT, ""));
            return;
        }
        cells++;
        chars += cell.text.length();
        if (cells > limits.maxCells()) {
            throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, rowNumber, null,
                    "the sheet holds more than " + Sizes.count(limits.maxCells())
                            + " filled cells, the most this importer accepts; split the list into several files");
        }
        if (chars > limits.maxTextChars()) {
            throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, rowNumber, null,
                    "the sheet holds more than " + Sizes.count(limits.maxTextChars())
                            + " characters, the most this importer accepts; split the list into several files");
        }
        row.put(column, cell);
    }

    /** The cell's value, or {@code null} when it is blank. */
    private Cell value() {
        String raw = text.toString();
        String t = type == null ? "n" : type;
        Cell cell = switch (t) {
            case "s" -> new Cell(Kind.TEXT, shared(raw));
            case "inlineStr", "str" -> new Cell(Kind.TEXT, Xml.unescape(raw));
            case "b" -> new Cell(Kind.BOOLEAN, raw.isBlank() ? "" : isTrue(raw.strip()) ? "TRUE" : "FALSE");
            case "e" -> new Cell(Kind.ERROR, raw.strip());
            case "d" -> new Cell(Kind.DATE, isoDate(raw.strip()));
            case "n" -> number(raw.strip());
            default -> new Cell(Kind.TEXT, Xml.unescape(raw));
        };
        return cell.text.isBlank() ? null : cell;
    }

    private Cell number(String raw) {
        if (raw.isEmpty()) {
            return new Cell(Kind.NUMBER, "");
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            throw invalid("cell " + reference() + " is marked as a number but holds '" + Names.shorten(raw) + "'");
        }
        if (formats.isDate(value, style)) {
            return new Cell(Kind.DATE, formats.date(value));
        }
        // an identifier is digits, never 4.92E+11 nor 491,511,234,567: the exact number as written
        return new Cell(Kind.NUMBER, column == identifierColumn && columns != null
                ? exactDigits(raw) : formats.number(value, style));
    }

    /** The stored number exactly, without exponent or grouping ({@code 4.91511234567E11} → {@code 491511234567}). */
    private static String exactDigits(String raw) {
        java.math.BigDecimal exact;
        try {
            exact = new java.math.BigDecimal(raw).stripTrailingZeros();
        } catch (NumberFormatException e) {
            exact = null;   // Java-only spellings such as 1d or 0x1p3
        }
        // a finite double has at most 309 integer digits; a far-off exponent (1E-99999) is not spelled out
        return exact == null || exact.scale() > 40 ? CellFormats.plain(Double.parseDouble(raw)) : exact.toPlainString();
    }

    private String shared(String raw) {
        int index;
        try {
            index = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= strings.size()) {
            throw invalid("cell " + reference() + " refers to shared string '" + Names.shorten(raw.strip())
                    + "', which the workbook does not have (it has " + Sizes.count(strings.size()) + ")");
        }
        return strings.get(index);
    }

    private void endRow() {
        if (row.isEmpty()) {
            return;
        }
        if (headers == null) {
            readHeader();
            return;
        }
        if (rowCount >= limits.maxRows()) {
            throw new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, rowNumber, null,
                    "the sheet '" + Names.shorten(sheetName) + "' has more than " + Sizes.count(limits.maxRows())
                            + " rows, the most this importer accepts; split the list into several files");
        }
        InvitationRow.Builder b = InvitationRow.builder(rowNumber);
        columns.fields().forEach((c, field) -> b.set(field, cellText(c)));
        columns.unknown().forEach((c, header) -> {
            if (!header.isEmpty()) {
                b.metadata(header, cellText(c));
            }
        });
        new java.util.TreeMap<>(row).forEach((c, cell) -> {
            if (isHeaderless(c)) {
                b.problem(ColumnMapping.Resolved.NO_HEADER_FIELD, ColumnMapping.Resolved.noHeader(
                        "cell " + columnName(c) + rowNumber, "row " + headerRow));
            } else if (cell.kind == Kind.UNCALCULATED) {
                b.problem(fieldName(c), "cell " + columnName(c) + rowNumber + " holds a formula that was never "
                        + "calculated; open and save the file in Excel (or LibreOffice) first, or type the value");
            } else if (cell.kind == Kind.ERROR) {
                b.problem(fieldName(c), "the cell shows the error " + Names.shorten(cell.text)
                        + "; correct the formula or type the value");
            } else if (c == identifierColumn && cell.kind == Kind.NUMBER) {
                if (numericIdentifiers++ < WARNINGS_LISTED) {
                    warnings.add("row " + rowNumber + ": cell " + columnName(c) + rowNumber + " is a number ("
                            + Names.shorten(cell.text) + "); leading zeros or a leading + may have been lost. Format "
                            + "the column as Text and type the identifier again");
                }
            } else if (c == emailColumn && cell.kind != Kind.TEXT) {
                b.problem(RowField.EMAIL.canonicalHeader(), "the cell holds a " + kindName(cell.kind) + " ("
                        + Names.shorten(cell.text) + "), not an email address; type the address as text");
            }
        });
        rowCount++;
        consumer.accept(b.build());
    }

    private void readHeader() {
        int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<String> header = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Cell cell = row.get(c);
            header.add(cell == null ? "" : cell.text.strip());
        }
        try {
            columns = mapping.resolve(header);
        } catch (ImportException e) {
            if (rowNumber == 1 || e.rowNumber() == rowNumber) {
                throw e;
            }
            String message = e.getMessage().replaceFirst("^row " + e.rowNumber() + ": ", "");
            throw new ImportException(e.code(), rowNumber, e.field(), message, e);
        }
        columns.fields().forEach((c, field) -> {
            if (field == RowField.EMAIL) {
                emailColumn = c;
            } else if (field == RowField.IDENTIFIER) {
                identifierColumn = c;
            }
        });
        headers = header;
        headerRow = rowNumber;
    }

    /** Tells whether a column of a data row has no header: blank in the header row, or right of it. */
    private boolean isHeaderless(int c) {
        return c >= headers.size() || "".equals(columns.unknown().get(c));
    }

    private String cellText(int c) {
        Cell cell = row.get(c);
        return cell == null || cell.kind == Kind.ERROR || cell.kind == Kind.UNCALCULATED ? null : cell.text;
    }

    private String fieldName(int c) {
        RowField field = columns.fields().get(c);
        return field != null ? field.canonicalHeader() : columns.unknown().getOrDefault(c, "column " + (c + 1));
    }

    private String reference() {
        return columnName(column) + rowNumber;
    }

    private ImportException invalid(String message) {
        return new ImportException(ErrorCode.IMPORT_INVALID_FILE, rowNumber, null,
                message + "; the file was not saved by a spreadsheet program or is damaged: save it again as"
                        + " 'Excel Workbook (.xlsx)'");
    }

    private ImportException cellTooLong() {
        return new ImportException(ErrorCode.IMPORT_LIMIT_EXCEEDED, rowNumber, null,
                "cell " + reference() + " holds more than " + Sizes.count(SharedStrings.MAX_CELL_CHARS)
                        + " characters, Excel's own limit for a cell");
    }

    private int columnOf(String reference) {
        int c = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char ch = Character.toUpperCase(reference.charAt(i));
            if (ch >= 'A' && ch <= 'Z') {
                if (++letters > 3) {
                    break;
                }
                c = c * 26 + (ch - 'A' + 1);
            } else {
                break;
            }
        }
        if (letters == 0 || letters > 3) {
            throw invalid("a cell is referenced as '" + Names.shorten(reference) + "', which is not a cell reference");
        }
        return c - 1;
    }

    private static String columnName(int column) {
        return ColumnMapping.Resolved.letters(column);
    }

    private static int parseStyle(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isTrue(String raw) {
        return "1".equals(raw) || "true".equalsIgnoreCase(raw);
    }

    /** Strict-format dates ({@code t="d"}) are ISO 8601 already; a midnight time is dropped. */
    private static String isoDate(String raw) {
        return raw.replaceFirst("T00:00(:00(\\.0+)?)?Z?$", "");
    }

    private static String kindName(Kind kind) {
        return switch (kind) {
            case NUMBER -> "number";
            case DATE -> "date";
            case BOOLEAN -> "true/false value";
            default -> "value";
        };
    }
}
