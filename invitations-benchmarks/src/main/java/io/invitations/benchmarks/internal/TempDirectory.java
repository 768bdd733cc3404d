package io.invitations.benchmarks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for generated input files, deleted with everything in it on
 * {@link #close()}.
 */
public final class TempDirectory implements AutoCloseable {
    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a directory under {@code java.io.tmpdir}.
     *
     * @param prefix the start of the directory's name
     * @return the directory
     * @throws UncheckedIOException when it cannot be created
     */
    public static TempDirectory create(String prefix) {
        try {
            return new TempDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the directory.
     *
     * @return its path
     */
    public Path path() {
        return path;
    }

    /**
     * Deletes the directory and its files.
     *
     * @throws UncheckedIOException when something cannot be deleted
     */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
