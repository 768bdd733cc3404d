package io.invitations.tck.support;

import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.TenantId;
import io.invitations.tck.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invitations.tck.support.InvitationAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisplayName("InvitationAssert")
class InvitationAssertTest {
    private final TenantId acme = TenantId.of("acme");
    private final Invitation pending = Fixtures.pending(acme, "Ada@Example.com");

    @Test
    @DisplayName("passes a matching invitation through a chain of checks")
    void matchingChainPasses() {
        assertThat(pending).isPending().isOpen().hasTenant("acme").hasTenant(acme).hasEmail("ada@example.com")
                .hasRole("member").hasGrant(Grant.role("member")).wasInvitedBy(Fixtures.INVITER.userId())
                .hasSource(pending.source()).expiresAt(Fixtures.T0.plus(Fixtures.VALIDITY)).hasVersion(1)
                .hasResendCount(0)
                .hasEffectiveStatusAt(Fixtures.T0.plus(Fixtures.VALIDITY).plus(Duration.ofSeconds(1)),
                        InvitationStatus.EXPIRED);
    }

    @Test
    @DisplayName("checks each status by name")
    void statusesByName() {
        assertThat(with(InvitationStatus.ACCEPTED)).isAccepted();
        assertThat(with(InvitationStatus.DECLINED)).isDeclined();
        assertThat(with(InvitationStatus.REVOKED)).isRevoked();
        assertThat(with(InvitationStatus.EXPIRED)).isExpired();
        assertThat(with(InvitationStatus.REJECTED)).isRejected();
        assertThat(with(InvitationStatus.PROVISIONED)).isProvisioned();
        assertThat(with(InvitationStatus.AWAITING_APPROVAL)).isAwaitingApproval().isOpen();
    }

    @Test
    @DisplayName("fails naming the invitation, the component and both values")
    void mismatchNamesWhatDiffered() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(pending).isPending().hasTenant("globex"))
                .withMessageContaining(pending.id().toString()).withMessageContaining("tenant")
                .withMessageContaining("globex").withMessageContaining("acme");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(pending).isAccepted())
                .withMessageContaining("status").withMessageContaining("ACCEPTED").withMessageContaining("PENDING");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(pending).hasEmail("grace@example.com"))
                .withMessageContaining("grace@example.com");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(with(InvitationStatus.REVOKED)).isOpen())
                .withMessageContaining("REVOKED");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(pending).hasSource(InvitationSource.link(
                        io.invitations.spi.invitation.LinkId.random())))
                .withMessageContaining("source");
    }

    @Test
    @DisplayName("fails on a null invitation instead of throwing a NullPointerException")
    void nullInvitationFails() {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat((Invitation) null).isPending());
        assertThat((Invitation) null).isNull();
    }

    private Invitation with(InvitationStatus status) {
        return pending.toBuilder().status(status).build();
    }
}
