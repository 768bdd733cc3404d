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
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.Refusal;
import io.invitations.core.policy.SeatCount;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.BatchId;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a bulk call: the limit; every row read and validated; per row the tenant's policies, an open
 * invitation, membership, then seats and quota counted across the batch; then ONE store write for
 * the whole batch (invitations, history, outbox rows), events published after it. Thread-safe: it
 * keeps no state between calls.
 */
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
        return ctx.tenantLocks().with(tenantId,
                () -> new Run(inviter, tenantId, request, settings, batchId).execute(checks));
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

        Run(Inviter inviter, TenantId tenantId, BulkRequest request, TenantSettings settings, BatchId batchId) {
            this.request = request;
            this.settings = settings;
            this.batchId = batchId;
            this.tenantId = tenantId;
            this.inviter = inviter;
            this.policy = InvitationPolicy.of(settings);
            // Below the manage level, "already invited" and "already a member" read the same.
            this.neutral = !inviter.level().atLeast(settings.manageLevel());
            this.now = ctx.now();
        }

        BulkReport execute(List<RowCheck> checks) {
            SeatCount seats = ctx.seatCountForCheck(tenantId, now);
            long quotaUsed = settings.quotaIfAny().map(q -> ctx.store().count(InvitationQuery.builder(tenantId)
                    .invitedBy(inviter.userId()).createdBetween(now.minus(q.window()), null).build())).orElse(0L);
            List<Verdict> verdicts = new ArrayList<>(checks.size());
            int admitted = 0;
            for (RowCheck check : checks) {
                Verdict v = check.isCandidate() ? judge(check, seats, quotaUsed, admitted + 1)
                        : Verdict.of(check.rowNumber(), check.outcome(), check.reasons());
                if (v.draft() != null) {
                    admitted++;
                }
                verdicts.add(v);
                request.progressListener().onProgress(new BulkProgress(batchId, verdicts.size(), checks.size(),
                        check.rowNumber()));
            }
            BulkOutcome created = request.action() == BulkAction.INVITE ? BulkOutcome.CREATED : BulkOutcome.PROVISIONED;
            if (request.mode() == BulkMode.DRY_RUN) {
                return report(verdicts.stream().map(v -> v.draft() == null ? v : Verdict.of(v.rowNumber(), created,
                        List.of())).toList());
            }
            if (request.mode() == BulkMode.ALL_OR_NOTHING && verdicts.stream().anyMatch(v -> v.draft() == null)) {
                return report(withholdAll(verdicts));
            }
            return report(write(verdicts, created));
        }

        /** The policy, existing-invitation, membership, seat and quota checks of one valid row. */
        private Verdict judge(RowCheck check, SeatCount seats, long quotaUsed, int wanted) {
            Inviting.Draft draft;
            try {
                draft = inviting.prepare(inviter, tenantId, check.request());
            } catch (InvalidRequestException e) {
                return Verdict.of(check.rowNumber(), BulkOutcome.INVALID, e.problems().stream()
                        .map(p -> new RowProblem(RowReader.rowField(p.field()), p.message())).toList());
            }
            InviteRequest r = draft.request();
            Invitee invitee = draft.invitee();
            List<Refusal> refusals = policy.checkCreate(inviter, invitee, r.target(), draft.grant());
            if (!refusals.isEmpty()) {
                return denied(check.rowNumber(), refusals);
            }
            // The same checks as Inviting.add, made here so that such rows take no seat and no quota.
            Optional<Invitation> open = ctx.store().findOpen(tenantId, r.target(), invitee.contact());
            if (open.isPresent() && (open.get().status() != InvitationStatus.PENDING
                    || open.get().effectiveStatus(now) != InvitationStatus.EXPIRED)) {
                return already(check.rowNumber(), invitee, BulkOutcome.ALREADY_INVITED,
                        AlreadyInvitedException.alreadyInvited(invitee.contact().toString(), open.get().id()));
            }
            if (r.target().isMembership() && ctx.directory().isMember(tenantId, invitee.contact())) {
                return already(check.rowNumber(), invitee, BulkOutcome.ALREADY_MEMBER,
                        AlreadyInvitedException.alreadyMember(invitee.contact().toString()));
            }
            List<Refusal> limits = new ArrayList<>();
            policy.checkSeats(seats, wanted).ifPresent(limits::add);
            policy.checkQuota(inviter, quotaUsed, wanted).ifPresent(limits::add);
            if (!limits.isEmpty()) {
                return denied(check.rowNumber(), limits);
            }
            return new Verdict(check.rowNumber(), null, List.of(), null, draft);
        }

        /**
         * Writes the planned rows as one batch. When another node invited one of the people
         * meanwhile, best effort marks that row ALREADY_INVITED and writes the rest again; all or
         * nothing writes nothing.
         */
        private List<Verdict> write(List<Verdict> verdicts, BulkOutcome created) {
            List<Verdict> result = new ArrayList<>(verdicts);
            boolean send = request.action() == BulkAction.INVITE;
            for (int attempt = 1; ; attempt++) {
                Change change = new Change(now);
                Map<Integer, Invitation> built = new HashMap<>();
                boolean taken = false;
                for (int i = 0; i < result.size(); i++) {
                    Verdict v = result.get(i);
                    if (v.draft() == null) {
                        continue;
                    }
                    try {
                        built.put(i, inviting.add(v.draft(), send, change));
                    } catch (AlreadyInvitedException e) {
                        // Another node invited this person (or made them a member) after the row was judged.
                        result.set(i, already(v.rowNumber(), v.draft().invitee(), e.code() == ErrorCode.ALREADY_MEMBER
                                ? BulkOutcome.ALREADY_MEMBER : BulkOutcome.ALREADY_INVITED, e));
                        taken = true;
                    }
                }
                if (taken && request.mode() == BulkMode.ALL_OR_NOTHING) {
                    return withholdAll(result);
                }
                if (built.isEmpty()) {
                    return result;
                }
                try {
                    change.commit(ctx);
                    built.forEach((i, inv) -> result.set(i, new Verdict(result.get(i).rowNumber(), created, List.of(),
                            inv.id(), null)));
                    return result;
                } catch (DuplicateInvitationException e) {
                    int refused = refusedRow(result, e);
                    if (refused < 0 || attempt >= WRITE_ATTEMPTS) {
                        throw e;
                    }
                    Verdict v = result.get(refused);
                    result.set(refused, already(v.rowNumber(), v.draft().invitee(), BulkOutcome.ALREADY_INVITED,
                            AlreadyInvitedException.alreadyInvited(v.draft().invitee().contact().toString(), null)));
                    if (request.mode() == BulkMode.ALL_OR_NOTHING) {
                        return withholdAll(result);
                    }
                }
            }
        }

        /** The index of the planned row whose invitee the store refused, or -1 when none of the batch. */
        private int refusedRow(List<Verdict> result, DuplicateInvitationException e) {
            for (int i = 0; i < result.size(); i++) {
                Inviting.Draft d = result.get(i).draft();
                if (d != null && d.invitee().contact().matchKey().equals(e.inviteeKey())
                        && d.request().target().equals(e.target())) {
                    return i;
                }
            }
            return -1;
        }

        /** In all-or-nothing, every creatable row is reported as not written. */
        private List<Verdict> withholdAll(List<Verdict> verdicts) {
            String blocking = verdicts.stream().filter(v -> v.draft() == null).map(v -> String.valueOf(v.rowNumber()))
                    .limit(10).collect(Collectors.joining(", "));
            long count = verdicts.stream().filter(v -> v.draft() == null).count();
            RowProblem reason = new RowProblem("mode", "nothing was written: " + count + " row(s) cannot be created "
                    + "(" + blocking + (count > 10 ? ", ..." : "") + ") and the call is ALL_OR_NOTHING; fix them or "
                    + "use BEST_EFFORT", ErrorCode.INVALID_REQUEST);
            return verdicts.stream().map(v -> v.draft() == null ? v
                    : Verdict.of(v.rowNumber(), BulkOutcome.NOT_WRITTEN, List.of(reason))).toList();
        }

        private Verdict denied(int rowNumber, List<Refusal> refusals) {
            return Verdict.of(rowNumber, BulkOutcome.DENIED, refusals.stream()
                    .map(f -> new RowProblem(RowReader.rowField(f.field()), f.message(), f.code())).toList());
        }

        private Verdict already(int rowNumber, Invitee invitee, BulkOutcome outcome, AlreadyInvitedException why) {
            String field = invitee.contact() instanceof Identifier ? RowField.IDENTIFIER.canonicalHeader()
                    : RowField.EMAIL.canonicalHeader();
            if (neutral) {
                return Verdict.of(rowNumber, BulkOutcome.ALREADY_INVITED_OR_MEMBER, List.of(new RowProblem(field,
                        invitee.contact() + " is already invited or already a member; nothing to do",
                        ErrorCode.ALREADY_INVITED)));
            }
            return Verdict.of(rowNumber, outcome, List.of(new RowProblem(field, why.getMessage(), why.code())));
        }

        private BulkReport report(List<Verdict> verdicts) {
            return new BulkReport(batchId, request.mode(), request.action(), verdicts.stream()
                    .map(v -> new BulkReport.Line(v.rowNumber(), v.outcome(), v.invitationId(), v.reasons())).toList());
        }
    }

    /** What was decided for one row: an outcome, or a draft still to be written. */
    private record Verdict(int rowNumber, BulkOutcome outcome, List<RowProblem> reasons, InvitationId invitationId,
                           Inviting.Draft draft) {
        static Verdict of(int rowNumber, BulkOutcome outcome, List<RowProblem> reasons) {
            return new Verdict(rowNumber, outcome, reasons, null, null);
        }
    }
}
