package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.UUID;

import static io.invitations.spring.web.WebTestApplication.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayName("Invitee endpoints: landing changes nothing, claims, codes, shareable links, neutral errors")
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class InviteeApiTest {
    static final Inviter ADMIN = Inviter.of("admin-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
    static final String TERMS = "{\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"termsAccepted\":true,"
            + "\"password\":\"correct horse battery\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationService service;
    @Autowired
    MutableClock clock;
    @Autowired
    io.invitations.core.memory.RecordingMailer mailer;

    private Invitation invite() {
        return service.administration(ADMIN, ACME).invite(InviteRequest.builder().email(UUID.randomUUID() + "@example.com")
                .role("member").build());
    }

    private String token(Invitation inv) {
        return service.administration(ADMIN, ACME).revealClaimLink(inv.id()).token();
    }

    @Test
    void get_and_head_on_the_claim_link_change_nothing_however_often_a_scanner_opens_it() throws Exception {
        Invitation invited = invite();
        String token = token(invited);
        Invitation inv = service.administration(ADMIN, ACME).find(invited.id()).orElseThrow();
        int historyBefore = service.administration(ADMIN, ACME).history(inv.id()).size();

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/invitations/api/claims/{t}", token)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PENDING"))
                    .andExpect(jsonPath("$.inviterName").value("Ada Admin"))
                    .andExpect(jsonPath("$.claimable").value(true))
                    .andExpect(jsonPath("$.steps[0]").value("TERMS"));
            mvc.perform(head("/invitations/api/claims/{t}", token)).andExpect(status().isOk());
        }

        Invitation after = service.administration(ADMIN, ACME).find(inv.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(after.respondedAt()).isNull();
        // the first open is recorded once for conversion reports (an OPEN entry, not a transition);
        // nothing else is written however often a scanner opens the link
        var history = service.administration(ADMIN, ACME).history(inv.id());
        assertThat(history).filteredOn(e -> e.action() != io.invitations.spi.invitation.Action.OPEN)
                .hasSize(historyBefore);
        assertThat(history).filteredOn(e -> e.action() == io.invitations.spi.invitation.Action.OPEN).hasSize(1);
    }

    @Test
    void a_claim_goes_through_the_steps_and_accepts() throws Exception {
        String token = token(invite());

        mvc.perform(post("/invitations/api/claims/{t}", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"Jane\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CLAIM_INCOMPLETE"))
                .andExpect(jsonPath("$.problems[0].field").exists());

        mvc.perform(post("/invitations/api/claims/{t}", token).contentType(MediaType.APPLICATION_JSON).content(TERMS))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));

        mvc.perform(get("/invitations/api/claims/{t}", token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.claimable").value(false));
        mvc.perform(post("/invitations/api/claims/{t}", token).contentType(MediaType.APPLICATION_JSON).content(TERMS))
                .andExpect(status().isGone()).andExpect(jsonPath("$.code").value("ALREADY_ACCEPTED"));
    }

    @Test
    void a_claim_posted_as_a_form_is_refused_so_no_other_site_can_forge_one() throws Exception {
        Invitation inv = invite();
        mvc.perform(post("/invitations/api/claims/{t}", token(inv)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("termsAccepted=true")).andExpect(status().isUnsupportedMediaType());
        assertThat(service.administration(ADMIN, ACME).find(inv.id()).orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void decline_declines() throws Exception {
        Invitation inv = invite();
        mvc.perform(post("/invitations/api/claims/{t}/decline", token(inv)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
    }

    @Test
    void one_click_opt_out_records_the_opt_out_and_refuses_a_forged_token() throws Exception {
        // wait for this invitation's own message: IMMEDIATE delivery may still be sending it (or
        // another test's) on the engine's thread, so the mailer's last message is not necessarily it
        String email = invite().invitee().emailOrNull().value();
        service.maintenance().deliverDueMessages();
        String header = sentTo(email).headers().get("List-Unsubscribe");
        String optOut = header.substring(header.lastIndexOf('/') + 1, header.length() - 1);
        mvc.perform(post("/invitations/api/opt-out/{t}", optOut).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click")).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("TENANT"));
        mvc.perform(post("/invitations/api/opt-out/{t}", optOut + "x")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
    }

    @Test
    void an_unknown_opt_out_scope_is_an_invalid_request_naming_the_parameter() throws Exception {
        mvc.perform(post("/invitations/api/opt-out/{t}", "any-token").param("scope", "EVERYWHERE<script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'scope'")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ALL_TENANTS")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("EVERYWHERE"))));
    }

    /** The message to an address; IMMEDIATE delivery hands it to the mailer on the engine's own thread. */
    private io.invitations.spi.mail.MailMessage sentTo(String email) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            var found = mailer.sent().stream().filter(m -> m.to().equals(email)).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found.orElseThrow(() -> new AssertionError("no message to " + email + " within 10 s"));
            }
            Thread.sleep(10);
        }
    }

    @Test
    void one_click_opt_out_takes_the_form_bodies_mail_providers_send_and_blocks_further_invitations()
            throws Exception {
        String email = UUID.randomUUID() + "@example.com";
        Invitation first = inviteTo(email);
        var message = sentTo(email);
        assertThat(message.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String header = message.headers().get("List-Unsubscribe");
        String optOut = header.substring(header.lastIndexOf('/') + 1, header.length() - 1);
        // RFC 8058 allows multipart/form-data as well; no JSON, no cookie, no CSRF token is needed
        mvc.perform(multipart("/invitations/api/opt-out/{t}", optOut).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scope").value("TENANT"));
        // a provider retrying the request changes nothing and still answers 200
        mvc.perform(post("/invitations/api/opt-out/{t}", optOut).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        assertInvitingAgainIsRefused(first, email);
    }

    /** Invites an address and delivers the message. */
    private Invitation inviteTo(String email) {
        Invitation invitation = service.administration(ADMIN, ACME).invite(InviteRequest.builder().email(email)
                .role("member").build());
        service.maintenance().deliverDueMessages();
        return invitation;
    }

    /** Revokes the open invitation and checks that the opted-out address cannot be invited again. */
    private void assertInvitingAgainIsRefused(Invitation open, String email) {
        service.administration(ADMIN, ACME).revoke(open.id(), "sent by mistake");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.administration(ADMIN, ACME).invite(
                        InviteRequest.builder().email(email).role("member").build()))
                .isInstanceOf(io.invitations.spi.InvitationException.class);
    }

    @Test
    void the_visible_opt_out_link_opens_a_confirmation_page_that_changes_nothing_until_its_form_is_sent()
            throws Exception {
        String email = UUID.randomUUID() + "@example.com";
        Invitation first = inviteTo(email);
        var message = sentTo(email);
        String header = message.headers().get("List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        assertThat(message.html()).contains("href=\"" + url + "\"");
        String optOut = url.substring(url.lastIndexOf('/') + 1);

        // a browser (or a mail scanner) opening the link: a page, however often; nothing recorded
        String page = null;
        for (int i = 0; i < 3; i++) {
            page = mvc.perform(get("/invitations/api/opt-out/{t}", optOut).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("text/html;charset=UTF-8"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Cache-Control", "no-store"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Referrer-Policy", "no-referrer"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("X-Frame-Options", "DENY"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Content-Security-Policy", org.hamcrest.Matchers.containsString(
                                    "frame-ancestors 'none'")))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("<form method=\"post\"").contains("name=\"scope\"")
                .doesNotContain("<script").doesNotContain(optOut);
        // a forged token gets the very same page: no oracle
        String forged = mvc.perform(get("/invitations/api/opt-out/{t}", optOut + "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forged).isEqualTo(page);
        // still not opted out: a new invitation to the address is accepted
        service.administration(ADMIN, ACME).revoke(first.id(), "sent by mistake");
        Invitation second = inviteTo(email);

        // the page's form, sent with a forged token: the same 404 as the JSON endpoint, as a page
        mvc.perform(post("/invitations/api/opt-out/{t}", optOut + "x").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("confirmed=true&scope=TENANT"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This link or code is not valid.")));
        // the page's form, sent: opted out, answered as a page
        mvc.perform(post("/invitations/api/opt-out/{t}", optOut).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("confirmed=true&scope=TENANT"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("no more invitations")));
        assertInvitingAgainIsRefused(second, email);
    }

    @Test
    void an_unknown_or_forged_token_answers_neutrally() throws Exception {
        mvc.perform(get("/invitations/api/claims/{t}", "not-a-token")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("INVALID_TOKEN"))
                .andExpect(jsonPath("$.detail").value("This link or code is not valid."));
    }

    @Test
    void an_expired_invitation_shows_its_status_and_its_claim_is_gone() throws Exception {
        String token = token(invite());
        clock.advance(Duration.ofDays(400));
        try {
            mvc.perform(get("/invitations/api/claims/{t}", token)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("EXPIRED")).andExpect(jsonPath("$.claimable").value(false));
            mvc.perform(post("/invitations/api/claims/{t}", token).contentType(MediaType.APPLICATION_JSON)
                            .content(TERMS)).andExpect(status().isGone())
                    .andExpect(jsonPath("$.code").value("EXPIRED"))
                    .andExpect(jsonPath("$.category").value("GONE"));
        } finally {
            clock.advance(Duration.ofDays(-400));
        }
    }

    @Test
    void access_codes_redeem_and_wrong_ones_lock_out_neutrally() throws Exception {
        String phone = "+4179" + (1000000 + (int) (Math.random() * 8000000));
        Invitation inv = service.administration(ADMIN, ACME).invite(InviteRequest.builder().identifier(IdentifierKind.PHONE, phone)
                .role("member").build());
        String code = service.administration(ADMIN, ACME).revealAccessCode(inv.id()).formatted();
        String wrong = "{\"tenantId\":\"acme\",\"identifierKind\":\"phone\",\"identifier\":\"" + phone
                + "\",\"code\":\"AAAA-AAAA\"}";

        mvc.perform(post("/invitations/api/codes/redeem").contentType(MediaType.APPLICATION_JSON)
                        .content(wrong.replace("AAAA-AAAA", code)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.claimToken").isNotEmpty())
                .andExpect(jsonPath("$.claim.status").value("PENDING"));

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            int s = mvc.perform(post("/invitations/api/codes/redeem").contentType(MediaType.APPLICATION_JSON)
                    .content(wrong)).andReturn().getResponse().getStatus();
            if (s == 429) {
                break;
            }
            assertThat(s).isEqualTo(404);
            refused++;
        }
        assertThat(refused).isBetween(1, 9);
        mvc.perform(post("/invitations/api/codes/redeem").contentType(MediaType.APPLICATION_JSON)
                        .content(wrong.replace("AAAA-AAAA", code)))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("THROTTLED"));
    }

    @Test
    void a_shareable_link_offers_and_joins_and_a_second_join_is_refused_without_saying_why() throws Exception {
        String token = service.administration(ADMIN, ACME).createShareableLink(ShareableLinkRequest.builder().role("member").build()).token();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/invitations/api/shareable-links/{t}", token)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.role").value("member"));
            mvc.perform(head("/invitations/api/shareable-links/{t}", token)).andExpect(status().isOk());
        }
        String email = UUID.randomUUID() + "@example.org";
        String join = "{\"email\":\"" + email + "\",\"claim\":" + TERMS + "}";
        mvc.perform(post("/invitations/api/shareable-links/{t}/join", token).contentType(MediaType.APPLICATION_JSON)
                .content(join)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(post("/invitations/api/shareable-links/{t}/join", token).contentType(MediaType.APPLICATION_JSON)
                        .content(join)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_INVITED_OR_MEMBER"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(email))));
    }
}
