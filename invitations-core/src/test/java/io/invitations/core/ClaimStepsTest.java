package io.invitations.core;

import io.invitations.core.memory.InMemoryIdentityDirectory;
import io.invitations.core.testing.Fixture;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.identity.IdentityDirectory;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The claim steps: terms, profile, password, default groups")
class ClaimStepsTest {
    private final Fixture f = new Fixture();
    private final RecordingDirectory directory = new RecordingDirectory(f.directory);
    private final InvitationService service = InvitationService.builder().store(f.store).settings(f.settings)
            .keyRing(f.keys).clock(f.clock).identityDirectory(directory).deliveryExecutor(Runnable::run).build();

    private String invite(String email) {
        Invitation inv = service.administration(Fixture.ADMIN, ACME).invite(f.request(email).build());
        return Secrets.issued(service.administration(Fixture.ADMIN, ACME).revealClaimLink(inv.id()).token());
    }

    @Test
    void inspect_lists_every_step_the_tenant_asks_for_in_order() {
        f.configure(s -> s.termsRequired(true).profileFields(List.of("jobTitle")).defaultGroupPool(Set.of("news"))
                .minimumPasswordLength(12));
        String token = invite("jane@example.com");

        ClaimRequirements needs = service.invitee().inspect(token).requirements();

        assertThat(needs.steps()).containsExactly(ClaimStep.TERMS, ClaimStep.PROFILE, ClaimStep.PASSWORD,
                ClaimStep.GROUPS);
        assertThat(needs.minimumPasswordLength()).isEqualTo(12);
        assertThat(needs.groupPool()).containsExactly("news");
    }

    @Test
    void under_sso_the_claim_has_no_password_step_and_a_typed_password_is_not_handed_over() {
        f.directory.setSso(ACME, true);
        String token = invite("jane@example.com");

        ClaimRequirements needs = service.invitee().inspect(token).requirements();
        Acceptance accepted = service.invitee().accept(ClaimRequest.builder(token).password("whatever".toCharArray()).build());

        assertThat(needs.passwordRequired()).isFalse();
        assertThat(needs.minimumPasswordLength()).isZero();
        assertThat(needs.steps()).doesNotContain(ClaimStep.PASSWORD);
        assertThat(accepted.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.passwords).containsExactly("(none)");
    }

    @Test
    void without_sso_a_missing_password_is_a_typed_error_naming_the_step() {
        String token = invite("jane@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) refused(
                () -> service.invitee().accept(ClaimRequest.builder(token).build()));

        assertThat(e.code()).isEqualTo(ErrorCode.CLAIM_INCOMPLETE);
        assertThat(e.steps()).containsExactly(ClaimStep.PASSWORD);
        assertThat(e.missing()).singleElement().asString().startsWith("password:").contains("at least 8");
        assertThat(directory.passwords).isEmpty();
    }

    @Test
    void without_sso_a_too_short_password_is_a_typed_error_that_never_quotes_it() {
        f.configure(s -> s.minimumPasswordLength(10));
        String token = invite("jane@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) refused(
                () -> service.invitee().accept(ClaimRequest.builder(token).password("hunter2!".toCharArray()).build()));

        assertThat(e.steps()).containsExactly(ClaimStep.PASSWORD);
        assertThat(e.getMessage()).contains("too short", "10").doesNotContain("hunter2");
        assertThat(f.store.find(ACME, service.invitee().inspect(token).invitationId()).orElseThrow().status())
                .isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void a_group_outside_the_pool_is_refused_and_groups_inside_it_are_applied() {
        f.configure(s -> s.defaultGroupPool(Set.of("news", "sports")));
        String token = invite("jane@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) refused(() -> service.invitee().accept(
                ClaimRequest.builder(token).password(PASSWORD.toCharArray()).chooseGroups("sports", "board").build()));
        Acceptance accepted = service.invitee().accept(ClaimRequest.builder(token).password(PASSWORD.toCharArray())
                .chooseGroups("sports").build());

        assertThat(e.steps()).containsExactly(ClaimStep.GROUPS);
        assertThat(e.getMessage()).contains("[board]");
        assertThat(accepted.invitation().grant().groups()).containsExactly("sports");
        assertThat(f.directory.accounts(ACME)).singleElement()
                .satisfies(a -> assertThat(a.grant().groups()).containsExactly("sports"));
    }

    @Test
    void every_missing_step_is_named_at_once() {
        f.configure(s -> s.termsRequired(true).profileFields(List.of("firstName", "jobTitle"))
                .defaultGroupPool(Set.of("news")));
        String token = invite("x@example.com");

        ClaimIncompleteException e = (ClaimIncompleteException) refused(() -> service.invitee().accept(
                ClaimRequest.builder(token).password("short".toCharArray()).chooseGroups("secret").build()));

        assertThat(e.steps()).containsExactly(ClaimStep.TERMS, ClaimStep.PROFILE, ClaimStep.PASSWORD,
                ClaimStep.GROUPS);
        assertThat(e.missing()).hasSize(5);
    }

    @Test
    void a_complete_claim_hands_the_password_over_once_and_keeps_it_nowhere() {
        f.configure(s -> s.termsRequired(true).profileFields(List.of("jobTitle")));
        String token = invite("jane@example.com");
        char[] typed = PASSWORD.toCharArray();

        Acceptance accepted = service.invitee().accept(ClaimRequest.builder(token).acceptTerms().profile("jobTitle", "Chemist")
                .name("Jane", "Doe").password(typed).build());
        Secrets.issued(PASSWORD);

        assertThat(accepted.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(directory.passwords).containsExactly(PASSWORD);
        assertThat(directory.requests).singleElement().satisfies(r -> {
            assertThat(r.termsAccepted()).isTrue();
            assertThat(r.profile()).containsEntry("jobTitle", "Chemist");
            assertThat(r.invitedBy()).as("the referral").isEqualTo(Fixture.ADMIN.userId());
            assertThat(r.toString()).doesNotContain(PASSWORD);
        });
        assertThat(accepted.toString()).doesNotContain(PASSWORD);
        assertThat(f.store.find(ACME, accepted.invitation().id()).orElseThrow().toString()).doesNotContain(PASSWORD);
        assertThat(typed).as("the caller's own array is the caller's").isEqualTo(PASSWORD.toCharArray());
    }

    /** The in-memory directory, noting what it is asked (the SPI edge). */
    private static final class RecordingDirectory implements IdentityDirectory {
        private final InMemoryIdentityDirectory delegate;
        private final List<AccountRequest> requests = new CopyOnWriteArrayList<>();
        private final List<String> passwords = new CopyOnWriteArrayList<>();

        RecordingDirectory(InMemoryIdentityDirectory delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isMember(TenantId tenantId, Contact contact) {
            return delegate.isMember(tenantId, contact);
        }

        @Override
        public String createOrLinkAccount(AccountRequest request) {
            requests.add(request);
            char[] password = request.password();
            passwords.add(password == null ? "(none)" : new String(password));
            return delegate.createOrLinkAccount(request);
        }

        @Override
        public boolean ssoEnabled(TenantId tenantId) {
            return delegate.ssoEnabled(tenantId);
        }
    }
}
