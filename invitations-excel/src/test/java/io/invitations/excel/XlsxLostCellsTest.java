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
}
