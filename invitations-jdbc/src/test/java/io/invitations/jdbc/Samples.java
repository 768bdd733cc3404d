package io.invitations.jdbc;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Invitations, links and messages for the tests, at fixed instants. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30Z");

    private Samples() {
    }

    static TenantId newTenant() {
        return TenantId.of("tenant-" + UUID.randomUUID());
    }

    /** A PENDING email invitation created at {@code createdAt}, expiring a week later. */
    static Invitation pending(TenantId tenant, String email, Instant createdAt) {
        return Invitation.builder().id(InvitationId.random()).tenantId(tenant).invitee(Invitee.email(email))
                .grant(Grant.role("member")).invitedBy("u-admin").inviterName("Ada Admin")
                .createdAt(createdAt).updatedAt(createdAt).invitedAt(createdAt)
                .expiresAt(createdAt.plus(Duration.ofDays(7))).delivery(DeliveryState.none().queued(createdAt))
                .build();
    }

    static Invitation pending(TenantId tenant, String email) {
        return pending(tenant, email, T0);
    }

    /** The next version of a snapshot, in another status. */
    static Invitation moved(Invitation i, InvitationStatus status) {
        return i.toBuilder().status(status).updatedAt(i.updatedAt().plusSeconds(60)).version(i.version() + 1).build();
    }

    static HistoryEntry created(Invitation i) {
        return HistoryEntry.builder()
                .tenantId(i.tenantId())
                .invitationId(i.id())
                .at(i.createdAt())
                .actor(i.invitedBy())
                .action(Action.INVITE)
                .from(null)
                .to(i.status())
                .reason(null)
                .build();
    }

    static OutboxMessage message(Invitation i) {
        return OutboxMessage.queue(i.tenantId(), i.id(), OutboxMessage.Kind.INVITATION, 1, i.createdAt());
    }

    static ShareableLink link(TenantId tenant, Instant createdAt) {
        return ShareableLink.builder()
                .id(LinkId.random())
                .tenantId(tenant)
                .target(Target.membership())
                .grant(Grant.role("member"))
                .createdBy("u-admin")
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .expiresAt(null)
                .maxUses(null)
                .uses(0)
                .allowedDomains(Set.of())
                .active(true)
                .tokenVersion(1)
                .version(1)
                .build();
    }
}
