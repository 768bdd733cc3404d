package io.invitations.core.message;

import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.InvitationStore;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.WriteBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Invitations for tests, created directly through the SPI as the engine would. */
public final class TestInvitations {
    /** The tenant of the tests. */
    public static final TenantId TENANT = TenantId.of("acme");
    /** The moment tests start at. */
    public static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private TestInvitations() {
    }

    /**
     * A pending invitation with one queued message, expiring 7 days after {@code now}.
     *
     * @param id              the invitation id
     * @param invitee         who is invited
     * @param personalMessage the message, or null
     * @param locale          the invitee's language
     * @param now             when it was invited
     * @return the snapshot, at version 1
     */
    public static Invitation pending(String id, Invitee invitee, String personalMessage, Locale locale, Instant now) {
        return Invitation.builder()
                .id(InvitationId.of(id))
                .tenantId(TENANT)
                .invitee(invitee)
                .grant(Grant.role("member"))
                .invitedBy("u-1")
                .inviterName("Zoë Müller")
                .personalMessage(personalMessage)
                .locale(locale)
                .createdAt(now)
                .updatedAt(now)
                .invitedAt(now)
                .expiresAt(now.plus(Duration.ofDays(7)))
                .delivery(DeliveryState.none().queued(now))
                .build();
    }

    /**
     * Stores an invitation with its first message in one batch, as the engine does.
     *
     * @param store      the store
     * @param invitation the invitation, queued once
     * @param kind       the message kind
     * @return the queued message
     */
    public static OutboxMessage insertQueued(InvitationStore store, Invitation invitation, OutboxMessage.Kind kind) {
        OutboxMessage message = OutboxMessage.queue(invitation.tenantId(), invitation.id(), kind, 1,
                invitation.createdAt());
        store.write(WriteBatch.builder().insert(invitation).enqueue(message).build());
        return message;
    }
}
