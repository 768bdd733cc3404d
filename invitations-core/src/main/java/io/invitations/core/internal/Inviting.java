package io.invitations.core.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.FieldProblem;
import io.invitations.core.InviteRequest;
import io.invitations.core.SendReport;
import io.invitations.core.code.internal.AccessCodeGate;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.invitee.Invitees;
import io.invitations.core.lifecycle.internal.Lifecycle;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.spi.settings.LookAlikePolicy;
import io.invitations.spi.settings.TenantSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.Contact;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.spi.invitation.Grant;
import io.invitations.spi.invitation.Identifier;
import io.invitations.spi.invitation.IdentifierKind;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Invitee;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.invitation.UnitId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.Page;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Creating invitations (invite, provision) and sending provisioned ones.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Inviting {
    /** The most characters of an invitation's personal message, text added when sending included. */
    public static final int MESSAGE_LIMIT = 2000;

    /** The history note of an invitation whose contact looks like an existing one (tenant flags look-alikes). */
    public static final String LOOK_ALIKE_NOTE = "look-alike: the contact is confusable with an existing invitee's"
            + " or member's";
    private static final Logger LOG = LoggerFactory.getLogger(Inviting.class);
    private final Context ctx;

    /**
     * Creates the operations.
     *
     * @param ctx the context
     */
    public Inviting(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * A request validated and turned into domain values, with its tenant's settings.
     *
     * @param tenantId the tenant
     * @param inviter  who invites
     * @param request  the request
     * @param settings the tenant's settings
     * @param invitee  the invitee, email normalised and display name inferred
     * @param grant    the grant, role spelled as the tenant does
     */
    @API(status = API.Status.INTERNAL, since = "1.0")
    public record Draft(TenantId tenantId, Inviter inviter, InviteRequest request, TenantSettings settings,
                        Invitee invitee, Grant grant) {
    }

    /**
     * Validates, checks and stores a new invitation; with {@code send} it is PENDING with its first
     * message queued, otherwise PROVISIONED.
     *
     * @param inviter  who invites
     * @param tenantId the tenant
     * @param request  the request
     * @param send     {@code true} to invite, {@code false} to provision
     * @return the stored invitation
     */
    public Invitation create(Inviter inviter, TenantId tenantId, InviteRequest request, boolean send) {
        Draft draft = prepare(inviter, tenantId, request);
        Change change = new Change(ctx.now());
        PolicyViolationException.throwIfAny(refusals(draft, change.now()));
        Invitation invitation = add(draft, send, change);
        // the seat limit and quota once more, atomically with the write, on whichever node
        Limits.guard(ctx, change, tenantId, draft.settings(), inviter, 1);
        try {
            change.commit(ctx);
        } catch (DuplicateInvitationException e) {
            // another node invited the same person in between: name its invitation to whoever may read it
            throw already(draft, ErrorCode.ALREADY_INVITED, ctx.store().findOpen(tenantId, request.target(),
                    draft.invitee().contact()).orElse(null));
        }
        return invitation;
    }

    /**
     * Validates a request in full and turns it into domain values.
     *
     * @param inviter  who invites
     * @param tenantId the tenant
     * @param request  the request
     * @return the draft
     * @throws io.invitations.core.InvalidRequestException listing every problem
     */
    public Draft prepare(Inviter inviter, TenantId tenantId, InviteRequest request) {
        RequestValidator.throwIfAny(problems(ctx.requests(), request));
        return draft(inviter, tenantId, request, ctx.settingsFor(tenantId));
    }

    /**
     * Turns a request that was already validated in full ({@link #problems}) into domain values, with
     * the tenant's settings already read: a bulk call validates each row once while reading it and
     * reads the settings once for all rows.
     *
     * @param inviter  who invites
     * @param tenantId the tenant
     * @param request  the request, valid
     * @param settings the tenant's settings
     * @return the draft
     * @throws io.invitations.core.InvalidRequestException if the grant cannot be made from the request
     */
    public Draft draft(Inviter inviter, TenantId tenantId, InviteRequest request, TenantSettings settings) {
        return new Draft(tenantId, inviter, request, settings, invitee(request), grant(request, inviter, settings));
    }

    /**
     * Returns every refusal of the tenant's rules for one more invitation: level, units, role,
     * guests, domain, seats and quota (a bulk run calls the policy itself with running counts).
     *
     * @param draft the draft
     * @param now   the instant
     * @return the refusals, empty when allowed
     */
    public List<Refusal> refusals(Draft draft, Instant now) {
        TenantId tenantId = draft.tenantId();
        Inviter inviter = draft.inviter();
        InvitationPolicy policy = InvitationPolicy.of(draft.settings());
        List<Refusal> refusals = new ArrayList<>(policy.checkCreate(inviter, draft.invitee(),
                draft.request().target(), draft.grant()));
        lookAlikeRefusal(draft).ifPresent(refusals::add);
        policy.checkSeats(ctx.seatCountForCheck(tenantId, now), 1).ifPresent(refusals::add);
        draft.settings().quotaIfAny().flatMap(q -> policy.checkQuota(inviter, ctx.store().count(Limits.quotaUse(
                tenantId, inviter.userId(), now.minus(q.window()))), 1)).ifPresent(refusals::add);
        return refusals;
    }

    /**
     * Adds a new invitation to a change: refuses a duplicate or an existing member, closes an open
     * invitation of the same person that is past its expiry, and records the creating transition
     * (and the first message when sending). Does not check the tenant's rules.
     *
     * @param draft  the draft
     * @param send   {@code true} to invite, {@code false} to provision
     * @param change the change to add to
     * @return the invitation as it will be stored
     * @throws AlreadyInvitedException if the invitee has an open invitation or is already a member
     */
    public Invitation add(Draft draft, boolean send, Change change) {
        TenantId tenantId = draft.tenantId();
        Contact contact = draft.invitee().contact();
        Optional<Invitation> open = ctx.store().findOpen(tenantId, draft.request().target(), contact);
        boolean member = draft.request().target().isMembership() && ctx.directory().isMember(tenantId, contact);
        if (open.isEmpty() && !member) {
            // before the write; the write carries the cap as a condition that holds on every node
            openCapRefusal(tenantId, contact, change.now()).ifPresent(r -> {
                throw new PolicyViolationException(List.of(r));
            });
        }
        return add(draft, send, change, open, member);
    }

    /**
     * As {@link #add(Draft, boolean, Change)}, with the invitee's open invitation and membership
     * already looked up (a bulk call looks up all its rows at once, and checks the cap of open
     * invitations per identifier itself; the write's condition enforces it in any case).
     *
     * @param draft  the draft
     * @param send   {@code true} to invite, {@code false} to provision
     * @param change the change to add to
     * @param open   the invitee's open invitation for the target, as stored
     * @param member whether the invitee is already a member (only asked for membership targets)
     * @return the invitation as it will be stored
     * @throws AlreadyInvitedException if the invitee has an open invitation or is already a member
     */
    public Invitation add(Draft draft, boolean send, Change change, Optional<Invitation> open, boolean member) {
        InviteRequest request = draft.request();
        TenantId tenantId = draft.tenantId();
        Invitee invitee = draft.invitee();
        Instant now = change.now();
        if (open.isPresent()) {
            Invitation expired = change.expireIfDue(open.get());
            if (expired == open.get()) {
                throw already(draft, ErrorCode.ALREADY_INVITED, open.get());
            }
            change.update(open.get(), expired);
        }
        if (member) {
            throw already(draft, ErrorCode.ALREADY_MEMBER, null);
        }
        String note = lookAlikeNote(ctx, draft.settings(), tenantId, invitee.contact());
        String actor = draft.inviter().userId();
        // sent now: the expiry and the first reminder (as Reminders.plan sets them) are known before building
        Instant expiresAt = send ? now.plus(draft.settings().invitationTtl()) : null;
        Invitation invitation = Invitation.builder().id(ctx.ids().get()).tenantId(tenantId).invitee(invitee)
                .target(request.target()).grant(draft.grant()).inviter(draft.inviter())
                .personalMessage(request.personalMessage())
                .locale(request.locale() != null ? request.locale() : draft.settings().defaultLocale())
                .source(request.source()).status(send ? InvitationStatus.PENDING : InvitationStatus.PROVISIONED)
                .createdAt(now).updatedAt(now).invitedAt(send ? now : null)
                .expiresAt(expiresAt)
                .nextReminderAt(send ? Reminders.first(draft.settings(), invitee, expiresAt, now) : null).build();
        if (send) {
            invitation = change.queueMessage(invitation, OutboxMessage.Kind.INVITATION);
            change.transition(invitation, actor, Action.INVITE, null, InvitationStatus.PENDING, note,
                    new InvitationEvent.Invited(tenantId, invitation.id(), now, actor, null));
        } else {
            change.transition(invitation, actor, Action.PROVISION, null, InvitationStatus.PROVISIONED, note,
                    new InvitationEvent.Provisioned(tenantId, invitation.id(), now, actor));
        }
        change.insert(invitation);
        return invitation;
    }

    /**
     * Returns the refusal of a contact that looks like (has the same skeleton as) an existing
     * invitee's or member's, when the tenant refuses look-alikes ({@link LookAlikePolicy#REFUSE}).
     *
     * @param draft the draft
     * @return the refusal, or empty
     */
    public Optional<Refusal> lookAlikeRefusal(Draft draft) {
        return LookAlikes.refusalIf(ctx, draft.tenantId(), draft.invitee().contact(),
                draft.settings().lookAlikes() == LookAlikePolicy.REFUSE);
    }

    /**
     * Returns the history note of a look-alike contact a tenant accepts and flags
     * ({@link LookAlikePolicy#FLAG}), or {@code null}.
     *
     * @param ctx      the context
     * @param settings the tenant's settings
     * @param tenantId the tenant
     * @param contact  the new contact
     * @return the note, or {@code null} when not flagged
     */
    static String lookAlikeNote(Context ctx, TenantSettings settings, TenantId tenantId, Contact contact) {
        if (settings.lookAlikes() != LookAlikePolicy.FLAG || !LookAlikes.any(ctx, tenantId, contact)) {
            return null;
        }
        LOG.warn("tenant {}: a new {} looks like an existing invitee's or member's; flagged in its history",
                tenantId, contact instanceof EmailAddress ? "email address" : "identifier");
        return LOOK_ALIKE_NOTE;
    }

    /**
     * Refuses one more open invitation of an identifier that has
     * {@link AccessCodeGate#MAX_OPEN_PER_IDENTIFIER} open (provisioned or pending) ones in the
     * tenant already: a code check compares exactly that many, so that its work never depends on
     * how many invitations an identifier has. Email invitations have no such limit.
     *
     * @param tenantId the tenant
     * @param contact  the invitee's contact
     * @param now      the instant
     * @return the refusal, or empty when one more is allowed
     */
    public Optional<Refusal> openCapRefusal(TenantId tenantId, Contact contact, Instant now) {
        return openCapRefusal(tenantId, contact, now, 0);
    }

    /**
     * As {@link #openCapRefusal(TenantId, Contact, Instant)}, for one more invitation next to
     * {@code alreadyAdmitted} others of the same identifier admitted earlier in the same bulk call.
     * The check before the write; the write itself carries the cap as a condition that holds on every
     * node ({@link Change#commit}).
     *
     * @param tenantId        the tenant
     * @param contact         the invitee's contact
     * @param now             the instant
     * @param alreadyAdmitted open invitations of this identifier the same write adds before this one
     * @return the refusal, or empty when one more is allowed
     */
    public Optional<Refusal> openCapRefusal(TenantId tenantId, Contact contact, Instant now, int alreadyAdmitted) {
        if (!(contact instanceof Identifier identifier)) {
            return Optional.empty();
        }
        long open = ctx.store().count(Limits.openCodes(tenantId, now).toBuilder().invitee(identifier).build());
        return Limits.openCapRefusal(open + alreadyAdmitted, 1);
    }

    /**
     * The refusal for an invitee who is already invited or already a member. An inviter at the
     * tenant's manage level learns which, and the open invitation's id, when they may
     * {@linkplain InvitationPolicy#mayRead read} that invitation; otherwise (below the manage level,
     * or a {@code *_LOCAL} manager and an invitation in another unit) both read alike
     * ({@link AlreadyInvitedException#neutral(String)}), on every path that creates invitations.
     *
     * @param draft    the draft, whose inviter and settings decide
     * @param why      {@code ALREADY_INVITED} or {@code ALREADY_MEMBER}
     * @param existing the open invitation, or {@code null} (unknown, or for a member)
     * @return the exception to throw
     */
    public static AlreadyInvitedException already(Draft draft, ErrorCode why, Invitation existing) {
        String invitee = draft.invitee().contact().toString();
        if (!mayLearn(draft.inviter(), draft.settings(), why, existing)) {
            return AlreadyInvitedException.neutral(invitee);
        }
        return why == ErrorCode.ALREADY_MEMBER ? AlreadyInvitedException.alreadyMember(invitee)
                : AlreadyInvitedException.alreadyInvited(invitee, existing == null ? null : existing.id());
    }

    /**
     * Whether an inviter may learn that someone is already a member or already invited, rather than
     * the neutral answer: at the tenant's manage level and, for an open invitation, only when they may
     * read it; when that invitation is not known, only a reader of the whole tenant.
     *
     * @param inviter  the inviter
     * @param settings the tenant's settings
     * @param why      {@code ALREADY_INVITED} or {@code ALREADY_MEMBER}
     * @param existing the open invitation, or {@code null}
     * @return {@code true} for the detailed answer
     */
    public static boolean mayLearn(Inviter inviter, TenantSettings settings, ErrorCode why, Invitation existing) {
        if (!mayLearnMembership(inviter, settings)) {
            return false;
        }
        if (why == ErrorCode.ALREADY_MEMBER) {
            return true;
        }
        InvitationPolicy policy = InvitationPolicy.of(settings);
        return existing == null ? policy.readScope(inviter).isEmpty() : policy.mayRead(inviter, existing);
    }

    /**
     * Whether an inviter may learn whether someone is a member or only invited: at the tenant's
     * manage level. Whether they learn of a particular open invitation is
     * {@link #mayLearn(Inviter, TenantSettings, ErrorCode, Invitation)}.
     *
     * @param inviter  the inviter
     * @param settings the tenant's settings
     * @return {@code true} at or above the manage level
     */
    public static boolean mayLearnMembership(Inviter inviter, TenantSettings settings) {
        return inviter.level().atLeast(settings.manageLevel());
    }

    /**
     * Sends one provisioned invitation: it becomes PENDING with its first message queued.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param id       the invitation
     * @return the stored invitation
     */
    public Invitation send(Inviter actor, TenantId tenantId, InvitationId id) {
        return send(actor, tenantId, id, null);
    }

    /**
     * Checks text an administrator adds when sending: {@code null} or blank means none; otherwise it
     * is stripped and must have at most {@value #MESSAGE_LIMIT} characters.
     *
     * @param added the text, or {@code null}
     * @return the text stripped, or {@code null} for none
     * @throws io.invitations.core.InvalidRequestException naming {@code message} when it is too long
     */
    public static String addedText(String added) {
        if (added == null || added.isBlank()) {
            return null;
        }
        String text = added.strip();
        if (text.length() > MESSAGE_LIMIT) {
            RequestValidator.throwIfAny(List.of(new FieldProblem("message", "must be at most " + MESSAGE_LIMIT
                    + " characters, was " + text.length() + "; shorten the added text")));
        }
        return text;
    }

    /**
     * Sends one provisioned invitation with text the administrator adds: the text is appended to
     * the invitation's personal message (after a blank line), so the message sent and its preview
     * show it, escaped like every value.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param id       the invitation
     * @param added    the text to add, or {@code null} for none
     * @return the stored invitation
     * @throws io.invitations.core.InvalidRequestException naming {@code message} when the text, with
     *                                                     the personal message, is too long
     */
    public Invitation send(Inviter actor, TenantId tenantId, InvitationId id, String added) {
        String text = addedText(added);
        return Mutation.run(ctx, actor, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkManage(actor, stored, false));
            Invitation current = Context.effective(stored, change.now());
            Lifecycle.require(id, current.status(), Action.INVITE, settings.approvalRequired());
            Instant now = change.now();
            Invitation next = change.queueMessage(Reminders.plan(settings, stored.toBuilder()
                    .status(InvitationStatus.PENDING).invitedAt(now)
                    .personalMessage(withAdded(stored.personalMessage(), text))
                    .expiresAt(now.plus(settings.invitationTtl())).build(), now), OutboxMessage.Kind.INVITATION);
            change.transition(stored, actor.userId(), Action.INVITE, InvitationStatus.PROVISIONED,
                    InvitationStatus.PENDING, null, new InvitationEvent.Invited(tenantId, id, now, actor.userId(),
                            InvitationStatus.PROVISIONED));
            return change.update(stored, next);
        });
    }

    /**
     * Sends several provisioned invitations, each on its own; refusals are reported, not thrown.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param ids      the invitations
     * @param added    text to add to each message, or {@code null}
     * @return what was sent and what was refused
     * @throws io.invitations.core.InvalidRequestException naming {@code message} when the text alone is
     *                                                     too long (nothing is sent)
     */
    public SendReport sendSelected(Inviter actor, TenantId tenantId, Collection<InvitationId> ids, String added) {
        String text = addedText(added);
        List<Invitation> sent = new ArrayList<>();
        List<SendReport.Refused> refused = new ArrayList<>();
        for (InvitationId id : ids) {
            try {
                sent.add(send(actor, tenantId, id, text));
            } catch (InvitationException e) {
                refused.add(new SendReport.Refused(id, e.code(), e.getMessage()));
            }
        }
        return new SendReport(sent, refused);
    }

    /**
     * Sends every provisioned invitation of a tenant ("invite all"). The actor needs the tenant's
     * manage level; invitations must be on.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param added    text to add to each message, or {@code null}
     * @return what was sent and what was refused
     */
    public SendReport sendAll(Inviter actor, TenantId tenantId, String added) {
        String text = addedText(added);
        InvitationPolicy policy = InvitationPolicy.of(ctx.settingsFor(tenantId));
        PolicyViolationException.throwIfAny(policy.checkSendAll(actor));
        List<InvitationId> ids = new ArrayList<>();
        // only the invitations the actor may read: others' units are not listed, not even as refused
        InvitationQuery query = InvitationQuery.builder(tenantId).statuses(InvitationStatus.PROVISIONED)
                .scope(policy.readScope(actor).orElse(null)).page(0, InvitationQuery.MAX_LIMIT).build();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            page.items().forEach(i -> ids.add(i.id()));
            query = query.nextPage();
        } while (page.hasMore());
        return sendSelected(actor, tenantId, ids, text);
    }

    /**
     * Returns every problem of a request: its constraints, and that exactly one of email and
     * identifier (with its kind) is given.
     *
     * @param requests the validator of the request's constraints
     * @param r        the request
     * @return the problems, possibly empty
     */
    public static List<FieldProblem> problems(RequestValidator requests, InviteRequest r) {
        List<FieldProblem> out = new ArrayList<>(requests.problems(r));
        if (r.email() == null && r.identifier() == null) {
            out.add(new FieldProblem("email", "give the invitee's email address, or an identifier with its kind"));
        } else if (r.email() != null && r.identifier() != null) {
            out.add(new FieldProblem("identifier", "give either an email address or an identifier, not both"));
        }
        if (r.identifier() != null && r.identifierKind() == null) {
            out.add(new FieldProblem("identifierKind", "must be given with an identifier, e.g. personnel_number"));
        }
        ContactText.unsafeCharacter("email", r.email()).ifPresent(m -> out.add(new FieldProblem("email", m)));
        ContactText.unsafeCharacter("identifier", r.identifier())
                .ifPresent(m -> out.add(new FieldProblem("identifier", m)));
        if (r.identifierKind() != null && r.identifier() == null) {
            out.add(new FieldProblem("identifier", "must be given with identifierKind"));
        }
        return out;
    }

    /** The personal message with the added text after a blank line; refused when it grows too long. */
    private static String withAdded(String personal, String added) {
        if (added == null) {
            return personal;
        }
        String joined = personal == null ? added : personal + "\n\n" + added;
        if (joined.length() > MESSAGE_LIMIT) {
            RequestValidator.throwIfAny(List.of(new FieldProblem("message", "with the invitation's personal message"
                    + " it makes " + joined.length() + " characters; the most is " + MESSAGE_LIMIT
                    + " — shorten the added text")));
        }
        return joined;
    }

    private static Invitee invitee(InviteRequest r) {
        Contact contact = r.email() != null ? new EmailAddress(r.email())
                : new Identifier(IdentifierKind.of(r.identifierKind()), ContactText.nfkc(r.identifier()));
        String display = r.displayName() != null ? r.displayName()
                : Invitees.displayName(r.firstName(), r.lastName(), contact);
        return new Invitee(contact, r.firstName(), r.lastName(), display);
    }

    /** The grant with the role spelled as the tenant does; a local inviter's only unit by default. */
    private static Grant grant(InviteRequest r, Inviter inviter, TenantSettings settings) {
        UnitId unit = r.unit();
        if (unit == null && inviter.level().isLocal() && inviter.units().size() == 1) {
            unit = inviter.units().iterator().next();
        }
        return new Grant(settings.canonicalRole(r.role()).orElse(r.role()), r.membershipType(), r.groups(), unit,
                r.metadata());
    }
}
