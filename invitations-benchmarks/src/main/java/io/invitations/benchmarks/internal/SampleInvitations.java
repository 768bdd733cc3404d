package io.invitations.benchmarks.internal;

import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;

import java.time.Duration;
import java.time.Instant;

/**
 * New pending invitations for the storage benchmarks, each for a different person and with its own
 * id, built directly through the SPI as the engine builds them. Not thread-safe.
 */
public final class SampleInvitations {
        private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private long sequence;

    /**
     * Builds the next invitation: version 1, PENDING, queued, expiring in 7 days.
     *
     * @return a new invitation, never returned before by this instance
     */
    public Invitation next() {
        long n = sequence++;
        return Invitation.builder()
                .id(InvitationId.of("bench-" + n))
                .tenantId(EmbeddedService.TENANT)
                .invitee(Invitee.email("person-" + n + "@example.com"))
                .grant(Grant.role("member"))
                .invitedBy("admin-1")
                .inviterName("Ada Admin")
                .createdAt(NOW)
                .updatedAt(NOW)
                .invitedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofDays(7)))
                .delivery(DeliveryState.none().queued(NOW))
                .build();
    }
}
