package io.invitations.core.internal;

import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.DeliveryState;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.mail.DeliveryFeedback;
import io.invitations.spi.mail.DeliveryReport;
import io.invitations.spi.mail.UnknownMessageException;
import io.invitations.spi.storage.OutboxFeedback;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spi.storage.OutboxMessage.DeliveryStep;
import io.invitations.spi.storage.StorageException;
import io.invitations.spi.storage.WriteBatch;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The engine's {@link DeliveryFeedback}: finds the outbox message a provider's report names,
 * records the step on it and, for a hard bounce or complaint of an invitation's latest message,
 * marks the invitation BOUNCED with a history entry and an event, in one write.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Feedback implements DeliveryFeedback {
    /** The actor of what delivery feedback records. */
    public static final String ACTOR = "system:delivery-feedback";

    private static final Logger LOG = LoggerFactory.getLogger(Feedback.class);
    /** Links in a provider's words are dropped: a bounce may quote the message, which holds a claim link. */
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?|mailto):\\S+");
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-.~+/=]{40,}");

    private final Context ctx;

    /**
     * Creates the feedback entry point.
     *
     * @param ctx the context
     */
    public Feedback(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public OutboxMessage record(DeliveryReport report) {
        Objects.requireNonNull(report, "report");
        OutboxMessage message = find(report.references());
        DeliveryStep step = report.step();
        if (alreadyRecorded(message, step, report.at())) {
            LOG.debug("delivery feedback {} for outbox message {} was recorded before", step, message.id());
            return message;
        }
        OutboxFeedback feedback = new OutboxFeedback(message.tenantId(), message.id(), step, report.at(),
                clean(report.detail()));
        boolean marks = step == DeliveryStep.HARD_BOUNCED || step == DeliveryStep.COMPLAINED;
        if (!marks) {
            ctx.store().write(WriteBatch.builder().feedback(feedback).build());
            if (step == DeliveryStep.SOFT_BOUNCED) {
                ctx.publisher().publish(List.of(new InvitationEvent.Bounced(message.tenantId(),
                        message.invitationId(), ctx.now(), ACTOR, message.sendNumber(), false, false,
                        feedback.detail())));
            }
        } else {
            Mutation.run(ctx, message.tenantId(), message.invitationId(), (stored, change) -> {
                change.feedback(feedback);
                boolean latest = message.sendNumber() >= stored.delivery().sendCount();
                if (!latest || stored.delivery().status() == DeliveryState.Status.BOUNCED) {
                    return stored;
                }
                boolean complaint = step == DeliveryStep.COMPLAINED;
                String reason = (complaint ? "complaint" : "hard bounce") + " reported for message #"
                        + message.sendNumber() + (feedback.detail() == null ? "" : ": " + feedback.detail());
                change.transition(stored, ACTOR, Action.BOUNCE, stored.status(), stored.status(), reason,
                        new InvitationEvent.Bounced(stored.tenantId(), stored.id(), change.now(), ACTOR,
                                message.sendNumber(), true, complaint, feedback.detail()));
                Invitation next = stored.toBuilder().delivery(stored.delivery().bounced(reason)).build();
                return change.update(stored, next);
            });
            LOG.info("outbox message {} {}: the invitation's address takes no more mail", message.id(),
                    step == DeliveryStep.COMPLAINED ? "drew a complaint" : "bounced hard");
        }
        return reread(message);
    }

    private OutboxMessage find(List<String> references) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String r : references) {
            String bare = r.strip();
            if (bare.startsWith("<") && bare.endsWith(">") && bare.length() > 2) {
                bare = bare.substring(1, bare.length() - 1);
            }
            candidates.add(bare);
            candidates.add("<" + bare + ">");
        }
        for (String candidate : candidates) {
            Optional<OutboxMessage> found;
            try {
                found = ctx.store().findOutboxMessage(candidate);
            } catch (UnsupportedOperationException e) {
                throw new StorageException(ctx.store().getClass().getName() + " takes no delivery feedback: it"
                        + " does not implement InvitationStore.findOutboxMessage", e);
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new UnknownMessageException(references);
    }

    private static boolean alreadyRecorded(OutboxMessage m, DeliveryStep step, Instant at) {
        return switch (step) {
            case DELIVERED -> m.deliveredAt() != null;
            case HARD_BOUNCED -> m.hardBouncedAt() != null;
            case COMPLAINED -> m.complainedAt() != null;
            case SOFT_BOUNCED -> m.softBouncedAt() != null && !at.isAfter(m.softBouncedAt());
            default -> false;
        };
    }

    private OutboxMessage reread(OutboxMessage message) {
        return ctx.store().outbox(message.tenantId(), message.invitationId()).stream()
                .filter(m -> m.id().equals(message.id())).findFirst().orElse(message);
    }

    /** The provider's words without links or token-like runs, trimmed. */
    static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String text = LINK.matcher(detail.strip()).replaceAll("[link removed]");
        text = TOKEN_LIKE.matcher(text).replaceAll("[removed]");
        return text.length() <= OutboxFeedback.MAX_DETAIL ? text : text.substring(0, OutboxFeedback.MAX_DETAIL - 1) + "…";
    }
}
