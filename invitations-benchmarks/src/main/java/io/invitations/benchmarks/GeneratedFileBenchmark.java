package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.benchmarks.internal.TempDirectory;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;

/**
 * The state of the import benchmarks: one file of {@link #rows} generated people
 * ({@link SamplePeople#SEED}), written into a fresh temporary directory before the benchmark and
 * deleted after it. Both halves of a pair read this same file.
 */
@State(Scope.Benchmark)
public abstract class GeneratedFileBenchmark {
    /** How many data rows the file holds (plus one header row). */
    @Param("100000")
    public int rows;

    private TempDirectory directory;
    private Path file;

    /**
     * Writes the file.
     *
     * @param directory the directory to write into
     * @param rows      how many data rows
     * @return the file written
     */
    protected abstract Path write(Path directory, int rows);

    /**
     * Returns the generated file.
     *
     * @return its path
     */
    protected Path file() {
        return file;
    }

    /**
     * Writes the file into a fresh temporary directory.
     */
    @Setup
    public void writeFile() {
        directory = TempDirectory.create("invitations-bench");
        file = write(directory.path(), rows);
    }

    /**
     * Deletes the temporary directory.
     */
    @TearDown
    public void deleteFile() {
        directory.close();
    }
}
