package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.settings.OtherAccountPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static io.invitations.core.testing.Fixture.PASSWORD;
import static io.invitations.core.testing.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of acceptance by another account that the store-by-store stories do not cover: the
 * tenant that requires approval anyway, invitations without email, the directory's request, case
 * folding, and what descriptions show. (The stories themselves run on every store in invitations-jdbc's
 * {@code AcceptanceByAnotherAccountTest}.)
 */
@DisplayName("Acceptance by another account: edges")
class AcceptanceByAnotherAccountEdgesTest {
    private static final EmailAddress BOB = EmailAddress.of("bob@partner.example");

    private final Fixture f = new Fixture();

    private Acceptance acceptAs(Invitation invitation, EmailAddress address) {
        return f.service.invitee().accept(ClaimRequest.builder(f.token(invitation)).password(PASSWORD.toCharArray())
                .acceptingAs(address).build());
    }

    private HistoryEntry last(Invitation invitation) {
        List<HistoryEntry> history = f.service.administration(ADMIN, ACME).history(invitation.id());
        return history.get(history.size() - 1);
    }

    @Test
    @DisplayName("in a tenant that requires approval anyway, the person invited superseding a hold still waits"
            + " for approval, with their own registration")
    void supersedingInATenantThatRequiresApproval() {
        f.configure(s -> s.approvalRequired(true).otherAccounts(OtherAccountPolicy.APPROVAL));
        Invitation invitation = f.invite("jane@example.com");
        assertThat(acceptAs(invitation, BOB).invitation().status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);

        Acceptance jane = acceptAs(invitation, EmailAddress.of("Jane@Example.com"));

        assertThat(jane.invitation().status()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(f.directory.awaitingApproval(ACME)).extracting(a -> a.contact())
                .containsExactly(EmailAddress.of("jane@example.com"));
        // now an ordinary approval: rejecting it closes it for good
        assertThat(f.service.administration(ADMIN, ACME).reject(invitation.id(), "no").status())
                .isEqualTo(InvitationStatus.REJECTED);
        assertThat(last(invitation).acceptingAddress()).isNull();
    }

    @Test
    @DisplayName("the identity directory is asked for the account of the accepting address when an alias is"
            + " accepted, and of the invited contact otherwise")
    void theDirectoryGetsTheAccountsAddress() {
        f.configure(s -> s.otherAccounts(OtherAccountPolicy.VERIFIED_ALIAS).aliasDomains("partner.example"));
        acceptAs(f.invite("jane@example.com"), BOB);
        acceptAs(f.invite("kim@example.com"), EmailAddress.of("KIM@example.com"));

        assertThat(f.accountRequests()).extracting(r -> r.contact())
                .containsExactly(BOB, EmailAddress.of("kim@example.com"));
    }

    @Test
    @DisplayName("an invitation without email has no address to mismatch: the code holder accepts, and the"
            + " address is recorded")
    void identifierInvitationsRecordTheAddressOnly() {
        Invitation phone = f.service.administration(ADMIN, ACME).invite(InviteRequest.builder()
                .identifier(IdentifierKind.PHONE, "+33 6 12 34 56 78").name("Ana", "Lima").role("member").build());
        RedeemedCode redeemed = f.service.invitee().redeemCode(CodeRedemption.of(ACME, "phone", "+33 6 12 34 56 78",
                f.code(phone)));

        Acceptance accepted = f.service.invitee().accept(ClaimRequest.builder(redeemed.token())
                .password(PASSWORD.toCharArray()).acceptingAs(BOB).build());

        assertThat(accepted.invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(last(phone).acceptingAddress()).isEqualTo(BOB);
        assertThat(f.eventTypes()).doesNotContain("invitation.account_mismatch");
    }

    @Test
    @DisplayName("case is compared by lower-casing only: STRAßE is straße, but ß and SS are different letters"
            + " (conservative), so STRASSE is another address")
    void lowerCasingOnly() {
        Invitation invitation = f.invite("straße@example.com");

        // before, an upper- then lower-casing round trip made STRASSE the same address (ADR 0026 changed it)
        assertThat(refused(() -> acceptAs(invitation, EmailAddress.of("STRASSE@EXAMPLE.COM"))).code())
                .isEqualTo(ErrorCode.ACCOUNT_MISMATCH);
        assertThat(acceptAs(invitation, EmailAddress.of("STRAßE@EXAMPLE.COM")).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(last(invitation).action()).isEqualTo(Action.ACCEPT);
    }

    @Test
    @DisplayName("a dotless ı is not an i: jıll@ does not pass STRICT for jill@, nor a capital İ")
    void dotlessIIsAnotherAddress() {
        Invitation invitation = f.invite("jill@corp.example");

        for (String lookAlike : List.of("j\u0131ll@corp.example", "J\u0130LL@corp.example")) {
            assertThat(refused(() -> acceptAs(invitation, EmailAddress.of(lookAlike))).code()).as(lookAlike)
                    .isEqualTo(ErrorCode.ACCOUNT_MISMATCH);
        }
        assertThat(f.stored(invitation).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.directory.accounts(ACME)).isEmpty();
        assertThat(acceptAs(invitation, EmailAddress.of("JILL@corp.example")).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
    }

    @Test
    @DisplayName("an accepting address with an invisible character or a broken domain is refused as invalid,"
            + " naming acceptingAs, and changes nothing")
    void badAcceptingAddressesAreNamed() {
        Invitation invitation = f.invite("jane@example.com");
        for (String bad : List.of("jane\u200B@example.com", "jane@exa mple..com")) {
            InvitationException e = refused(() -> acceptAs(invitation, EmailAddress.of(bad)));
            assertThat(e).as(bad).isInstanceOfSatisfying(InvalidRequestException.class, invalid ->
                    assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("acceptingAs"));
        }
        assertThat(f.stored(invitation).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(f.directory.accounts(ACME)).isEmpty();
    }

    @Test
    @DisplayName("a refusal leaks no address into its message, the event or any description")
    void noAddressInDescriptions() {
        Invitation invitation = f.invite("jane.secret@example.com");
        ClaimRequest claim = ClaimRequest.builder(f.token(invitation)).password(PASSWORD.toCharArray())
                .acceptingAs(EmailAddress.of("bob.hidden@partner.example")).build();

        AccountMismatchException e = (AccountMismatchException) refused(() -> f.service.invitee().accept(claim));

        assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_MISMATCH);
        assertThat(e.getMessage() + claim + f.events).doesNotContain("jane.secret", "bob.hidden");
        assertThat(claim.toString()).contains("acceptingAs=(given)");
        assertThat(f.stored(invitation).status()).isEqualTo(InvitationStatus.PENDING);
        HistoryEntry entry = HistoryEntry.builder().tenantId(ACME).invitationId(invitation.id())
                .at(invitation.createdAt()).actor("a").action(Action.ACCEPT).to(InvitationStatus.ACCEPTED)
                .acceptingAddress(EmailAddress.of("bob.hidden@partner.example")).build();
        assertThat(entry.toString()).doesNotContain("bob.hidden").contains("acceptingAddress=(given)");
    }
}
