package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.Batch;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The JMH configuration of the facade benchmarks. An invitation is created once and accepted once,
 * so these operations cannot be repeated on one state for as long as a timed iteration lasts (the
 * store would grow without bound, the tokens run out). Each iteration is therefore one
 * {@code SingleShotTime} batch of {@value Batch#SIZE} operations on state prepared fresh before it
 * ({@code @Setup(Level.Iteration)}, not timed); the score is milliseconds per batch, which reads as
 * microseconds per operation. Forty warm-up batches give the JIT 40,000 calls before measuring.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 40, batchSize = Batch.SIZE)
@Measurement(iterations = 40, batchSize = Batch.SIZE)
@Fork(1)
public abstract class FacadeBatchBenchmark {
}
