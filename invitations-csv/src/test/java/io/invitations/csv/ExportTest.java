package io.invitations.csv;

import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.StatusReport;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("CSV exports")
class ExportTest {
    private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant NOW = CREATED.plus(Duration.ofDays(2));

    private static Invitation invitation(String id, Invitee invitee, Grant grant) {
        return Invitation.builder().id(InvitationId.of(id)).tenantId(TenantId.of("acme")).invitee(invitee)
                .grant(grant).invitedBy("u-1").inviterName("Ana Admin").createdAt(CREATED).updatedAt(CREATED)
                .invitedAt(CREATED).expiresAt(CREATED.plus(Duration.ofDays(7))).build();
    }

    private static final Invitation ZOE = invitation("inv-1",
            new Invitee(EmailAddress.of("zoe@example.fr"), "Zoé", "Dupont, \"la grande\"", null),
            Grant.role("manager").withGroups(Set.of("Ventes", "R&D")));
    private static final Invitation ATTACKER = invitation("inv-2",
            new Invitee(EmailAddress.of("-x@example.com"), "=HYPERLINK(\"http://evil\")", "+1+1", null),
            Grant.role("@SUM(A1)"));
    private static final Invitation PHONE = invitation("inv-3",
            new Invitee(Identifier.of(IdentifierKind.PHONE, "+33 6 12 34 56 78"), "Tom", null, null),
            Grant.role("member").withMembershipType(MembershipType.GUEST));

    private static final Invitation EUROPEAN = invitation("inv-4",
            new Invitee(EmailAddress.of("eu@example.fr"), "Ann,-2\t@x", "Smith;=1+1", null),
            Grant.role("member"));

    private static String report(List<Invitation> invitations, CsvExportOptions options) {
        StringWriter out = new StringWriter();
        StatusReportExport.write(invitations, NOW, out, options);
        return out.toString();
    }

    @Nested
    @DisplayName("neutralise every cell against formula injection")
    class Neutralisation {
        @Test
        @DisplayName("status cells starting with = + - @ get a single quote; others are untouched")
        void triggers() {
            String csv = report(List.of(ATTACKER, PHONE), CsvExportOptions.defaults());

            assertThat(csv).contains("\"'-x@example.com\",").contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
                    .contains(",\"'+1+1\",").contains(",\"'@SUM(A1)\",").contains(",\"'+33 6 12 34 56 78\",\"Tom\",");
            assertThat(csv.lines().skip(1)).noneMatch(line -> line.matches("(^|.*,)\"?[=+\\-@].*"));
        }

        @Test
        @DisplayName("every cell is quoted and a trigger after , ; or tab inside a cell gets a quote (Excel in a ';' locale)")
        void europeanExcel() {
            String csv = report(List.of(EUROPEAN), CsvExportOptions.defaults());

            assertThat(csv).contains(",\"Ann,'-2\t'@x\",\"Smith;'=1+1\",");
            String row = csv.lines().skip(1).findFirst().orElseThrow();
            assertThat(row).startsWith("\"eu@example.fr\",").endsWith("\"inv-4\"");
            for (String piece : row.split("[,;\t]", -1)) {
                assertThat(piece).doesNotMatch("^\"?[=+\\-@].*");
            }
        }

        @Test
        @DisplayName("claim-link cells starting with = TAB CR LF get a single quote, and an entry never shows its link")
        void claimLinks() {
            StringWriter out = new StringWriter();
            List<ClaimLinkEntry> entries = List.of(
                    new ClaimLinkEntry(ZOE, "=https://x.example/c/tok-123"),
                    new ClaimLinkEntry(ZOE, "\thttps://x.example/c/tab"),
                    new ClaimLinkEntry(ZOE, "\rhttps://x.example/c/cr"),
                    new ClaimLinkEntry(ZOE, "\nhttps://x.example/c/lf"),
                    new ClaimLinkEntry(ZOE, "https://x.example/c/plain"));

            ClaimLinkExport.write(entries, NOW, out, CsvExportOptions.defaults());

            assertThat(out.toString()).startsWith(String.join(",", ClaimLinkExport.HEADERS) + "\r\n")
                    .contains(",\"'=https://x.example/c/tok-123\"\r\n").contains(",\"'\thttps://x.example/c/tab\"\r\n")
                    .contains(",\"'\rhttps://x.example/c/cr\"\r\n").contains(",\"'\nhttps://x.example/c/lf\"\r\n")
                    .contains(",\"https://x.example/c/plain\"\r\n");
            assertThat(entries.get(0).toString()).contains("inv-1").doesNotContain("tok-123");
        }
    }

    @Nested
    @DisplayName("write RFC 4180 text")
    class Format {
        @Test
        @DisplayName("CRLF line ends, every data cell quoted, the status report's headers first")
        void layout() {
            String csv = report(List.of(ZOE), CsvExportOptions.defaults());

            assertThat(csv).startsWith(String.join(",", StatusReport.HEADERS) + "\r\n");
            assertThat(csv).contains("\"zoe@example.fr\",\"\",\"\",\"Zoé\",\"Dupont, \"\"la grande\"\"\",\"\",\"manager\","
                    + "\"member\",\"R&D;Ventes\",\"PENDING\",\"u-1\",\"2025-03-01T09:00:00Z\",");
            assertThat(csv).endsWith(",\"inv-1\"\r\n");
        }

        @Test
        @DisplayName("the Excel options write a UTF-8 BOM and take another separator")
        void excelBom() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            StatusReportExport.write(List.of(ZOE), NOW, bytes, CsvExportOptions.excel().withSeparator(';'));

            byte[] b = bytes.toByteArray();
            assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
            String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
            assertThat(text).startsWith("email;identifier kind;").contains(";\"Zoé\";\"Dupont, \"\"la grande\"\"\";")
                    .doesNotStartWith("\uFEFF");
        }

        @Test
        @DisplayName("statuses are judged at the report's instant")
        void effectiveStatus() {
            StringWriter out = new StringWriter();

            StatusReportExport.write(List.of(ZOE), CREATED.plus(Duration.ofDays(8)), out, CsvExportOptions.defaults());

            assertThat(out.toString()).contains(",\"EXPIRED\",");
        }

        @Test
        @DisplayName("a quote, CR or LF cannot be the separator")
        void badSeparator() {
            assertThatThrownBy(() -> CsvExportOptions.defaults().withSeparator('"'))
                    .isInstanceOf(InvitationException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_REQUEST);
        }
    }

    @Nested
    @DisplayName("round-trip through the importer")
    class RoundTrip {
        @Test
        @DisplayName("a status report imports back with the same people, grants and identifiers")
        void statusReport() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StatusReportExport.write(List.of(ZOE, ATTACKER, PHONE), NOW, bytes,
                    CsvExportOptions.excel().withSeparator(';'));

            ImportResult imported = CsvImporter.read(new ByteArrayInputStream(bytes.toByteArray()));

            assertThat(imported.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 3, 4);
            InvitationRow zoe = imported.rows().get(0);
            assertThat(zoe.email()).isEqualTo("zoe@example.fr");
            assertThat(zoe.firstName()).isEqualTo("Zoé");
            assertThat(zoe.lastName()).isEqualTo("Dupont, \"la grande\"");
            assertThat(zoe.role()).isEqualTo("manager");
            assertThat(zoe.groups()).containsExactly("R&D", "Ventes");
            assertThat(zoe.membershipType()).isEqualTo("member");
            assertThat(zoe.metadata()).containsEntry("status", "PENDING").containsEntry("invitation id", "inv-1");
            InvitationRow attacker = imported.rows().get(1);
            assertThat(attacker.email()).isEqualTo("-x@example.com");
            assertThat(attacker.firstName()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(attacker.role()).isEqualTo("@SUM(A1)");
            InvitationRow phone = imported.rows().get(2);
            assertThat(phone.identifierKind()).isEqualTo("phone");
            assertThat(phone.identifier()).isEqualTo("+33 6 12 34 56 78");
            assertThat(phone.membershipType()).isEqualTo("guest");
            assertThat(phone.firstName()).isEqualTo("Tom");
            assertThat(imported.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
        }

        @Test
        @DisplayName("cells with triggers after , ; or tab import back unchanged, with either separator")
        void european() {
            for (CsvExportOptions options : List.of(CsvExportOptions.defaults(), CsvExportOptions.excel().withSeparator(';'),
                    CsvExportOptions.defaults().withSeparator('\t'))) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                StatusReportExport.write(List.of(EUROPEAN, ATTACKER), NOW, bytes, options);

                ImportResult imported = CsvImporter.read(new ByteArrayInputStream(bytes.toByteArray()));

                InvitationRow row = imported.rows().get(0);
                assertThat(row.firstName()).as("separator %s", options.separator()).isEqualTo("Ann,-2\t@x");
                assertThat(row.lastName()).isEqualTo("Smith;=1+1");
                assertThat(imported.rows().get(1).firstName()).isEqualTo("=HYPERLINK(\"http://evil\")");
                assertThat(imported.rows()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
            }
        }

        @Test
        @DisplayName("a claim-link export imports back without the links")
        void claimLinks() {
            StringWriter out = new StringWriter();
            ClaimLinkExport.write(List.of(new ClaimLinkEntry(ZOE, "https://x.example/c/tok-123")), NOW, out,
                    CsvExportOptions.defaults());

            ImportResult imported = CsvImporter.read(new ByteArrayInputStream(out.toString()
                    .getBytes(StandardCharsets.UTF_8)));

            assertThat(imported.rows().get(0).email()).isEqualTo("zoe@example.fr");
            assertThat(imported.rows().get(0).toString()).doesNotContain("tok-123");
            assertThat(imported.warnings()).singleElement().extracting(ImportWarning::message).asString()
                    .contains("claim links");
        }
    }

}
