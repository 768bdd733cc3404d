package io.invitations.csv;

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
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import static io.invitations.csv.TestFiles.resource;
import static io.invitations.csv.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

@DisplayName("CsvImporter")
class CsvImporterTest {

    @Nested
    @DisplayName("reads files as other programs write them")
    class OtherPrograms {
        @Test
        @DisplayName("a French Excel export with BOM, semicolons, CRLF, a quoted newline and accents")
        void frenchExcelExport() {
            ImportResult result = CsvImporter.read(resource("excel-fr-semicolon-bom-crlf.csv"));

            assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 3, 5, 6);
            InvitationRow zoe = result.rows().get(0);
            assertThat(zoe.email()).isEqualTo("zoe.dupont@example.fr");
            assertThat(zoe.firstName()).isEqualTo("Zoé");
            assertThat(zoe.lastName()).isEqualTo("Dupont");
            assertThat(zoe.role()).isEqualTo("manager");
            assertThat(zoe.groups()).containsExactly("Ventes", "Marketing");
            assertThat(zoe.membershipType()).isEqualTo("membre");
            assertThat(zoe.message()).isEqualTo("Bienvenue !");
            InvitationRow francois = result.rows().get(1);
            assertThat(francois.firstName()).isEqualTo("François");
            assertThat(francois.message()).isEqualTo("Première ligne\nseconde ligne; avec \"guillemets\"");
            assertThat(result.rows().get(2).lastName()).isEqualTo("Müller");
            assertThat(result.rows().get(3).lastName()).isEqualTo("Żółć");
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
            assertThat(result.warnings()).extracting(ImportWarning::message).containsExactly("1 blank row skipped: 4");
        }

        @Test
        @DisplayName("an Outlook export in windows-1252 when the charset is given")
        void outlookWindows1252() {
            ImportResult result = CsvImporter.read(resource("outlook-contacts-windows1252.csv"),
                    CsvImportOptions.builder().charset(Charset.forName("windows-1252")).build());

            InvitationRow jurgen = result.rows().get(0);
            assertThat(jurgen.email()).isEqualTo("juergen.mueller@firma.example");
            assertThat(jurgen.firstName()).isEqualTo("Jürgen");
            assertThat(jurgen.lastName()).isEqualTo("Müller");
            assertThat(jurgen.metadata()).containsEntry("Company", "Müller & Söhne GmbH")
                    .containsEntry("Notes", "Kunde seit 2019, bevorzugt \"Du\"")
                    .doesNotContainKey("Middle Name");
            assertThat(result.rows().get(1).firstName()).isEqualTo("Hélène");
        }

        @Test
        @DisplayName("the same Outlook export without the charset is refused with a hint to pass it")
        void outlookWithoutCharset() {
            assertThatThrownBy(() -> CsvImporter.read(resource("outlook-contacts-windows1252.csv")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("not valid UTF-8")
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("windows-1252")
                    .extracting(e -> ((ImportException) e).code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE);
        }

        @Test
        @DisplayName("a Google Contacts export, unknown columns kept as metadata or ignored by option")
        void googleContacts() {
            ImportResult kept = CsvImporter.read(resource("google-contacts.csv"));
            ImportResult ignored = CsvImporter.read(resource("google-contacts.csv"), CsvImportOptions.builder()
                    .columnMapping(ColumnMapping.defaults().ignoringUnknownColumns()).build());

            assertThat(kept.rows()).extracting(InvitationRow::email).containsExactly("ana.garcia@example.es",
                    "bo@example.com");
            assertThat(kept.rows().get(0).lastName()).isEqualTo("García");
            assertThat(kept.rows().get(1).metadata()).containsEntry("Notes", "Met at conf, 2023")
                    .containsEntry("Labels", "* myContacts ::: Friends");
            assertThat(ignored.rows()).allSatisfy(row -> assertThat(row.metadata()).isEmpty());
            assertThat(ignored.rows().get(1).firstName()).isEqualTo("Bo");
        }

        @Test
        @DisplayName("Excel's tab-separated Unicode text (UTF-16 with BOM) with German headers")
        void excelUnicodeText() {
            ImportResult result = CsvImporter.read(resource("excel-de-unicode-text.txt"));

            assertThat(result.rows()).hasSize(2);
            InvitationRow anna = result.rows().get(0);
            assertThat(anna.email()).isEqualTo("anna.schmidt@firma.example");
            assertThat(anna.groups()).containsExactly("Einkauf", "Logistik");
            assertThat(anna.language()).isEqualTo("de-CH");
            assertThat(result.rows().get(1).lastName()).isEqualTo("Weiß");
            assertThat(result.rows().get(1).role()).isEqualTo("admin");
        }
    }

    @Nested
    @DisplayName("headers and columns")
    class Headers {
        @Test
        @DisplayName("headers match ignoring case, spaces, punctuation and accents")
        void lenientHeaders() {
            ImportResult result = CsvImporter.read(utf8("  E-MAIL ADDRESS ,PRÉNOM,nom_de_famille,Identifier-Kind,"
                    + "ID\na@example.com,Ana,Lopez,phone,+1 555\n"));

            InvitationRow row = result.rows().get(0);
            assertThat(row.email()).isEqualTo("a@example.com");
            assertThat(row.firstName()).isEqualTo("Ana");
            assertThat(row.lastName()).isEqualTo("Lopez");
            assertThat(row.identifierKind()).isEqualTo("phone");
            assertThat(row.identifier()).isEqualTo("+1 555");
        }

        @Test
        @DisplayName("an explicit mapping overrides recognition")
        void explicitMapping() {
            ColumnMapping mapping = ColumnMapping.defaults().with("Work address", RowField.EMAIL)
                    .with("nom", RowField.FIRST_NAME);
            ImportResult result = CsvImporter.read(utf8("Work address,nom\nw@example.com,Ana\n"),
                    CsvImportOptions.builder().columnMapping(mapping).build());

            assertThat(result.rows().get(0).email()).isEqualTo("w@example.com");
            assertThat(result.rows().get(0).firstName()).isEqualTo("Ana");
        }

        @Test
        @DisplayName("a header without an email or identifier column is refused, naming the header row")
        void noEmailColumn() {
            assertThatThrownBy(() -> CsvImporter.read(utf8("\n\nname,role\nAna,member\n")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("row 3")
                    .hasMessageContaining("no email column")
                    .asInstanceOf(type(ImportException.class))
                    .extracting(ImportException::rowNumber).isEqualTo(3);
        }

        @Test
        @DisplayName("a first row that holds addresses gets a hint to add a header or use the text importer")
        void headerMissing() {
            assertThatThrownBy(() -> CsvImporter.read(utf8("ana@example.com\nbo@example.com\n")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("row 1")
                    .hasMessageContaining("add a header row")
                    .hasMessageContaining("TextImporter");
        }

        @Test
        @DisplayName("a claim-link column is never imported, with a warning")
        void claimLinksDropped() {
            ImportResult result = CsvImporter.read(utf8("email,Claim Link,team\n"
                    + "a@example.com,https://x.example/claim/secret-token,Blue\n"));

            assertThat(result.rows().get(0).metadata()).isEmpty();
            assertThat(result.rows().get(0).toString()).doesNotContain("secret-token");
            assertThat(result.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("column 2").contains("not imported"));
        }
    }

    @Nested
    @DisplayName("separators, rows and cells")
    class Cells {
        @Test
        @DisplayName("the separator is detected from the header line outside quotes")
        void separatorDetection() {
            ImportResult semicolon = CsvImporter.read(utf8("\"email, work\";first name;last name\na@x.io;A;B\n"),
                    CsvImportOptions.builder().columnMapping(ColumnMapping.defaults()
                            .with("email, work", RowField.EMAIL)).build());
            ImportResult tab = CsvImporter.read(utf8("email\tgroups\na@x.io\tx,y\n"));

            assertThat(semicolon.rows().get(0).lastName()).isEqualTo("B");
            assertThat(tab.rows().get(0).groups()).containsExactly("x", "y");
        }

        @Test
        @DisplayName("a forced separator wins over detection")
        void forcedSeparator() {
            ImportResult result = CsvImporter.read(utf8("email;groups,teams\na@x.io;a,b\n"),
                    CsvImportOptions.builder().separator(';').columnMapping(ColumnMapping.defaults()
                            .with("groups,teams", RowField.GROUPS)).build());

            assertThat(result.rows().get(0).groups()).containsExactly("a", "b");
        }

        @Test
        @DisplayName("row numbers count records as a spreadsheet shows them, blank rows skipped")
        void rowNumbers() {
            ImportResult result = CsvImporter.read(utf8("email,message\n\"a@x.io\",\"two\nlines\"\n\n,\nb@x.io,\n"));

            assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 5);
            assertThat(result.warnings()).extracting(ImportWarning::message)
                    .containsExactly("2 blank rows skipped: 3, 4");
        }

        @Test
        @DisplayName("cells beyond the header are a row problem, not silently lost")
        void extraCells() {
            ImportResult result = CsvImporter.read(utf8("email,first name,last name\na@x.io,Doe, Jane,Smith\n"
                    + "b@x.io,Bo,Chen,,\n"));

            assertThat(result.rows().get(0).problems()).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("columns"))
                    .extracting(RowProblem::message).asString().contains("4 cells").contains("[Smith]");
            assertThat(result.rows().get(1).problems()).isEmpty();
        }

        @Test
        @DisplayName("Excel's 'sep=;' first line sets the separator and is skipped, rows numbered as Excel shows them")
        void excelSeparatorLine() {
            for (String first : List.of("sep=;\n", "\"sep=;\"\r\n", "SEP=;\r")) {
                ImportResult result = CsvImporter.read(utf8(first + "email;first name\na@x.com;Ann\n;\nb@x.com;Bo,B\n"));

                assertThat(result.rows()).extracting(InvitationRow::email).as(first).containsExactly("a@x.com", "b@x.com");
                assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 4);
                assertThat(result.rows().get(1).firstName()).isEqualTo("Bo,B");
            }
            assertThat(CsvImporter.read(utf8("sep=,\nemail;first name\na@x.com;Ann\n"), CsvImportOptions.builder()
                    .separator(';').build()).rows().get(0).firstName()).isEqualTo("Ann");
        }

        @Test
        @DisplayName("the extra-cells problem lists at most five cells, each shortened")
        void extraCellsBounded() {
            String row = "a@x.io" + ("," + "x".repeat(500)).repeat(1_000);

            ImportResult result = CsvImporter.read(utf8("email\n" + row + "\n"));

            assertThat(result.rows().get(0).problems()).singleElement().extracting(RowProblem::message).asString()
                    .contains("1001 cells").contains("995 more").hasSizeLessThan(500);
        }

        @Test
        @DisplayName("a cell under a blank header is a row problem naming the column, not silently lost")
        void blankHeader() {
            ImportResult result = CsvImporter.read(utf8("email,,last name\na@x.com,Ann,Lee\nb@x.com,,Bo\n"));

            assertThat(result.rows().get(0).lastName()).isEqualTo("Lee");
            assertThat(result.rows().get(0).problems()).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("columns"))
                    .extracting(RowProblem::message).asString().contains("column 2 (B)").contains("no header")
                    .contains("name the column");
            assertThat(result.rows().get(1).problems()).isEmpty();
            assertThat(CsvImporter.read(utf8("email,,last name\na@x.com,Ann,Lee\n"), CsvImportOptions.builder()
                    .columnMapping(ColumnMapping.defaults().ignoringUnknownColumns()).build()).rows().get(0).problems())
                    .singleElement().extracting(RowProblem::message).asString().contains("column 2 (B)");
        }

        @Test
        @DisplayName("cells neutralised by an export are restored: a phone identifier keeps its plus")
        void neutralisedCellsRestored() {
            ImportResult result = CsvImporter.read(utf8("identifier kind,identifier,first name\n"
                    + "phone,'+33 6 12 34 56 78,'=Ana\n"));

            assertThat(result.rows().get(0).identifier()).isEqualTo("+33 6 12 34 56 78");
            assertThat(result.rows().get(0).firstName()).isEqualTo("=Ana");
        }

        @Test
        @DisplayName("unknown columns become metadata keyed by their header")
        void metadata() {
            ImportResult result = CsvImporter.read(utf8("email,Cost Center,Badge\na@x.io,CC-12,\n"));

            assertThat(result.rows().get(0).metadata()).isEqualTo(Map.of("Cost Center", "CC-12"));
        }
    }

    @Nested
    @DisplayName("refuses files it cannot read, with a typed error")
    class Refusals {
        @Test
        @DisplayName("an unbalanced quote names the row and the line where the cell starts")
        void unbalancedQuote() {
            assertThatThrownBy(() -> CsvImporter.read(utf8("email,message\n\"a@x.io\",\"two\nlines\"\n"
                    + "b@x.io,\"never closed\nc@x.io,x\n")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageStartingWith("row 3: a quoted cell that starts on line 4 is never closed")
                    .asInstanceOf(type(ImportException.class))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_INVALID_FILE))
                    .extracting(ImportException::rowNumber).isEqualTo(3);
        }

        @Test
        @DisplayName("text after a closing quote is refused too")
        void textAfterQuote() {
            assertThatThrownBy(() -> CsvImporter.read(utf8("email\n\"a@x.io\"junk\n")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("row 2");
        }

        @Test
        @DisplayName("an empty file, or one of blank lines, has no header")
        void emptyFile() {
            for (String text : List.of("", "\n\r\n  \n", ",,,\n, ,\n")) {
                assertThatThrownBy(() -> CsvImporter.read(utf8(text)))
                        .isInstanceOf(ImportException.class)
                        .hasMessageContaining("the file is empty");
            }
        }

        @Test
        @DisplayName("a header without data rows is refused")
        void headerOnly() {
            assertThatThrownBy(() -> CsvImporter.read(utf8("email,first name\n\n")))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("no data rows");
        }

        @Test
        @DisplayName("more rows than the limit are refused with the limit named")
        void tooManyRows() {
            String text = "email\n" + "a@x.io\n".repeat(4);
            CsvImportOptions options = CsvImportOptions.builder().limits(ImportLimits.of(1_000, 3)).build();

            assertThat(CsvImporter.read(utf8("email\n" + "a@x.io\n".repeat(3)), options).rows()).hasSize(3);
            assertThatThrownBy(() -> CsvImporter.read(utf8(text), options))
                    .isInstanceOf(ImportException.class)
                    .hasMessage("row 5: the file has more than 3 rows, the limit; split it into smaller files")
                    .asInstanceOf(type(ImportException.class))
                    .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        }

        @Test
        @DisplayName("more bytes than the limit are refused")
        void tooManyBytes() {
            CsvImportOptions options = CsvImportOptions.builder().limits(ImportLimits.of(64, 100)).build();

            assertThatThrownBy(() -> CsvImporter.read(utf8("email\n" + "someone@example.com\n".repeat(4)), options))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("larger than 64 bytes")
                    .asInstanceOf(type(ImportException.class))
                    .extracting(ImportException::code).isEqualTo(ErrorCode.IMPORT_LIMIT_EXCEEDED);
        }

        @Test
        @DisplayName("binary data, an .xlsx and an .xls are refused as not CSV")
        void binary() {
            byte[] nul = "email\na@x.io\0\n".getBytes(Charset.forName("UTF-8"));
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
            byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};

            assertThatThrownBy(() -> CsvImporter.read(new ByteArrayInputStream(nul)))
                    .isInstanceOf(ImportException.class).hasMessageContaining("binary data")
                    .hasMessageContaining("line 2");
            assertThatThrownBy(() -> CsvImporter.read(new ByteArrayInputStream(zip)))
                    .isInstanceOf(ImportException.class).hasMessageContaining("invitations-excel");
            assertThatThrownBy(() -> CsvImporter.read(new ByteArrayInputStream(ole)))
                    .isInstanceOf(ImportException.class).hasMessageContaining(".xls");
        }
    }
}
