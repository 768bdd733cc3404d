package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.ForkOptions;
import io.invitations.benchmarks.internal.SampleFiles;
import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.benchmarks.internal.UserModelReader;
import io.invitations.benchmarks.internal.WorkbookReaders;
import io.invitations.excel.XlsxImportResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An {@code .xlsx} import of 100,000 rows by the streaming importer next to POI's user model
 * ({@link org.apache.poi.xssf.usermodel.XSSFWorkbook}) reading every cell of the same file. Both
 * open the file as a stream on every operation. Target: the streaming import is at least 3× faster
 * ({@code userModel / streamingImport ≥ 3} in time per operation). Its heap is measured apart, by
 * {@link HeapProbe}: JMH's {@code -prof gc} reports allocation rates, not peaks. The fork has 2 GB of
 * heap because the user model needs several hundred MB for this file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", ForkOptions.QUIET_LOGGING_PROVIDERS, ForkOptions.QUIET_LOG4J})
public class XlsxImportBenchmark extends GeneratedFileBenchmark {
    @Override
    protected Path write(Path directory, int rows) {
        return SampleFiles.xlsx(directory.resolve("people.xlsx"), rows, SamplePeople.SEED);
    }

    /**
     * Imports every row with the streaming {@link io.invitations.excel.XlsxImporter}.
     *
     * @return the import result
     */
    @Benchmark
    public XlsxImportResult streamingImport() {
        return WorkbookReaders.importRows(file());
    }

    /**
     * Loads the workbook with POI's user model and reads every cell as displayed text.
     *
     * @return the number of characters read
     */
    @Benchmark
    public long userModel() {
        return UserModelReader.readAllCells(file());
    }
}
