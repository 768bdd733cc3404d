package io.invitations.micrometer;

import io.invitations.core.observe.InvitationObserver;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.TenantId;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.function.Supplier;

/**
 * Wraps each operation in an {@link Observation} named {@value InvitationMetrics#OPERATION}, with
 * low-cardinality keys {@code operation} and {@code error.code} (the {@code ErrorCode} of a refusal,
 * {@code none} on success), and {@code tenant} when switched on; then hands the result to a sink.
 */
final class ObservingObserver implements InvitationObserver {
    /** Receives each successful operation's result (bulk reports and drain results are counted). */
    @FunctionalInterface
    interface ResultSink {
        void accept(Operation operation, TenantId tenantId, Object result);
    }

    private final ObservationRegistry registry;
    private final boolean tenantTags;
    private final ResultSink sink;

    ObservingObserver(ObservationRegistry registry, boolean tenantTags, ResultSink sink) {
        this.registry = registry;
        this.tenantTags = tenantTags;
        this.sink = sink;
    }

    @Override
    @SuppressWarnings("try") // the scope is only opened and closed around the work
    public <T> T observe(Operation operation, TenantId tenantId, Supplier<T> work) {
        Observation observation = Observation.createNotStarted(InvitationMetrics.OPERATION, registry)
                .contextualName("invitations " + operation.tagValue())
                .lowCardinalityKeyValue("operation", operation.tagValue());
        if (tenantTags && tenantId != null) {
            observation.lowCardinalityKeyValue("tenant", tenantId.value());
        }
        observation.start();
        try (Observation.Scope ignored = observation.openScope()) {
            T result = work.get();
            observation.lowCardinalityKeyValue(KeyValue.of("error.code", "none"));
            sink.accept(operation, tenantId, result);
            return result;
        } catch (RuntimeException e) {
            String code = e instanceof InvitationException ie ? ie.code().name() : "unexpected";
            observation.lowCardinalityKeyValue(KeyValue.of("error.code", code));
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
