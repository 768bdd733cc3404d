package io.invitations.excel;

import io.invitations.core.bulk.RowField;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("XlsxTemplate writes a template people can fill in")
class XlsxTemplateTest {
    private static final TemplateOptions TENANT = TemplateOptions.builder()
            .roles(List.of("member", "editor", "admin")).build();

    static byte[] template(TemplateOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTemplate.write(out, options);
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    @DisplayName("the data sheet comes first, with the canonical headers in a frozen row, columns formatted as text")
    void header() throws IOException {
        try (XSSFWorkbook wb = open(template(TENANT))) {
            XSSFSheet data = wb.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("Invitations");
            assertThat(texts(data.getRow(0))).containsExactlyElementsOf(
                    Arrays.stream(RowField.values()).map(RowField::canonicalHeader).toList());
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(data.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            assertThat(data.getLastRowNum()).isZero();
        }
    }

    @Test
    @DisplayName("roles, membership types and identifier kinds are dropdowns over exactly the bulk limit's rows")
    void dropdowns() throws IOException {
        try (XSSFWorkbook wb = open(template(TENANT))) {
            XSSFSheet data = wb.getSheetAt(0);
            Sheet lists = wb.getSheet("Lists");
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(lists))).isEqualTo(SheetVisibility.VERY_HIDDEN);

            XSSFDataValidation role = validationOf(data, RowField.ROLE).orElseThrow();
            assertThat(listValues(wb, role)).containsExactly("member", "editor", "admin");
            assertThat(role.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(role.getRegions().getCellRangeAddresses())
                    .containsExactly(new CellRangeAddress(1, 500, column(RowField.ROLE), column(RowField.ROLE)));

            XSSFDataValidation membership = validationOf(data, RowField.MEMBERSHIP_TYPE).orElseThrow();
            assertThat(listValues(wb, membership)).containsExactly("member", "guest");

            XSSFDataValidation kinds = validationOf(data, RowField.IDENTIFIER_KIND).orElseThrow();
            assertThat(listValues(wb, kinds)).containsExactly("phone", "personnel_number", "birth_date");
            assertThat(kinds.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
        }
    }

    @Test
    @DisplayName("the limit is stated in the instructions, in a comment on the header and in the email column's prompt")
    void limitStated() throws IOException {
        String limit = "At most 500 rows per file; split larger lists into waves.";
        try (XSSFWorkbook wb = open(template(TENANT))) {
            XSSFSheet data = wb.getSheetAt(0);
            assertThat(data.getRow(0).getCell(0).getCellComment().getString().getString()).contains(limit);
            XSSFDataValidation email = validationOf(data, RowField.EMAIL).orElseThrow();
            assertThat(email.getShowPromptBox()).isTrue();
            assertThat(email.getPromptBoxText()).isEqualTo(limit);

            Sheet help = wb.getSheet("Instructions");
            List<String> lines = allTexts(help);
            assertThat(lines).contains(limit);
            int emailLine = lines.indexOf("email");
            assertThat(lines.subList(emailLine, emailLine + 4))
                    .containsExactly("email", "yes, unless the row has an identifier", "the person's email address", "");
            assertThat(lines).contains("member, editor, admin", "member, guest");
        }
    }

    @Test
    @DisplayName("the bulk limit, guests, roles and columns follow the options")
    void options() throws IOException {
        TemplateOptions options = TemplateOptions.builder().bulkLimit(250).guestsAllowed(false)
                .columns(List.of(RowField.EMAIL, RowField.FIRST_NAME, RowField.LAST_NAME, RowField.MEMBERSHIP_TYPE,
                        RowField.ROLE)).build();
        try (XSSFWorkbook wb = open(template(options))) {
            XSSFSheet data = wb.getSheetAt(0);
            assertThat(texts(data.getRow(0))).containsExactly("email", "first name", "last name", "membership", "role");
            XSSFDataValidation membership = validationOf(data, 3).orElseThrow();
            assertThat(listValues(wb, membership)).containsExactly("member");
            assertThat(membership.getRegions().getCellRangeAddresses()).containsExactly(new CellRangeAddress(1, 250, 3, 3));
            assertThat(validationOf(data, 4)).as("no roles, no role dropdown").isEmpty();
            assertThat(allTexts(wb.getSheet("Instructions")))
                    .contains("At most 250 rows per file; split larger lists into waves.");
        }
    }

    @Test
    @DisplayName("instructions are written in French or German; other languages get English")
    void languages() throws IOException {
        try (XSSFWorkbook wb = open(template(TemplateOptions.builder().language(Locale.FRENCH).build()))) {
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Instructions");
            assertThat(allTexts(wb.getSheetAt(1)))
                    .contains("500 lignes au plus par fichier ; découpez les listes plus longues en plusieurs vagues.");
            assertThat(texts(wb.getSheetAt(0).getRow(0))).startsWith("email", "first name");
        }
        try (XSSFWorkbook wb = open(template(TemplateOptions.builder().language(Locale.GERMANY).build()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Einladungen");
            assertThat(allTexts(wb.getSheet("Anleitung")))
                    .contains("Höchstens 500 Zeilen pro Datei; teilen Sie längere Listen in mehrere Wellen auf.");
        }
        assertThat(TemplateOptions.builder().language(Locale.JAPANESE).build().language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    @DisplayName("an untouched template imports as its header and no rows")
    void emptyTemplateImports() {
        XlsxImportResult result = XlsxImporter.read(new ByteArrayInputStream(template(TENANT)));

        assertThat(result.sheetName()).isEqualTo("Invitations");
        assertThat(result.headerRowNumber()).isEqualTo(1);
        assertThat(result.rows()).isEmpty();
    }

    @Test
    @DisplayName("options that would make a broken template are refused")
    void invalidOptions() {
        assertThatThrownBy(() -> TemplateOptions.builder().roles(List.of("admin", "Admin")).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TemplateOptions.builder().roles(List.of(" ")).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("blank");
        assertThatThrownBy(() -> TemplateOptions.builder().roles(List.of("r".repeat(256))).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("255");
        assertThatThrownBy(() -> TemplateOptions.builder().bulkLimit(0).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("bulkLimit");
        assertThatThrownBy(() -> TemplateOptions.builder().columns(List.of(RowField.FIRST_NAME)).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("email or an identifier");
        assertThatThrownBy(() -> TemplateOptions.builder().columns(List.of(RowField.EMAIL, RowField.EMAIL)).build())
                .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST).hasMessageContaining("repeat");
    }

    private static int column(RowField field) {
        return Arrays.asList(RowField.values()).indexOf(field);
    }

    private static Optional<XSSFDataValidation> validationOf(XSSFSheet sheet, RowField field) {
        return validationOf(sheet, column(field));
    }

    private static Optional<XSSFDataValidation> validationOf(XSSFSheet sheet, int column) {
        return sheet.getDataValidations().stream()
                .filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses())
                        .anyMatch(r -> r.getFirstColumn() == column))
                .findFirst();
    }

    /** Resolves a list validation's range (e.g. {@code Lists!$A$1:$A$3}) to the values it offers. */
    private static List<String> listValues(XSSFWorkbook wb, XSSFDataValidation validation) {
        String formula = validation.getValidationConstraint().getFormula1();
        String[] sheetAndRange = formula.split("!");
        Sheet sheet = wb.getSheet(sheetAndRange[0]);
        CellRangeAddress range = CellRangeAddress.valueOf(sheetAndRange[1]);
        List<String> values = new ArrayList<>();
        for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
            values.add(sheet.getRow(r).getCell(range.getFirstColumn()).getStringCellValue());
        }
        return values;
    }

    private static List<String> texts(Row row) {
        return StreamSupport.stream(row.spliterator(), false).map(c -> c.getStringCellValue()).toList();
    }

    private static List<String> allTexts(Sheet sheet) {
        List<String> all = new ArrayList<>();
        sheet.forEach(row -> all.addAll(texts(row)));
        return all;
    }
}
