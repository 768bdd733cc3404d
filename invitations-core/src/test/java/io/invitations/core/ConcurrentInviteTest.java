package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.tck.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntFunction;

import static io.invitations.core.testing.Fixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Concurrent invitations never duplicate and never overrun seats")
class ConcurrentInviteTest {
    private static final int THREADS = 32;
    private static final int REPETITIONS = 50;

    private final Race race = new Race(THREADS);

    @AfterEach
    void stopRacers() {
        race.close();
    }

    /** Runs THREADS actions at once; each outcome is the invitation made or the refusal's code. */
    private List<Object> race(IntFunction<Invitation> action) {
        return race.collect(n -> () -> {
            try {
                return action.apply(n);
            } catch (InvitationException e) {
                return e.code();
            }
        });
    }

    @Test
    void many_threads_inviting_the_same_person_make_exactly_one_invitation() throws Exception {
        Fixture f = new Fixture();
        for (int r = 0; r < REPETITIONS; r++) {
            String email = "person" + r + "@example.com";
            List<Object> outcomes = race(n -> f.invite(n % 2 == 0 ? email : email.toUpperCase()));
            assertThat(outcomes.stream().filter(Invitation.class::isInstance)).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !(o instanceof Invitation)))
                    .hasSize(THREADS - 1).allMatch(ErrorCode.ALREADY_INVITED::equals);
        }
        assertThat(f.store.count(InvitationQuery.builder(ACME).build())).isEqualTo(REPETITIONS);
    }

    @Test
    void many_threads_inviting_different_people_take_exactly_the_seats_left() throws Exception {
        for (int r = 0; r < REPETITIONS; r++) {
            Fixture f = new Fixture();
            int limit = 1 + r % 7;
            f.seats.setLimit(ACME, limit);
            List<Object> outcomes = race(n -> f.invite("p" + n + "@example.com"));
            assertThat(outcomes.stream().filter(Invitation.class::isInstance)).hasSize(limit);
            assertThat(outcomes.stream().filter(o -> !(o instanceof Invitation)))
                    .allMatch(ErrorCode.SEAT_LIMIT_REACHED::equals);
            assertThat(f.service.administration(Fixture.ADMIN, ACME).seats().remaining()).hasValue(0);
        }
    }
}
