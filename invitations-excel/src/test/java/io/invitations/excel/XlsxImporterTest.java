package io.invitations.excel;

import io.invitations.core.bulk.ColumnMapping;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowField;
import io.invitations.core.bulk.RowProblem;
import io.invitations.spi.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("XlsxImporter reads sheets as other programs write them")
class XlsxImporterTest {

    static XlsxImportResult read(byte[] xlsx) {
        return XlsxImporter.read(new ByteArrayInputStream(xlsx));
    }

    static XlsxImportResult read(byte[] xlsx, XlsxImportOptions options) {
        return XlsxImporter.read(new ByteArrayInputStream(xlsx), options);
    }

    @Nested
    @DisplayName("cell values")
    class Cells {
        @Test
        @DisplayName("a workbook with inline strings and no shared-strings part is read, accents included")
        void inlineStringsWithoutSharedStrings() {
            byte[] xlsx = HandMadeXlsx.create().sheet("People",
                    inlineRow(1, "A", "E-Mail", "B", "Prénom", "C", "Nachname")
                            + inlineRow(2, "A", "zoe@example.com", "B", "Zoë", "C", "Brontë")
                            + inlineRow(3, "A", "jurgen@example.de", "B", "Jürgen", "C", "Groß")).bytes();

            XlsxImportResult result = read(xlsx);

            assertThat(result.sheetName()).isEqualTo("People");
            assertThat(result.headers()).containsExactly("E-Mail", "Prénom", "Nachname");
            assertThat(result.rows()).extracting(InvitationRow::rowNumber, InvitationRow::email,
                            InvitationRow::firstName, InvitationRow::lastName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "zoe@example.com", "Zoë", "Brontë"),
                            org.assertj.core.groups.Tuple.tuple(3, "jurgen@example.de", "Jürgen", "Groß"));
            assertThat(result.rowsWithProblems()).isEmpty();
        }

        @Test
        @DisplayName("shared strings, rich-text runs and escaped characters read as typed")
        void sharedStrings() {
            byte[] xlsx = HandMadeXlsx.create()
                    .sharedStrings(List.of("email", "message", "ana@example.com", "Line_x000A_two"))
                    .entry("xl/sharedStrings.xml", "<sst xmlns=\"" + HandMadeXlsx.MAIN_NS + "\">"
                            + "<si><t>email</t></si><si><t>message</t></si><si><t>ana@example.com</t></si>"
                            + "<si><r><t>Line</t></r><r><t xml:space=\"preserve\">_x000A_two</t></r>"
                            + "<rPh><t>ignored</t></rPh></si></sst>")
                    .sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>")
                    .bytes();

            InvitationRow row = read(xlsx).rows().get(0);

            assertThat(row.email()).isEqualTo("ana@example.com");
            assertThat(row.message()).isEqualTo("Line\ntwo");
        }

        @Test
        @DisplayName("numbers read as plain digits, dates as ISO dates, booleans and formula results as shown")
        void numbersDatesBooleansFormulas() {
            String styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"000000\"/></numFmts>"
                    + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
                    + "<xf numFmtId=\"22\"/></cellXfs>";
            byte[] xlsx = HandMadeXlsx.create().styles(styles).sheet("S",
                    inlineRow(1, "A", "email", "B", "identifier", "C", "identifier kind", "D", "start", "E", "vip",
                            "F", "team", "G", "personnel", "H", "met")
                            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a@example.com</t></is></c>"
                            + "<c r=\"B2\"><v>33612345678</v></c>"
                            + "<c r=\"C2\" t=\"inlineStr\"><is><t>phone</t></is></c>"
                            + "<c r=\"D2\" s=\"1\"><v>45352</v></c>"
                            + "<c r=\"E2\" t=\"b\"><v>1</v></c>"
                            + "<c r=\"F2\" t=\"str\"><f>UPPER(\"sales\")</f><v>SALES</v></c>"
                            + "<c r=\"G2\" s=\"2\"><v>1234</v></c>"
                            + "<c r=\"H2\" s=\"3\"><v>45352.5</v></c></row>").bytes();

            InvitationRow row = read(xlsx).rows().get(0);

            assertThat(row.identifier()).isEqualTo("33612345678");
            assertThat(row.groups()).containsExactly("SALES");
            assertThat(row.metadata()).containsEntry("start", "2024-03-01").containsEntry("vip", "TRUE")
                    .containsEntry("personnel", "001234")
                    .containsEntry("met", "2024-03-01T12:00:00");
            assertThat(row.problems()).isEmpty();
        }

        @Test
        @DisplayName("dates of a 1904-based workbook are not four years off")
        void dates1904() {
            byte[] xlsx = HandMadeXlsx.create().date1904().styles("<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>")
                    .sheet("S", inlineRow(1, "A", "email", "B", "start")
                            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a@example.com</t></is></c>"
                            + "<c r=\"B2\" s=\"1\"><v>43890</v></c></row>").bytes();

            assertThat(read(xlsx).rows().get(0).metadata()).containsEntry("start", "2024-03-01");
        }

        @Test
        @DisplayName("a number in the email column makes the row INVALID with a problem on email, not a crash")
        void numericEmail() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "B", "first name")
                    + "<row r=\"2\"><c r=\"A2\"><v>12345</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Ana</t></is></c></row>"
                    + inlineRow(3, "A", "bo@example.com", "B", "Bo")).bytes();

            XlsxImportResult result = read(xlsx);

            assertThat(result.rows()).hasSize(2);
            InvitationRow bad = result.rows().get(0);
            assertThat(bad.rowNumber()).isEqualTo(2);
            assertThat(bad.email()).isEqualTo("12345");
            assertThat(bad.problems()).extracting(RowProblem::field).containsExactly("email");
            assertThat(bad.problems().get(0).message()).contains("number", "12345", "text");
            assertThat(result.rowsWithProblems()).containsExactly(bad);
        }

        @Test
        @DisplayName("an error value such as #N/A is a problem of the row, named by its column")
        void errorCells() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "B", "role")
                    + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a@example.com</t></is></c>"
                    + "<c r=\"B2\" t=\"e\"><f>VLOOKUP(X1,Y:Z,2)</f><v>#N/A</v></c></row>").bytes();

            InvitationRow row = read(xlsx).rows().get(0);

            assertThat(row.role()).isNull();
            assertThat(row.problems()).containsExactly(new RowProblem("role",
                    "the cell shows the error #N/A; correct the formula or type the value"));
        }
    }

    @Nested
    @DisplayName("rows and columns")
    class Layout {
        @Test
        @DisplayName("blank rows are skipped and row numbers are the ones Excel shows")
        void blankRowsAndNumbers() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", "<row r=\"2\"/>"
                    + inlineRow(3, "B", "email")
                    + "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>   </t></is></c></row>"
                    + inlineRow(7, "B", "a@example.com")
                    + "<row r=\"8\"><c r=\"B8\" s=\"0\"/></row>"
                    + inlineRow(12, "B", "b@example.com")).bytes();

            XlsxImportResult result = read(xlsx);

            assertThat(result.headerRowNumber()).isEqualTo(3);
            assertThat(result.headers()).containsExactly("", "email");
            assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(7, 12);
        }

        @Test
        @DisplayName("cells without references, and gaps, land in the right columns")
        void sparseCells() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S",
                    "<row><c t=\"inlineStr\"><is><t>email</t></is></c><c t=\"inlineStr\"><is><t>first name</t></is></c>"
                            + "<c r=\"E1\" t=\"inlineStr\"><is><t>role</t></is></c>"
                            + "<c t=\"inlineStr\"><is><t>language</t></is></c></row>"
                            + "<row><c t=\"inlineStr\"><is><t>a@example.com</t></is></c>"
                            + "<c r=\"E2\" t=\"inlineStr\"><is><t>admin</t></is></c>"
                            + "<c t=\"inlineStr\"><is><t>fr</t></is></c></row>").bytes();

            InvitationRow row = read(xlsx).rows().get(0);

            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.email()).isEqualTo("a@example.com");
            assertThat(row.firstName()).isNull();
            assertThat(row.role()).isEqualTo("admin");
            assertThat(row.language()).isEqualTo("fr");
        }

        @Test
        @DisplayName("headers are recognised as CSV recognises them: synonyms, explicit mapping, unknown columns")
        void headerRecognition() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S",
                    inlineRow(1, "A", "Work address", "B", "Given name", "C", "Équipes", "D", "Cost centre")
                            + inlineRow(2, "A", "a@example.com", "B", "Ana", "C", "sales; north", "D", "CC-7")).bytes();
            XlsxImportOptions options = XlsxImportOptions.builder()
                    .columns(ColumnMapping.defaults().with("work address", RowField.EMAIL)).build();

            InvitationRow row = read(xlsx, options).rows().get(0);

            assertThat(row.email()).isEqualTo("a@example.com");
            assertThat(row.firstName()).isEqualTo("Ana");
            assertThat(row.groups()).containsExactly("sales", "north");
            assertThat(row.metadata()).isEqualTo(Map.of("Cost centre", "CC-7"));

            XlsxImportOptions ignoring = XlsxImportOptions.builder().columns(ColumnMapping.defaults()
                    .with("work address", RowField.EMAIL).ignoringUnknownColumns()).build();
            assertThat(read(xlsx, ignoring).rows().get(0).metadata()).isEmpty();
        }

        @Test
        @DisplayName("a header row without an email or identifier column is refused, naming its row")
        void noEmailColumn() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(2, "A", "name", "B", "team")).bytes();

            assertThatThrownBy(() -> read(xlsx)).isInstanceOfSatisfying(ImportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
                assertThat(e.rowNumber()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("email");
                assertThat(e.getMessage()).startsWith("row 2: ").contains("no email column");
            });
        }

        @Test
        @DisplayName("an empty sheet is refused with a message that asks for a header row")
        void emptySheet() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", "").bytes();

            assertThatThrownBy(() -> read(xlsx)).isInstanceOfSatisfying(ImportException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
                assertThat(e.getMessage()).contains("'S' is empty", "header");
            });
        }
    }

    @Nested
    @DisplayName("sheets")
    class Sheets {
        private final byte[] xlsx = HandMadeXlsx.create()
                .sheet("Read me", inlineRow(1, "A", "email") + inlineRow(2, "A", "first@example.com"))
                .sheet("Wave 2", inlineRow(1, "A", "email") + inlineRow(2, "A", "second@example.com")).bytes();

        @Test
        @DisplayName("the first sheet is read by default")
        void first() {
            assertThat(read(xlsx).rows()).extracting(InvitationRow::email).containsExactly("first@example.com");
        }

        @Test
        @DisplayName("a sheet is chosen by name, ignoring case as Excel does")
        void named() {
            XlsxImportResult result = read(xlsx, XlsxImportOptions.builder().sheet("wave 2").build());

            assertThat(result.sheetName()).isEqualTo("Wave 2");
            assertThat(result.rows()).extracting(InvitationRow::email).containsExactly("second@example.com");
        }

        @Test
        @DisplayName("an unknown sheet name is refused with the list of sheets")
        void unknown() {
            assertThatThrownBy(() -> read(xlsx, XlsxImportOptions.builder().sheet("Wave 3").build()))
                    .isInstanceOfSatisfying(ImportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
                        assertThat(e.field()).isEqualTo("sheet");
                        assertThat(e.getMessage()).contains("'Wave 3'", "'Read me', 'Wave 2'");
                    });
        }
    }
}
