package io.invitations.core.internal;

import io.invitations.core.AlreadyInvitedException;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.Inviter;
import io.invitations.spi.invitation.TenantId;
import io.invitations.spi.storage.DuplicateInvitationException;
import io.invitations.spi.storage.StaleVersionException;

/**
 * Runs a change to one existing invitation: under its in-process lock, read, decide, write with
 * compare-and-set; when another process changed it first, read again and decide again (a few times).
 */
final class Mutation {
    private static final int ATTEMPTS = 3;

    private Mutation() {
    }

    /** Decides a change from the stored snapshot; returns the snapshot as it will be stored. */
    @FunctionalInterface
    interface Body {
        Invitation apply(Invitation stored, Change change);
    }

    static Invitation run(Context ctx, TenantId tenantId, InvitationId id, Body body) {
        return run(ctx, null, tenantId, id, body);
    }

    /**
     * Runs a change an actor asked for by id: an invitation the actor may not read is not found, as a
     * missing one, before any refusal could tell them it exists.
     */
    static Invitation run(Context ctx, Inviter actor, TenantId tenantId, InvitationId id, Body body) {
        return ctx.invitationLocks().with(id, () -> {
            for (int attempt = 1; ; attempt++) {
                Invitation stored = actor == null ? ctx.require(tenantId, id)
                        : ctx.requireReadable(actor, tenantId, id);
                Change change = new Change(ctx.now());
                Invitation result = body.apply(stored, change);
                try {
                    change.commit(ctx);
                    return result;
                } catch (StaleVersionException e) {
                    if (attempt >= ATTEMPTS) {
                        throw e;
                    }
                } catch (DuplicateInvitationException e) {
                    throw duplicate(ctx, actor, stored);
                }
            }
        });
    }

    /** Another open invitation of the same person won the write: detailed only to a whole-tenant reader. */
    private static AlreadyInvitedException duplicate(Context ctx, Inviter actor, Invitation stored) {
        String invitee = stored.invitee().contact().toString();
        return actor == null || Inviting.mayLearn(actor, ctx.settingsFor(stored.tenantId()), ErrorCode.ALREADY_INVITED,
                null) ? AlreadyInvitedException.alreadyInvited(invitee, null) : AlreadyInvitedException.neutral(invitee);
    }
}
