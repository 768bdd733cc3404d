package io.invitations.spi.storage;

import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.ShareableLink;
import io.invitations.spi.invitation.LinkId;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.security.AttemptThrottle;
import org.apiguardian.api.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps invitations, their history, shareable links and the outbox. The engine's guarantees rest on
 * this contract, which {@code InvitationStoreCompatibilityKit} checks:
 * <ul>
 *   <li>{@link #write(WriteBatch)} is atomic: after a failure nothing of the batch remains.</li>
 *   <li>At most one open invitation (PROVISIONED, PENDING, AWAITING_APPROVAL) exists per tenant,
 *       target and invitee {@linkplain Contact#matchKey() match key}, whatever the concurrency and
 *       across processes sharing the store.</li>
 *   <li>Updates are compare-and-set on the version: of many concurrent writers expecting the same
 *       version, exactly one succeeds.</li>
 *   <li>History is append-only and read back in the order written.</li>
 *   <li>Every read is confined to one tenant.</li>
 *   <li>An outbox message is claimed by one worker at a time; a claim's outcome (and the attempt
 *       record the engine writes before it hands a message to the mailer) is stored only while that
 *       claim is the latest: {@link OutboxMessage#attempts()} is the claim's fencing token.</li>
 *   <li>A batch's {@linkplain WriteBatch#guards() conditions} run holding the tenant's write guard,
 *       which serialises every guarded write of the tenant across processes; what they count and
 *       what the batch writes form one atomic step (seat limits and quotas rest on it).</li>
 * </ul>
 *
 * <p>Implementations must be safe for use by many threads at once. Returned values are immutable
 * snapshots; methods never return {@code null}. Every method may throw {@link StorageException}
 * when the underlying storage fails.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "1.0")
public interface InvitationStore {

    /**
     * Applies a batch atomically.
     *
     * @param batch what to write, not {@code null}
     * @throws DuplicateInvitationException if an insert (or an update that reopens one) would make a
     *                                      second open invitation for a tenant, target and invitee
     * @throws StaleVersionException        if an update (invitation, link or outbox outcome) finds
     *                                      another version than expected, or no record
     * @throws StorageException             if a history entry or message refers to an unknown
     *                                      invitation, an insert reuses an id, or storage fails
     */
    void write(WriteBatch batch);

    /**
     * Reads one invitation.
     *
     * @param tenantId the tenant, not {@code null}
     * @param id       the invitation, not {@code null}
     * @return the invitation, or empty when it does not exist in that tenant
     */
    Optional<Invitation> find(TenantId tenantId, InvitationId id);

    /**
     * Reads the open invitation of an invitee for a target, if any.
     *
     * @param tenantId the tenant, not {@code null}
     * @param target   the target, not {@code null}
     * @param contact  the invitee's contact, matched by {@link Contact#matchKey()}; not {@code null}
     * @return the open invitation (by stored status), or empty
     */
    Optional<Invitation> findOpen(TenantId tenantId, Target target, Contact contact);

    /**
     * Reads the open invitations of many invitees at once, whatever the target: one round trip
     * instead of one per invitee. The engine uses it to check a bulk call.
     *
     * <p>The default calls {@link #findByInvitee(TenantId, Contact)} once per distinct invitee and
     * keeps the open ones, so older stores keep working; stores on a remote database should override
     * it with a single query.
     *
     * @param tenantId the tenant, not {@code null}
     * @param contacts the invitees' contacts, matched by {@link Contact#matchKey()}; not {@code null}
     * @return the open invitations (by stored status) of those invitees, in no particular order
     * @since 0.2.0
     */
    default List<Invitation> findOpen(TenantId tenantId, Collection<? extends Contact> contacts) {
        Map<String, Contact> distinct = new LinkedHashMap<>();
        contacts.forEach(c -> distinct.putIfAbsent(c.matchKey(), c));
        List<Invitation> open = new ArrayList<>();
        for (Contact contact : distinct.values()) {
            findByInvitee(tenantId, contact).stream().filter(i -> i.status().isOpen()).forEach(open::add);
        }
        return List.copyOf(open);
    }

    /**
     * Reads every invitation of one invitee in a tenant, whatever the target and status, oldest first.
     *
     * @param tenantId the tenant, not {@code null}
     * @param contact  the invitee's contact, matched by {@link Contact#matchKey()}; not {@code null}
     * @return the invitations, possibly empty
     */
    List<Invitation> findByInvitee(TenantId tenantId, Contact contact);

    /**
     * Reads one page of a tenant's invitations.
     *
     * @param query the filters and page, not {@code null}
     * @return the page, ordered by creation time then id
     */
    Page<Invitation> query(InvitationQuery query);

    /**
     * Counts the invitations that match a query's filters (its page is ignored).
     *
     * @param query the filters, not {@code null}
     * @return the number of matches
     */
    long count(InvitationQuery query);

    /**
     * Reads PENDING invitations, of any tenant, whose expiry is at or before an instant, earliest
     * expiry first.
     *
     * @param now   the instant, not {@code null}
     * @param limit the most to return, at least 1
     * @return the invitations due for expiry
     */
    List<Invitation> dueForExpiry(Instant now, int limit);

    /**
     * Reads PENDING invitations, of any tenant, whose {@linkplain Invitation#nextReminderAt() next
     * reminder} is at or before an instant and whose expiry is after it, earliest reminder first.
     * The engine's reminder sweep sends one reminder per invitation and moves its next reminder on
     * with a compare-and-set update, so two nodes sweeping at once send each reminder once.
     *
     * <p>The default returns an empty list: a store that does not override it sends no reminders.
     *
     * @param now   the instant, not {@code null}
     * @param limit the most to return, at least 1
     * @return the invitations due for a reminder
     * @since 1.1
     */
    default List<Invitation> dueForReminder(Instant now, int limit) {
        return List.of();
    }

    /**
     * Reads the history of one invitation in the order it was appended.
     *
     * @param tenantId the tenant, not {@code null}
     * @param id       the invitation, not {@code null}
     * @return the entries; empty when the invitation does not exist in that tenant
     */
    List<HistoryEntry> history(TenantId tenantId, InvitationId id);

    /**
     * Reads one shareable link.
     *
     * @param tenantId the tenant, not {@code null}
     * @param id       the link, not {@code null}
     * @return the link, or empty
     */
    Optional<ShareableLink> findLink(TenantId tenantId, LinkId id);

    /**
     * Reads every shareable link of a tenant, oldest first.
     *
     * @param tenantId the tenant, not {@code null}
     * @return the links
     */
    List<ShareableLink> links(TenantId tenantId);

    /**
     * Claims outbox messages that are due: PENDING with {@code nextAttemptAt} at or before
     * {@code now}, earliest first. Each claimed message gets one more attempt and is hidden until
     * {@code now + lease}; two workers calling at once never claim the same message.
     *
     * @param now   the instant, not {@code null}
     * @param limit the most to claim, at least 1
     * @param lease how long a claim hides a message from other workers, positive
     * @return the claimed messages as stored after the claim
     */
    List<OutboxMessage> claimOutbox(Instant now, int limit, Duration lease);

    /**
     * Claims named outbox messages of one tenant, as {@link #claimOutbox(Instant, int, Duration)}
     * does: each one that is PENDING and due at {@code now} gets one more attempt and is hidden until
     * {@code now + lease}; a message another worker holds (claimed and not yet due again), one that
     * is settled, and an unknown id are left out. The engine calls it right after an operation
     * queued messages, to try those messages and no others.
     *
     * <p>The default throws {@link UnsupportedOperationException}; the engine then drains every due
     * message instead (off the caller's thread), as before this method existed.
     *
     * @param tenantId the tenant, not {@code null}
     * @param ids      the message ids ({@link OutboxMessage#id()}), not {@code null}; at most a few
     *                 hundred
     * @param now      the instant, not {@code null}
     * @param lease    how long a claim hides a message from other workers, positive
     * @return the claimed messages as stored after the claim, earliest due first
     * @throws UnsupportedOperationException if the store cannot claim by id
     * @since 0.2.0
     */
    default List<OutboxMessage> claimOutbox(TenantId tenantId, Collection<String> ids, Instant now,
                                            Duration lease) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot claim outbox messages by id");
    }

    /**
     * Reads the outbox messages of one invitation, in send order.
     *
     * @param tenantId     the tenant, not {@code null}
     * @param invitationId the invitation, not {@code null}
     * @return the messages
     */
    List<OutboxMessage> outbox(TenantId tenantId, InvitationId invitationId);

    /**
     * Stores a recipient's opt-out (idempotent: opting out again keeps the first). Engines on every
     * node sharing the store then refuse invitation messages to that contact in the tenant, or in
     * every tenant when the opt-out names none.
     *
     * <p>The default throws {@link UnsupportedOperationException}: a store without opt-outs cannot
     * honour them.
     *
     * @param optOut the opt-out, not {@code null}
     * @since 1.1
     */
    default void optOut(OptOut optOut) {
        throw new UnsupportedOperationException("this store keeps no opt-outs; use a store that implements"
                + " InvitationStore.optOut");
    }

    /**
     * Tells whether a contact opted out of a tenant, directly or from every tenant of the host.
     *
     * @param tenantId   the tenant, not {@code null}
     * @param contactKey the contact's opt-out key, not {@code null}
     * @return {@code true} when opted out; the default (a store without opt-outs) says {@code false}
     * @since 1.1
     */
    default boolean optedOut(TenantId tenantId, String contactKey) {
        return false;
    }

    /**
     * Tells which of several contacts opted out of a tenant (directly or from every tenant), in as
     * few round trips as the store can: the engine asks once per write and once per bulk call.
     *
     * @param tenantId    the tenant, not {@code null}
     * @param contactKeys the contacts' opt-out keys, not {@code null}
     * @return the keys among them that opted out; the default asks {@link #optedOut} once per key
     * @since 1.1
     */
    default java.util.Set<String> optedOutAmong(TenantId tenantId, Collection<String> contactKeys) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String key : contactKeys) {
            if (optedOut(tenantId, key)) {
                out.add(key);
            }
        }
        return java.util.Set.copyOf(out);
    }

    /**
     * Counts a tenant's {@linkplain WriteBatch#sends() recorded sends} since an instant, outside any
     * write, as {@link WriteCondition.TenantCounts#countSends} does inside one. Bulk calls use it to
     * report rows over a send limit before writing; the write's guard decides.
     *
     * @param tenantId   the tenant, not {@code null}
     * @param contactKey the recipient's opt-out key, or {@code null} for any
     * @param inviter    the inviter's user id, or {@code null} for any
     * @param since      the window's start (inclusive), not {@code null}
     * @return the number of recorded sends; the default (a store that records none) says 0
     * @since 1.1
     */
    default long countSends(TenantId tenantId, String contactKey, String inviter, Instant since) {
        return 0;
    }

    /**
     * Lists the tenants that have {@linkplain WriteBatch#sends() recorded sends}, so that the
     * maintenance sweep can purge each by its own send limits.
     *
     * @return the tenants, possibly empty; the default (a store that records none) is empty
     * @since 1.1
     */
    default java.util.Set<TenantId> tenantsWithSends() {
        return java.util.Set.of();
    }

    /**
     * Deletes a tenant's {@linkplain WriteBatch#sends() recorded sends} from before an instant: sends
     * that no send-limit window can count any more. Sends at or after {@code before}, and other
     * tenants' sends, stay. Idempotent; several nodes may purge at once, also while others write.
     *
     * @param tenantId the tenant, not {@code null}
     * @param before   exclusive bound on {@link SendRecord#at()}, not {@code null}
     * @return how many sends this call deleted; the default (a store that records none) says 0
     * @since 1.1
     */
    default int purgeSends(TenantId tenantId, Instant before) {
        return 0;
    }

    /**
     * Returns an attempt throttle that shares this store's database, so that every node using the
     * store counts wrong guesses together. The engine uses it when the host configures no throttle
     * of its own.
     *
     * @return the shared throttle; empty (the default) when the store has none, e.g. in memory
     * @since 0.2.0
     */
    default Optional<AttemptThrottle> sharedAttemptThrottle() {
        return Optional.empty();
    }

    /**
     * Finds an outbox message of any tenant by the reference delivery feedback carries: its
     * {@link OutboxMessage#id()} (which is also its idempotency key) or its
     * {@link OutboxMessage#providerMessageId()}. Provider webhooks name no tenant, so this read is
     * the one that is not confined to a tenant; the engine confines everything it does next to the
     * message's tenant.
     *
     * <p>The default throws {@link UnsupportedOperationException}: the store then takes no delivery
     * feedback.
     *
     * @param reference the id or provider message id, not {@code null}; a {@code Message-ID} is
     *                  matched as stored (the engine tries it with and without angle brackets)
     * @return the message, or empty when none has that id or provider message id
     * @throws UnsupportedOperationException if the store cannot look messages up this way
     * @since 1.1
     */
    default Optional<OutboxMessage> findOutboxMessage(String reference) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot find outbox messages by reference");
    }

    /**
     * Reads the funnel facts of a tenant's invitations sent ({@link Invitation#invitedAt()}) in
     * {@code [from, until)}, for conversion reports.
     *
     * <p>The default pages through {@link #query(InvitationQuery)} and reads the history of each
     * invitation; stores on a database should override it with one query that an index on
     * {@code (tenant, invited_at)} serves.
     *
     * @param tenantId the tenant, not {@code null}
     * @param from     inclusive start, not {@code null}
     * @param until    exclusive end, not {@code null}
     * @return one entry per sent invitation, in no particular order
     * @since 1.1
     */
    default List<FunnelEntry> funnel(TenantId tenantId, Instant from, Instant until) {
        List<FunnelEntry> entries = new ArrayList<>();
        InvitationQuery query = InvitationQuery.builder(tenantId).createdBetween(null, until)
                .page(0, InvitationQuery.MAX_LIMIT).build();
        Page<Invitation> page;
        do {
            page = query(query);
            for (Invitation i : page.items()) {
                if (i.invitedAt() != null && !i.invitedAt().isBefore(from) && i.invitedAt().isBefore(until)) {
                    entries.add(funnelEntry(i, history(tenantId, i.id())));
                }
            }
            query = query.nextPage();
        } while (page.hasMore());
        return List.copyOf(entries);
    }

    /**
     * Erases one invitation's personal data, atomically and idempotently, as {@link Erasure} describes:
     * the invitation takes the tombstone contact and loses names and personal message; its history
     * reasons and its outbox messages' last error and feedback detail lose the personal texts; the
     * erasure's history entry is appended. History stays append-only otherwise: this is the one change
     * a store allows to earlier entries.
     *
     * <p>When the invitation already has that tombstone nothing changes and the answer is
     * {@code false}; of two nodes erasing the same invitation at once, exactly one gets {@code true}.
     * The default throws {@link UnsupportedOperationException}: the store cannot erase.
     *
     * @param erasure what to erase, not {@code null}
     * @return {@code true} if this call erased it, {@code false} if it was erased already
     * @throws UnsupportedOperationException if the store cannot erase
     * @throws StorageException              if the invitation does not exist in the tenant, or storage fails
     * @since 1.1
     */
    default boolean erase(Erasure erasure) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot erase personal data");
    }

    /**
     * Reads invitations of one tenant whose personal data the retention period has run out for:
     * stored status EXPIRED, DECLINED, REVOKED or REJECTED, last updated before an instant, not yet
     * erased (no {@linkplain Erasure#isTombstone tombstone} contact); oldest update first.
     *
     * <p>The default pages through {@link #query(InvitationQuery)}; stores on a database should
     * override it with one query.
     *
     * @param tenantId the tenant, not {@code null}
     * @param before   exclusive bound on {@link Invitation#updatedAt()}, not {@code null}
     * @param limit    the most to return, at least 1
     * @return the invitations, at most {@code limit}
     * @since 1.1
     */
    default List<Invitation> dueForRetention(TenantId tenantId, Instant before, int limit) {
        InvitationQuery query = InvitationQuery.builder(tenantId).statuses(InvitationStatus.EXPIRED,
                InvitationStatus.DECLINED, InvitationStatus.REVOKED, InvitationStatus.REJECTED)
                .page(0, InvitationQuery.MAX_LIMIT).build();
        List<Invitation> due = new ArrayList<>();
        Page<Invitation> page;
        do {
            page = query(query);
            page.items().stream().filter(i -> i.updatedAt().isBefore(before))
                    .filter(i -> !Erasure.isTombstone(i.invitee().contact())).forEach(due::add);
            query = query.nextPage();
        } while (page.hasMore());
        due.sort(java.util.Comparator.comparing(Invitation::updatedAt).thenComparing(i -> i.id().value()));
        return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }

    /**
     * Derives the funnel facts of one invitation from the invitation and its history, as
     * {@link #funnel} means them.
     *
     * @param i       a sent invitation, not {@code null}
     * @param history its history, oldest first
     * @return the facts
     * @since 1.1
     */
    static FunnelEntry funnelEntry(Invitation i, List<HistoryEntry> history) {
        Instant opened = history.stream().filter(h -> h.action() == Action.OPEN).map(HistoryEntry::at)
                .min(Instant::compareTo).orElse(null);
        boolean accepted = i.status() == InvitationStatus.ACCEPTED || i.status() == InvitationStatus.AWAITING_APPROVAL;
        Instant acceptedAt = accepted ? i.respondedAt() : null;
        return new FunnelEntry(i.id(), i.invitedBy(), i.source(), i.invitee().emailOrNull() != null, i.invitedAt(),
                i.delivery().lastDeliveredAt(), i.delivery().status() == DeliveryState.Status.BOUNCED, opened,
                acceptedAt);
    }
}
