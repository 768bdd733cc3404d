package io.invitations.excel.internal;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns numeric cells into text as a person expects to read them: dates as ISO dates
 * ({@code 2024-03-01}, or {@code 2024-03-01T10:15:00} with a time), numbers in the General format
 * as plain digits (a phone number stays {@code 33612345678}, not {@code 3.36E+10}), numbers with an
 * explicit format as Excel shows them (a personnel number formatted {@code 000000} keeps its
 * leading zeros). Reads only what it needs from the styles part: number formats and the cell
 * formats that point at them. One per import; not thread-safe.
 */
final class CellFormats {
    /** Excel's own limit of characters in a number format code. */
    private static final int MAX_FORMAT_CHARS = 255;

    private final Map<Integer, String> custom = new HashMap<>();
    private int[] formatOfStyle = new int[0];
    private int styles;
    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    private CellFormats(boolean date1904) {
        this.date1904 = date1904;
    }

    /**
     * Formats for a workbook without a styles part: everything is General.
     *
     * @param date1904 whether the workbook counts dates from 1904
     * @return the formats
     */
    static CellFormats general(boolean date1904) {
        return new CellFormats(date1904);
    }

    /**
     * Reads a styles part.
     *
     * @param part     the part's stream
     * @param date1904 whether the workbook counts dates from 1904
     * @param limits   the limits, for the XML reader
     * @return the formats
     * @throws IOException  when reading fails or a guard stops it
     * @throws SAXException when the XML is malformed
     */
    static CellFormats read(InputStream part, boolean date1904, io.invitations.excel.XlsxLimits limits) throws IOException, SAXException {
        CellFormats formats = new CellFormats(date1904);
        Xml.parse(part, formats.new Handler(), limits);
        return formats;
    }

    /**
     * Tells whether a numeric cell of this style shows a date.
     *
     * @param value the cell's number
     * @param style the cell's style index ({@code s} attribute), or -1
     * @return {@code true} for a date
     */
    boolean isDate(double value, int style) {
        int id = formatId(style);
        String format = formatString(id);
        return format != null && DateUtil.isADateFormat(id, format) && DateUtil.isValidExcelDate(value);
    }

    /**
     * Formats a date cell as ISO text.
     *
     * @param value the cell's number, a valid Excel date
     * @return {@code yyyy-MM-dd}, or {@code yyyy-MM-ddTHH:mm:ss} when it has a time of day
     */
    String date(double value) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, date1904, true);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? t.toLocalDate().toString()
                : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /**
     * Formats a number that is not a date.
     *
     * @param value the cell's number, finite
     * @param style the cell's style index, or -1
     * @return the text
     */
    String number(double value, int style) {
        int id = formatId(style);
        String format = formatString(id);
        if (format == null || id == 0 || "General".equalsIgnoreCase(format)) {
            return plain(value);
        }
        try {
            return formatter.formatRawCellContents(value, id, format);
        } catch (RuntimeException e) {
            // A format POI cannot apply: the number itself is still right.
            return plain(value);
        }
    }

    /**
     * Writes a number without exponent or float noise: integers as digits, others to 15 significant
     * digits (what Excel stores and shows).
     *
     * @param value the number, finite
     * @return the text
     */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
        boolean extreme = Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6;
        return extreme ? d.toString() : d.toPlainString();
    }

    private int formatId(int style) {
        return style >= 0 && style < styles ? formatOfStyle[style] : 0;
    }

    private String formatString(int id) {
        String format = custom.get(id);
        if (format == null && id >= 0 && id < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX) {
            format = BuiltinFormats.getBuiltinFormat(id);
        }
        return format == null || format.length() > MAX_FORMAT_CHARS ? null : format;
    }

    private final class Handler extends DefaultHandler {
        private boolean inCellFormats;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (Xml.local(localName, qName)) {
                case "numFmt" -> {
                    Integer id = intOrNull(attributes.getValue("numFmtId"));
                    String code = attributes.getValue("formatCode");
                    if (id != null && code != null) {
                        custom.put(id, code);
                    }
                }
                case "cellXfs" -> inCellFormats = true;
                case "xf" -> {
                    if (inCellFormats) {
                        Integer id = intOrNull(attributes.getValue("numFmtId"));
                        if (styles == formatOfStyle.length) {
                            formatOfStyle = Arrays.copyOf(formatOfStyle, styles + (styles >> 1) + 16);
                        }
                        formatOfStyle[styles++] = id == null ? 0 : id;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ("cellXfs".equals(Xml.local(localName, qName))) {
                inCellFormats = false;
            }
        }

        private Integer intOrNull(String s) {
            try {
                return s == null ? null : Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
