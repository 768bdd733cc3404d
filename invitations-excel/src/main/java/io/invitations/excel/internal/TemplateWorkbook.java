package io.invitations.excel.internal;

import io.invitations.core.bulk.RowField;
import io.invitations.excel.TemplateOptions;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the template: the data sheet (canonical headers, frozen, text-formatted columns so that
 * phone numbers and personnel numbers keep their leading zeros, dropdowns on exactly
 * {@code bulkLimit} rows, the limit in a comment on the first header and in the prompt of the email
 * column), the instructions sheet, and a very hidden sheet holding the dropdown lists.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class TemplateWorkbook {
    /** The very hidden sheet holding the dropdown lists. */
    public static final String LISTS_SHEET = "Lists";

    private static final Map<RowField, Integer> WIDTHS = Map.of(RowField.EMAIL, 34, RowField.GROUPS, 24,
            RowField.MEMBERSHIP_TYPE, 14, RowField.IDENTIFIER, 20, RowField.LANGUAGE, 12, RowField.MESSAGE, 40);

    private TemplateWorkbook() {
    }

    /**
     * Writes the template.
     *
     * @param out     where to write; not closed
     * @param options what the template holds
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, TemplateOptions options) throws IOException {
        TemplateTexts t = TemplateTexts.of(options.language().getLanguage());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet data = wb.createSheet(t.dataSheet());
            Sheet help = wb.createSheet(t.instructionsSheet());
            Sheet lists = wb.createSheet(LISTS_SHEET);
            wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(0);
            writeData(wb, data, lists, options, t);
            writeInstructions(wb, help, options, t);
            wb.write(out);
        }
    }

    private static void writeData(XSSFWorkbook wb, Sheet data, Sheet lists, TemplateOptions options, TemplateTexts t) {
        CellStyle header = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));

        List<RowField> columns = options.columns();
        Row row = data.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            RowField field = columns.get(c);
            row.createCell(c).setCellValue(field.canonicalHeader());
            row.getCell(c).setCellStyle(header);
            data.setDefaultColumnStyle(c, text);
            data.setColumnWidth(c, WIDTHS.getOrDefault(field, 18) * 256);
        }
        data.createFreezePane(0, 1);

        ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(0);
        anchor.setCol2(3);
        anchor.setRow1(1);
        anchor.setRow2(5);
        Comment comment = data.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(new XSSFRichTextString(t.limit(options.bulkLimit()) + "\n" + t.seeInstructions()));
        row.getCell(0).setCellComment(comment);

        DataValidationHelper helper = data.getDataValidationHelper();
        // The contact column (never a dropdown: one validation per cell) repeats the limit as a prompt.
        int contact = columns.contains(RowField.EMAIL) ? columns.indexOf(RowField.EMAIL)
                : columns.indexOf(RowField.IDENTIFIER);
        DataValidation prompt = helper.createValidation(
                helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL, "32767", null),
                rows(options, contact));
        prompt.createPromptBox(t.limitTitle(), t.limit(options.bulkLimit()));
        prompt.setShowPromptBox(true);
        prompt.setShowErrorBox(false);
        data.addValidationData(prompt);

        List<String> memberships = options.guestsAllowed() ? List.of("member", "guest") : List.of("member");
        dropdown(data, lists, 0, columns.indexOf(RowField.ROLE), options.roles(), options, t.pickRole(), true, t);
        dropdown(data, lists, 1, columns.indexOf(RowField.MEMBERSHIP_TYPE), memberships, options, t.pickMembership(),
                true, t);
        dropdown(data, lists, 2, columns.indexOf(RowField.IDENTIFIER_KIND), options.identifierKinds(), options,
                t.unusualKind(), false, t);
    }

    private static void dropdown(Sheet data, Sheet lists, int listColumn, int column, List<String> values,
                                 TemplateOptions options, String error, boolean strict, TemplateTexts t) {
        if (column < 0 || values.isEmpty()) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            Row r = lists.getRow(i) != null ? lists.getRow(i) : lists.createRow(i);
            r.createCell(listColumn).setCellValue(values.get(i));
        }
        char letter = (char) ('A' + listColumn);
        String range = LISTS_SHEET + "!$" + letter + "$1:$" + letter + "$" + values.size();
        DataValidationHelper helper = data.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createFormulaListConstraint(range), rows(options, column));
        v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        v.createErrorBox(t.pickFromList(), error);
        v.setShowErrorBox(true);
        // XSSF inverts this flag: true shows the in-cell arrow.
        v.setSuppressDropDownArrow(true);
        data.addValidationData(v);
    }

    private static CellRangeAddressList rows(TemplateOptions options, int column) {
        return new CellRangeAddressList(1, options.bulkLimit(), column, column);
    }

    private static void writeInstructions(XSSFWorkbook wb, Sheet help, TemplateOptions options, TemplateTexts t) {
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        CellStyle title = wb.createCellStyle();
        title.setFont(titleFont);
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        CellStyle bold = wb.createCellStyle();
        bold.setFont(boldFont);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);

        int r = 0;
        line(help, r++, title, t.title());
        line(help, r++, bold, t.limit(options.bulkLimit()));
        line(help, r++, null, t.oneRowPerPerson());
        line(help, r++, null, t.contactRule());
        r++;
        Row head = help.createRow(r++);
        String[] heads = {t.columnHeader(), t.requiredHeader(), t.meaningHeader(), t.allowedHeader()};
        for (int c = 0; c < heads.length; c++) {
            head.createCell(c).setCellValue(heads[c]);
            head.getCell(c).setCellStyle(bold);
        }
        for (RowField field : options.columns()) {
            Row row = help.createRow(r++);
            String[] cells = {field.canonicalHeader(), t.required().getOrDefault(field, t.no()),
                    t.meanings().getOrDefault(field, ""), allowed(field, options, t)};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
                row.getCell(c).setCellStyle(wrap);
            }
        }
        int[] widths = {18, 30, 60, 44};
        for (int c = 0; c < widths.length; c++) {
            help.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void line(Sheet sheet, int r, CellStyle style, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(value);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
    }

    private static String allowed(RowField field, TemplateOptions options, TemplateTexts t) {
        return switch (field) {
            case ROLE -> options.roles().isEmpty() ? t.anyRole() : String.join(", ", options.roles());
            case MEMBERSHIP_TYPE -> options.guestsAllowed() ? "member, guest" : "member";
            case GROUPS -> t.groupsAllowed();
            case LANGUAGE -> t.languageAllowed();
            case IDENTIFIER_KIND -> String.join(", ", options.identifierKinds())
                    + (options.identifierKinds().isEmpty() ? "" : "; ") + t.otherKindsAllowed();
            default -> "";
        };
    }
}
