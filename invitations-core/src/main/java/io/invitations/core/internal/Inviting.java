package io.invitations.core.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.FieldProblem;
import io.invitations.core.InviteRequest;
import io.invitations.core.SendReport;
import io.invitations.core.invitee.Invitees;
import io.invitations.core.lifecycle.Lifecycle;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.core.policy.PolicyViolationException;
import io.invitations.core.policy.Refusal;
import io.invitations.core.settings.TenantSettings;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Creating invitations (invite, provision) and sending provisioned ones.
 */
public final class Inviting {
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
     * Validates, checks and stores a new invitation; with {@code send} it is PENDING with its first
     * message queued, otherwise PROVISIONED.
     *
     * @param request the request
     * @param send    {@code true} to invite, {@code false} to provision
     * @return the stored invitation
     */
    public Invitation create(InviteRequest request, boolean send) {
        RequestValidator.throwIfAny(problems(request));
        TenantId tenantId = request.tenantId();
        Inviter inviter = request.inviter();
        TenantSettings settings = ctx.settingsFor(tenantId);
        Invitee invitee = invitee(request);
        Grant grant = grant(request, settings);
        InvitationPolicy policy = InvitationPolicy.of(settings);
        return ctx.tenantLocks().with(tenantId, () -> {
            Instant now = ctx.now();
            List<Refusal> refusals = new ArrayList<>(policy.checkCreate(inviter, invitee, request.target(), grant));
            policy.checkSeats(ctx.seatCount(tenantId, now), 1).ifPresent(refusals::add);
            settings.quotaIfAny().flatMap(q -> policy.checkQuota(inviter, ctx.store().count(InvitationQuery
                    .of(tenantId).invitedBy(inviter.userId()).createdBetween(now.minus(q.window()), null).build()), 1))
                    .ifPresent(refusals::add);
            PolicyViolationException.throwIfAny(refusals);

            Change change = new Change(now);
            Optional<Invitation> open = ctx.store().findOpen(tenantId, request.target(), invitee.contact());
            if (open.isPresent()) {
                Invitation expired = change.expireIfDue(open.get());
                if (expired == open.get()) {
                    throw AlreadyInvitedException.alreadyInvited(invitee.contact().toString(), open.get().id());
                }
                change.update(open.get(), expired);
            }
            if (request.target().isMembership() && ctx.directory().isMember(tenantId, invitee.contact())) {
                throw AlreadyInvitedException.alreadyMember(invitee.contact().toString());
            }
            Invitation invitation = Invitation.builder().id(ctx.ids().get()).tenantId(tenantId).invitee(invitee)
                    .target(request.target()).grant(grant).inviter(inviter).personalMessage(request.personalMessage())
                    .locale(request.locale() != null ? request.locale() : settings.defaultLocale())
                    .source(request.source()).status(send ? InvitationStatus.PENDING : InvitationStatus.PROVISIONED)
                    .createdAt(now).updatedAt(now).invitedAt(send ? now : null)
                    .expiresAt(send ? now.plus(settings.invitationTtl()) : null).build();
            if (send) {
                invitation = change.queueMessage(invitation, OutboxMessage.Kind.INVITATION);
                change.transition(invitation, inviter.userId(), Action.INVITE, null, InvitationStatus.PENDING, null,
                        new InvitationEvent.Invited(tenantId, invitation.id(), now, inviter.userId(), null));
            } else {
                change.transition(invitation, inviter.userId(), Action.PROVISION, null, InvitationStatus.PROVISIONED,
                        null, new InvitationEvent.Provisioned(tenantId, invitation.id(), now, inviter.userId()));
            }
            change.insert(invitation);
            try {
                change.commit(ctx);
            } catch (DuplicateInvitationException e) {
                throw AlreadyInvitedException.alreadyInvited(invitee.contact().toString(), null);
            }
            return invitation;
        });
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
        return Mutation.run(ctx, tenantId, id, (stored, change) -> {
            TenantSettings settings = ctx.settingsFor(tenantId);
            PolicyViolationException.throwIfAny(InvitationPolicy.of(settings).checkManage(actor, stored, false));
            Invitation current = Context.effective(stored, change.now());
            Lifecycle.require(id, current.status(), Action.INVITE, settings.approvalRequired());
            Instant now = change.now();
            Invitation next = change.queueMessage(stored.toBuilder().status(InvitationStatus.PENDING).invitedAt(now)
                    .expiresAt(now.plus(settings.invitationTtl())).build(), OutboxMessage.Kind.INVITATION);
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
     * @return what was sent and what was refused
     */
    public SendReport sendSelected(Inviter actor, TenantId tenantId, Collection<InvitationId> ids) {
        List<Invitation> sent = new ArrayList<>();
        List<SendReport.Refused> refused = new ArrayList<>();
        for (InvitationId id : ids) {
            try {
                sent.add(send(actor, tenantId, id));
            } catch (InvitationException e) {
                refused.add(new SendReport.Refused(id, e.code(), e.getMessage()));
            }
        }
        return new SendReport(sent, refused);
    }

    /**
     * Sends every provisioned invitation of a tenant ("invite all"). The actor needs the tenant's
     * manage level.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @return what was sent and what was refused
     */
    public SendReport sendAll(Inviter actor, TenantId tenantId) {
        TenantSettings settings = ctx.settingsFor(tenantId);
        if (!actor.level().atLeast(settings.manageLevel())) {
            throw new PolicyViolationException(List.of(new Refusal(io.invitations.spi.ErrorCode.NOT_ALLOWED_TO_MANAGE,
                    "actor", actor.userId() + " is " + actor.level() + "; inviting all provisioned people needs "
                    + settings.manageLevel() + " or higher")));
        }
        List<InvitationId> ids = new ArrayList<>();
        InvitationQuery query = InvitationQuery.of(tenantId).statuses(InvitationStatus.PROVISIONED)
                .page(0, InvitationQuery.MAX_LIMIT).build();
        Page<Invitation> page;
        do {
            page = ctx.store().query(query);
            page.items().forEach(i -> ids.add(i.id()));
            query = query.nextPage();
        } while (page.hasMore());
        return sendSelected(actor, tenantId, ids);
    }

    private static List<FieldProblem> problems(InviteRequest r) {
        List<FieldProblem> out = new ArrayList<>(RequestValidator.problems(r));
        if (r.email() == null && r.identifier() == null) {
            out.add(new FieldProblem("email", "give the invitee's email address, or an identifier with its kind"));
        } else if (r.email() != null && r.identifier() != null) {
            out.add(new FieldProblem("identifier", "give either an email address or an identifier, not both"));
        }
        if (r.identifier() != null && r.identifierKind() == null) {
            out.add(new FieldProblem("identifierKind", "must be given with an identifier, e.g. personnel_number"));
        }
        if (r.identifierKind() != null && r.identifier() == null) {
            out.add(new FieldProblem("identifier", "must be given with identifierKind"));
        }
        return out;
    }

    private static Invitee invitee(InviteRequest r) {
        Contact contact = r.email() != null ? new EmailAddress(r.email())
                : new Identifier(IdentifierKind.of(r.identifierKind()), r.identifier());
        String display = r.displayName() != null ? r.displayName()
                : Invitees.displayName(r.firstName(), r.lastName(), contact);
        return new Invitee(contact, r.firstName(), r.lastName(), display);
    }

    /** The grant with the role spelled as the tenant does; a local inviter's only unit by default. */
    private static Grant grant(InviteRequest r, TenantSettings settings) {
        UnitId unit = r.unit();
        Inviter inviter = r.inviter();
        if (unit == null && inviter.level().isLocal() && inviter.units().size() == 1) {
            unit = inviter.units().iterator().next();
        }
        return new Grant(settings.canonicalRole(r.role()).orElse(r.role()), r.membershipType(), r.groups(), unit,
                r.metadata());
    }
}
