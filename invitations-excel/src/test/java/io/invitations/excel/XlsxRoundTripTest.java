package io.invitations.excel;

import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowProblem;
import io.invitations.core.bulk.StatusReport;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.TenantId;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static io.invitations.excel.XlsxTemplateTest.template;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Round trips: template → filled in → imported, and export → imported")
class XlsxRoundTripTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    @DisplayName("a template filled in by a spreadsheet program imports exactly what was typed")
    void templateFilledAndImported() throws IOException {
        byte[] blank = template(TemplateOptions.builder().roles(List.of("member", "editor")).build());
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            XSSFSheet sheet = wb.getSheet("Invitations");
            type(sheet, 1, "zoe@example.com", "Zoë", "Brontë", "editor", "sales; north", "member", null, null, "fr",
                    "Bienvenue !");
            type(sheet, 2, "jurgen@example.de", "Jürgen", "Groß", "member", null, "guest", null, null, "de", null);
            // row 4 left blank on purpose; row 5: a person without email, phone number typed as text
            type(sheet, 4, null, "Ana", "Ñúñez", null, null, null, "0612345678", "phone", null, null);
            // row 6: the email typed as a number (a spreadsheet turns digits into a number)
            sheet.createRow(5).createCell(0).setCellValue(12345);
            // row 7: a birth date typed as a date into the identifier column
            Row dated = sheet.createRow(6);
            XSSFCellStyle dateStyle = wb.createCellStyle();
            CreationHelper helper = wb.getCreationHelper();
            dateStyle.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
            dated.createCell(6).setCellValue(LocalDate.of(1990, 5, 17));
            dated.getCell(6).setCellStyle(dateStyle);
            dated.createCell(7).setCellValue("birth_date");
            filled = bytes(wb);
        }

        XlsxImportResult result = XlsxImporter.read(new ByteArrayInputStream(filled));

        assertThat(result.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 3, 5, 6, 7);
        InvitationRow zoe = result.rows().get(0);
        assertThat(zoe.email()).isEqualTo("zoe@example.com");
        assertThat(zoe.firstName()).isEqualTo("Zoë");
        assertThat(zoe.lastName()).isEqualTo("Brontë");
        assertThat(zoe.role()).isEqualTo("editor");
        assertThat(zoe.groups()).containsExactly("sales", "north");
        assertThat(zoe.membershipType()).isEqualTo("member");
        assertThat(zoe.language()).isEqualTo("fr");
        assertThat(zoe.message()).isEqualTo("Bienvenue !");
        assertThat(result.rows().get(1).lastName()).isEqualTo("Groß");
        assertThat(result.rows().get(1).membershipType()).isEqualTo("guest");
        InvitationRow ana = result.rows().get(2);
        assertThat(ana.email()).isNull();
        assertThat(ana.identifier()).isEqualTo("0612345678");
        assertThat(ana.identifierKind()).isEqualTo("phone");
        assertThat(ana.lastName()).isEqualTo("Ñúñez");
        assertThat(result.rows().get(3).problems()).extracting(RowProblem::field).containsExactly("email");
        assertThat(result.rows().get(4).identifier()).isEqualTo("1990-05-17");
        assertThat(result.rows().stream().filter(r -> r.rowNumber() != 6).flatMap(r -> r.problems().stream()))
                .isEmpty();
    }

    @Test
    @DisplayName("the status report exports every invitation as text (formula-like text quote-prefixed) and imports back exactly")
    void exportedAndImported() throws IOException {
        Invitation zoe = invitation("inv-1", Invitee.email("zoe@example.com").withName("Zoë", "Brontë"),
                Grant.role("editor").withGroups(Set.of("sales", "north")), InvitationStatus.PENDING,
                NOW.plus(Duration.ofDays(7)));
        Invitation expired = invitation("inv-2", Invitee.email("old@example.com").withName("=HYPERLINK(\"http://x\")",
                "-Smith"), Grant.role("member").withMembershipType(MembershipType.GUEST), InvitationStatus.PENDING,
                NOW.minus(Duration.ofDays(1)));
        Invitation ana = invitation("inv-3", Invitee.identifier(IdentifierKind.PHONE, "0612345678")
                .withName("Ana", "Núñez"), Grant.role("member"), InvitationStatus.PROVISIONED, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int written = XlsxStatusExport.write(out, List.of(zoe, expired, ana), NOW);

        assertThat(written).isEqualTo(3);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            List<List<String>> cells = new ArrayList<>();
            sheet.forEach(row -> {
                assertThat(row).allSatisfy(c -> assertThat(c.getCellType()).isEqualTo(CellType.STRING));
                cells.add(StreamSupport.stream(row.spliterator(), false).map(Cell::getStringCellValue).toList());
            });
            assertThat(cells.get(0)).isEqualTo(StatusReport.HEADERS);
            // text cells are never calculated: the text as it is, no visible apostrophe, quote-prefixed when it
            // looks like a formula so that editing the cell keeps it text
            assertThat(cells.get(2)).isEqualTo(StatusReport.row(expired, NOW).stream()
                    .map(v -> v == null ? "" : v).toList());
            assertThat(sheet.getRow(2).getCell(StatusReport.HEADERS.indexOf("first name")).getCellStyle()
                    .getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(StatusReport.HEADERS.indexOf("first name")).getCellStyle()
                    .getQuotePrefixed()).isFalse();
        }

        XlsxImportResult back = XlsxImporter.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(back.headers()).isEqualTo(StatusReport.HEADERS);
        assertThat(back.rows()).extracting(InvitationRow::rowNumber).containsExactly(2, 3, 4);
        InvitationRow first = back.rows().get(0);
        assertThat(first.email()).isEqualTo("zoe@example.com");
        assertThat(first.firstName()).isEqualTo("Zoë");
        assertThat(first.role()).isEqualTo("editor");
        assertThat(first.groups()).containsExactly("north", "sales");
        assertThat(first.membershipType()).isEqualTo("member");
        assertThat(first.metadata()).containsEntry("status", "PENDING").containsEntry("invitation id", "inv-1");
        InvitationRow second = back.rows().get(1);
        assertThat(second.firstName()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(second.lastName()).isEqualTo("-Smith");
        assertThat(second.membershipType()).isEqualTo("guest");
        assertThat(second.metadata()).containsEntry("status", "EXPIRED");
        InvitationRow third = back.rows().get(2);
        assertThat(third.email()).isNull();
        assertThat(third.identifierKind()).isEqualTo("phone");
        assertThat(third.identifier()).isEqualTo("0612345678");
        assertThat(third.metadata()).containsEntry("status", "PROVISIONED");
        assertThat(back.rowsWithProblems()).isEmpty();
    }

    @Test
    @DisplayName("an empty report is a header row only")
    void emptyExport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(XlsxStatusExport.write(out, List.of(), NOW)).isZero();

        XlsxImportResult back = XlsxImporter.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.headers()).isEqualTo(StatusReport.HEADERS);
        assertThat(back.rows()).isEmpty();
    }

    private static Invitation invitation(String id, Invitee invitee, Grant grant, InvitationStatus status,
                                         Instant expiresAt) {
        return Invitation.builder().id(InvitationId.of(id)).tenantId(TenantId.of("acme")).invitee(invitee)
                .grant(grant).invitedBy("u-1").inviterName("Admin").status(status)
                .createdAt(NOW.minus(Duration.ofDays(3))).updatedAt(NOW.minus(Duration.ofDays(3)))
                .invitedAt(status == InvitationStatus.PROVISIONED ? null : NOW.minus(Duration.ofDays(3)))
                .expiresAt(expiresAt).delivery(DeliveryState.none()).build();
    }

    private static void type(XSSFSheet sheet, int rowIndex, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
