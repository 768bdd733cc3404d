package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.Batch;
import io.invitations.benchmarks.internal.ForkOptions;
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
 * microseconds per operation. A hundred warm-up batches give the JIT 100,000 calls before measuring:
 * on a loaded machine the compiler threads get little CPU, and forty were not enough (the first
 * measured batches were still two to five times slower than the last).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 100, batchSize = Batch.SIZE)
@Measurement(iterations = 50, batchSize = Batch.SIZE)
@Fork(value = 1, jvmArgsAppend = {ForkOptions.QUIET_LOGGING_PROVIDERS, ForkOptions.QUIET_LOG4J})
public abstract class FacadeBatchBenchmark {
}
