package io.invitations.core.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.optout.OptOutConfirmation;
import io.invitations.core.optout.OptOutScope;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.core.token.InvalidTokenException;
import io.invitations.core.token.internal.TokenClaims;
import io.invitations.core.token.internal.TokenPurpose;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.settings.SendLimits;
import io.invitations.spi.storage.OptOut;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.SendRecord;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opt-outs and send limits: the contact's one-way key, opting out by token, and the checks every
 * queued message passes ({@link Change#commit}) — an opted-out recipient gets nothing, and the
 * tenant's {@link SendLimits} hold atomically with the write on whichever node.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class OptOuts {
    /** The kinds of message that count against send limits (every kind honours opt-outs). */
    public static final Set<OutboxMessage.Kind> COUNTED = Set.of(OutboxMessage.Kind.INVITATION,
            OutboxMessage.Kind.RESEND, OutboxMessage.Kind.REINVITE);
    private static final Logger LOG = LoggerFactory.getLogger(OptOuts.class);
    /** One digest per thread: a bulk computes a key several times per row ({@code digest} resets it). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    private OptOuts() {
    }

    /**
     * The one-way key of a contact that opt-outs and send records keep instead of the contact: a
     * SHA-256 of its match key, so the same person in any spelling has the same key and the tables
     * hold no address.
     *
     * @param contact the contact
     * @return the key, base64url without padding
     */
    public static String contactKey(Contact contact) {
        byte[] hash = SHA_256.get().digest(("invitations-opt-out\0" + contact.matchKey())
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    /**
     * Records an opt-out from a token of an opt-out link.
     *
     * @param ctx   the context
     * @param token the token, may be {@code null}
     * @param scope what the opt-out covers
     * @return the confirmation
     * @throws InvalidTokenException if the token is not a valid opt-out token
     */
    public static OptOutConfirmation optOut(Context ctx, String token, OptOutScope scope) {
        java.util.Objects.requireNonNull(scope, "scope");
        TokenClaims claims = ctx.signer().verify(TokenPurpose.OPT_OUT, token).orElseThrow(InvalidTokenException::new);
        Instant now = ctx.now();
        ctx.store().optOut(new OptOut(claims.subjectId(), scope == OptOutScope.ALL_TENANTS ? null : claims.tenantId(),
                now));
        LOG.info("a recipient opted out of invitations from {}", scope == OptOutScope.ALL_TENANTS ? "every tenant"
                : "tenant " + claims.tenantId());
        return new OptOutConfirmation(claims.tenantId(), scope, now);
    }

    /**
     * The refusal an inviter gets for a recipient who opted out or reached a per-recipient limit:
     * the same neutral answer as for someone already invited or a member, at every level.
     *
     * @param invitation the invitation
     * @return the exception
     */
    private static AlreadyInvitedException neutral(Invitation invitation) {
        return AlreadyInvitedException.neutral(invitation.invitee().contact().toString());
    }

    /**
     * Checks the messages a change queues: refuses any to an opted-out recipient, records the
     * counted ones, and guards the write with the tenant's send limits.
     *
     * @param ctx    the context
     * @param change the change
     * @param queued the invitations with a queued message, and its kind
     * @param optOuts whether to ask the store for opt-outs ({@code false} when the caller just did)
     */
    static void check(Context ctx, Change change, List<Map.Entry<Invitation, OutboxMessage.Kind>> queued,
                      boolean optOuts) {
        Map<TenantId, List<Map.Entry<Invitation, SendRecord>>> counted = new LinkedHashMap<>();
        // each message's key made once, and only when opt-outs are asked or its send is recorded
        String[] keys = new String[queued.size()];
        Map<TenantId, Set<String>> optedOut = new LinkedHashMap<>();
        if (optOuts) {
            Map<TenantId, Set<String>> keysOf = new LinkedHashMap<>();
            for (int k = 0; k < keys.length; k++) {
                Invitation invitation = queued.get(k).getKey();
                keys[k] = contactKey(invitation.invitee().contact());
                keysOf.computeIfAbsent(invitation.tenantId(), t -> new java.util.HashSet<>()).add(keys[k]);
            }
            // one question per tenant, however many messages the write queues
            keysOf.forEach((tenantId, tenantKeys) -> optedOut.put(tenantId,
                    ctx.store().optedOutAmong(tenantId, tenantKeys)));
        }
        // whether each tenant limits sends, its settings read once per tenant
        Map<TenantId, Boolean> limited = new HashMap<>();
        for (int k = 0; k < keys.length; k++) {
            Invitation invitation = queued.get(k).getKey();
            if (optOuts && optedOut.get(invitation.tenantId()).contains(keys[k])) {
                throw neutral(invitation);
            }
            // sends are recorded while the tenant limits them: its windows count from then on
            if (COUNTED.contains(queued.get(k).getValue()) && limited.computeIfAbsent(invitation.tenantId(),
                    t -> ctx.settingsFor(t).sendLimits().any())) {
                String key = keys[k] != null ? keys[k] : contactKey(invitation.invitee().contact());
                SendRecord record = new SendRecord(invitation.tenantId(), key, invitation.invitedBy(),
                        change.now());
                change.recordSend(record);
                counted.computeIfAbsent(invitation.tenantId(), t -> new java.util.ArrayList<>())
                        .add(Map.entry(invitation, record));
            }
        }
        counted.forEach((tenantId, records) -> guard(ctx, change, tenantId, records));
    }

    private static void guard(Context ctx, Change change, TenantId tenantId,
                              List<Map.Entry<Invitation, SendRecord>> records) {
        SendLimits limits = ctx.settingsFor(tenantId).sendLimits();
        if (!limits.any()) {
            return;
        }
        Instant now = change.now();
        Map<String, Integer> perContact = new LinkedHashMap<>();
        Map<String, Invitation> firstOf = new LinkedHashMap<>();
        Map<String, Integer> perInviter = new LinkedHashMap<>();
        for (Map.Entry<Invitation, SendRecord> r : records) {
            perContact.merge(r.getValue().contactKey(), 1, Integer::sum);
            firstOf.putIfAbsent(r.getValue().contactKey(), r.getKey());
            if (!r.getValue().inviter().startsWith(io.invitations.spi.invitation.Inviter.SYSTEM_PREFIX)) {
                perInviter.merge(r.getValue().inviter(), 1, Integer::sum);
            }
        }
        change.guard(tenantId, counts -> {
            for (InviteQuota window : limits.perContact()) {
                perContact.forEach((key, adding) -> {
                    if (counts.countSends(key, null, now.minus(window.window())) + adding > window.maxInvitations()) {
                        throw neutral(firstOf.get(key));
                    }
                });
            }
            for (InviteQuota window : limits.perInviter()) {
                perInviter.forEach((inviter, adding) -> {
                    long sent = counts.countSends(null, inviter, now.minus(window.window()));
                    if (sent + adding > window.maxInvitations()) {
                        throw new PolicyViolationException(List.of(inviterRefusal(window, sent, adding)));
                    }
                });
            }
        });
    }

    /**
     * How long a send record is kept whatever the tenant's limits are now: removing or shortening a
     * limit for a moment must not wipe the history that a restored limit counts (fresh quotas).
     */
    public static final java.time.Duration MINIMUM_SEND_RETENTION = java.time.Duration.ofDays(31);

    /**
     * Deletes, for every tenant with recorded sends, the sends older than the longest window of the
     * tenant's {@link SendLimits}, and never younger than {@link #MINIMUM_SEND_RETENTION} (31 days, also
     * when the tenant has no limits now): no window can count them any more, since each counts from
     * {@code now - window}. A failure to list the tenants, or to read a tenant's settings or purge its
     * sends, is logged and left for the next run; the other tenants are still purged.
     *
     * @param ctx the context
     * @return how many sends were deleted
     */
    public static int purgeSends(Context ctx) {
        int purged = 0;
        java.util.Set<TenantId> tenants;
        try {
            tenants = ctx.store().tenantsWithSends();
        } catch (RuntimeException e) {
            LOG.warn("listing the tenants with send records failed; the next run purges them: {}",
                    e.getClass().getName());
            return 0;
        }
        for (TenantId tenantId : tenants) {
            try {
                java.time.Duration keep = longestWindow(ctx.settingsFor(tenantId).sendLimits());
                purged += ctx.store().purgeSends(tenantId, ctx.now().minus(
                        keep.compareTo(MINIMUM_SEND_RETENTION) > 0 ? keep : MINIMUM_SEND_RETENTION));
            } catch (RuntimeException e) {
                LOG.warn("purging the send records of tenant {} failed; the next run tries again: {}", tenantId,
                        e.getClass().getName());
            }
        }
        return purged;
    }

    /**
     * The longest window a tenant's limits count sends over.
     *
     * @param limits the limits
     * @return the longest window, zero when there is none
     */
    static java.time.Duration longestWindow(SendLimits limits) {
        return java.util.stream.Stream.concat(limits.perContact().stream(), limits.perInviter().stream())
                .map(InviteQuota::window).max(java.util.Comparator.naturalOrder()).orElse(java.time.Duration.ZERO);
    }

    /**
     * The refusal of an inviter's own send window; it names the window, never a recipient.
     *
     * @param window the window
     * @param sent   messages the inviter sent within it
     * @param adding messages the refused call would add
     * @return the refusal
     */
    public static Refusal inviterRefusal(InviteQuota window, long sent, int adding) {
        return new Refusal(ErrorCode.QUOTA_EXCEEDED, "inviter", "you sent " + sent + " invitation message(s) within"
                + " the last " + window.window() + " and the tenant allows " + window.maxInvitations()
                + (adding == 1 ? "" : "; this call would add " + adding) + "; wait for the window to pass");
    }
}
