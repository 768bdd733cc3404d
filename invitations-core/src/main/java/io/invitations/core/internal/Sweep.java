package io.invitations.core.internal;

import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import org.apiguardian.api.API;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Pages through the invitations a store reports due (for expiry, for a reminder) and handles each
 * once per run, until a page comes back short or brings nothing new.
 */
@API(status = API.Status.INTERNAL, since = "1.1")
public final class Sweep {
    /** How many invitations one read asks for. */
    public static final int PAGE = 200;

    private Sweep() {
    }

    /**
     * Runs a sweep.
     *
     * @param ctx the context (its clock)
     * @param due reads up to a page of due invitations at an instant
     * @param one handles one candidate at that instant; tells whether it changed it
     * @return how many candidates were changed
     */
    public static int run(Context ctx, BiFunction<Instant, Integer, List<Invitation>> due,
                          BiPredicate<Invitation, Instant> one) {
        int changed = 0;
        Set<InvitationId> seen = new HashSet<>();
        while (true) {
            Instant now = ctx.now();
            List<Invitation> page = due.apply(now, PAGE);
            boolean progress = false;
            for (Invitation candidate : page) {
                if (!seen.add(candidate.id())) {
                    continue;
                }
                progress = true;
                if (one.test(candidate, now)) {
                    changed++;
                }
            }
            if (page.size() < PAGE || !progress) {
                return changed;
            }
        }
    }
}
