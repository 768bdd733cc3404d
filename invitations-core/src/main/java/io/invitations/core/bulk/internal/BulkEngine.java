package io.invitations.core.bulk.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.InvalidRequestException;
import io.invitations.core.InviteRequest;
import io.invitations.core.bulk.BulkAction;
import io.invitations.core.bulk.BulkMode;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.core.bulk.BulkProgress;
import io.invitations.core.bulk.BulkReport;
import io.invitations.core.bulk.BulkRequest;
import io.invitations.core.bulk.RowField;
import io.invitations.core.bulk.RowProblem;
import io.invitations.core.internal.Change;
import io.invitations.core.internal.Context;
import io.invitations.core.internal.Inviting;
import io.invitations.core.internal.Limits;
import io.invitations.core.internal.OptOuts;
import io.invitations.spi.settings.InviteQuota;
import io.invitations.spi.settings.SendLimits;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.core.policy.SeatCount;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.Target;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a bulk call: the limit; every row read and validated; one look-up of the open invitations of
 * all rows ({@code InvitationStore.findOpen(TenantId, Collection)}) and one membership check of all
 * rows ({@code IdentityDirectory.membersAmong}); per row the tenant's policies, then seats and quota
 * counted across the batch; then ONE store write for the whole batch (invitations, history, outbox
 * rows) guarded by the seat limit and quota, events published after it. A constant number of round
 * trips whatever the number of rows. Thread-safe: it keeps no state between calls.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class BulkEngine {
    /** How many times a best-effort batch is written again after another node invited one of its people. */
    static final int WRITE_ATTEMPTS = 5;

    private final Context ctx;
    private final Inviting inviting;

    /**
     * Creates the engine.
     *
     * @param ctx the facade's context, not {@code null}
     */
    public BulkEngine(Context ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.inviting = new Inviting(ctx);
    }

    /**
     * Runs one bulk call.
     *
     * @param inviter  who invites, not {@code null}
     * @param tenantId the tenant, not {@code null}
     * @param request  the call, not {@code null}
     * @return one line per row
     * @throws io.invitations.core.bulk.BulkLimitExceededException when the call has more rows than
     *                                                             the tenant's bulk limit; nothing is read or written
     * @throws DuplicateInvitationException when other nodes keep inviting the same people while the
     *                                      batch is written, {@value #WRITE_ATTEMPTS} times in a row; nothing is written
     */
    public BulkReport run(Inviter inviter, TenantId tenantId, BulkRequest request) {
        Objects.requireNonNull(inviter, "inviter");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(request, "request");
        TenantSettings settings = ctx.settingsFor(tenantId);
        BulkValidation.requireWithinLimit(request.rows().size(), settings.bulkLimit());
        BatchId batchId = request.batchId() != null ? request.batchId() : BatchId.random();
        List<RowCheck> checks = BulkValidation.check(request, batchId, settings.bulkLimit(), ctx.requests());
        return new Run(inviter, tenantId, request, settings, batchId).execute(checks);
    }

    /** One bulk call's state. */
    private final class Run {
        private final BulkRequest request;
        private final TenantSettings settings;
        private final BatchId batchId;
        private final TenantId tenantId;
        private final Inviter inviter;
        private final InvitationPolicy policy;
        private final boolean neutral;
        private final Instant now;
        private final Map<InviteQuota, Long> inviterSent = new HashMap<>();
        /** The opt-out keys among this call's rows that opted out, asked once per judging pass. */
        private Set<String> optedOut = Set.of();

        Run(Inviter inviter, TenantId tenantId, BulkRequest request, TenantSettings settings, BatchId batchId) {
            this.request = request;
            this.settings = settings;
            this.batchId = batchId;
            this.tenantId = tenantId;
            this.inviter = inviter;
            this.policy = InvitationPolicy.of(settings);
            // Below the manage level, "already invited" and "already a member" read the same.
            this.neutral = !Inviting.mayLearnMembership(inviter, settings);
            this.now = ctx.now();
        }

        /**
         * Judges every row and writes the admitted ones as one batch, guarded by the seat limit and
         * quota. When another node invited one of the people, or took the last seats, between the
         * look-ups and the write, the store refuses the batch and the rows are judged again with
         * fresh look-ups (best effort), at most {@value #WRITE_ATTEMPTS} times.
         */
        BulkReport execute(List<RowCheck> checks) {
            List<Prepared> prepared = prepare(checks);
            if (request.action() == BulkAction.SEND_PROVISIONED) {
                return sendProvisioned(prepared);
            }
            BulkOutcome created = request.action() == BulkAction.INVITE ? BulkOutcome.CREATED : BulkOutcome.PROVISIONED;
            for (int attempt = 1; ; attempt++) {
                List<Verdict> verdicts = judgeAll(prepared, attempt == 1);
                if (request.mode() == BulkMode.DRY_RUN) {
                    return report(verdicts.stream().map(v -> v.draft() == null ? v : Verdict.of(v.rowNumber(), created,
                            List.of())).toList());
                }
                if (request.mode() == BulkMode.ALL_OR_NOTHING && verdicts.stream().anyMatch(v -> v.draft() == null)) {
                    return report(withholdAll(verdicts, "created"));
                }
                try {
                    return report(write(verdicts, created));
                } catch (DuplicateInvitationException | PolicyViolationException e) {
                    // another node invited one of these people, or took seats or quota, after the look-ups
                    if (attempt >= WRITE_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }

        /**
         * Sends the provisioned invitations of the rows' people: one look-up of the open invitations
         * of all rows; a row whose person has a PROVISIONED invitation to the call's target is sent,
         * one with another open invitation is already invited, one with none is not provisioned.
         * Each admitted row is sent on its own ({@link Inviting#send}), with the row's message added.
         */
        private BulkReport sendProvisioned(List<Prepared> prepared) {
            Map<String, Invitation> open = openInvitations(prepared);
            List<Verdict> verdicts = new ArrayList<>(prepared.size());
            for (Prepared p : prepared) {
                verdicts.add(p.verdict() != null ? p.verdict() : judgeSend(p.check().rowNumber(), p.draft(), open));
                request.progressListener().onProgress(new BulkProgress(batchId, verdicts.size(), prepared.size(),
                        p.check().rowNumber()));
            }
            if (request.mode() == BulkMode.DRY_RUN) {
                return report(verdicts.stream().map(v -> v.draft() == null ? v
                        : Verdict.of(v.rowNumber(), BulkOutcome.SENT, List.of())).toList());
            }
            if (request.mode() == BulkMode.ALL_OR_NOTHING && verdicts.stream().anyMatch(v -> v.draft() == null)) {
                return report(withholdAll(verdicts, "sent"));
            }
            List<Verdict> result = new ArrayList<>(verdicts.size());
            for (Verdict v : verdicts) {
                result.add(v.draft() == null ? v : send(v));
            }
            return report(result);
        }

        private Verdict judgeSend(int rowNumber, Inviting.Draft draft, Map<String, Invitation> openByKey) {
            Invitee invitee = draft.invitee();
            Invitation open = openByKey.get(openKey(draft.request().target(), invitee.contact().matchKey()));
            InvitationStatus status = open == null ? null : open.effectiveStatus(now);
            if (status == InvitationStatus.PROVISIONED) {
                return new Verdict(rowNumber, null, List.of(), null, draft, open);
            }
            if (status != null && status.isOpen()) {
                return already(rowNumber, invitee, BulkOutcome.ALREADY_INVITED,
                        AlreadyInvitedException.alreadyInvited(invitee.contact().toString(), open.id()), open);
            }
            return Verdict.of(rowNumber, BulkOutcome.NOT_PROVISIONED, List.of(new RowProblem(contactField(invitee),
                    invitee.contact() + " has no provisioned invitation to send; invite them with the INVITE action"
                            + " instead", ErrorCode.NOT_FOUND)));
        }

        private Verdict send(Verdict admitted) {
            int row = admitted.rowNumber();
            try {
                Invitation sent = inviting.send(inviter, tenantId, admitted.open().id(),
                        admitted.draft().request().personalMessage());
                return new Verdict(row, BulkOutcome.SENT, List.of(), sent.id(), null, null);
            } catch (PolicyViolationException e) {
                return denied(row, e.refusals());
            } catch (InvalidRequestException e) {
                return Verdict.of(row, BulkOutcome.INVALID, e.problems().stream()
                        .map(p -> new RowProblem(RowReader.rowField(p.field()), p.message())).toList());
            } catch (InvitationException e) {
                // sent, revoked or changed by someone else since the look-up
                return Verdict.of(row, BulkOutcome.DENIED, List.of(new RowProblem(
                        contactField(admitted.draft().invitee()), e.getMessage(), e.code())));
            }
        }

        /** One look-up of the open invitations of every valid row, by target and invitee. */
        private Map<String, Invitation> openInvitations(List<Prepared> prepared) {
            List<Contact> contacts = prepared.stream().filter(p -> p.draft() != null)
                    .map(p -> (Contact) p.draft().invitee().contact()).toList();
            Map<String, Invitation> open = new HashMap<>();
            if (!contacts.isEmpty()) {
                for (Invitation i : ctx.store().findOpen(tenantId, contacts)) {
                    open.put(openKey(i.target(), i.inviteeKey()), i);
                }
            }
            return open;
        }

        /** Validates each candidate row once; invalid rows get their verdict here. */
        private List<Prepared> prepare(List<RowCheck> checks) {
            List<Prepared> out = new ArrayList<>(checks.size());
            for (RowCheck check : checks) {
                if (!check.isCandidate()) {
                    out.add(new Prepared(check, null, Verdict.of(check.rowNumber(), check.outcome(), check.reasons())));
                    continue;
                }
                try {
                    // validated while the row was read (RowReader): only turned into domain values here
                    out.add(new Prepared(check, inviting.draft(inviter, tenantId, check.request(), settings), null));
                } catch (InvalidRequestException e) {
                    out.add(new Prepared(check, null, Verdict.of(check.rowNumber(), BulkOutcome.INVALID, e.problems()
                            .stream().map(p -> new RowProblem(RowReader.rowField(p.field()), p.message())).toList())));
                }
            }
            return out;
        }

        /**
         * Judges every row with one look-up of open invitations and one membership check for all
         * rows, then seats and quota counted across the batch.
         */
        private List<Verdict> judgeAll(List<Prepared> prepared, boolean reportProgress) {
            List<Contact> members = new ArrayList<>();
            for (Prepared p : prepared) {
                if (p.draft() != null && p.draft().request().target().isMembership()) {
                    members.add(p.draft().invitee().contact());
                }
            }
            Map<String, Invitation> open = openInvitations(prepared);
            // each mailed row's opt-out key, made once per row
            String[] optOutKeys = new String[prepared.size()];
            if (request.action() == BulkAction.INVITE) {
                List<String> keys = new ArrayList<>();
                for (int k = 0; k < optOutKeys.length; k++) {
                    Inviting.Draft draft = prepared.get(k).draft();
                    if (draft != null && draft.invitee().emailOrNull() != null) {
                        optOutKeys[k] = OptOuts.contactKey(draft.invitee().contact());
                        keys.add(optOutKeys[k]);
                    }
                }
                optedOut = keys.isEmpty() ? Set.of() : ctx.store().optedOutAmong(tenantId, keys);
            }
            Set<String> memberKeys = members.isEmpty() ? Set.of() : ctx.directory().membersAmong(tenantId, members);
            SeatCount seats = ctx.seatCountForCheck(tenantId, now);
            long quotaUsed = settings.quotaIfAny().map(q -> ctx.store().count(Limits.quotaUse(tenantId,
                    inviter.userId(), now.minus(q.window())))).orElse(0L);
            List<Verdict> verdicts = new ArrayList<>(prepared.size());
            int admitted = 0;
            // open invitations of one identifier admitted so far in this call, for the per-identifier cap
            Map<String, Integer> admittedCodes = new HashMap<>();
            for (int k = 0; k < prepared.size(); k++) {
                Prepared p = prepared.get(k);
                Verdict v = p.verdict() != null ? p.verdict()
                        : judge(p.check().rowNumber(), p.draft(), open, memberKeys, seats, quotaUsed, admitted + 1,
                        admittedCodes, optOutKeys[k]);
                if (v.draft() != null) {
                    admitted++;
                    if (v.draft().invitee().contact() instanceof Identifier identifier) {
                        admittedCodes.merge(identifier.matchKey(), 1, Integer::sum);
                    }
                }
                verdicts.add(v);
                if (reportProgress) {
                    request.progressListener().onProgress(new BulkProgress(batchId, verdicts.size(), prepared.size(),
                            p.check().rowNumber()));
                }
            }
            return verdicts;
        }

        /** The policy, existing-invitation, membership, seat and quota checks of one valid row. */
        private Verdict judge(int rowNumber, Inviting.Draft draft, Map<String, Invitation> openByKey,
                              Set<String> memberKeys, SeatCount seats, long quotaUsed, int wanted,
                              Map<String, Integer> admittedCodes, String optOutKey) {
            InviteRequest r = draft.request();
            Invitee invitee = draft.invitee();
            List<Refusal> refusals = new ArrayList<>(policy.checkCreate(inviter, invitee, r.target(), draft.grant()));
            inviting.lookAlikeRefusal(draft).ifPresent(refusals::add);
            if (!refusals.isEmpty()) {
                return denied(rowNumber, refusals);
            }
            // The same checks as Inviting.add, made here so that such rows take no seat and no quota.
            String matchKey = invitee.contact().matchKey();
            Invitation open = openByKey.get(openKey(r.target(), matchKey));
            if (open != null && (open.status() != InvitationStatus.PENDING
                    || open.effectiveStatus(now) != InvitationStatus.EXPIRED)) {
                return already(rowNumber, invitee, BulkOutcome.ALREADY_INVITED,
                        AlreadyInvitedException.alreadyInvited(invitee.contact().toString(), open.id()), open);
            }
            if (r.target().isMembership() && memberKeys.contains(matchKey)) {
                return already(rowNumber, invitee, BulkOutcome.ALREADY_MEMBER,
                        AlreadyInvitedException.alreadyMember(invitee.contact().toString()), null);
            }
            if (request.action() == BulkAction.INVITE && invitee.emailOrNull() != null) {
                Verdict stop = sendStop(rowNumber, invitee, wanted, optOutKey);
                if (stop != null) {
                    return stop;
                }
            }
            List<Refusal> limits = new ArrayList<>();
            inviting.openCapRefusal(tenantId, invitee.contact(), now,
                    admittedCodes.getOrDefault(matchKey, 0)).ifPresent(limits::add);
            policy.checkSeats(seats, wanted).ifPresent(limits::add);
            policy.checkQuota(inviter, quotaUsed, wanted).ifPresent(limits::add);
            if (!limits.isEmpty()) {
                return denied(rowNumber, limits);
            }
            return new Verdict(rowNumber, null, List.of(), null, draft, open);
        }

        /**
         * Writes the planned rows as one batch, guarded by the seat limit and the inviter's quota for
         * as many rows. The open invitations and memberships are those judged just before (a
         * duplicate that appears meanwhile is refused by the store).
         */
        private List<Verdict> write(List<Verdict> verdicts, BulkOutcome created) {
            List<Verdict> result = new ArrayList<>(verdicts);
            boolean send = request.action() == BulkAction.INVITE;
            Change change = new Change(now);
            Map<Integer, Invitation> built = new HashMap<>();
            for (int i = 0; i < result.size(); i++) {
                Verdict v = result.get(i);
                if (v.draft() != null) {
                    built.put(i, inviting.add(v.draft(), send, change, Optional.ofNullable(v.open()), false));
                }
            }
            if (built.isEmpty()) {
                return result;
            }
            Limits.guard(ctx, change, tenantId, settings, inviter, built.size());
            if (send) {
                change.optOutsChecked();
            }
            change.commit(ctx);
            built.forEach((i, inv) -> result.set(i, new Verdict(result.get(i).rowNumber(), created, List.of(),
                    inv.id(), null, null)));
            return result;
        }

        /** In all-or-nothing, every creatable (or sendable) row is reported as not written. */
        private List<Verdict> withholdAll(List<Verdict> verdicts, String done) {
            String blocking = verdicts.stream().filter(v -> v.draft() == null).map(v -> String.valueOf(v.rowNumber()))
                    .limit(10).collect(Collectors.joining(", "));
            long count = verdicts.stream().filter(v -> v.draft() == null).count();
            RowProblem reason = new RowProblem("mode", "nothing was written: " + count + " row(s) cannot be " + done + " "
                    + "(" + blocking + (count > 10 ? ", ..." : "") + ") and the call is ALL_OR_NOTHING; fix them or "
                    + "use BEST_EFFORT", ErrorCode.INVALID_REQUEST);
            return verdicts.stream().map(v -> v.draft() == null ? v
                    : Verdict.of(v.rowNumber(), BulkOutcome.NOT_WRITTEN, List.of(reason))).toList();
        }

        private Verdict denied(int rowNumber, List<Refusal> refusals) {
            return Verdict.of(rowNumber, BulkOutcome.DENIED, refusals.stream()
                    .map(f -> new RowProblem(RowReader.rowField(f.field()), f.message(), f.code())).toList());
        }

        /**
         * The opt-out and send-limit checks of a row that would be mailed: an opted-out recipient,
         * or one at a per-recipient limit, reads as the neutral "already invited or a member" at every
         * level; the inviter's own window is a denial naming the window. The write's guard enforces
         * the limits in any case ({@link OptOuts}).
         *
         * @param key the row's opt-out key ({@link OptOuts#contactKey})
         */
        private Verdict sendStop(int rowNumber, Invitee invitee, int wanted, String key) {
            if (optedOut.contains(key)) {
                return neutralVerdict(rowNumber, invitee);
            }
            SendLimits limits = settings.sendLimits();
            for (InviteQuota window : limits.perContact()) {
                if (ctx.store().countSends(tenantId, key, null, now.minus(window.window())) + 1
                        > window.maxInvitations()) {
                    return neutralVerdict(rowNumber, invitee);
                }
            }
            if (!inviter.isSystem()) {
                for (InviteQuota window : limits.perInviter()) {
                    long sent = inviterSent.computeIfAbsent(window, w -> ctx.store().countSends(tenantId, null,
                            inviter.userId(), now.minus(w.window())));
                    if (sent + wanted > window.maxInvitations()) {
                        return denied(rowNumber, List.of(OptOuts.inviterRefusal(window, sent, wanted)));
                    }
                }
            }
            return null;
        }

        private Verdict neutralVerdict(int rowNumber, Invitee invitee) {
            return Verdict.of(rowNumber, BulkOutcome.ALREADY_INVITED_OR_MEMBER, List.of(new RowProblem(
                    contactField(invitee), AlreadyInvitedException.neutralMessage(invitee.contact().toString()),
                    ErrorCode.ALREADY_INVITED)));
        }

        private Verdict already(int rowNumber, Invitee invitee, BulkOutcome outcome, AlreadyInvitedException why,
                                Invitation open) {
            String field = contactField(invitee);
            // a *_LOCAL manager learns nothing of an invitation in another unit, not even that it exists
            if (neutral || open != null && !policy.mayRead(inviter, open)) {
                return Verdict.of(rowNumber, BulkOutcome.ALREADY_INVITED_OR_MEMBER, List.of(new RowProblem(field,
                        AlreadyInvitedException.neutralMessage(invitee.contact().toString()),
                        ErrorCode.ALREADY_INVITED)));
            }
            // a manager sees which invitation it is, to resend, send or revoke it from the report
            return new Verdict(rowNumber, outcome, List.of(new RowProblem(field, why.getMessage(), why.code())), null,
                    null, null, why.existingInvitationId().orElse(null));
        }

        private BulkReport report(List<Verdict> verdicts) {
            return new BulkReport(batchId, request.mode(), request.action(), verdicts.stream()
                    .map(v -> new BulkReport.Line(v.rowNumber(), v.outcome(), v.invitationId(), v.reasons(),
                            v.existing())).toList());
        }
    }

    /** What was decided for one row: an outcome, or a draft still to be written. */
    private record Verdict(int rowNumber, BulkOutcome outcome, List<RowProblem> reasons, InvitationId invitationId,
                           Inviting.Draft draft, Invitation open, InvitationId existing) {
        Verdict(int rowNumber, BulkOutcome outcome, List<RowProblem> reasons, InvitationId invitationId,
                Inviting.Draft draft, Invitation open) {
            this(rowNumber, outcome, reasons, invitationId, draft, open, null);
        }

        static Verdict of(int rowNumber, BulkOutcome outcome, List<RowProblem> reasons) {
            return new Verdict(rowNumber, outcome, reasons, null, null, null);
        }
    }

    /** A row validated once: a draft to judge, or its verdict already. */
    private record Prepared(RowCheck check, Inviting.Draft draft, Verdict verdict) {
    }

    private static String contactField(Invitee invitee) {
        return invitee.contact() instanceof Identifier ? RowField.IDENTIFIER.canonicalHeader()
                : RowField.EMAIL.canonicalHeader();
    }

    private static String openKey(Target target, String inviteeKey) {
        return target.type() + '\u0000' + target.id() + '\u0000' + inviteeKey;
    }
}
