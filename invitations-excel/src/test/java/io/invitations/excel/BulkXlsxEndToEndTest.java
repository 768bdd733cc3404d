package io.invitations.excel;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.RowField;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@DisplayName("A filled-in .xlsx template goes through the bulk engine")
class BulkXlsxEndToEndTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final List<RowField> COLUMNS = List.of(RowField.EMAIL, RowField.FIRST_NAME, RowField.LAST_NAME,
            RowField.ROLE, RowField.IDENTIFIER, RowField.IDENTIFIER_KIND);

    private static byte[] xlsx;

    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final InvitationService service = InvitationService.builder().identityDirectory(directory)
            .settings(settings).clock(Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC)).build();

    @BeforeAll
    static void fillTemplate() throws IOException {
        xlsx = filledTemplate();
    }

    /** The template filled in as a spreadsheet program would, people without email and bad rows included. */
    private static byte[] filledTemplate() throws IOException {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        XlsxTemplate.write(blank, TemplateOptions.builder().roles(List.of("member", "admin")).columns(COLUMNS).build());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()))) {
            XSSFSheet sheet = wb.getSheet("Invitations");
            type(sheet, 1, "zoe@example.com", "Zoë", "Brontë", "member", null, null);             // 2
            type(sheet, 2, null, "Jean", "Martin", "member", "E-1001", "personnel number");        // 3
            type(sheet, 3, null, "Ana", "Núñez", "member", "0612345678", "phone");                 // 4
            sheet.createRow(4).createCell(0).setCellValue(12345);                                  // 5 number as email
            type(sheet, 5, "ZOE@Example.com", "Zoë", "Again", "member", null, null);               // 6
            type(sheet, 6, null, "Jean", "Bis", "member", "e-1001", "matricule");                  // 7
            type(sheet, 7, "max@example.de", "Max", "Muster", "member", null, null);               // 8 a member
            type(sheet, 8, "carl@example.com", "Carl", "Old", "member", null, null);               // 9 invited
            type(sheet, 9, null, "Kim", "Lee", "member", "K-7", null);                             // 10 no kind
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private BulkReport importAndInvite(Inviter inviter) {
        directory.addMember(ACME, EmailAddress.of("max@example.de"));
        service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("carl@example.com").role("member").build());
        XlsxImportResult imported = XlsxImporter.read(new ByteArrayInputStream(xlsx));
        return service.administration(inviter, ACME).bulk(BulkRequest.builder(imported.rows()).defaultRole("member").build());
    }

    @Test
    void every_row_gets_its_outcome_and_rows_without_email_become_identifier_invitations() {
        BulkReport report = importAndInvite(ADMIN);

        assertThat(report.lines()).extracting(BulkReport.Line::rowNumber, BulkReport.Line::outcome).containsExactly(
                tuple(2, BulkOutcome.CREATED), tuple(3, BulkOutcome.CREATED), tuple(4, BulkOutcome.CREATED),
                tuple(5, BulkOutcome.INVALID), tuple(6, BulkOutcome.DUPLICATE_IN_INPUT),
                tuple(7, BulkOutcome.DUPLICATE_IN_INPUT), tuple(8, BulkOutcome.ALREADY_MEMBER),
                tuple(9, BulkOutcome.ALREADY_INVITED), tuple(10, BulkOutcome.INVALID));
        assertThat(fieldsAndCodes(report, 5)).containsExactly(tuple("email", ErrorCode.INVALID_REQUEST));
        assertThat(fieldsAndCodes(report, 6)).containsExactly(tuple("email", ErrorCode.INVALID_REQUEST));
        assertThat(fieldsAndCodes(report, 7)).containsExactly(tuple("identifier", ErrorCode.INVALID_REQUEST));
        assertThat(fieldsAndCodes(report, 8)).containsExactly(tuple("email", ErrorCode.ALREADY_MEMBER));
        assertThat(fieldsAndCodes(report, 9)).containsExactly(tuple("email", ErrorCode.ALREADY_INVITED));
        assertThat(fieldsAndCodes(report, 10)).containsExactly(tuple("identifier kind", ErrorCode.INVALID_REQUEST));

        Invitation jean = created(report, 3);
        Invitation ana = created(report, 4);
        assertThat(jean.invitee().contact()).isEqualTo(Identifier.of(IdentifierKind.PERSONNEL_NUMBER, "E-1001"));
        assertThat(jean.invitee().lastName()).isEqualTo("Martin");
        assertThat(ana.invitee().contact()).isEqualTo(Identifier.of(IdentifierKind.PHONE, "0612345678"));
        assertThat(List.of(jean, ana)).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(i.invitee().emailOrNull()).isNull();
        });
        assertThat(created(report, 2).invitee().contact()).isEqualTo(EmailAddress.of("zoe@example.com"));
    }

    @Test
    void an_inviter_below_the_manage_level_sees_the_member_and_the_invited_row_as_one_neutral_outcome() {
        settings.update(ACME, s -> s.toBuilder().minimumInviteLevel(PermissionLevel.USER).build());

        BulkReport report = importAndInvite(Inviter.of("u-1", "Una User", PermissionLevel.USER));

        assertThat(report.line(8).orElseThrow().outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED_OR_MEMBER);
        assertThat(report.line(9).orElseThrow().outcome()).isEqualTo(BulkOutcome.ALREADY_INVITED_OR_MEMBER);
        assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(3);
    }

    @Test
    void an_administrator_exports_the_claim_links_of_the_batch_and_anyone_else_is_refused() {
        BulkReport report = importAndInvite(ADMIN);

        List<ClaimLinkEntry> entries = service.administration(ADMIN, ACME).exportClaimLinks(report.batchId());

        assertThat(entries).extracting(e -> e.invitation().id()).containsExactlyInAnyOrderElementsOf(report.createdIds());
        assertThat(entries).allSatisfy(e -> assertThat(e.claimUrl())
                .isEqualTo(service.administration(ADMIN, ACME).revealClaimLink(e.invitation().id()).url()));
        Inviter hr = Inviter.of("hr-1", "Hal HR", PermissionLevel.HR_TENANT);
        assertThatThrownBy(() -> service.administration(hr, ACME).exportClaimLinks(report.batchId()))
                .isInstanceOfSatisfying(PolicyViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW));
    }

    private Invitation created(BulkReport report, int rowNumber) {
        return service.administration(ADMIN, ACME).find(report.line(rowNumber).orElseThrow().invitationId()).orElseThrow();
    }

    private static List<Tuple> fieldsAndCodes(BulkReport report, int rowNumber) {
        return report.line(rowNumber).orElseThrow().reasons().stream()
                .map(p -> tuple(p.field(), p.code())).toList();
    }

    private static void type(XSSFSheet sheet, int rowIndex, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }
}
