package io.invitations.core.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.core.DirectorySyncResult;
import io.invitations.core.FieldProblem;
import io.invitations.core.InviteRequest;
import io.invitations.core.SendReport;
import io.invitations.core.SignUp;
import io.invitations.core.invitee.ContactText;
import io.invitations.core.invitee.Invitees;
import io.invitations.core.lifecycle.internal.Lifecycle;
import io.invitations.spi.settings.TenantSettings;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.identity.AccountRequest;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.EmailAddress;
import io.invitations.core.policy.InvitationPolicy;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts that come from elsewhere: entries of an identity provider or directory (created
 * uninvited unless the tenant invites on creation), invite-all (which switches invite-on-creation
 * on), and people who registered another way, matched to their pending invitations.
 */
@API(status = API.Status.INTERNAL, since = "1.0")
public final class Syncing {
    private static final Logger LOG = LoggerFactory.getLogger(Syncing.class);

    private final Context ctx;
    private final Inviting inviting;

    /**
     * Creates the operations.
     *
     * @param ctx      the context
     * @param inviting the creation steps directory entries share with invitations
     */
    public Syncing(Context ctx, Inviting inviting) {
        this.ctx = ctx;
        this.inviting = inviting;
    }

    /**
     * Creates an invitation for a directory entry: PROVISIONED, or PENDING when the tenant invites
     * on creation. The source becomes DIRECTORY unless the request already names a directory.
     *
     * <p>Syncing is idempotent: an entry whose person already has an open invitation for the target
     * (provisioned, pending and not past its expiry, or awaiting approval) is left unchanged, and
     * that invitation is returned as stored: same id and version, no history, no message, no event
     * (the result says {@linkplain DirectorySyncResult#unchanged() unchanged}; also logged). Only an
     * actor at the tenant's manage level who may read that invitation learns of it this way; for
     * anyone else (below it, or a {@code *_LOCAL} manager and another unit's invitation) the neutral
     * already-invited refusal stands.
     *
     * @param actor    who provisions, usually a system inviter such as the directory's
     * @param tenantId the tenant
     * @param request  the entry as an invite request
     * @return the stored invitation, new or the entry's open one, and which of the two
     */
    public DirectorySyncResult fromDirectory(Inviter actor, TenantId tenantId, InviteRequest request) {
        InviteRequest entry = request.source() != null && request.source().kind() == InvitationSource.Kind.DIRECTORY
                ? request : request.toBuilder().source(InvitationSource.directory(null)).build();
        Inviting.Draft draft = inviting.prepare(actor, tenantId, entry);
        boolean manager = Inviting.mayLearnMembership(actor, draft.settings());
        if (manager) {
            // only one the actor may read: a local manager learns nothing of another unit's invitation
            Optional<Invitation> open = ctx.store().findOpen(tenantId, entry.target(), draft.invitee().contact())
                    .filter(i -> i.effectiveStatus(ctx.now()) != InvitationStatus.EXPIRED)
                    .filter(i -> InvitationPolicy.of(draft.settings()).mayRead(actor, i));
            if (open.isPresent()) {
                return unchanged(open.get());
            }
        }
        try {
            return new DirectorySyncResult(inviting.create(actor, tenantId, entry,
                    draft.settings().inviteOnCreation()), false);
        } catch (AlreadyInvitedException e) {
            // another node synced the same entry between the look-up and the write: its invitation stands
            Optional<Invitation> existing = manager ? e.existingInvitationId().flatMap(id -> ctx.store()
                    .find(tenantId, id)) : Optional.empty();
            return unchanged(existing.orElseThrow(() -> e));
        }
    }

    private static DirectorySyncResult unchanged(Invitation open) {
        LOG.info("directory entry unchanged: invitation {} of tenant {} is already {}", open.id(), open.tenantId(),
                open.status());
        return new DirectorySyncResult(open, true);
    }

    /**
     * Sends every provisioned invitation of a tenant, then switches invite-on-creation on.
     *
     * @param actor    who sends
     * @param tenantId the tenant
     * @param added    text to add to each message, or {@code null}
     * @return what was sent and what was refused
     */
    public SendReport inviteAll(Inviter actor, TenantId tenantId, String added) {
        SendReport report = inviting.sendAll(actor, tenantId, added);
        if (!ctx.settingsFor(tenantId).inviteOnCreation() && !ctx.settings().switchOnInviteOnCreation(tenantId)) {
            LOG.warn("tenant {} invited all provisioned people; its settings source cannot store inviteOnCreation,"
                    + " so switch it on in the host's settings for new directory accounts to be invited at once",
                    tenantId);
        }
        return report;
    }

    /**
     * Accepts, for someone who registered another way with a verified email, every pending
     * invitation of that email in the tenant: the identity directory links the account and applies
     * each grant; each invitation becomes ACCEPTED, or AWAITING_APPROVAL when the tenant requires it.
     *
     * @param signUp who registered
     * @return the invitations as stored after the match, oldest first; empty when none was pending
     */
    public List<Invitation> match(SignUp signUp) {
        List<FieldProblem> problems = new ArrayList<>(ctx.requests().problems(signUp));
        Optional<String> email = Invitees.normalizeEmail(signUp.email());
        ContactText.unsafeCharacter("email", signUp.email()).ifPresent(m -> problems.add(new FieldProblem("email", m)));
        if (signUp.email() != null && email.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("email"))) {
            problems.add(new FieldProblem("email", "must be a well-formed email address like jane@example.com"));
        }
        if (!signUp.emailVerified()) {
            problems.add(new FieldProblem("emailVerified", "only a verified email is matched to invitations;"
                    + " verify the address first"));
        }
        RequestValidator.throwIfAny(problems);
        EmailAddress address = new EmailAddress(email.orElseThrow());
        TenantId tenantId = signUp.tenantId();
        List<Invitation> matched = new ArrayList<>();
        for (Invitation found : ctx.store().findByInvitee(tenantId, address)) {
            if (found.effectiveStatus(ctx.now()) == InvitationStatus.PENDING) {
                accept(found, signUp).ifPresent(matched::add);
            }
        }
        return List.copyOf(matched);
    }

    private Optional<Invitation> accept(Invitation found, SignUp signUp) {
        String[] accountId = new String[1];
        Invitation result = Mutation.run(ctx, found.tenantId(), found.id(), (stored, change) -> {
            InvitationStatus status = stored.effectiveStatus(change.now());
            if (status != InvitationStatus.PENDING) {
                return null;
            }
            TenantSettings settings = ctx.settingsFor(stored.tenantId());
            InvitationStatus to = Lifecycle.require(stored.id(), status, Action.ACCEPT, settings.approvalRequired());
            if (accountId[0] == null) {
                String firstName = first(signUp.firstName(), stored.invitee().firstName());
                String lastName = first(signUp.lastName(), stored.invitee().lastName());
                accountId[0] = Claiming.register(ctx, to == InvitationStatus.AWAITING_APPROVAL,
                        AccountRequest.builder()
                                .tenantId(stored.tenantId())
                                .invitationId(stored.id())
                                .contact(stored.invitee().contact())
                                .firstName(firstName)
                                .lastName(lastName)
                                .target(stored.target())
                                .displayName(Invitees.displayName(firstName, lastName, stored.invitee().contact()))
                                .grant(stored.grant())
                                .profile(Map.of())
                                .password(null)
                                .termsAccepted(signUp.termsAccepted())
                                .invitedBy(stored.invitedBy())
                                .build());
            }
            String account = accountId[0];
            change.transition(stored, account, Action.ACCEPT, InvitationStatus.PENDING, to, "matched to a sign-up",
                    to == InvitationStatus.ACCEPTED
                            ? new InvitationEvent.Accepted(stored.tenantId(), stored.id(), change.now(), account,
                            account, stored.invitedBy())
                            : new InvitationEvent.ApprovalRequested(stored.tenantId(), stored.id(), change.now(),
                            account, account));
            return change.update(stored, stored.toBuilder().status(to).respondedAt(change.now()).accountId(account)
                    .build());
        });
        return Optional.ofNullable(result);
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.strip() : fallback;
    }
}
