package io.invitations.core.memory;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.TenantId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("The in-memory reference adapters")
class InMemoryAdaptersTest {
    private static final TenantId ACME = TenantId.of("acme");

    private static AccountRequest request(String email, char[] password) {
        return AccountRequest.builder()
                .tenantId(ACME)
                .invitationId(InvitationId.of("inv-1"))
                .contact(EmailAddress.of(email))
                .firstName("Jane")
                .lastName("Doe")
                .grant(Grant.role("member"))
                .profile(Map.of())
                .password(password)
                .termsAccepted(true)
                .invitedBy("u-1")
                .build();
    }

    @Test
    void the_directory_links_an_existing_member_instead_of_creating_a_second_account() {
        InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
        String existing = directory.addMember(ACME, EmailAddress.of("jane@example.com"));
        char[] password = "pw".toCharArray();
        assertThat(directory.createOrLinkAccount(request("JANE@example.com", password))).isEqualTo(existing);
        assertThat(directory.memberCount(ACME)).isEqualTo(1);
        assertThat(directory.isMember(ACME, EmailAddress.of("Jane@Example.com"))).isTrue();
        assertThat(directory.isMember(TenantId.of("other"), EmailAddress.of("jane@example.com"))).isFalse();
        assertThat(directory.accounts(ACME).get(0).hasPassword()).isTrue();
        assertThat(directory.accounts(ACME).toString()).doesNotContain("pw");
    }

    @Test
    void the_seat_ledger_is_unlimited_until_a_limit_is_set_and_counts_members_of_its_directory() {
        InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
        InMemorySeatLedger ledger = InMemorySeatLedger.countingMembersOf(directory);
        assertThat(ledger.seatLimit(ACME)).isEmpty();
        directory.addMember(ACME, EmailAddress.of("a@example.com"));
        ledger.setLimit(ACME, 10);
        assertThat(ledger.seatLimit(ACME)).hasValue(10);
        assertThat(ledger.seatsInUse(ACME)).isEqualTo(1);
        ledger.setSeatsInUse(ACME, 7);
        assertThat(ledger.seatsInUse(ACME)).isEqualTo(7);
        ledger.clearLimit(ACME);
        assertThat(ledger.seatLimit(ACME)).isEmpty();
    }

    @Test
    void the_key_ring_keeps_older_keys_until_retired_and_never_shows_key_material() {
        InMemoryKeyRing ring = InMemoryKeyRing.random();
        String first = ring.current().id();
        ring.rotate(InMemoryKeyRing.randomKey("k2"));
        assertThat(ring.current().id()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly(first, "k2");
        assertThat(ring.find(first)).isPresent();
        ring.retire(first);
        assertThat(ring.find(first)).isEmpty();
        ring.retire("k2");
        InvitationException e = catchThrowableOfType(InvitationException.class, ring::current);
        assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE);
        assertThat(ring.toString()).isEqualTo("InMemoryKeyRing[]");
    }
}
