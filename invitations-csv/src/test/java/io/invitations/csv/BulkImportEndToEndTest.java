package io.invitations.csv;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.BulkWaves;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.ImportException;
import io.invitations.core.bulk.RowProblem;
import io.invitations.core.bulk.RowSource;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.invitations.csv.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A file read by an importer goes through the bulk engine and its claim links are exported")
class BulkImportEndToEndTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    /** A list as a French spreadsheet saves it: BOM, semicolons, CRLF, a quoted line break, accents, bad rows. */
    private static final String FILE = "\uFEFFE-Mail;Prénom;Nachname;Rolle;Gruppen;Langue;Message\r\n"
            + "ana@example.com;Ana;Álvarez;member;ventes, paris;fr;\"Bienvenue\r\nà bord\"\r\n"   // 2 created
            + "not-an-address;Bad;Row;member;;;\r\n"                                              // 3 bad email
            + "ANA@Example.com;Ana;Bis;member;;;\r\n"                                             // 4 same as 2
            + "carl@example.com;Carl;Old;member;;;\r\n"                                           // 5 invited before
            + "dora@example.com;Dora;Díaz;member;;klingon!;\r\n"                                  // 6 bad language
            + "eve@example.com;Ève;Zoé;member;;de;;shifted\r\n"                                   // 7 one cell too many
            + "zoe@exemple.fr;Zoé;Brontë;;;;\r\n";                                                // 8 default role

    private final InvitationService service = InvitationService.builder().clock(CLOCK).build();

    private BulkReport importAndInvite(BulkMode mode) {
        ImportResult imported = CsvImporter.read(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)));
        return service.administration(ADMIN, ACME).bulk(BulkRequest.builder(imported.rows()).defaultRole("member").mode(mode)
                .build());
    }

    @Test
    void streamed_in_waves_of_three_the_same_file_gives_the_same_lines_as_one_call() {
        service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("carl@example.com").role("member").build());
        RowSource source = rows -> CsvImporter.forEachRow(
                new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), CsvImportOptions.defaults(), rows);

        BulkWaves.Report report = BulkWaves.submit(source, 3,
                rows -> service.administration(ADMIN, ACME).bulk(BulkRequest.builder(rows).defaultRole("member").build()));

        assertThat(report.waves()).hasSize(3);
        assertThat(report.lines()).extracting(BulkReport.Line::rowNumber, BulkReport.Line::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, BulkOutcome.CREATED),
                org.assertj.core.groups.Tuple.tuple(3, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(4, BulkOutcome.DUPLICATE_IN_INPUT),
                org.assertj.core.groups.Tuple.tuple(5, BulkOutcome.ALREADY_INVITED),
                org.assertj.core.groups.Tuple.tuple(6, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(7, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(8, BulkOutcome.CREATED));
        assertThat(report.count(BulkOutcome.CREATED)).isEqualTo(2);
    }

    @Test
    void a_file_broken_after_its_first_wave_is_refused_by_bulk_waves_before_anything_is_written() {
        String broken = FILE + "frank@example.com;Frank;\"never closed;member;;;\r\n";
        RowSource source = rows -> CsvImporter.forEachRow(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), CsvImportOptions.defaults(), rows);

        assertThatThrownBy(() -> BulkWaves.submit(source, 3,
                rows -> service.administration(ADMIN, ACME).bulk(BulkRequest.builder(rows).defaultRole("member").build())))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.rowNumber()).isEqualTo(9));

        assertThat(service.administration(ADMIN, ACME).bulk(BulkRequest.builder(CsvImporter.read(new ByteArrayInputStream(
                FILE.getBytes(StandardCharsets.UTF_8))).rows()).defaultRole("member").mode(BulkMode.DRY_RUN).build())
                .count(BulkOutcome.CREATED)).as("nothing was written: every good row could still be created")
                .isEqualTo(3);
    }

    @Test
    void a_csv_with_bom_semicolons_and_bad_rows_gives_one_report_line_per_row_with_the_field_of_each_problem() {
        service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("carl@example.com").role("member").build());

        BulkReport report = importAndInvite(BulkMode.BEST_EFFORT);

        assertThat(report.lines()).extracting(BulkReport.Line::rowNumber, BulkReport.Line::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, BulkOutcome.CREATED),
                org.assertj.core.groups.Tuple.tuple(3, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(4, BulkOutcome.DUPLICATE_IN_INPUT),
                org.assertj.core.groups.Tuple.tuple(5, BulkOutcome.ALREADY_INVITED),
                org.assertj.core.groups.Tuple.tuple(6, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(7, BulkOutcome.INVALID),
                org.assertj.core.groups.Tuple.tuple(8, BulkOutcome.CREATED));
        assertThat(fields(report, 3)).containsExactly("email");
        assertThat(fields(report, 6)).containsExactly("language");
        assertThat(fields(report, 7)).containsExactly("columns");
        assertThat(report.line(4).orElseThrow().reasons()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("row 2"));
        assertThat(report.line(5).orElseThrow().reasons()).extracting(RowProblem::code)
                .containsExactly(ErrorCode.ALREADY_INVITED);

        Invitation ana = service.administration(ADMIN, ACME).find(report.line(2).orElseThrow().invitationId()).orElseThrow();
        assertThat(ana.invitee().lastName()).isEqualTo("Álvarez");
        assertThat(ana.grant().groups()).containsExactlyInAnyOrder("ventes", "paris");
        assertThat(ana.locale()).isEqualTo(Locale.FRENCH);
        assertThat(ana.personalMessage()).startsWith("Bienvenue").endsWith("à bord");
        Invitation zoe = service.administration(ADMIN, ACME).find(report.line(8).orElseThrow().invitationId()).orElseThrow();
        assertThat(zoe.invitee().firstName()).isEqualTo("Zoé");
        assertThat(zoe.grant().role()).isEqualTo("member");
    }

    @Test
    void a_dry_run_of_the_same_file_reports_the_same_outcomes_and_creates_nothing() {
        BulkReport dry = importAndInvite(BulkMode.DRY_RUN);

        assertThat(dry.count(BulkOutcome.CREATED)).isEqualTo(3);
        assertThat(dry.createdIds()).isEmpty();
        assertThat(service.administration(ADMIN, ACME).exportClaimLinks(null)).isEmpty();
    }

    @Test
    void an_administrator_exports_the_batchs_claim_links_as_csv_and_each_link_is_the_invitations_own() {
        service.administration(ADMIN, ACME).invite(InviteRequest.builder().email("carl@example.com").role("member").build());
        BulkReport report = importAndInvite(BulkMode.BEST_EFFORT);

        List<ClaimLinkEntry> entries = service.administration(ADMIN, ACME).exportClaimLinks(report.batchId());
        StringWriter out = new StringWriter();
        ClaimLinkExport.write(entries, CLOCK.instant(), out, CsvExportOptions.defaults());

        assertThat(entries).extracting(e -> e.invitation().id()).containsExactlyInAnyOrderElementsOf(report.createdIds());
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1 + report.createdIds().size());
        assertThat(lines.get(0)).isEqualTo(String.join(",", ClaimLinkExport.HEADERS));
        for (InvitationId id : report.createdIds()) {
            String link = service.administration(ADMIN, ACME).revealClaimLink(id).url();
            assertThat(lines).as("one line ends with the link of %s", id)
                    .filteredOn(line -> line.contains(id.value())).singleElement()
                    .matches(line -> line.endsWith(",\"" + link + "\""), "ends with its link (every data cell is quoted)");
        }
        assertThat(service.administration(ADMIN, ACME).exportClaimLinks(null)).as("carl's own invitation too").hasSize(3);
    }

    @Test
    void below_an_administrator_level_the_claim_link_export_is_refused_with_level_too_low() {
        importAndInvite(BulkMode.BEST_EFFORT);
        Inviter hr = Inviter.of("hr-1", "Hal HR", PermissionLevel.HR_TENANT);

        assertThatThrownBy(() -> service.administration(hr, ACME).exportClaimLinks(null))
                .isInstanceOfSatisfying(PolicyViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LEVEL_TOO_LOW));
    }

    @Test
    void a_repeated_address_in_a_txt_list_is_reported_duplicate_in_input_naming_its_first_line() {
        ImportResult imported = TextImporter.read(utf8("ana@example.com\nbo@example.com\nAna@Example.COM\n"));

        BulkReport report = service.administration(ADMIN, ACME).bulk(BulkRequest.builder(imported.rows()).defaultRole("member")
                .build());

        assertThat(report.lines()).extracting(BulkReport.Line::outcome)
                .containsExactly(BulkOutcome.CREATED, BulkOutcome.CREATED, BulkOutcome.DUPLICATE_IN_INPUT);
        assertThat(report.line(3).orElseThrow().reasons()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("row 1"));
        assertThat(imported.warnings()).extracting(ImportWarning::rowNumber).containsExactly(3);
        assertThat(Set.copyOf(report.createdIds())).hasSize(2);
    }

    private static List<String> fields(BulkReport report, int rowNumber) {
        return report.line(rowNumber).orElseThrow().reasons().stream().map(RowProblem::field).toList();
    }
}
