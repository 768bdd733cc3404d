package io.invitations.benchmarks.internal;

import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * The {@code .xlsx} readers that are benchmarked and heap-probed, by name (the name is how the heap
 * probe tells a child JVM which one to run).
 */
public enum WorkbookReaders {
    /** POI's user model: the whole workbook in memory. */
    USER_MODEL("POI user model", UserModelReader::readAllCells);

    /**
     * The system property that picks Log4j's provider. POI logs through the Log4j API and, with no
     * provider on the class path, prints an error at start-up; the API's own simple provider is quiet.
     */
    public static final String LOG4J_FACTORY_PROPERTY = "log4j2.loggerContextFactory";
    /** Log4j API's built-in simple provider (errors only, to standard error). */
    public static final String LOG4J_SIMPLE_FACTORY = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";

    private final String label;
    private final ToLongFunction<Path> reader;

    WorkbookReaders(String label, ToLongFunction<Path> reader) {
        this.label = label;
        this.reader = reader;
    }

    /**
     * Returns a readable name.
     *
     * @return the name for reports
     */
    public String label() {
        return label;
    }

    /**
     * Reads the whole first sheet of a workbook.
     *
     * @param file the {@code .xlsx} file
     * @return a figure that depends on everything read (rows or characters)
     */
    public long read(Path file) {
        return reader.applyAsLong(file);
    }
}
