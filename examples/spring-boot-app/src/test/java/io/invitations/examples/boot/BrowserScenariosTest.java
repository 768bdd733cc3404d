package io.invitations.examples.boot;

import io.invitations.spring.web.AdminApiController;
import io.invitations.spring.web.WebJson;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example application in a real, headless Chromium: Debian's {@code /usr/bin/chromium} driven
 * through its own {@code /usr/bin/chromedriver} (Selenium downloads nothing). Screenshots of every
 * page go to {@code target/screenshots/}.
 */
@DisplayName("The example application in a real browser")
@SpringBootTest(classes = ExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserScenariosTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AdminApiController admin;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is absent"
                        + " (install them with: apt-get install -y chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1024,1200");
        ChromeDriverService chromedriver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(chromedriver, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private static void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The page's heading; read again when the page was replaced between finding and reading it. */
    private static String heading() {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText());
    }

    /** Clicks a submit button and waits until the next page replaced this one. */
    private static void submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(page));
    }

    /**
     * Whether an element left the document. Chromium answers a detached node either as stale or, while
     * the next document is being built, as a node that "does not belong to the document".
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The invitation's effective status, read through the administrators' API (as the demo administrator). */
    private String statusOf(String email) {
        return admin.query(null, 0, 1000, new MockHttpServletRequest()).items().stream()
                .filter(i -> email.equals(i.email())).findFirst().orElseThrow().status();
    }

    private String inviteInTheBrowser(String email) {
        open("/admin");
        find("#email").sendKeys(email);
        find("#firstName").sendKeys("Jane");
        submit("#invite-button");
        assertThat(find(".notice").getText()).contains(email);
        return email;
    }

    /** Opens the newest message to the address from the mailbox; returns its claim link. */
    private String claimLinkFromMailbox(String email) throws IOException {
        return linkFromMailbox(email, "/claim/");
    }

    /** Opens the newest message to the address from the mailbox; returns its link containing a path part. */
    private String linkFromMailbox(String email, String pathPart) {
        open("/mailbox");
        List<WebElement> messages = driver.findElements(By.cssSelector("#messages a"));
        WebElement mine = messages.stream().filter(a -> a.getText().startsWith(email)).findFirst().orElseThrow();
        mine.click();
        assertThat(find("#mail-to").getText()).isEqualTo(email);
        // the message's HTML is shown in a sandbox, never as part of this application's page
        assertThat(find("#mail-body").getTagName()).isEqualTo("iframe");
        assertThat(find("#mail-body").getAttribute("sandbox")).isEmpty();
        return find("#mail-links a[href*='" + pathPart + "']").getAttribute("href");
    }

    @Test
    @Order(1)
    void an_administrator_invites_a_scanner_consumes_nothing_and_the_invitee_claims() throws Exception {
        String email = "jane-" + UUID.randomUUID() + "@example.com";
        inviteInTheBrowser(email);
        shot("01-admin-invited");
        open("/mailbox");
        shot("02-mailbox");
        String link = claimLinkFromMailbox(email);
        shot("03-mail");
        assertThat(link).startsWith(url("/claim/"));

        // a mail scanner pre-opens the link: plain GETs and HEADs, no cookies, no forms
        HttpClient scanner = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<Void> opened = scanner.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(opened.statusCode()).isEqualTo(200);
            // the token in the path never leaves as a Referer from this application's pages
            assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(scanner.send(HttpRequest.newBuilder(URI.create(link))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        assertThat(statusOf(email)).isEqualTo("PENDING");

        driver.get(link);
        assertThat(heading()).contains("Ada Admin invited you");
        shot("04-claim-landing");
        submit("#start-claim");
        find("#firstName").clear();
        find("#firstName").sendKeys("Jane");
        find("#lastName").sendKeys("Doe");
        find("#profile-job_title").sendKeys("Engineer");
        shot("05-claim-step-about");
        submit("#next-step");
        find("#termsAccepted").click();
        shot("06-claim-step-terms");
        submit("#next-step");
        find("#password").sendKeys("correct horse battery");
        shot("07-claim-step-password");
        submit("#next-step");
        assertThat(find("#welcome").getText()).isEqualTo("You are in");
        shot("08-welcome");
        assertThat(statusOf(email)).isEqualTo("ACCEPTED");

        driver.get(link);
        assertThat(heading()).isEqualTo("This invitation was already used");
        shot("09-link-used");
        open("/claim/not-a-real-token");
        assertThat(heading()).isEqualTo("This link is not valid");
        shot("10-link-invalid");
        open("/admin?status=ACCEPTED");
        assertThat(find("tr[data-email='" + email + "'] .status").getText()).isEqualTo("ACCEPTED");
        shot("11-admin-accepted");
    }

    @Test
    @Order(2)
    void a_bulk_xlsx_upload_shows_its_row_report_with_the_bad_rows_explained() throws Exception {
        Path xlsx = Files.createTempFile("people", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("People");
            String[][] rows = {{"email", "first name", "last name"}, {"ann-" + UUID.randomUUID() + "@example.com",
                    "Ann", "Able"}, {"not-an-email", "Bob", "Broken"}, {"", "Cy", "Empty"},
                    {"dan-" + UUID.randomUUID() + "@example.com", "Dan", "Dee"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        open("/admin/upload");
        shot("12-upload");
        find("#file").sendKeys(xlsx.toAbsolutePath().toString());
        submit("#check-button");
        assertThat(heading()).startsWith("Check of");
        List<WebElement> invalid = driver.findElements(By.cssSelector("#row-report tr[data-outcome='INVALID']"));
        assertThat(invalid).isNotEmpty();
        assertThat(invalid.get(0).getText()).contains("email");
        shot("13-row-report-dry-run");
        submit("#confirm-button");
        assertThat(heading()).startsWith("Invitations sent from");
        assertThat(driver.findElements(By.cssSelector("#row-report tr[data-outcome='CREATED']"))).hasSize(2);
        shot("14-row-report-sent");
        Files.deleteIfExists(xlsx);
    }

    @Test
    @Order(3)
    void shareable_links_and_previews_render() throws Exception {
        open("/admin/links");
        find("#maxUses").sendKeys("3");
        submit("#create-link");
        String link = find("#revealed-link").getAttribute("href");
        shot("15-links");
        driver.get(link);
        shot("16-join-offer");
        find("#email").sendKeys("sam-" + UUID.randomUUID() + "@example.com");
        find("#firstName").sendKeys("Sam");
        find("#profile-job_title").sendKeys("Designer");
        find("#termsAccepted").click();
        find("#password").sendKeys("correct horse battery");
        submit("#join-button");
        assertThat(find("#welcome").getText()).isEqualTo("You are in");
        open("/admin/preview");
        assertThat(find("#subject").getText()).isNotBlank();
        shot("17-preview");
    }

    @Test
    @Order(4)
    void wrong_access_codes_lead_to_the_lock_out_page() throws Exception {
        String phone = "+41 79 " + (100 + (int) (Math.random() * 800)) + " 12 34";
        admin.invite(new WebJson.InviteForm(null, "phone", phone, "Pat", "Phone", "member", false, null, null, null,
                null, null), new MockHttpServletRequest());
        open("/code");
        shot("18-code");
        for (int attempt = 0; attempt < 10 && !heading().equals("Too many attempts"); attempt++) {
            find("#identifier").clear();
            find("#identifier").sendKeys(phone);
            find("#code").sendKeys("ZZZZ-ZZZZ");
            submit("#redeem");
            if (attempt == 0) {
                assertThat(find("#code-error").getText()).contains("did not work");
                shot("19-code-wrong");
            }
        }
        assertThat(heading()).isEqualTo("Too many attempts");
        shot("20-locked-out");
    }

    @Test
    @Order(5)
    void an_expired_link_shows_the_expired_page_and_can_be_reinvited() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        inviteInTheBrowser(email);
        String link = claimLinkFromMailbox(email);
        open("/admin");
        find("#days").clear();
        find("#days").sendKeys("30");
        submit("#advance-clock");
        assertThat(find(".notice").getText()).contains("Demo clock moved 30");
        driver.get(link);
        assertThat(heading()).isEqualTo("This invitation has expired");
        shot("21-link-expired");
        open("/admin?status=EXPIRED");
        submit("tr[data-email='" + email + "'] button");
        assertThat(find(".notice").getText()).contains("reinvite");
        shot("22-admin-reinvited");
    }
    @Test
    @Order(6)
    void the_opt_out_link_of_a_mail_asks_first_and_then_blocks_further_invitations() throws Exception {
        String email = "stop-" + UUID.randomUUID() + "@example.com";
        inviteInTheBrowser(email);
        String link = linkFromMailbox(email, "/opt-out/");
        assertThat(link).startsWith(url("/invitations/api/opt-out/"));
        shot("23-mail-with-opt-out-link");

        // a mail scanner pre-opens the link: a page, never an opt-out
        HttpClient scanner = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = scanner.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        String id = admin.query(null, 0, 1000, new MockHttpServletRequest()).items().stream()
                .filter(i -> email.equals(i.email())).findFirst().orElseThrow().id();
        admin.revoke(id, new WebJson.ReasonForm("sent twice"), new MockHttpServletRequest());
        inviteInTheBrowser(email); // not opted out yet: invited again (the notice says sent)

        driver.get(link);
        assertThat(heading()).isEqualTo("Stop invitations");
        shot("24-opt-out-confirm");
        submit("#opt-out-confirm");
        assertThat(heading()).isEqualTo("Invitations stopped");
        assertThat(find("#opt-out-done").getText()).contains("no more invitations");
        shot("25-opted-out");

        String again = admin.query(null, 0, 1000, new MockHttpServletRequest()).items().stream()
                .filter(i -> email.equals(i.email()) && "PENDING".equals(i.status())).findFirst().orElseThrow().id();
        admin.revoke(again, new WebJson.ReasonForm("sent twice"), new MockHttpServletRequest());
        open("/admin");
        find("#email").sendKeys(email);
        submit("#invite-button");
        assertThat(find(".problem").getText()).contains("ALREADY_INVITED");
        shot("26-invite-after-opt-out-refused");
    }
}
