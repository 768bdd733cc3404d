package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.core.InviteRequest;
import io.invitations.core.memory.InMemoryTenantSettingsSource;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.OtherAccountPolicy;
import io.invitations.spi.settings.TenantSettingsSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.Map;
import java.util.UUID;

import static io.invitations.spring.web.InviteeApiTest.ADMIN;
import static io.invitations.spring.web.InviteeApiTest.TERMS;
import static io.invitations.spring.web.WebTestApplication.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DisplayName("The claim endpoint accepts as the signed-in address, and the tenant's policy decides a mismatch")
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class AcceptanceByAnotherAccountTest {
    /** A tenant holding acceptances by another account for an administrator. */
    private static final TenantId HOLDING = TenantId.of("acme-approval");

    /** What an OIDC login's principal exposes (OidcUser#getAttributes), without the OAuth 2.0 module. */
    public record OidcLikeUser(Map<String, Object> attributes) {
        public Map<String, Object> getAttributes() {
            return attributes;
        }
    }

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

    static void signInAs(String email) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new OidcLikeUser(Map.of("sub", "u-" + email.hashCode(), "email", email, "email_verified", true)),
                "n/a", AuthorityUtils.createAuthorityList("ROLE_USER")));
    }

    private Invitation invite(TenantId tenant, String email) {
        return service.administration(ADMIN, tenant).invite(InviteRequest.builder().email(email).role("member").build());
    }

    private ResultActions claim(TenantId tenant, Invitation inv) throws Exception {
        String token = service.administration(ADMIN, tenant).revealClaimLink(inv.id()).token();
        return mvc.perform(post("/invitations/api/claims/{t}", token).contentType(MediaType.APPLICATION_JSON)
                .content(TERMS));
    }

    /** Claims in the tenant that holds mismatches for approval, signed in with another address. */
    private ResultActions claimUnderApprovalAs(String other, Invitation inv) throws Exception {
        ((InMemoryTenantSettingsSource) settings).update(HOLDING, s -> s.toBuilder()
                .otherAccounts(OtherAccountPolicy.APPROVAL).build());
        signInAs(other);
        return claim(HOLDING, inv).andExpect(status().isOk());
    }

    private InvitationStatus statusOf(TenantId tenant, Invitation inv) {
        return service.administration(ADMIN, tenant).find(inv.id()).orElseThrow().status();
    }

    private static String someone() {
        return UUID.randomUUID() + "@example.com";
    }

    @Test
    void an_anonymous_claim_is_taken_to_be_the_invited_persons_as_before() throws Exception {
        Invitation inv = invite(ACME, someone());
        claim(ACME, inv).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(service.administration(ADMIN, ACME).history(inv.id()))
                .allSatisfy(e -> assertThat(e.acceptingAddress()).isNull());
    }

    @Test
    void signed_in_with_the_invited_address_the_claim_is_accepted_and_the_address_recorded() throws Exception {
        String email = someone();
        Invitation inv = invite(ACME, email);
        signInAs(email.toUpperCase(java.util.Locale.ROOT));
        claim(ACME, inv).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(service.administration(ADMIN, ACME).history(inv.id()))
                .anySatisfy(e -> assertThat(e.acceptingAddress()).isNotNull());
    }

    @Test
    void signed_in_with_another_address_the_claim_is_refused_and_the_invited_account_may_still_accept()
            throws Exception {
        String invited = someone();
        String other = someone();
        Invitation inv = invite(ACME, invited);
        signInAs(other);
        claim(ACME, inv).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCOUNT_MISMATCH"))
                .andExpect(jsonPath("$.detail").value(containsString("Sign in with the address the invitation")))
                .andExpect(jsonPath("$.detail").value(not(containsString(invited))))
                .andExpect(jsonPath("$.detail").value(not(containsString(other))));
        assertThat(statusOf(ACME, inv)).isEqualTo(InvitationStatus.PENDING);

        signInAs(invited);
        claim(ACME, inv).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }

    @Test
    void an_unverified_address_counts_as_none() throws Exception {
        Invitation inv = invite(ACME, someone());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new OidcLikeUser(Map.of("email", someone(), "email_verified", false)), "n/a",
                AuthorityUtils.createAuthorityList("ROLE_USER")));
        claim(ACME, inv).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }

    @Test
    void under_approval_another_address_is_held_for_an_administrator() throws Exception {
        String other = someone();
        Invitation inv = invite(HOLDING, someone());
        claimUnderApprovalAs(other, inv).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.awaitingApproval").value(true));
        assertThat(statusOf(HOLDING, inv)).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(service.administration(ADMIN, HOLDING).history(inv.id()))
                .anySatisfy(e -> assertThat(String.valueOf(e.acceptingAddress())).isEqualTo(other));
    }

    @Test
    void the_admin_api_history_shows_whom_an_administrator_approves() throws Exception {
        String other = someone();
        Invitation inv = invite(HOLDING, someone());
        claimUnderApprovalAs(other, inv).andExpect(content().string(not(containsString("acceptingAddress"))));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/invitations/api/admin/invitations/{id}/history", inv.id().value())
                        .header(WebTestApplication.LEVEL_HEADER, "ADMIN_TENANT")
                        .header(WebTestApplication.TENANT_HEADER, HOLDING.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.to == 'AWAITING_APPROVAL')].acceptingAddress").value(hasItem(other)));
    }

    @Test
    void an_anonymous_claim_on_a_held_invitation_waits_for_the_administrator() throws Exception {
        Invitation inv = invite(HOLDING, someone());
        claimUnderApprovalAs(someone(), inv);
        SecurityContextHolder.clearContext();
        claim(HOLDING, inv).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("AWAITING_DECISION"))
                .andExpect(jsonPath("$.detail").value(containsString("administrator")));
        assertThat(statusOf(HOLDING, inv)).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }

    @Test
    void a_tenant_requiring_the_signed_in_address_refuses_an_anonymous_claim_and_keeps_it_open() throws Exception {
        TenantId strictest = TenantId.of("acme-signed-in");
        ((InMemoryTenantSettingsSource) settings).update(strictest, s -> s.toBuilder()
                .acceptingAddressRequired(true).build());
        String invited = someone();
        Invitation inv = invite(strictest, invited);
        claim(strictest, inv).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCEPTING_ADDRESS_REQUIRED"))
                .andExpect(jsonPath("$.detail").value(containsString("Sign in")));
        assertThat(statusOf(strictest, inv)).isEqualTo(InvitationStatus.PENDING);
        signInAs(invited);
        claim(strictest, inv).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }
}
