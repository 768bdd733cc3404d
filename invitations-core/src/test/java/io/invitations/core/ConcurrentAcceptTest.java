package io.invitations.core;

import io.invitations.core.testing.Fixture;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.event.InvitationEvent;
import io.invitations.spi.invitation.Action;
import io.invitations.spi.invitation.HistoryEntry;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationId;
import io.invitations.spi.invitation.InvitationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.invitations.tck.support.Race;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.invitations.core.testing.Fixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Acceptance is exactly-once under concurrency")
class ConcurrentAcceptTest {
    private static final int THREADS = 64;
    private static final int REPETITIONS = 200;

    private final Race race = new Race(THREADS);

    @AfterEach
    void stopRacers() {
        race.close();
    }

    /** Runs 64 accepts of one token at once, spread over the nodes; returns the outcomes (an Acceptance or the exception). */
    private List<Object> race(List<InvitationService> nodes, String token) {
        return race.collect(t -> {
            InvitationService node = nodes.get(t % nodes.size());
            return () -> {
                try {
                    return node.invitee().accept(Fixture.claim(token));
                } catch (InvitationException e) {
                    return e;
                }
            };
        });
    }

    private static void assertExactlyOneWinner(List<Object> outcomes, int repetition) {
        assertThat(outcomes.stream().filter(Acceptance.class::isInstance).count())
                .as("winners in repetition %d", repetition).isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> !(o instanceof Acceptance)))
                .as("losers in repetition %d", repetition).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(((InvitationException) o).code()).isEqualTo(ErrorCode.ALREADY_ACCEPTED));
    }

    @Test
    void sixty_four_threads_accepting_one_link_have_exactly_one_winner_every_time() throws Exception {
        Fixture f = new Fixture();
        for (int r = 0; r < REPETITIONS; r++) {
            Invitation inv = f.invite("person" + r + "@example.com");
            long callsBefore = f.directory.createOrLinkCalls();

            List<Object> outcomes = race(List.of(f.service), f.token(inv));

            assertExactlyOneWinner(outcomes, r);
            assertThat(f.directory.createOrLinkCalls() - callsBefore).as("accounts created").isEqualTo(1);
            assertThat(f.stored(inv).status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(f.service.administration(Fixture.ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.ACCEPT);
        }
        assertThat(f.events.stream().filter(InvitationEvent.Accepted.class::isInstance)).hasSize(REPETITIONS);
    }

    @Test
    void two_nodes_sharing_a_store_still_accept_each_link_exactly_once() throws Exception {
        Fixture f = new Fixture();
        AtomicInteger ids = new AtomicInteger();
        InvitationService otherNode = InvitationService.builder().store(f.store).identityDirectory(f.directory)
                .seatLedger(f.seats).settings(f.settings).keyRing(f.keys).clock(f.clock)
                .idGenerator(() -> InvitationId.of("node2-" + ids.incrementAndGet())).deliveryExecutor(Runnable::run).build();
        for (int r = 0; r < REPETITIONS; r++) {
            Invitation inv = f.invite("person" + r + "@example.com");

            List<Object> outcomes = race(List.of(f.service, otherNode), f.token(inv));

            assertExactlyOneWinner(outcomes, r);
            assertThat(f.service.administration(Fixture.ADMIN, ACME).history(inv.id())).extracting(HistoryEntry::action)
                    .containsExactly(Action.INVITE, Action.ACCEPT);
        }
    }
}
