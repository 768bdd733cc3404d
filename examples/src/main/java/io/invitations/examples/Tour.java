package io.invitations.examples;

import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.WriteBatch;

import java.time.Duration;
import java.time.Instant;

/**
 * The README's demo: a tour of the Invitations SDK on the embedded default.
 */
public final class Tour {
    private Tour() {
    }

    /**
     * Runs the tour.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        InMemoryInvitationStore store = new InMemoryInvitationStore();
        TenantId acme = TenantId.of("acme");
        Inviter admin = Inviter.of("u-1", "Ada Admin", PermissionLevel.ADMIN_TENANT);
        Instant now = Instant.parse("2026-11-22T09:00:00Z");
        Invitation invitation = Invitation.builder().id(InvitationId.random()).tenantId(acme)
                .invitee(Invitee.email("jane.doe@example.com")).grant(Grant.role("member")).inviter(admin)
                .createdAt(now).updatedAt(now).invitedAt(now).expiresAt(now.plus(Duration.ofDays(7))).build();
        store.write(WriteBatch.builder().insert(invitation)
                .append(new HistoryEntry(acme, invitation.id(), now, admin.userId(), Action.INVITE, null,
                        InvitationStatus.PENDING, null))
                .build());
        System.out.println("Stored invitation for " + invitation.invitee().contact() + ", status "
                + invitation.effectiveStatus(now));
        try {
            Invitation again = invitation.toBuilder().id(InvitationId.random())
                    .invitee(Invitee.email("JANE.DOE@example.com")).build();
            store.write(WriteBatch.builder().insert(again).build());
        } catch (DuplicateInvitationException e) {
            System.out.println("Second invitation refused: " + e.getMessage());
        }
        System.out.println("Eight days later it reads as " + invitation.effectiveStatus(now.plus(Duration.ofDays(8))));
    }
}
