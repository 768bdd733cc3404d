package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.Batch;
import io.invitations.benchmarks.internal.EmbeddedService;
import io.invitations.benchmarks.internal.Primitives;
import io.invitations.core.Acceptance;
import io.invitations.core.InvitationService;
import io.invitations.core.ClaimInspection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;


/**
 * Claiming an invitation on the embedded default next to one HMAC-SHA256. {@code accept} is
 * {@link io.invitations.core.InviteeActions#accept} alone (token verification, the account, the compare-and-set write
 * with history, the event); {@code inspectThenAccept} is the invitee's whole path, opening the link
 * ({@link io.invitations.core.InviteeActions#inspect}) and then accepting. Two HMAC floors: {@code hmac} on a
 * {@code Mac} keyed once (the cheapest possible), and {@code hmacFreshMac} that gets and keys a new
 * {@code Mac} as {@link io.invitations.core.token.TokenSigner} does for every token. Target:
 * {@code accept ≤ 3 × hmac}.
 *
 * <p>Each batch starts from a fresh service holding {@value Batch#SIZE} pending invitations, each
 * accepted once ({@link FacadeBatchBenchmark}).
 */
public class AcceptBenchmark extends FacadeBatchBenchmark {
    /** A fresh service with one pending invitation per operation of the batch. */
    @State(Scope.Thread)
    public static class Pending {
        InvitationService service;
        Batch<String> tokens;

        /** Invites {@value Batch#SIZE} people before each batch. */
        @Setup(Level.Iteration)
        public void invite() {
            service = EmbeddedService.start();
            tokens = new Batch<>(EmbeddedService.pendingTokens(service, Batch.SIZE));
        }
    }

    /** A MAC keyed once. */
    @State(Scope.Thread)
    public static class Floor {
        Primitives primitives;
        long sequence;

        /** Keys the MAC. */
        @Setup(Level.Trial)
        public void key() {
            primitives = new Primitives(EmbeddedService.KEY);
        }
    }

    /**
     * Accepts one invitation.
     *
     * @param state the pending invitations
     * @return the acceptance
     */
    @Benchmark
    public Acceptance accept(Pending state) {
        return state.service.invitee().accept(EmbeddedService.claim(state.tokens.next()));
    }

    /**
     * Opens one link, then accepts it.
     *
     * @param state     the pending invitations
     * @param blackhole sink for the inspection
     * @return the acceptance
     */
    @Benchmark
    public Acceptance inspectThenAccept(Pending state, Blackhole blackhole) {
        String token = state.tokens.next();
        ClaimInspection inspection = state.service.invitee().inspect(token);
        blackhole.consume(inspection);
        return state.service.invitee().accept(EmbeddedService.claim(token));
    }

    /**
     * Computes one HMAC-SHA256 on a MAC keyed once.
     *
     * @param state the MAC
     * @return the MAC bytes
     */
    @Benchmark
    public byte[] hmac(Floor state) {
        return state.primitives.hmac(state.sequence++);
    }

    /**
     * Gets a new MAC, keys it and computes one HMAC-SHA256, as the token signer does per token.
     *
     * @param state the sequence
     * @return the MAC bytes
     */
    @Benchmark
    public byte[] hmacFreshMac(Floor state) {
        return Primitives.hmacWithFreshMac(EmbeddedService.KEY, state.sequence++);
    }
}
