package io.invitations.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo runs to the end and prints every step; CI runs it once for all the checks. */
class TourTest {
    @TempDir
    static Path mailDir;
    private static String report;

    @BeforeAll
    static void runTheTour() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Tour.run(out, mailDir.resolve("tour-mail"));
        }
        report = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the report prints every step's heading, in order, each once")
    void everyStepIsPrinted() {
        int from = 0;
        for (int i = 0; i < Tour.STEPS.size(); i++) {
            String heading = Report.heading(i, Tour.STEPS);
            int at = report.indexOf(heading, from);
            assertThat(at).as("heading '%s' after position %d", heading, from).isGreaterThanOrEqualTo(0);
            from = at + heading.length();
        }
        assertThat(report).contains("Tour complete:");
    }

    @Test
    @DisplayName("every message the tour mentions was written as an .eml file with headers and a body")
    void messagesAreWrittenAsEmlFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(mailDir.resolve("tour-mail"))) {
            files = listed.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("inv-001_1.eml", "inv-001_2.eml");
        for (Path file : files) {
            assertThat(report).contains(file.getFileName().toString().replace(".eml", ""));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Subject:", "To:");
        }
        assertThat(report).contains("Tour complete: " + files.size() + " messages written");
    }

    @Test
    @DisplayName("each story reads as told: refusals, row reports, access code, link, expiry, claim and approval")
    void storiesReadAsTold() {
        assertThat(report)
                .contains("inv-001 for jane.doe@acme.example (name inferred: Jane Doe)")
                .contains("LEVEL_TOO_LOW", "ROLE_ABOVE_INVITER", "DOMAIN_NOT_ALLOWED", "ALREADY_INVITED")
                .contains("totals             CREATED 2, ALREADY_INVITED_OR_MEMBER 1, DUPLICATE_IN_INPUT 1, INVALID 1,"
                        + " DENIED 3")
                .contains("totals             PROVISIONED 4, DUPLICATE_IN_INPUT 1, INVALID 1, DENIED 1")
                .contains("invite all         4 PROVISIONED -> PENDING, 0 refused")
                .containsPattern("see access code    [0-9A-Z]{5}-[0-9A-Z]{5} ")
                .contains("Noah joins", "LINK_INACTIVE", "a new URL, not the first one", "Zoe joins")
                .contains("expireDue()        6 stored as EXPIRED")
                .contains("CLAIM_INCOMPLETE", "ALREADY_ACCEPTED")
                .contains("AWAITING_APPROVAL (the club requires approval)")
                .contains("Cleo approves      ACCEPTED");
    }

    @Test
    @DisplayName("another account: refused under STRICT, held under APPROVAL with both addresses shown, approved")
    void anotherAccountIsRefusedThenHeldAndApproved() {
        assertThat(report).contains("refused            STRICT (default): ACCOUNT_MISMATCH")
                .contains("the club now holds such acceptances: AWAITING_APPROVAL")
                .contains("invited hana.berg@example.org, accepted as HanaB@mail.example")
                .contains("ACCEPTED, the signed-in account is a member now");
    }

    @Test
    @DisplayName("the claim-link export shows its CSV with shortened links, and the file keeps them whole")
    void claimLinksAreExportedAndMaskedOnScreen() throws IOException {
        assertThat(report).contains("email,identifier,display name,status,expires at,claim link")
                .containsPattern("https://app\\.acme\\.example/(claim|join)/\\S{10}\\.\\.\\.")
                .doesNotContainPattern("https://app\\.acme\\.example/(claim|join)/\\S{40,}");
        String csv = Files.readString(mailDir.resolve("claim-links.csv"), StandardCharsets.UTF_8);
        assertThat(csv).containsPattern("https://app\\.acme\\.example/(claim|join)/\\S{40,}");
    }

    @Test
    @DisplayName("a bounce reaches the administrator, resends are refused and the copy link is fresh; conversion"
            + " is summarised by channel and inviter")
    void bounceFallbackAndConversion() {
        assertThat(report)
                .contains("Amazon SES HARD_BOUNCED -> message ", "QUEUED", "SENT", "HARD_BOUNCED")
                .contains("PENDING, hard bounce reported for message #1: Permanent/General: smtp; 550 5.1.1")
                .contains("Ada resends: ADDRESS_BOUNCED", "Hugo HR copies the link: LEVEL_TOO_LOW")
                .containsPattern("copy link +https://app\\.acme\\.example/claim/\\S{10}\\.\\.\\.")
                .contains("INVITE -> BOUNCE -> SHARE_LINK (last by u-ada)")
                .contains("FEEDBACK_PAYLOAD_INVALID")
                .contains("by channel", "EMAIL", "CODE", "LINK", "by inviter", "u-ada");
    }

    @Test
    @DisplayName("the recipient opts out with the one-click link of the message; a resend then gets the neutral"
            + " answer")
    void optOut() {
        assertThat(report).containsPattern("List-Unsubscribe: <https://app\\.acme\\.example/opt-out/\\S{10}\\.\\.\\.>")
                .doesNotContainPattern("opt-out/\\S{40,}")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .contains("recorded for acme (TENANT)")
                .contains("Ada resends: ALREADY_INVITED_OR_MEMBER");
    }

    @Test
    @DisplayName("a departed inviter's open invitations change hands by the tenant's policy")
    void leavingMembers() {
        assertThat(report).containsPattern("Hugo leaves +[1-9]\\d* open invitations reassigned to u-ada, 0 revoked")
                .contains("REASSIGN from u-hugo to u-ada: inviter left Acme")
                .containsPattern("Max leaves +the club's directory reports it: \\d+ open invitations revoked");
    }

    @Test
    @DisplayName("a pending invitee is reminded once per step, and never after the invitation is revoked")
    void reminders() {
        assertThat(report).contains("sendDueReminders() 1 queued at ", "(+2 days), 0 on a second run")
                .contains("Your invitation to join Acme Corp is waiting")
                .contains("after revoking     0 reminders")
                .contains("INVITE -> REMIND -> REVOKE");
    }

    @Test
    @DisplayName("an erasure leaves a tombstone and the history; the retention sweep erases the club's answered "
            + "invitations once")
    void erasure() {
        assertThat(report).contains("no.such.person@acme.example: 1 invitation(s) erased, 1 revoked first")
                .containsPattern("invitee erased:\\S+\\.\\.\\., invited by u-ada, names null,\\s+message null")
                .contains("INVITE -> BOUNCE -> SHARE_LINK -> REVOKE -> ERASE")
                .contains("still finds 1 erased invitation(s); erasing again erases 0")
                .containsPattern("31 days on the sweep erases [1-9]\\d*, then 0");
    }

    @Test
    @DisplayName("the storage kit passes every check on the host-written adapter")
    void storageKitPasses() {
        assertThat(report).containsPattern("(\\d+)/\\1 storage contract checks passed")
                .doesNotContain("FAILED ");
    }
}
