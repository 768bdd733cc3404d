package io.invitations.tck;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.MembershipType;
import io.invitations.spi.invitation.PermissionLevel;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ready-made values for storage tests: invitations, links, history entries and outbox messages at
 * fixed instants (no clock is needed) with fresh random ids. The compatibility kit builds its data
 * from these; adapter authors may use them in their own tests too.
 *
 * <p>Every instant is a whole number of milliseconds after {@link #T0}, so that stores keeping
 * microseconds (PostgreSQL) or milliseconds read back exactly what was written. Ids are lower-case
 * UUIDs, so that their text order is the same under any database collation.
 *
 * <p>Thread-safe: every method returns new immutable values.
 *
 * @since 0.1.0
 */
public final class Fixtures {
    /** The base instant of every fixture: {@code 2031-03-14T09:00:00Z}. */
    public static final Instant T0 = Instant.parse("2031-03-14T09:00:00Z");
    /** How long a fixture invitation stays valid after {@link #T0}: seven days. */
    public static final Duration VALIDITY = Duration.ofDays(7);
    /** The inviter of fixture invitations. */
    public static final Inviter INVITER = Inviter.of("user-ada", "Ada Lovelace", PermissionLevel.HR_TENANT);

    private Fixtures() {
    }

    /**
     * Returns a tenant id that no other call returns, so that checks sharing one database never
     * see each other's data.
     *
     * @return a fresh tenant id starting with {@code tck-}
     */
    public static TenantId newTenant() {
        return TenantId.of("tck-" + UUID.randomUUID());
    }

    /**
     * Starts a PENDING invitation created and invited at {@link #T0}, expiring {@link #VALIDITY}
     * later, for tenant membership with the role {@code member}, with a fresh random id.
     *
     * @param tenant  the tenant, not {@code null}
     * @param invitee the invitee, not {@code null}
     * @return a builder to adjust further
     */
    public static Invitation.Builder invitation(TenantId tenant, Invitee invitee) {
        return Invitation.builder()
                .id(InvitationId.random())
                .tenantId(tenant)
                .invitee(invitee)
                .grant(Grant.role("member"))
                .inviter(INVITER)
                .createdAt(T0)
                .updatedAt(T0)
                .invitedAt(T0)
                .expiresAt(T0.plus(VALIDITY));
    }

    /**
     * Returns a PENDING invitation by email, as {@link #invitation(TenantId, Invitee)} builds it.
     *
     * @param tenant the tenant, not {@code null}
     * @param email  the invitee's address, not {@code null}
     * @return the invitation, at version 1
     */
    public static Invitation pending(TenantId tenant, String email) {
        return invitation(tenant, Invitee.email(email)).build();
    }

    /**
     * Returns an invitation in which every component holds a value other than its default: names,
     * a resource target, a guest grant with groups, unit and metadata, a personal message with
     * non-ASCII text and a line break, a regional locale, a bulk source, every instant, an account
     * id and a failed delivery.
     *
     * @param tenant the tenant, not {@code null}
     * @return the invitation, AWAITING_APPROVAL at version 1
     */
    public static Invitation fullyPopulated(TenantId tenant) {
        Grant grant = new Grant("project-editor", MembershipType.GUEST, Set.of("design", "Équipe Nord"),
                UnitId.of("site-lyon"), Map.of("costCenter", "CC-42", "badge", "Zoë ✓"));
        return Invitation.builder()
                .id(InvitationId.random())
                .tenantId(tenant)
                .invitee(new Invitee(EmailAddress.of("Zoë.Müller@Example.org"), "Zoë", "Müller", "Zoë M."))
                .target(Target.resource("project", "apollo-11"))
                .grant(grant)
                .invitedBy("user-grace")
                .inviterName("Grace Hopper")
                .personalMessage("Bienvenue, Zoë !\nÀ bientôt — 欢迎")
                .locale(Locale.forLanguageTag("fr-CA"))
                .source(InvitationSource.bulk(BatchId.of("batch-2031-03")))
                .status(InvitationStatus.AWAITING_APPROVAL)
                .tokenVersion(3)
                .resendCount(2)
                .createdAt(T0.minus(Duration.ofDays(3)).plusMillis(123))
                .updatedAt(T0.plusMillis(456))
                .invitedAt(T0.minus(Duration.ofDays(1)).plusMillis(789))
                .expiresAt(T0.plus(Duration.ofDays(6)).plusMillis(1))
                .respondedAt(T0.minus(Duration.ofHours(2)).plusMillis(5))
                .accountId("account-7")
                .delivery(new DeliveryState(DeliveryState.Status.FAILED, 3, T0.minus(Duration.ofHours(5)),
                        T0.minus(Duration.ofDays(2)), "550 mailbox unavailable"))
                .version(1)
                .build();
    }

    /**
     * Starts the next snapshot of an invitation: version one more, updated one second later.
     *
     * @param current the stored snapshot, not {@code null}
     * @return a builder to adjust further
     */
    public static Invitation.Builder nextVersion(Invitation current) {
        return current.toBuilder().version(current.version() + 1).updatedAt(current.updatedAt().plusSeconds(1));
    }

    /**
     * Returns a history entry for an invitation: from a state to its current status, at its
     * {@code updatedAt}, by the fixture inviter.
     *
     * @param invitation the invitation after the transition, not {@code null}
     * @param action     what was done, not {@code null}
     * @param from       the state before, or {@code null} for the creating transition
     * @param reason     a free-text reason, or {@code null}
     * @return the entry
     */
    public static HistoryEntry historyEntry(Invitation invitation, Action action,
                                            InvitationStatus from, String reason) {
        return HistoryEntry.builder()
                .tenantId(invitation.tenantId())
                .invitationId(invitation.id())
                .at(invitation.updatedAt())
                .actor(INVITER.userId())
                .action(action)
                .from(from)
                .to(invitation.status())
                .reason(reason)
                .build();
    }

    /**
     * Returns the creating history entry of a new invitation ({@link Action#INVITE}, no previous state).
     *
     * @param invitation the new invitation, not {@code null}
     * @return the entry
     */
    public static HistoryEntry created(Invitation invitation) {
        return historyEntry(invitation, Action.INVITE, null, null);
    }

    /**
     * Returns a new pending outbox message for an invitation, due at the invitation's
     * {@code updatedAt}: the first invitation message for send number 1, a resend after that.
     *
     * @param invitation the invitation, not {@code null}
     * @param sendNumber the send number, at least 1
     * @return the message, whose id is {@code invitationId + "#" + sendNumber}
     */
    public static OutboxMessage message(Invitation invitation, int sendNumber) {
        return OutboxMessage.queue(invitation.tenantId(), invitation.id(),
                sendNumber == 1 ? OutboxMessage.Kind.INVITATION : OutboxMessage.Kind.RESEND, sendNumber,
                invitation.updatedAt());
    }

    /**
     * Returns a new pending outbox message for an invitation that is first due at a given instant.
     *
     * @param invitation the invitation, not {@code null}
     * @param sendNumber the send number, at least 1
     * @param dueAt      when it may first be claimed, not {@code null}
     * @return the message
     */
    public static OutboxMessage message(Invitation invitation, int sendNumber, Instant dueAt) {
        OutboxMessage m = message(invitation, sendNumber);
        return OutboxMessage.builder()
                .id(m.id())
                .tenantId(m.tenantId())
                .invitationId(m.invitationId())
                .kind(m.kind())
                .sendNumber(m.sendNumber())
                .status(m.status())
                .attempts(0)
                .nextAttemptAt(dueAt)
                .lastError(null)
                .createdAt(m.createdAt())
                .updatedAt(m.updatedAt())
                .build();
    }

    /**
     * Returns an active membership link without expiry, use limit or domain restriction, created at
     * an instant, with a fresh random id.
     *
     * @param tenant    the tenant, not {@code null}
     * @param createdAt when it was created, not {@code null}
     * @return the link, at version 1
     */
    public static ShareableLink link(TenantId tenant, Instant createdAt) {
        return ShareableLink.builder()
                .id(LinkId.random())
                .tenantId(tenant)
                .target(Target.membership())
                .grant(Grant.role("member"))
                .createdBy(INVITER.userId())
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

    /**
     * Returns a link in which every optional component is set: a resource target, a guest grant
     * with groups, unit and metadata, an expiry, a use limit, uses, allowed domains and a bumped
     * token version.
     *
     * @param tenant the tenant, not {@code null}
     * @return the link, inactive at version 1
     */
    public static ShareableLink fullyPopulatedLink(TenantId tenant) {
        Grant grant = new Grant("attendee", MembershipType.GUEST, Set.of("speakers", "crew"), UnitId.of("site-oslo"),
                Map.of("source", "conference-2031"));
        return ShareableLink.builder()
                .id(LinkId.random())
                .tenantId(tenant)
                .target(Target.resource("event", "conf-2031"))
                .grant(grant)
                .createdBy("user-grace")
                .createdAt(T0.minusMillis(250))
                .updatedAt(T0.plusMillis(750))
                .expiresAt(T0.plus(Duration.ofDays(30)))
                .maxUses(50)
                .uses(7)
                .allowedDomains(Set.of("example.org", "example.com"))
                .active(false)
                .tokenVersion(4)
                .version(1)
                .build();
    }
}
