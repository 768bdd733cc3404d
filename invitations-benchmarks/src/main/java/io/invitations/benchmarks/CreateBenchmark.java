package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.Batch;
import io.invitations.benchmarks.internal.EmbeddedService;
import io.invitations.benchmarks.internal.InviteForm;
import io.invitations.benchmarks.internal.Primitives;
import io.invitations.core.InvitationAdministration;
import io.invitations.core.InviteRequest;
import io.invitations.spi.invitation.Invitation;
import jakarta.validation.ConstraintViolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Set;

/**
 * Creating and queueing one invitation on the embedded default ({@link io.invitations.core.InvitationAdministration#invite}:
 * validation, policy checks, the store's atomic write of the invitation, its history entry and its
 * outbox row, the event) next to the primitives it cannot avoid: one Hibernate Validator
 * {@code validate} of a comparable bean, one HMAC-SHA256 and one map insert ({@link Primitives}).
 * Target: {@code createAndQueue ≤ 2.5 × primitives}.
 *
 * <p>Each batch starts from a fresh service (or a fresh map): the store holds 0 to 999 invitations
 * while it runs ({@link FacadeBatchBenchmark}).
 */
public class CreateBenchmark extends FacadeBatchBenchmark {
    /** A fresh service and the requests of one batch. */
    @State(Scope.Thread)
    public static class Service {
        InvitationAdministration admin;
        Batch<InviteRequest> requests;

        /** Starts a fresh service before each batch. */
        @Setup(Level.Iteration)
        public void start() {
            admin = EmbeddedService.start().administration(EmbeddedService.ADMIN, EmbeddedService.TENANT);
            requests = new Batch<>(EmbeddedService.requests(Batch.SIZE));
        }
    }

    /** Fresh primitives (an empty map) and the forms of one batch. */
    @State(Scope.Thread)
    public static class Floor {
        Primitives primitives;
        Batch<InviteForm> forms;

        /** Starts fresh primitives before each batch. */
        @Setup(Level.Iteration)
        public void start() {
            primitives = new Primitives(EmbeddedService.KEY);
            forms = new Batch<>(EmbeddedService.forms(Batch.SIZE));
        }
    }

    /**
     * Invites one person.
     *
     * @param state the service
     * @return the stored invitation
     */
    @Benchmark
    public Invitation createAndQueue(Service state) {
        return state.admin.invite(state.requests.next());
    }

    /**
     * Validates one form, computes one HMAC and inserts one map entry.
     *
     * @param state the primitives
     * @return the (empty) violations
     */
    @Benchmark
    public Set<ConstraintViolation<InviteForm>> primitives(Floor state) {
        return state.primitives.validateSignAndInsert(state.forms.next());
    }
}
