package io.invitations.spring.web;

import com.jayway.jsonpath.JsonPath;
import io.invitations.core.InvitationService;
import io.invitations.tck.support.MutableClock;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.TenantSettingsSource;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.UUID;

import static io.invitations.spring.web.WebTestApplication.ACME;
import static io.invitations.spring.web.WebTestApplication.LEVEL_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayName("Administrators' API: every endpoint, bound to the resolved administrator")
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class AdminApiTest {
    static final String BASE = "/invitations/api/admin";

    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationService service;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantSettingsSource settings;

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B admin(B b) {
        return b.header(LEVEL_HEADER, "ADMIN_TENANT");
    }

    /** An administrator's state-changing call: JSON, as the API requires (no body where none is needed). */
    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B json(B b) {
        return admin(b).contentType(MediaType.APPLICATION_JSON);
    }

    /** An administrator's upload, with the header the bulk endpoint requires. */
    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B upload(B b) {
        return admin(b).header(AdminApiController.UPLOAD_HEADER, "invitations");
    }

    private static String email() {
        return UUID.randomUUID() + "@example.com";
    }

    private String invite(String email) throws Exception {
        String body = mvc.perform(admin(post(BASE + "/invitations")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"role\":\"member\",\"firstName\":\"Jane\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void without_a_resolver_bean_every_endpoint_is_closed_with_403() throws Exception {
        ObjectProvider<AdministratorResolver> none = new StaticListableBeanFactory()
                .getBeanProvider(AdministratorResolver.class);
        MockMvc closed = MockMvcBuilders.standaloneSetup(new AdminApiController(service, none, clock)).build();
        closed.perform(get(BASE + "/invitations").header(LEVEL_HEADER, "ADMIN_TENANT"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AN_ADMINISTRATOR"));
        closed.perform(post(BASE + "/invitations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_caller_the_resolver_does_not_know_gets_401() throws Exception {
        mvc.perform(get(BASE + "/invitations")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("NOT_AUTHENTICATED"));
        mvc.perform(post(BASE + "/invitations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"x@example.com\"}")).andExpect(status().isUnauthorized());
    }

    @Test
    void invite_find_query_history_preview_and_claim_link() throws Exception {
        String id = invite(email());
        mvc.perform(admin(get(BASE + "/invitations/{id}", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("member")).andExpect(jsonPath("$.displayName").value("Jane"));
        mvc.perform(admin(get(BASE + "/invitations/{id}", "no-such-id"))).andExpect(status().isNotFound());
        mvc.perform(admin(get(BASE + "/invitations").param("status", "PENDING").param("limit", "1000")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(admin(get(BASE + "/invitations/{id}/history", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].to").value("PENDING"));
        mvc.perform(admin(get(BASE + "/invitations/{id}/preview", id).param("kind", "INVITATION")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subject").isNotEmpty());
        mvc.perform(admin(get(BASE + "/messages/sample").param("locale", "de").param("kind", "RESEND")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locale").value("de"));
        mvc.perform(admin(get(BASE + "/invitations/{id}/claim-link", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.url", containsString("https://app.example.com/claim/")));
    }

    @Test
    void invalid_input_is_a_problem_naming_each_field() throws Exception {
        mvc.perform(admin(post(BASE + "/invitations")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.problems[0].field").isNotEmpty());
        mvc.perform(admin(get(BASE + "/invitations").param("status", "NOPE"))).andExpect(status().isBadRequest());
    }

    @Test
    void a_plain_user_may_not_invite() throws Exception {
        mvc.perform(post(BASE + "/invitations").header(LEVEL_HEADER, "USER").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email() + "\",\"role\":\"member\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.category").value("FORBIDDEN"));
    }

    @Test
    void inviting_twice_is_a_conflict() throws Exception {
        String email = email();
        invite(email);
        mvc.perform(admin(post(BASE + "/invitations")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"role\":\"member\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_INVITED"));
    }

    @Test
    void state_changes_a_page_of_another_site_could_send_without_a_preflight_are_refused() throws Exception {
        String id = invite(email());
        // the types a plain HTML form or a no-cors fetch can send, and no type at all
        for (String path : List.of("/invitations/{id}/send", "/invitations/{id}/resend", "/invitations/{id}/reinvite",
                "/invitations/{id}/revoke", "/invitations/{id}/approve", "/invitations/{id}/reject",
                "/shareable-links/{id}/deactivate", "/shareable-links/{id}/reactivate")) {
            mvc.perform(admin(post(BASE + path, id)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("reason=x")).andExpect(status().isUnsupportedMediaType());
            mvc.perform(admin(post(BASE + path, id)).contentType(MediaType.TEXT_PLAIN).content("{}"))
                    .andExpect(status().isUnsupportedMediaType());
            mvc.perform(admin(post(BASE + path, id))).andExpect(status().isUnsupportedMediaType());
        }
        mvc.perform(admin(post(BASE + "/invitations/send-all-provisioned"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)).andExpect(status().isUnsupportedMediaType());
        // an optional body does not open a way around: an empty form post is refused, naming the fix
        mvc.perform(admin(post(BASE + "/invitations/{id}/revoke", id)).contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("JSON_REQUIRED"))
                .andExpect(jsonPath("$.detail").value(containsString("Content-Type: application/json")));
        assertThat(service.administration(WebTestApplication.SYSTEM, ACME).find(InvitationId.of(id)).orElseThrow()
                .status()).isEqualTo(InvitationStatus.PENDING);
        // JSON with no body, and with {}, is what the API takes
        mvc.perform(json(post(BASE + "/invitations/{id}/revoke", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(json(post(BASE + "/invitations/send-all-provisioned")).content("{}")).andExpect(status().isOk());

        // the multipart upload needs the custom header, which forces a preflight
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                ("email\n" + email() + "\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(admin(multipart(BASE + "/bulk").file(file).param("dryRun", "false")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("HEADER_REQUIRED"))
                .andExpect(jsonPath("$.detail").value(containsString("X-Requested-With")));
        mvc.perform(upload(multipart(BASE + "/bulk").file(file))).andExpect(status().isOk());
    }

    @Test
    void resend_revoke_and_reinvite_after_expiry() throws Exception {
        String id = invite(email());
        clock.advance(Duration.ofDays(1));
        mvc.perform(json(post(BASE + "/invitations/{id}/resend", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.resendCount").value(1));
        mvc.perform(admin(post(BASE + "/invitations/{id}/revoke", id)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"sent by mistake\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(json(post(BASE + "/invitations/{id}/resend", id))).andExpect(status().isConflict());

        String expiring = invite(email());
        clock.advance(Duration.ofDays(30));
        mvc.perform(admin(get(BASE + "/invitations/{id}", expiring))).andExpect(jsonPath("$.status").value("EXPIRED"));
        mvc.perform(json(post(BASE + "/invitations/{id}/reinvite", expiring))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void provision_then_send_one_many_and_all() throws Exception {
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            String body = mvc.perform(admin(post(BASE + "/invitations/provision"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\":\"" + email() + "\",\"role\":\"member\"}"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROVISIONED"))
                    .andReturn().getResponse().getContentAsString();
            ids[i] = JsonPath.read(body, "$.id");
        }
        mvc.perform(json(post(BASE + "/invitations/{id}/send", ids[0]))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(admin(post(BASE + "/invitations/send")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\":[\"" + ids[0] + "\",\"" + ids[1] + "\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent[0]").value(ids[1]))
                .andExpect(jsonPath("$.refused[0].id").value(ids[0]));
        mvc.perform(json(post(BASE + "/invitations/send-all-provisioned"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sent", hasItem(ids[2])));
    }

    @Test
    void an_administrator_adds_a_message_when_sending_and_too_long_a_one_is_refused_naming_the_field()
            throws Exception {
        String body = mvc.perform(admin(post(BASE + "/invitations/provision")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email() + "\",\"role\":\"member\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(json(post(BASE + "/invitations/{id}/send", id)).param("message", "x".repeat(2001)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail", containsString("message")));
        mvc.perform(json(post(BASE + "/invitations/{id}/send", id)).param("message", "Kick-off on Monday"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));

        assertThat(service.administration(WebTestApplication.SYSTEM, ACME)
                .find(io.invitations.spi.invitation.InvitationId.of(id)).orElseThrow().personalMessage())
                .isEqualTo("Kick-off on Monday");
    }

    @Test
    void approve_and_reject_refuse_when_the_tenant_does_not_require_approval() throws Exception {
        String id = invite(email());
        mvc.perform(json(post(BASE + "/invitations/{id}/approve", id))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("APPROVAL_NOT_REQUIRED"));
        mvc.perform(admin(post(BASE + "/invitations/{id}/reject", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"no\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("APPROVAL_NOT_REQUIRED"));
    }

    @Test
    void a_bulk_csv_is_checked_then_confirmed_and_its_claim_links_exported() throws Exception {
        String a = email();
        String csv = "email,first name,role\n" + a + ",Ann,member\nnot-an-email,Bob,member\n" + a + ",Ann,member\n";
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(upload(multipart(BASE + "/bulk").file(file))).andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true)).andExpect(jsonPath("$.written").value(false))
                .andExpect(jsonPath("$.lines[1].outcome").value("INVALID"))
                .andExpect(jsonPath("$.lines[1].problems[0].field").value("email"))
                .andExpect(jsonPath("$.lines[2].outcome").value("DUPLICATE_IN_INPUT"));
        assertThat(service.administration(WebTestApplication.SYSTEM, ACME).query(io.invitations.spi.storage.InvitationQuery.builder(ACME).build()).items())
                .noneMatch(i -> a.equals(String.valueOf(i.invitee().emailOrNull() == null ? null
                        : i.invitee().emailOrNull().value())));

        String body = mvc.perform(upload(multipart(BASE + "/bulk").file(file).param("dryRun", "false")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.lines[0].outcome").value("CREATED"))
                .andReturn().getResponse().getContentAsString();
        String batch = JsonPath.read(body, "$.batchId");
        mvc.perform(admin(get(BASE + "/batches/{b}/claim-links.csv", batch))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString(a)));
    }

    @Test
    void a_second_upload_names_the_invitation_each_already_invited_row_met() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                ("email,role\n" + email() + ",member\n").getBytes(StandardCharsets.UTF_8));
        String first = mvc.perform(upload(multipart(BASE + "/bulk").file(file).param("dryRun", "false")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String created = JsonPath.read(first, "$.lines[0].invitationId");

        mvc.perform(upload(multipart(BASE + "/bulk").file(file).param("dryRun", "false"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].outcome").value("ALREADY_INVITED"))
                .andExpect(jsonPath("$.lines[0].existingInvitationId").value(created));
    }

    @Test
    void uploads_of_each_format_are_read_and_unknown_types_are_refused() throws Exception {
        String txt = email() + "\n" + email() + "\n";
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "list.txt", "text/plain",
                txt.getBytes(StandardCharsets.UTF_8))).param("role", "member"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.CREATED").value(2));
        String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera Card\r\nN:Card;Vera;;;\r\nEMAIL:" + email()
                + "\r\nEND:VCARD\r\n";
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "people.vcf", "text/vcard",
                vcf.getBytes(StandardCharsets.UTF_8))).param("role", "member"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(1)).andExpect(jsonPath("$.totals.CREATED").value(1));
        String ldif = "dn: cn=Lee Dap,dc=example,dc=com\ncn: Lee Dap\ngivenName: Lee\nsn: Dap\nmail: " + email() + "\n";
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "people.ldif", "text/plain",
                ldif.getBytes(StandardCharsets.UTF_8))).param("role", "member"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(1)).andExpect(jsonPath("$.totals.CREATED").value(1));
        byte[] xlsx = mvc.perform(admin(get(BASE + "/bulk/template.xlsx"))).andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "template.xlsx",
                "application/octet-stream", xlsx)))).andExpect(status().isOk());
        byte[] csvTemplate = mvc.perform(admin(get(BASE + "/bulk/template.csv"))).andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> headers = List.of(new String(csvTemplate, StandardCharsets.UTF_8).strip().replace("\uFEFF", "")
                .split(","));
        String[] row = new String[headers.size()];
        java.util.Arrays.fill(row, "");
        row[headers.indexOf("email")] = email();
        row[headers.indexOf("role")] = "member";
        byte[] filled = (new String(csvTemplate, StandardCharsets.UTF_8) + String.join(",", row) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "template.csv",
                "text/csv", filled)))).andExpect(status().isOk()).andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].outcome").value("CREATED"));
        mvc.perform(upload(multipart(BASE + "/bulk").file(new MockMultipartFile("file", "people.pdf", "application/pdf",
                new byte[] {1, 2, 3})))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMPORT_INVALID_FILE"))
                .andExpect(jsonPath("$.detail", containsString(".xlsx")));
    }

    @Test
    void status_exports_as_csv_and_xlsx() throws Exception {
        String email = email();
        invite(email);
        mvc.perform(admin(get(BASE + "/invitations/export.csv"))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString(email)));
        byte[] xlsx = mvc.perform(admin(get(BASE + "/invitations/export.xlsx"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).startsWith('P', 'K');
    }

    @Test
    void shareable_links_are_created_listed_revealed_deactivated_and_reactivated() throws Exception {
        String body = mvc.perform(admin(post(BASE + "/shareable-links")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"member\",\"maxUses\":5}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.url", containsString("/join/")))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(admin(get(BASE + "/shareable-links"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id))).andExpect(jsonPath("$[0].url").doesNotExist());
        mvc.perform(admin(get(BASE + "/shareable-links/{id}", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.url").isNotEmpty());
        mvc.perform(json(post(BASE + "/shareable-links/{id}/deactivate", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(json(post(BASE + "/shareable-links/{id}/reactivate", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true)).andExpect(jsonPath("$.url").isNotEmpty());
    }

    @Test
    void a_plain_user_reads_only_their_own_invitations_and_another_ones_is_not_found() throws Exception {
        TenantId tenant = tenantWhereUsersInvite("reads-");
        String own = inviteAs("USER", tenant);
        String others = inviteAs("ADMIN_TENANT", tenant);

        mvc.perform(as("USER", tenant, get(BASE + "/invitations"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(own))).andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(as("USER", tenant, get(BASE + "/invitations/{id}", own))).andExpect(status().isOk());
        mvc.perform(as("USER", tenant, get(BASE + "/invitations/{id}/history", own))).andExpect(status().isOk());
        mvc.perform(as("USER", tenant, get(BASE + "/invitations/{id}", others))).andExpect(status().isNotFound());
        mvc.perform(as("USER", tenant, get(BASE + "/invitations/{id}/history", others)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(as("ADMIN_TENANT", tenant, get(BASE + "/invitations"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(own, others)));
    }

    @Test
    void changing_another_ones_invitation_by_id_is_a_404_exactly_as_a_missing_one() throws Exception {
        TenantId tenant = tenantWhereUsersInvite("writes-");
        String others = inviteAs("ADMIN_TENANT", tenant);

        for (String action : List.of("resend", "reinvite", "revoke")) {
            String hidden = mvc.perform(as("USER", tenant, post(BASE + "/invitations/{id}/" + action, others)
                            .contentType(MediaType.APPLICATION_JSON)))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andReturn().getResponse().getContentAsString();
            String missing = mvc.perform(as("USER", tenant, post(BASE + "/invitations/{id}/" + action, "no-such-id")
                            .contentType(MediaType.APPLICATION_JSON)))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(hidden).as(action).isEqualTo(missing.replace("no-such-id", others))
                    .doesNotContain("did not send");
        }
    }

    private TenantId tenantWhereUsersInvite(String prefix) {
        TenantId tenant = TenantId.of(prefix + UUID.randomUUID());
        ((InMemoryTenantSettingsSource) settings).update(tenant, s -> s.toBuilder()
                .minimumInviteLevel(PermissionLevel.USER).build());
        return tenant;
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String level, TenantId tenant, B b) {
        return b.header(LEVEL_HEADER, level).header(WebTestApplication.TENANT_HEADER, tenant.value());
    }

    private String inviteAs(String level, TenantId tenant) throws Exception {
        String body = mvc.perform(as(level, tenant, post(BASE + "/invitations")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email() + "\",\"role\":\"member\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        clock.advance(Duration.ofSeconds(1));
        return JsonPath.read(body, "$.id");
    }

    @Test
    void a_status_filter_reads_effective_statuses() throws Exception {
        String id = invite(email());
        mvc.perform(admin(get(BASE + "/invitations").param("status", "PENDING", "ACCEPTED").param("limit", "1000")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(id)));
        assertThat(service.administration(WebTestApplication.SYSTEM, ACME).find(InvitationId.of(id)).orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
    }
}
