package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Requests are validated in full before anything happens")
class RequestValidationTest {
    private final Fixture f = new Fixture();

    private InvalidRequestException invalid(InviteRequest request) {
        return (InvalidRequestException) refused(() -> f.service.administration(ADMIN, ACME).invite(request));
    }

    @Test
    void every_problem_of_a_request_is_reported_at_once_naming_each_field() {
        InvalidRequestException e = invalid(InviteRequest.builder().email("jane@@example")
                .role(" ").groups("ok", " ").metadata(Map.of("", "x")).personalMessage("x".repeat(2001))
                .name("y".repeat(101), null).build());
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.fields()).containsExactlyInAnyOrder("email", "firstName", "groups[]", "metadata[]",
                "personalMessage", "role");
        assertThat(e.getMessage()).contains("email", "role", "personalMessage");
        assertThat(f.store.count(io.invitations.spi.storage.InvitationQuery.builder(ACME).build())).isZero();
    }

    @Test
    void the_inviter_and_the_tenant_are_required_where_an_administration_is_bound() {
        // They left the request for the binding: a missing one is named there, before any request.
        assertThatThrownBy(() -> f.service.administration(null, ACME)).isInstanceOf(NullPointerException.class)
                .hasMessage("actor");
        assertThatThrownBy(() -> f.service.administration(ADMIN, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("tenantId");
    }

    @Test
    void an_address_longer_than_254_characters_is_refused() {
        String local = "a".repeat(60);
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example";
        String address = local + "@" + domain + "s.org";
        assertThat(address).hasSize(256);
        InvalidRequestException e = invalid(f.request(address).build());
        assertThat(e.fields()).containsExactly("email");
    }

    @Test
    void an_address_without_a_dotted_domain_or_with_two_ats_is_refused() {
        assertThat(invalid(f.request("jane@localhost").build()).fields()).containsExactly("email");
        assertThat(invalid(f.request("jane@doe@example.com").build()).fields()).containsExactly("email");
        assertThat(invalid(f.request("jane@exa mple.com").build()).fields()).containsExactly("email");
    }

    @Test
    void either_an_email_or_an_identifier_with_its_kind_is_needed() {
        InviteRequest.Builder base = InviteRequest.builder().role("member");
        assertThat(invalid(base.build()).fields()).containsExactly("email");
        assertThat(invalid(base.email("a@example.com").identifier("phone", "+33 1").build()).fields())
                .containsExactly("identifier");
        assertThat(invalid(InviteRequest.builder().role("member").identifier((String) null, "123").build())
                .fields()).containsExactly("identifierKind");
        assertThat(invalid(InviteRequest.builder().role("member").identifier("bad kind!", "123").build())
                .fields()).containsExactly("identifierKind");
    }

    @Test
    void a_claim_without_a_token_is_invalid_and_never_shows_the_password() {
        InvalidRequestException e = (InvalidRequestException) refused(() -> f.service.invitee().accept(
                ClaimRequest.builder(" ").password("hunter2-secret".toCharArray()).build()));
        assertThat(e.fields()).containsExactly("token");
        assertThat(e.getMessage()).doesNotContain("hunter2-secret");
        assertThat(ClaimRequest.builder("t").password("hunter2-secret".toCharArray()).build().toString())
                .doesNotContain("hunter2-secret").contains("(hidden)");
    }

    @Test
    void a_valid_request_for_another_tenant_passes_validation() {
        assertThat(f.service.administration(ADMIN, TenantId.of("t2")).invite(InviteRequest.builder().email("a@example.com")
                .role("member").build()).tenantId()).isEqualTo(TenantId.of("t2"));
    }
}
