package io.invitations.excel;

import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.invitations.excel.HandMadeXlsx.inlineRow;
import static io.invitations.excel.XlsxImporterTest.read;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("XlsxImporter never loses a cell silently")
class XlsxLostCellsTest {

    @Nested
    @DisplayName("cells without a header")
    class Headerless {
        @Test
        @DisplayName("a value under a blank header cell is a problem naming the cell")
        void blankHeader() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "C", "last name")
                    + inlineRow(2, "A", "a@x.com", "B", "Ann", "C", "Lee")
                    + inlineRow(3, "A", "b@x.com", "C", "Bo")).bytes();

            XlsxImportResult result = read(xlsx);

            InvitationRow ann = result.rows().get(0);
            assertThat(ann.lastName()).isEqualTo("Lee");
            assertThat(ann.metadata()).isEmpty();
            assertThat(ann.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("columns"))
                    .extracting(RowProblem::message).asString().contains("cell B2").contains("no header")
                    .contains("row 1");
            assertThat(result.rows().get(1).problems()).isEmpty();
        }

        @Test
        @DisplayName("a value right of the last header is a problem naming the cell")
        void beyondLastHeader() {
            byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "B", "first name")
                    + inlineRow(2, "A", "a@x.com", "B", "Ann", "E", "Lee")
                    + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>b@x.com</t></is></c><c r=\"F3\"/></row>").bytes();

            XlsxImportResult result = read(xlsx);

            assertThat(result.rows().get(0).firstName()).isEqualTo("Ann");
            assertThat(result.rows().get(0).problems()).singleElement().extracting(RowProblem::message).asString()
                    .contains("cell E2").contains("no header");
            assertThat(result.rows().get(1).problems()).isEmpty();
        }
    }

    @Nested
    @DisplayName("numbers in the identifier column")
    class NumericIdentifiers {
        private static final String HEADER = inlineRow(1, "A", "email", "B", "identifier", "C", "identifier kind");

        @Test
        @DisplayName("are written out in full, never 4.92E+11, with a warning naming the cell (zeros may be lost)")
        void exactDigitsAndProblem() {
            byte[] xlsx = HandMadeXlsx.create()
                    .styles("<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"11\" applyNumberFormat=\"1\"/></cellXfs>")
                    .sheet("S", HEADER
                            + "<row r=\"2\"><c r=\"B2\" s=\"1\"><v>491511234567</v></c>"
                            + "<c r=\"C2\" t=\"inlineStr\"><is><t>phone</t></is></c></row>"
                            + "<row r=\"3\"><c r=\"B3\"><v>612345678</v></c>"
                            + "<c r=\"C3\" t=\"inlineStr\"><is><t>phone</t></is></c></row>"
                            + "<row r=\"4\"><c r=\"B4\" s=\"1\"><v>1.23E2</v></c>"
                            + "<c r=\"C4\" t=\"inlineStr\"><is><t>personnel_number</t></is></c></row>"
                            + inlineRow(5, "B", "00123", "C", "personnel_number")).bytes();

            XlsxImportResult result = read(xlsx);

            assertThat(result.rows()).extracting(InvitationRow::identifier)
                    .containsExactly("491511234567", "612345678", "123", "00123");
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
            assertThat(result.warnings()).hasSize(3);
            assertThat(result.warnings().get(0)).contains("cell B2 is a number (491511234567)")
                    .contains("leading zeros").contains("as Text");
            assertThat(result.warnings().get(1)).contains("cell B3");
        }

        @Test
        @DisplayName("many numeric identifiers: ten warnings and one summary")
        void boundedWarnings() {
            StringBuilder rows = new StringBuilder(HEADER);
            for (int r = 2; r < 40; r++) {
                rows.append("<row r=\"").append(r).append("\"><c r=\"B").append(r).append("\"><v>").append(r)
                        .append("</v></c></row>");
            }

            XlsxImportResult result = read(HandMadeXlsx.create().sheet("S", rows.toString()).bytes());

            assertThat(result.warnings()).hasSize(11);
            assertThat(result.warnings().get(10)).contains("28 more").contains("38 in all");
        }
    }

    @Test
    @DisplayName("a formula without a calculated value (as openpyxl writes it) is a problem naming the cell")
    void uncalculatedFormula() {
        byte[] xlsx = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "B", "first name")
                + "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>LOWER(\"A@X.COM\")</f></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>Ann</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"b@x.com\"</f><v>b@x.com</v></c>"
                + "<c r=\"B3\"><f>1+1</f></c></row>").bytes();

        XlsxImportResult result = read(xlsx);

        assertThat(result.rows().get(0).email()).isNull();
        assertThat(result.rows().get(0).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("email"))
                .extracting(RowProblem::message).asString().contains("cell A2 holds a formula that was never calculated")
                .contains("open and save the file in Excel");
        assertThat(result.rows().get(1).email()).isEqualTo("b@x.com");
        assertThat(result.rows().get(1).problems()).singleElement().extracting(RowProblem::message).asString()
                .contains("cell B3");
    }

    @Test
    @DisplayName("a repeated cell reference or row is refused as a damaged file naming it")
    void repeatedReferences() {
        byte[] cell = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email", "B", "first name")
                + inlineRow(2, "A", "a@x.com", "B", "Ann", "B", "Bob")).bytes();
        byte[] row = HandMadeXlsx.create().sheet("S", inlineRow(1, "A", "email")
                + inlineRow(2, "A", "a@x.com") + inlineRow(2, "A", "c@x.com")).bytes();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(cell))
                .isInstanceOf(io.invitations.core.bulk.ImportException.class)
                .hasMessageContaining("cell B2 appears twice").hasMessageContaining("damaged");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(row))
                .isInstanceOf(io.invitations.core.bulk.ImportException.class)
                .hasMessageContaining("row 2 appears twice").hasMessageContaining("damaged");
    }
}
