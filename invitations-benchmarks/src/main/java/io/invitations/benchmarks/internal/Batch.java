package io.invitations.benchmarks.internal;

import java.util.List;

/**
 * Hands out the prepared inputs of one JMH batch, one per benchmark invocation. The facade
 * benchmarks cannot repeat an operation on the same state (an invitation is created, or accepted,
 * once), so they run in {@code SingleShotTime} mode: each measured iteration is one batch of
 * {@link #SIZE} invocations on fresh state prepared before it.
 *
 * @param <T> the input type
 */
public final class Batch<T> {
    /**
     * Invocations per measured batch. With scores in milliseconds per batch, the score reads directly
     * as microseconds per operation.
     */
    public static final int SIZE = 1000;

    private final List<T> inputs;
    private int next;

    /**
     * Holds the inputs.
     *
     * @param inputs one per invocation
     */
    public Batch(List<T> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Returns the next input.
     *
     * @return the input
     * @throws IllegalStateException when the batch is used up (JMH was run with {@code -bs} above
     *                               {@link #SIZE})
     */
    public T next() {
        if (next == inputs.size()) {
            throw new IllegalStateException("only " + inputs.size() + " inputs were prepared per batch; "
                    + "run with a batch size (-bs) of at most " + SIZE);
        }
        return inputs.get(next++);
    }
}
