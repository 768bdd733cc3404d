package io.invitations.jdbc;

import io.invitations.spi.InvitationException;
import io.invitations.tck.support.Race;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/** Runs one step on many threads released together, for the two-node tests. */
final class Racing {
    private Racing() {
    }

    /**
     * Runs step {@code t} for t from 0 to {@code racers - 1}, all released at once.
     *
     * @param racers how many race
     * @param step   the step of racer t
     * @return each racer's result, or the {@link InvitationException} it threw, in racer order
     */
    static List<Object> race(int racers, IntFunction<Callable<Object>> step) {
        try (Race race = new Race(racers)) {
            return race.collect(t -> {
                Callable<Object> mine = step.apply(t);
                return () -> {
                    try {
                        return mine.call();
                    } catch (InvitationException e) {
                        return e;
                    }
                };
            });
        }
    }
}
