package io.invitations.core;

import io.invitations.core.link.ShareableLinkRequest;
import io.invitations.core.link.RevealedShareableLink;
import io.invitations.core.memory.InMemoryInvitationStore;
import io.invitations.core.testing.Fixture;
import io.invitations.tck.support.Race;
import io.invitations.core.testing.Secrets;
import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationSource;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.invitations.core.testing.Fixture.ACME;
import static io.invitations.core.testing.Fixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Joins racing through one shareable link")
class LinkConcurrencyTest {
    private static final int THREADS = 64;
    private static final int MAX_USES = 10;
    private static final int ROUNDS = 100;
    private static final String JOINED = "JOINED";

    private static final Race RACE = new Race(THREADS);

    @AfterAll
    static void stop() {
        RACE.close();
    }

    private static RevealedShareableLink createLink(Fixture f) {
        RevealedShareableLink link = f.service.administration(ADMIN, ACME).createShareableLink(ShareableLinkRequest.builder().role("member").maxUses(MAX_USES)
                .build());
        Secrets.issued(link.token());
        return link;
    }

    /** Runs 64 joins at once; each result is JOINED or the refusal's code. */
    private static Map<String, Long> race(String token, Function<Integer, Fixture> nodeOf) throws Exception {
        List<String> outcomes = RACE.collect(t -> () -> {
            try {
                nodeOf.apply(t).service.invitee().joinShareableLink(ShareableLinkTest.join(token, "joiner" + t + "@example.com"));
                return JOINED;
            } catch (InvitationException e) {
                return e.code().name();
            }
        });
        return outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    private static void assertExactlyMaxUses(Fixture f, RevealedShareableLink link, Map<String, Long> outcomes, int round) {
        assertThat(outcomes).as("round %d", round)
                .containsEntry(JOINED, (long) MAX_USES)
                .containsEntry(ErrorCode.LINK_EXHAUSTED.name(), (long) (THREADS - MAX_USES))
                .hasSize(2);
        assertThat(f.store.findLink(ACME, link.link().id()).orElseThrow().uses()).as("round %d", round)
                .isEqualTo(MAX_USES);
        assertThat(f.store.query(InvitationQuery.builder(ACME).statuses(InvitationStatus.ACCEPTED)
                .source(InvitationSource.link(link.link().id())).build()).items()).as("round %d", round)
                .hasSize(MAX_USES);
    }

    @Test
    void with_a_maximum_of_10_exactly_10_of_64_racing_joins_succeed_every_time() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = new Fixture();
            f.configure(s -> s.linkInvitationsEnabled(true));
            RevealedShareableLink link = createLink(f);

            Map<String, Long> outcomes = race(link.token(), t -> f);

            assertExactlyMaxUses(f, link, outcomes, round);
            assertThat(f.directory.createOrLinkCalls()).as("accounts made in round %d", round).isEqualTo(MAX_USES);
        }
    }

    @Test
    void two_nodes_sharing_one_store_never_overrun_the_maximum() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            InMemoryInvitationStore shared = new InMemoryInvitationStore();
            Fixture a = new Fixture(shared, "a");
            Fixture b = new Fixture(shared, "b");
            a.configure(s -> s.linkInvitationsEnabled(true));
            b.configure(s -> s.linkInvitationsEnabled(true));
            RevealedShareableLink link = createLink(a);

            Map<String, Long> outcomes = race(link.token(), t -> t % 2 == 0 ? a : b);

            assertExactlyMaxUses(a, link, outcomes, round);
        }
    }
}
