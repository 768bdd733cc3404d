package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.TenantSettingsSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.UUID;

import static io.invitations.spring.web.AcceptanceByAnotherAccountTest.signInAs;
import static io.invitations.spring.web.InviteeApiTest.ADMIN;
import static io.invitations.spring.web.InviteeApiTest.TERMS;
import static io.invitations.spring.web.WebTestApplication.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayName("The join endpoint passes the signed-in address: a typed email cannot take over another's invitation")
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class ShareableLinkJoinAddressTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationService service;
    @Autowired
    TenantSettingsSource settings;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String link(TenantId tenant) {
        return service.administration(ADMIN, tenant)
                .createShareableLink(ShareableLinkRequest.builder().role("member").build()).token();
    }

    private ResultActions join(String linkToken, String email) throws Exception {
        return mvc.perform(post("/invitations/api/shareable-links/{t}/join", linkToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"claim\":" + TERMS + "}"));
    }

    private static String someone() {
        return UUID.randomUUID() + "@corp.example";
    }

    @Test
    void an_anonymous_join_of_an_address_with_an_admin_invitation_is_refused_and_leaves_it_open() throws Exception {
        String victim = someone();
        Invitation adminIssued = service.administration(ADMIN, ACME)
                .invite(InviteRequest.builder().email(victim).role("admin").build());

        join(link(ACME), victim).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ALREADY_INVITED_OR_MEMBER"))
                .andExpect(jsonPath("$.detail").value(not(containsString(victim))));

        assertThat(service.administration(ADMIN, ACME).find(adminIssued.id()).orElseThrow().status())
                .isEqualTo(InvitationStatus.PENDING);
        assertThat(service.administration(ADMIN, ACME).invitationsOf(new io.invitations.spi.invitation.EmailAddress(victim)))
                .extracting(Invitation::id).containsExactly(adminIssued.id());

        // the person themself, signed in with the address, may use the link instead of the lost mail
        signInAs(victim);
        join(link(ACME), victim).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(service.administration(ADMIN, ACME).find(adminIssued.id()).orElseThrow().status())
                .isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void signed_in_with_another_address_the_join_is_refused_with_account_mismatch() throws Exception {
        String typed = someone();
        signInAs(someone());
        join(link(ACME), typed).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCOUNT_MISMATCH"))
                .andExpect(jsonPath("$.detail").value(not(containsString(typed))));
        assertThat(service.administration(ADMIN, ACME).invitationsOf(new io.invitations.spi.invitation.EmailAddress(typed)))
                .isEmpty();
    }

    @Test
    void a_tenant_requiring_the_signed_in_address_refuses_an_anonymous_join() throws Exception {
        TenantId strict = TenantId.of("acme-join-signed-in");
        ((InMemoryTenantSettingsSource) settings).update(strict, s -> s.toBuilder()
                .acceptingAddressRequired(true).build());
        String token = link(strict);
        String email = someone();

        join(token, email).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCEPTING_ADDRESS_REQUIRED"))
                .andExpect(jsonPath("$.detail").value(containsString("Sign in")));
        assertThat(service.administration(ADMIN, strict).query(
                io.invitations.spi.storage.InvitationQuery.builder(strict).build()).items()).isEmpty();

        signInAs(email);
        join(token, email).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }
}
