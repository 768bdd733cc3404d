package io.invitations.examples;

import io.invitations.core.Acceptance;
import io.invitations.core.ClaimIncompleteException;
import io.invitations.core.ClaimRequest;
import io.invitations.core.ClaimRequirements;
import io.invitations.core.ClaimStep;
import io.invitations.core.CodeRedemption;
import io.invitations.core.FieldProblem;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.ClaimInspection;
import io.invitations.core.DepartureReport;
import io.invitations.core.ErasureReport;
import io.invitations.spi.settings.DepartedInviterPolicy;
import io.invitations.spi.settings.ReminderSchedule;
import io.invitations.core.RedeemedCode;
import io.invitations.core.SendReport;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.conversion.ConversionFunnel;
import io.invitations.core.conversion.ConversionGroup;
import io.invitations.core.optout.OptOutConfirmation;
import io.invitations.core.optout.OptOutScope;
import io.invitations.core.token.ClaimLink;
import io.invitations.jackson.ProviderWebhooks;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.ClaimLinkEntry;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.core.bulk.RowProblem;
import io.invitations.core.code.AccessCode;
import io.invitations.core.link.JoinRequest;
import io.invitations.core.link.ShareableLinkOffer;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.memory.InMemoryKeyRing;
import io.invitations.core.memory.InMemorySeatLedger;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.spi.message.Branding;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.SeatCount;
import io.invitations.core.referral.ReferralStats;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.csv.ClaimLinkExport;
import io.invitations.csv.CsvExportOptions;
import io.invitations.csv.CsvImporter;
import io.invitations.csv.ImportResult;
import io.invitations.examples.adapters.MeteredInvitationStoreCompatibility;
import io.invitations.excel.XlsxImportResult;
import io.invitations.excel.XlsxImporter;
import io.invitations.mail.EmlFileMailer;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.mail.MailMessage;
import io.invitations.spi.security.SigningKey;
import io.invitations.spi.storage.InvitationQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README's demo: a tour of the Invitations SDK on the embedded default (in-memory storage, a
 * mailer that writes each message as an {@code .eml} file, a clock the tour moves forward by hand).
 * It walks the stories of the product pages the library was designed from, printing a short report
 * at each step, and ends by running the storage compatibility kit against a host-written adapter.
 * Its input files are in {@code src/main/resources/tour}: {@code people.csv} and {@code team.xlsx}
 * (a small workbook committed as it is; edit it in any spreadsheet), each with a few bad rows.
 *
 * <pre>{@code
 * mvn -q -pl examples -am compile exec:java
 * }</pre>
 */
public final class Tour {
    /** The system property that names the folder messages are written to. */
    public static final String MAIL_DIR_PROPERTY = "tour.mailDir";

    /** Each step's title, in the order the tour prints them. */
    public static final List<String> STEPS = List.of(
            "Set up two tenants: the ladder and their settings",
            "Invite one person by email, with a role and groups",
            "Bulk import: a CSV file with a few bad rows",
            "Bulk import: an .xlsx file, provisioned now and invited later",
            "Invite by identifier: the access code",
            "Join through a shareable link",
            "Resend a pending invitation",
            "Expiry: advance the clock, then re-invite",
            "Inspect a link, then accept it with the claim steps",
            "Approval: an acceptance that needs a board member",
            "Another account: a wrong address is refused, then held for the board and approved",
            "Referral statistics: who invited whom",
            "Export the claim links (CSV)",
            "A bounce: the provider's webhook, then the copy-link fallback",
            "Leaving members: an inviter leaves, their open invitations change hands",
            "Reminders: a schedule reminds a pending invitee, once per step",
            "Opt-out: the recipient says stop with one click, the inviter learns nothing",
            "Conversion: sent, delivered, opened, accepted, and time to accept",
            "Erasure: a person asks to be forgotten; the retention period sweeps the rest",
            "Storage compatibility kit on a host-written adapter");

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId CLUB = TenantId.of("riverside");
    private static final List<String> EXPORT_COLUMNS = List.of("email", "identifier", "display name", "status",
            "expires at", ClaimLinkExport.CLAIM_LINK_HEADER);

    private final Report report;
    private final TourClock clock = new TourClock(START);
    private final Mailbox mailbox;
    private final InMemoryTenantSettingsSource settings = new InMemoryTenantSettingsSource();
    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final InMemorySeatLedger seats = InMemorySeatLedger.countingMembersOf(directory);
    private final InvitationService invitations;

    private final Inviter ada = Inviter.of("u-ada", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    private final Inviter hugo = Inviter.of("u-hugo", "Hugo HR", PermissionLevel.HR_TENANT);
    private final Inviter uma = Inviter.of("u-uma", "Uma User", PermissionLevel.USER);
    private final Inviter cleo = Inviter.of("c-cleo", "Cleo Chair", PermissionLevel.ADMIN_TENANT);
    private final Inviter max = Inviter.of("c-max", "Max Member", PermissionLevel.USER);

    private InvitationId jane;
    private BulkReport csvBatch;

    private Tour(PrintStream out, Path mailDir) {
        this.report = new Report(out, STEPS);
        this.mailbox = Mailbox.emptied(mailDir);
        AtomicInteger ids = new AtomicInteger();
        AtomicInteger linkIds = new AtomicInteger();
        this.invitations = InvitationService.builder()
                .settings(settings)
                .identityDirectory(directory)
                .seatLedger(seats)
                .mailer(EmlFileMailer.into(mailDir, "invitations@tour.example", clock))
                .keyRing(InMemoryKeyRing.of(demoKey()))
                .clock(clock)
                // the tour prints each message as it goes: deliver on this thread, not in the background
                .deliveryExecutor(Runnable::run)
                .idGenerator(() -> InvitationId.of(String.format(Locale.ROOT, "inv-%03d", ids.incrementAndGet())))
                .linkIdGenerator(() -> LinkId.of("link-" + linkIds.incrementAndGet()))
                .build();
    }

    /**
     * Runs the tour, writing the report to standard output and the messages under
     * {@code examples/target/tour-mail} (or the folder the {@value #MAIL_DIR_PROPERTY} system property
     * names).
     *
     * @param args ignored
     * @throws IllegalStateException if a step does not behave as the tour expects, so the command fails
     */
    public static void main(String[] args) {
        run(System.out, defaultMailDir());
    }

    /**
     * Runs the tour.
     *
     * @param out     where the report goes
     * @param mailDir where the {@code .eml} files go; earlier {@code .eml} files there are removed, and
     *                the claim-link export is written next to it
     * @throws IllegalStateException if a step does not behave as the tour expects
     */
    public static void run(PrintStream out, Path mailDir) {
        new Tour(out, mailDir).walk();
    }

    private static Path defaultMailDir() {
        String configured = System.getProperty(MAIL_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Files.isDirectory(Path.of("examples")) ? Path.of("examples", "target", "tour-mail")
                : Path.of("target", "tour-mail");
    }

    private void walk() {
        report.title("Invitations SDK: a tour on the embedded default",
                "in-memory storage, messages as .eml files in " + shown(mailbox.directory()) + ", clock starting at "
                        + WHEN.format(START) + " UTC");
        setUpTenants();
        inviteByEmail();
        bulkCsv();
        bulkXlsx();
        inviteByIdentifier();
        shareableLink();
        resend();
        expireAndReinvite();
        inspectAndAccept();
        approval();
        anotherAccount();
        referrals();
        exportClaimLinks();
        bounceAndFallback();
        leavingMember();
        reminders();
        optOut();
        conversion();
        erasure();
        storageKit();
        report.end("Tour complete: " + mailbox.count() + " messages written to " + shown(mailbox.directory()));
    }

    // ---------------------------------------------------------------------------------------- steps

    private void setUpTenants() {
        report.step();
        settings.put(ACME, TenantSettings.builder()
                .minimumInviteLevel(PermissionLevel.HR_TENANT)
                .roles(orderedRoles("member", PermissionLevel.USER, "editor", PermissionLevel.HR_TENANT,
                        "admin", PermissionLevel.ADMIN_TENANT))
                .allowedDomains("acme.example")
                .branding(new Branding("Acme Corp", "https://cdn.acme.example/logo.png", "#0B6E4F",
                        "Where Acme's teams plan their work."))
                .claimUrlTemplate("https://app.acme.example/claim/{token}")
                .optOutUrlTemplate("https://app.acme.example/opt-out/{token}")
                .joinUrlTemplate("https://app.acme.example/join/{token}")
                .linkInvitationsEnabled(true)
                .termsRequired(true)
                .profileFields(List.of("firstName", "lastName", "jobTitle"))
                .defaultGroupPool(Set.of("announcements", "running-club", "social"))
                .build());
        seats.setLimit(ACME, 25);
        settings.put(CLUB, TenantSettings.builder()
                .minimumInviteLevel(PermissionLevel.USER)
                .roles(orderedRoles("member", PermissionLevel.USER, "board", PermissionLevel.ADMIN_TENANT))
                .approvalRequired(true)
                .branding(new Branding("Riverside Rowing Club", null, "#1F4E9C", "Rowing on the river since 1921."))
                .claimUrlTemplate("https://riverside-rowing.example/claim/{token}")
                .build());
        report.kv("ladder", Arrays.stream(PermissionLevel.values()).map(Enum::name)
                .collect(Collectors.joining(" < ")));
        TenantSettings a = settings.settingsFor(ACME);
        TenantSettings c = settings.settingsFor(CLUB);
        report.table("setting", "acme (Acme Corp)", "riverside (Riverside Rowing Club)")
                .row("who may invite", a.minimumInviteLevel() + " and above", c.minimumInviteLevel() + " and above")
                .row("roles (level to grant)", roles(a), roles(c))
                .row("allowed email domains", domains(a), domains(c))
                .row("seats", "25 (plan limit)", "unlimited")
                .row("validity", days(a.invitationTtl()), days(c.invitationTtl()))
                .row("shareable links", onOff(a.linkInvitationsEnabled()), onOff(c.linkInvitationsEnabled()))
                .row("approval after accept", onOff(a.approvalRequired()), onOff(c.approvalRequired()))
                .row("claim steps", "terms, profile, password, groups", "password")
                .row("branding", a.branding().accentColor() + ", logo, description",
                        c.branding().accentColor() + ", description")
                .print();
        report.table("inviter", "tenant", "level")
                .row(ada.displayName(), ACME, ada.level())
                .row(hugo.displayName(), ACME, hugo.level())
                .row(uma.displayName(), ACME, uma.level())
                .row(cleo.displayName(), CLUB, cleo.level())
                .row(max.displayName(), CLUB, max.level())
                .print();
    }

    private void inviteByEmail() {
        report.step();
        Invitation invitation = invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("jane.doe@acme.example").role("editor").groups("design", "launch-2026")
                .personalMessage("Welcome aboard, Jane! The launch plan is in the design group.").build());
        jane = invitation.id();
        report.kv("invitation", invitation.id() + " for " + invitation.invitee().contact()
                + " (name inferred: " + invitation.invitee().displayName() + ")");
        report.kv("grant", "role " + invitation.grant().role() + ", groups " + sorted(invitation.grant().groups()));
        report.kv("status", invitation.status() + ", expires " + WHEN.format(invitation.expiresAt()) + " (7 days)");
        printMessages();
        refused("Uma User (USER) invites", () -> invitations.administration(uma, ACME).invite(InviteRequest.builder()
                .email("friend@acme.example").role("member").build()));
        refused("Hugo HR grants admin", () -> invitations.administration(hugo, ACME).invite(InviteRequest.builder()
                .email("boss@acme.example").role("admin").build()));
        refused("Ada invites a gmail address", () -> invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("jane.doe@gmail.com").role("member").build()));
        refused("Ada invites Jane again", () -> invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("Jane.Doe@acme.example").role("member").build()));
    }

    private void bulkCsv() {
        report.step();
        ImportResult file = readResource("tour/people.csv", CsvImporter::read);
        report.kv("file", "people.csv, " + file.rows().size() + " rows, imported by " + hugo.displayName()
                + " (" + hugo.level() + ", below the manage level: invited and member read alike)");
        csvBatch = invitations.administration(hugo, ACME).bulk(BulkRequest.builder(file.rows()).batchId(BatchId.of("people-csv"))
                .defaultRole("member").build());
        printBulk(file.rows(), csvBatch);
        printMessageNames();
    }

    private void bulkXlsx() {
        report.step();
        XlsxImportResult file = readResource("tour/team.xlsx", XlsxImporter::read);
        report.kv("file", "team.xlsx, sheet '" + file.sheetName() + "', " + file.rows().size()
                + " rows, imported by " + ada.displayName() + " as \"invite later\"");
        BulkReport batch = invitations.administration(ada, ACME).bulk(BulkRequest.builder(file.rows()).batchId(BatchId.of("team-xlsx"))
                .defaultRole("member").action(BulkAction.PROVISION).build());
        printBulk(file.rows(), batch);
        report.kv("messages", mailbox.newMessages().size() + " (provisioned accounts are not told yet)");
        SendReport sent = invitations.administration(ada, ACME).sendAllProvisioned();
        report.kv("invite all", sent.sent().size() + " PROVISIONED -> PENDING, " + sent.refused().size()
                + " refused");
        printMessageNames();
    }

    private void inviteByIdentifier() {
        report.step();
        Invitation karim = invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .identifier(IdentifierKind.PERSONNEL_NUMBER, "E-1042").name("Karim", "Benali").role("member")
                .groups("warehouse").build());
        report.kv("invitation", karim.id() + " for " + karim.invitee().contact() + " (" + karim.invitee().displayName()
                + "): " + karim.status() + ", no email, so no message");
        AccessCode code = invitations.administration(ada, ACME).revealAccessCode(karim.id());
        report.kv("see access code", code.formatted() + " (revealed to Ada, an administrator; derived, never stored)");
        refused("Hugo HR asks for the code", () -> invitations.administration(hugo, ACME).revealAccessCode(karim.id()));
        printNotice(karim.id());
        refused("Karim types a wrong code", () -> invitations.invitee().redeemCode(
                CodeRedemption.of(ACME, "personnel_number", "E-1042", "0000000000")));
        RedeemedCode redeemed = invitations.invitee().redeemCode(CodeRedemption.of(ACME, "personnel_number", "E-1042",
                code.formatted().toLowerCase(Locale.ROOT)));
        report.kv("right code", "redeemed (any case, with or without the dash): " + redeemed.inspection().status()
                + ", claim steps " + redeemed.inspection().requirements().steps());
        Acceptance done = invitations.invitee().accept(ClaimRequest.builder(redeemed.token()).acceptTerms()
                .profile("jobTitle", "Warehouse lead").password("forklift-license-42".toCharArray()).build());
        report.kv("accept", done.invitation().status() + ", account " + done.accountId());
    }

    private void shareableLink() {
        report.step();
        RevealedShareableLink link = invitations.administration(ada, ACME).createShareableLink(ShareableLinkRequest.builder().role("member")
                .groups("all-hands").maxUses(50).allowedDomains("acme.example")
                .expiresAt(START.plus(Duration.ofDays(30))).build());
        report.kv("link", link.link().id() + " " + Report.maskLinks(link.url()) + " (member, all-hands, 50 uses, "
                + "acme.example only, until " + WHEN.format(link.link().expiresAt()) + ")");
        ShareableLinkOffer offer = invitations.invitee().inspectShareableLink(link.token());
        report.kv("join page", "read-only: " + offer.tenantName() + ", role " + offer.grant().role() + ", "
                + offer.usesLeft() + " uses left, claim steps " + offer.requirements().steps());
        Acceptance noah = invitations.invitee().joinShareableLink(JoinRequest.of("noah.berg@acme.example", claim(link.token(), "Noah",
                "Berg", "Support engineer")));
        report.kv("Noah joins", noah.invitation().id() + " " + noah.invitation().status() + " (source "
                + noah.invitation().source().kind() + "), account " + noah.accountId());
        refused("a gmail address joins", () -> invitations.invitee().joinShareableLink(JoinRequest.of("noah.berg@gmail.com",
                claim(link.token(), "Noah", "Berg", "Support engineer"))));
        invitations.administration(ada, ACME).deactivateShareableLink(link.link().id());
        refused("join after deactivation", () -> invitations.invitee().joinShareableLink(JoinRequest.of("zoe.park@acme.example",
                claim(link.token(), "Zoe", "Park", "Analyst"))));
        RevealedShareableLink renewed = invitations.administration(ada, ACME).reactivateShareableLink(link.link().id());
        report.kv("reactivated", Report.maskLinks(renewed.url()) + (renewed.url().equals(link.url())
                ? " (the same URL!)" : " (a new URL, not the first one)"));
        refused("the first URL after reactivation", () -> invitations.invitee().joinShareableLink(JoinRequest.of("zoe.park@acme.example",
                claim(link.token(), "Zoe", "Park", "Analyst"))));
        Acceptance zoe = invitations.invitee().joinShareableLink(JoinRequest.of("zoe.park@acme.example", claim(renewed.token(), "Zoe",
                "Park", "Analyst")));
        report.kv("Zoe joins", zoe.invitation().id() + " " + zoe.invitation().status() + " with the new URL");
    }

    private void resend() {
        report.step();
        clock.advance(Duration.ofDays(6));
        Invitation before = find(ACME, jane);
        Invitation after = invitations.administration(ada, ACME).resend(jane);
        report.kv("clock", WHEN.format(clock.instant()) + " (+6 days): Jane has not answered");
        report.kv("invitation", after.id() + " " + after.status() + ", send #" + after.delivery().sendCount());
        report.kv("expiry", WHEN.format(before.expiresAt()) + " -> " + WHEN.format(after.expiresAt())
                + " (same link, validity starts afresh)");
        printMessages();
    }

    private void expireAndReinvite() {
        report.step();
        InvitationId lena = csvBatch.createdIds().get(0);
        String oldToken = invitations.administration(ada, ACME).revealClaimLink(lena).token();
        clock.advance(Duration.ofDays(2));
        report.kv("clock", WHEN.format(clock.instant()) + " (+2 days): the bulk invitations are 8 days old");
        long expired = adminOf(ACME).query(InvitationQuery.builder(ACME).statuses(InvitationStatus.EXPIRED).build())
                .items().size();
        report.kv("reads as EXPIRED", expired + " invitations, before any sweep");
        report.kv("expireDue()", invitations.maintenance().expireDue() + " stored as EXPIRED (history + events)");
        Report.Table table = report.table("re-invite", "invitee", "status", "expires");
        for (Invitation i : adminOf(ACME).query(InvitationQuery.builder(ACME).statuses(InvitationStatus.EXPIRED).build())
                .items()) {
            Invitation again = invitations.administration(ada, ACME).reinvite(i.id());
            table.row(again.id(), again.invitee().contact(), again.status(), WHEN.format(again.expiresAt()));
        }
        table.print();
        refused("Lena's old link", () -> invitations.invitee().inspect(oldToken));
        report.kv("Lena's new link", invitations.invitee().inspect(invitations.administration(ada, ACME).revealClaimLink(lena).token()).status()
                + " (inspect)");
        printMessageNames();
    }

    private void inspectAndAccept() {
        report.step();
        String token = invitations.administration(ada, ACME).revealClaimLink(jane).token();
        ClaimInspection page = invitations.invitee().inspect(token);
        ClaimRequirements needs = page.requirements();
        report.kv("inspect", "read-only: " + page.tenantName() + ", invited by " + page.inviterName() + ", role "
                + page.grant().role() + ", " + page.status() + " until " + WHEN.format(page.expiresAt()));
        List<ClaimStep> steps = needs.steps();
        for (int i = 0; i < steps.size(); i++) {
            report.kv(i == 0 ? "claim steps" : "", (i + 1) + ". " + describe(steps.get(i), needs));
        }
        refused("accept without the steps", () -> invitations.invitee().accept(ClaimRequest.builder(token)
                .password("short".toCharArray()).chooseGroups("board-room").build()));
        Acceptance done = invitations.invitee().accept(ClaimRequest.builder(token)
                .acceptTerms()
                .name("Jane", "Doe")
                .profile("jobTitle", "Product designer")
                .password("correct horse battery staple".toCharArray())
                .chooseGroups("running-club", "social")
                .build());
        report.kv("accept", done.invitation().status() + ", account " + done.accountId() + ", groups "
                + sorted(done.invitation().grant().groups()));
        refused("accept the same link again", () -> invitations.invitee().accept(claim(token, "Jane", "Doe", "Designer")));
        Report.Table history = report.table("history", "actor", "action", "from -> to");
        for (HistoryEntry e : adminOf(ACME).history(jane)) {
            history.row(WHEN.format(e.at()), e.actor(), e.action(),
                    (e.from() == null ? "-" : e.from()) + " -> " + e.to());
        }
        history.print();
    }

    private void approval() {
        report.step();
        Invitation felix = invitations.administration(max, CLUB).invite(InviteRequest.builder()
                .email("felix.wagner@example.org").role("member")
                .personalMessage("Come row with us on Saturdays!").build());
        report.kv("invite", max.displayName() + " (USER) invites " + felix.invitee().contact() + ": "
                + felix.status());
        printMessages();
        Acceptance accepted = invitations.invitee().accept(ClaimRequest.builder(
                invitations.administration(cleo, CLUB).revealClaimLink(felix.id()).token()).password("river-2026-oars".toCharArray()).build());
        report.kv("Felix accepts", accepted.invitation().status() + " (the club requires approval)");
        report.kv("Cleo approves", invitations.administration(cleo, CLUB).approve(felix.id()).status());
        Invitation gina = invitations.administration(max, CLUB).invite(InviteRequest.builder()
                .email("gina.ross@example.org").role("member").build());
        String message = fileNames(mailbox.newMessages());
        Acceptance waiting = invitations.invitee().accept(ClaimRequest.builder(
                invitations.administration(cleo, CLUB).revealClaimLink(gina.id()).token()).password("gina-rows-fast".toCharArray()).build());
        Invitation rejected = invitations.administration(cleo, CLUB).reject(gina.id(), "membership is full this season");
        report.kv("Gina", "invited by Max (" + message + "), accepts: " + waiting.invitation().status()
                + ", Cleo rejects: " + rejected.status());
    }

    private void anotherAccount() {
        report.step();
        Invitation hana = invitations.administration(cleo, CLUB).invite(InviteRequest.builder()
                .email("hana.berg@example.org").role("member").build());
        printMessageNames();
        String token = invitations.administration(cleo, CLUB).revealClaimLink(hana.id()).token();
        EmailAddress signedIn = EmailAddress.of("HanaB@Mail.example");
        report.kv("invite", "Cleo invites " + hana.invitee().contact() + "; Hana opens it signed in as " + signedIn);
        refused("STRICT (default)", () -> invitations.invitee().accept(ClaimRequest.builder(token)
                .acceptingAs(signedIn).password("hana-rows-too".toCharArray()).build()));
        settings.update(CLUB, s -> s.toBuilder().otherAccounts(OtherAccountPolicy.APPROVAL).build());
        Acceptance held = invitations.invitee().accept(ClaimRequest.builder(token).acceptingAs(signedIn)
                .password("hana-rows-too".toCharArray()).build());
        report.kv("APPROVAL", "the club now holds such acceptances: " + held.invitation().status());
        List<HistoryEntry> seen = adminOf(CLUB).history(hana.id());
        report.kv("Cleo sees", "invited " + hana.invitee().contact() + ", accepted as "
                + seen.get(seen.size() - 1).acceptingAddress());
        report.kv("Cleo approves", invitations.administration(cleo, CLUB).approve(hana.id()).status() + ", "
                + (directory.isMember(CLUB, EmailAddress.of("hanab@mail.example")) ? "the signed-in account" : "nobody")
                + " is a member now");
        settings.update(CLUB, s -> s.toBuilder().otherAccounts(OtherAccountPolicy.STRICT).build());
    }

    private void referrals() {
        report.step();
        Report.Table table = report.table("tenant", "inviter", "sent", "accepted", "rate");
        for (TenantId tenant : List.of(ACME, CLUB)) {
            for (ReferralStats s : adminOf(tenant).topInviters(null, null, 5)) {
                table.row(tenant, nameOf(s), s.sent(), s.accepted(),
                        String.format(Locale.ROOT, "%.0f%%", s.acceptanceRate() * 100));
            }
        }
        table.print();
        ReferralStats march = adminOf(CLUB).referrals(max.userId(), Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"));
        report.kv("Max in March", march.sent() + " sent, " + march.accepted() + " accepted");
        SeatCount count = adminOf(ACME).seats();
        report.kv("acme seats", count.inUse() + " in use + " + count.pending() + " pending of "
                + count.limit().orElseThrow() + ": " + count.remaining().orElseThrow() + " left to invite");
    }

    private void exportClaimLinks() {
        report.step();
        List<ClaimLinkEntry> entries = invitations.administration(ada, ACME).exportClaimLinks(null);
        StringWriter csv = new StringWriter();
        ClaimLinkExport.write(entries, clock.instant(), csv, CsvExportOptions.defaults());
        Path file = mailbox.directory().resolveSibling("claim-links.csv");
        write(file, csv.toString());
        report.kv("export", entries.size() + " pending invitations, " + ClaimLinkExport.HEADERS.size()
                + " columns, written to " + shown(file));
        report.kv("", "(6 columns shown; links shortened here, whole in the file)");
        refused("Hugo HR exports", () -> invitations.administration(hugo, ACME).exportClaimLinks(null));
        List<String> lines = csv.toString().lines().toList();
        List<Integer> shown = CsvColumns.indexesOf(lines.get(0), EXPORT_COLUMNS);
        lines.stream().map(line -> CsvColumns.select(line, shown)).map(Report::maskLinks).forEach(report::line);
    }

    private void bounceAndFallback() {
        report.step();
        Invitation ghost = invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("no.such.person@acme.example").role("member").build());
        Mailbox.Message sent = mailbox.newMessages().get(0);
        String messageId = header(sent.file(), "Message-ID");
        report.kv("sent", sent.file().getFileName() + " to " + sent.to() + ", Message-ID " + messageId);
        clock.advance(Duration.ofMinutes(2));
        // what Amazon SES posts (through SNS) when the recipient's server refuses the address
        String webhook = """
                {"notificationType":"Bounce",
                 "bounce":{"bounceType":"Permanent","bounceSubType":"General","timestamp":"%s",
                   "bouncedRecipients":[{"emailAddress":"no.such.person@acme.example","status":"5.1.1",
                     "diagnosticCode":"smtp; 550 5.1.1 user unknown"}]},
                 "mail":{"messageId":"0102019a-ses-tour","commonHeaders":{"messageId":"%s"}}}
                """.formatted(clock.instant(), messageId);
        for (DeliveryReport r : ProviderWebhooks.amazonSes(webhook)) {
            OutboxMessage recorded = invitations.deliveryFeedback().record(r);
            report.kv("webhook", "Amazon SES " + r.step() + " -> message " + recorded.id() + ": "
                    + recorded.timeline().stream().map(s -> s.step() + " " + WHEN.format(s.at()))
                            .collect(Collectors.joining(", ")));
        }
        List<Invitation> bounced = invitations.administration(ada, ACME).query(InvitationQuery.builder(ACME)
                .deliveryStatus(DeliveryState.Status.BOUNCED).build()).items();
        report.kv("bounced", bounced.stream().map(i -> i.id() + " " + i.status() + ", " + i.delivery().lastError())
                .collect(Collectors.joining("; ")));
        refused("Ada resends", () -> invitations.administration(ada, ACME).resend(ghost.id()));
        // Ada's invitation is not Hugo's to read: as absent to him as a missing id (ADR 0030)
        refused("Hugo HR copies Ada's link", () -> invitations.administration(hugo, ACME).shareClaimLink(ghost.id()));
        // and on his own (from the CSV) his level is too low to reveal a link
        refused("Hugo HR copies the link", () -> invitations.administration(hugo, ACME)
                .shareClaimLink(csvBatch.createdIds().get(0)));
        ClaimLink shared = invitations.administration(ada, ACME).shareClaimLink(ghost.id());
        report.kv("copy link", Report.maskLinks(shared.url()) + " (fresh: the mailed one no longer works; Ada "
                + "passes it on by hand)");
        List<HistoryEntry> history = adminOf(ACME).history(ghost.id());
        HistoryEntry last = history.get(history.size() - 1);
        report.kv("history", history.stream().map(h -> h.action().name())
                .collect(Collectors.joining(" -> ")) + " (last by " + last.actor() + ")");
        report.kv("fake payload", "a broken body is refused: " + refusedCode(() -> ProviderWebhooks.amazonSes("{oops")));
    }

    private void leavingMember() {
        report.step();
        settings.update(ACME, s -> s.toBuilder().departedInviters(DepartedInviterPolicy.REASSIGN).build());
        report.kv("policy", "acme hands a departed inviter's open invitations to a successor (REASSIGN)");
        DepartureReport handed = invitations.administration(ada, ACME).handleDeparture(hugo.userId(), null,
                "left Acme");
        report.kv("Hugo leaves", handed.reassigned().size() + " open invitations reassigned to "
                + handed.successor() + ", " + handed.revoked().size() + " revoked");
        handed.reassigned().stream().limit(1).forEach(id -> {
            List<HistoryEntry> h = adminOf(ACME).history(id);
            report.kv("history", id + ": " + h.get(h.size() - 1).action() + " " + h.get(h.size() - 1).reason());
        });
        settings.update(CLUB, s -> s.toBuilder().departedInviters(DepartedInviterPolicy.REVOKE).build());
        int revoked = invitations.membershipEvents().memberLeft(CLUB, max.userId(), null);
        report.kv("Max leaves", "the club's directory reports it: " + revoked + " open invitations revoked (REVOKE)");
    }

    private void reminders() {
        report.step();
        settings.update(ACME, s -> s.toBuilder().reminders(ReminderSchedule.of(
                ReminderSchedule.Step.afterSending(Duration.ofDays(2)),
                ReminderSchedule.Step.beforeExpiry(Duration.ofDays(1)))).build());
        report.kv("schedule", "acme reminds 2 days after sending and 1 day before expiry");
        Invitation sam = invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("sam.lee@acme.example").role("member").build());
        printMessageNames();
        report.kv("invitation", sam.id() + " for " + sam.invitee().contact() + ", next reminder "
                + WHEN.format(sam.nextReminderAt()));
        clock.advance(Duration.ofDays(2));
        int first = invitations.maintenance().sendDueReminders();
        int again = invitations.maintenance().sendDueReminders();
        report.kv("sendDueReminders()", first + " queued at " + WHEN.format(clock.instant()) + " (+2 days), "
                + again + " on a second run");
        printMessages();
        invitations.administration(ada, ACME).revoke(sam.id(), "Sam joined another team");
        clock.advance(Duration.ofDays(4));
        report.kv("after revoking", invitations.maintenance().sendDueReminders() + " reminders at "
                + WHEN.format(clock.instant()) + " (the day-6 step never goes)");
        List<HistoryEntry> h = adminOf(ACME).history(sam.id());
        report.kv("history", h.stream().map(e -> e.action().name()).collect(Collectors.joining(" -> ")));
    }

    private void optOut() {
        report.step();
        Invitation invited = invitations.administration(ada, ACME).invite(InviteRequest.builder()
                .email("no.thanks@acme.example").role("member").build());
        Mailbox.Message sent = mailbox.newMessages().get(0);
        String unsubscribe = header(sent.file(), "List-Unsubscribe");
        report.kv("sent", sent.file().getFileName() + " to " + sent.to());
        report.kv("headers", "List-Unsubscribe: " + Report.maskLinks(unsubscribe));
        report.kv("", "List-Unsubscribe-Post: " + header(sent.file(), "List-Unsubscribe-Post"));
        // the mailbox provider's one-click POST (or the host's opt-out page) hands the token over
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        OptOutConfirmation done = invitations.invitee().optOut(token, OptOutScope.TENANT);
        report.kv("opt-out", "recorded for " + done.tenantId() + " (" + done.scope() + ") at "
                + WHEN.format(done.at()) + "; the store keeps a one-way key, no address");
        clock.advance(Duration.ofHours(1));
        refused("Ada resends", () -> invitations.administration(ada, ACME).resend(invited.id()));
        report.kv("", "(the same answer as for someone already invited or a member)");
    }

    private void conversion() {
        report.step();
        Instant from = START;
        Instant until = clock.instant().plusSeconds(1);
        report.kv("period", WHEN.format(from) + " .. " + WHEN.format(until));
        for (ConversionGroup by : List.of(ConversionGroup.CHANNEL, ConversionGroup.INVITER)) {
            Report.Table table = report.table("by " + by.name().toLowerCase(Locale.ROOT), "sent", "delivered",
                    "opened", "accepted", "median to accept");
            for (ConversionFunnel f : adminOf(ACME).conversion(from, until, by).funnels()) {
                table.row(f.key(), f.sent(), f.delivered(), f.opened(), f.accepted(),
                        f.p50() == null ? "-" : f.p50().toString().substring(2).toLowerCase(Locale.ROOT));
            }
            table.print();
        }
    }

    private void erasure() {
        report.step();
        EmailAddress person = EmailAddress.of("no.such.person@acme.example");
        ErasureReport erased = invitations.administration(ada, ACME).erase(person);
        report.kv("Ada erases", person + ": " + erased.erased().size() + " invitation(s) erased, "
                + erased.closed().size() + " revoked first");
        Invitation tombstone = adminOf(ACME).find(erased.erased().get(0)).orElseThrow();
        report.kv("what stays", tombstone.id() + " " + tombstone.status() + ", invitee "
                + tombstone.invitee().contact().toString().replaceAll("(:[^:]{6})[^:]+$", "$1...")
                + ", invited by " + tombstone.invitedBy() + ", names " + tombstone.invitee().displayName()
                + ", message " + tombstone.personalMessage());
        List<HistoryEntry> history = adminOf(ACME).history(tombstone.id());
        report.kv("history", history.stream().map(h -> h.action().name()).collect(Collectors.joining(" -> ")));
        report.kv("tombstone", "the same address still finds " + adminOf(ACME).erasedInvitationsOf(person).size()
                + " erased invitation(s); erasing again erases "
                + invitations.administration(ada, ACME).erase(person).erased().size());
        settings.update(CLUB, s -> s.toBuilder().retention(Duration.ofDays(30)).build());
        clock.advance(Duration.ofDays(31));
        int swept = invitations.maintenance().applyRetention(CLUB);
        report.kv("retention", "the club keeps answered invitations 30 days; 31 days on the sweep erases "
                + swept + ", then " + invitations.maintenance().applyRetention(CLUB));
    }

    private static String header(Path eml, String name) {
        try {
            return Files.readAllLines(eml, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(eml + " has no " + name + " header"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusedCode(Runnable action) {
        try {
            action.run();
        } catch (InvitationException e) {
            return e.code() + " (" + e.getMessage() + ")";
        }
        throw new IllegalStateException("expected a refusal");
    }

    private void storageKit() {
        report.step();
        report.kv("adapter", "examples/adapters/MeteredInvitationStore (wraps a store, counts reads and writes)");
        StorageKitRun run = StorageKitRun.of(MeteredInvitationStoreCompatibility.class);
        run.failures().forEach(f -> report.line("FAILED " + f));
        report.line(run.passed() + "/" + run.checks() + " storage contract checks passed");
        if (!run.allPassed()) {
            throw new IllegalStateException("the storage kit failed " + run.failures().size() + " checks");
        }
    }

    // -------------------------------------------------------------------------------------- helpers

    private static String describe(ClaimStep step, ClaimRequirements needs) {
        return switch (step) {
            case TERMS -> "accept the terms";
            case PROFILE -> "confirm the profile: " + String.join(", ", needs.profileFields());
            case PASSWORD -> "choose a password of " + needs.minimumPasswordLength() + "+ characters (no SSO here)";
            case GROUPS -> "pick groups from: " + String.join(", ", sorted(needs.groupPool()));
        };
    }

    /** Prints a bulk report: one line per row, then one more line per further reason. */
    private void printBulk(List<InvitationRow> rows, BulkReport batch) {
        Map<Integer, InvitationRow> byNumber = rows.stream()
                .collect(Collectors.toMap(InvitationRow::rowNumber, r -> r, (a, b) -> a));
        Report.Table table = report.table("row", "email / identifier", "outcome", "reasons");
        for (BulkReport.Line line : batch.lines()) {
            InvitationRow row = byNumber.get(line.rowNumber());
            String who = row == null ? "" : row.email() != null ? row.email() : row.identifier();
            List<String> reasons = line.reasons().stream().map(p -> reason(line.outcome(), p)).toList();
            table.row(line.rowNumber(), who, line.outcome() + line.invitation().map(id -> " " + id).orElse(""),
                    reasons.isEmpty() ? "" : reasons.get(0));
            reasons.stream().skip(1).forEach(r -> table.row("", "", "", r));
        }
        table.print();
        report.kv("totals", batch.totals().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** A row's reason; a refused rule also names its code, the rest say it in words. */
    private static String reason(BulkOutcome outcome, RowProblem problem) {
        return problem.field() + ": " + problem.message()
                + (outcome == BulkOutcome.DENIED && problem.code() != null ? " [" + problem.code() + "]" : "");
    }

    /**
     * Renders the printable notice that tells an identifier invitee how to redeem the code (there is
     * no address to mail it to), and writes its text next to the messages, ready to print.
     */
    private void printNotice(InvitationId id) {
        MailMessage notice = invitations.administration(ada, ACME).accessCodeNotice(id);
        Path file = mailbox.directory().resolve(id + "-notice.txt");
        write(file, notice.subject() + System.lineSeparator() + System.lineSeparator() + notice.text());
        report.kv("printable notice", shown(file) + ": \"" + notice.subject() + "\"");
    }

    private static ClaimRequest claim(String token, String first, String last, String jobTitle) {
        return ClaimRequest.builder(token).acceptTerms().name(first, last).profile("jobTitle", jobTitle)
                .password(("pw-" + first + "-" + last + "-2026").toCharArray()).build();
    }

    private static String fileNames(List<Mailbox.Message> messages) {
        return messages.stream().map(m -> m.file().getFileName().toString()).collect(Collectors.joining(", "));
    }

    /** Lists the message files written since the last listing, as a table. */
    private void printMessages() {
        List<Mailbox.Message> messages = mailbox.newMessages();
        Report.Table table = report.table("message file", "to", "subject");
        messages.forEach(m -> table.row(m.file().getFileName(), m.to(), m.subject()));
        table.print();
    }

    /** Lists the message files written since the last listing, on one line. */
    private void printMessageNames() {
        List<Mailbox.Message> written = mailbox.newMessages();
        report.kv("messages", written.size() + " .eml files: " + fileNames(written));
    }

    private void refused(String what, Runnable action) {
        try {
            action.run();
        } catch (InvitationException e) {
            report.kv("refused", what + ": " + e.code());
            reasons(e).forEach(reason -> report.kv("", "  " + reason));
            return;
        }
        throw new IllegalStateException("expected a refusal: " + what);
    }

    /** An error's reasons, one per line: each refused rule, missing claim step or invalid field. */
    private static List<String> reasons(InvitationException e) {
        if (e instanceof PolicyViolationException p) {
            return p.refusals().stream().map(r -> r.field() + ": " + r.message()).toList();
        }
        if (e instanceof ClaimIncompleteException c) {
            return c.missing();
        }
        if (e instanceof InvalidRequestException r) {
            return r.problems().stream().map(FieldProblem::toString).toList();
        }
        return List.of(e.getMessage());
    }

    /** The inviter's display name as the host knows it (a link's joins carry only its creator's id). */
    private String nameOf(ReferralStats stats) {
        return Stream.of(ada, hugo, uma, cleo, max).filter(i -> i.userId().equals(stats.inviterId()))
                .map(Inviter::displayName).findFirst().orElse(stats.inviterName());
    }

    /** The administration of a tenant as its administrator: Ada for Acme, Cleo for the club. */
    private InvitationAdministration adminOf(TenantId tenant) {
        return invitations.administration(tenant.equals(CLUB) ? cleo : ada, tenant);
    }

    private Invitation find(TenantId tenant, InvitationId id) {
        return adminOf(tenant).find(id).orElseThrow();
    }

    /** A path as the reader typed it: relative to the working directory when it lies inside it. */
    private static Path shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <T> T readResource(String name, Function<InputStream, T> reader) {
        try (InputStream in = Tour.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the tour's resource " + name + " is missing from the classpath");
            }
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tour's resource " + name, e);
        }
    }

    private static Map<String, PermissionLevel> orderedRoles(Object... nameLevel) {
        Map<String, PermissionLevel> roles = new LinkedHashMap<>();
        for (int i = 0; i < nameLevel.length; i += 2) {
            roles.put((String) nameLevel[i], (PermissionLevel) nameLevel[i + 1]);
        }
        return roles;
    }

    private static String roles(TenantSettings s) {
        return s.roles().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String domains(TenantSettings s) {
        return s.allowedDomains().isEmpty() ? "any" : String.join(", ", s.allowedDomains());
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String days(Duration d) {
        return d.toDays() + " days";
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A fixed key for the demo, so it needs no setup; a host keeps its keys in a secret store. */
    private static SigningKey demoKey() {
        try {
            byte[] material = MessageDigest.getInstance("SHA-256")
                    .digest("invitations tour demo key - never use in production".getBytes(StandardCharsets.UTF_8));
            return SigningKey.of("tour-demo", material);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
