package io.invitations.benchmarks;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import io.invitations.benchmarks.internal.EmbeddedService;
import io.invitations.benchmarks.internal.ForkOptions;
import io.invitations.benchmarks.internal.SampleFiles;
import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.core.InvitationService;
import io.invitations.csv.CsvImporter;
import io.invitations.csv.ImportResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A dry-run CSV import of 100,000 rows by {@link CsvImporter} (bytes to
 * {@link io.invitations.core.bulk.InvitationRow rows}, not yet validated: charset and separator
 * detection, RFC 4180 parsing, header recognition, cell restoring, row building) next to a raw OpenCSV parse of the same
 * file ({@code CSVReader} over {@code RFC4180Parser}, every record read and discarded). Both read the
 * file from disk on every operation. Target: the import reaches at least 50% of the raw parse's
 * throughput, i.e. {@code rawOpenCsv / importRows ≥ 0.5} in time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkOptions.QUIET_LOGGING_PROVIDERS, ForkOptions.QUIET_LOG4J})
public class CsvImportBenchmark extends GeneratedFileBenchmark {
    private final InvitationService service = EmbeddedService.start();

    @Override
    protected Path write(Path directory, int rows) {
        return SampleFiles.csv(directory.resolve("people.csv"), rows, SamplePeople.SEED);
    }

    /**
     * Imports every row with {@link CsvImporter} and its default options.
     *
     * @return the import result, so the JIT cannot drop the work
     * @throws IOException when the file cannot be read
     */
    @Benchmark
    public ImportResult importRows() throws IOException {
        try (InputStream in = Files.newInputStream(file())) {
            return CsvImporter.read(in);
        }
    }

    /**
     * Imports every row and checks it as a bulk dry run ({@link io.invitations.core.bulk.BulkMode#DRY_RUN}
     * through the facade, in waves of 500): the whole "upload and preview" path. Not part of the
     * target's pair; it shows what validation adds.
     *
     * @return how many rows would be created
     * @throws IOException when the file cannot be read
     */
    @Benchmark
    public int importAndDryRun() throws IOException {
        return EmbeddedService.dryRun(service, importRows().rows());
    }

    /**
     * Parses every record with OpenCSV alone, the floor any CSV import on it pays.
     *
     * @param blackhole sink for the records
     * @return the number of records read
     * @throws IOException            when the file cannot be read
     * @throws CsvValidationException when a record is malformed (never, for the generated file)
     */
    @Benchmark
    public long rawOpenCsv(Blackhole blackhole) throws IOException, CsvValidationException {
        long records = 0;
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(Files.newInputStream(file()),
                StandardCharsets.UTF_8)).withCSVParser(new RFC4180ParserBuilder().withSeparator(',').build()).build()) {
            String[] record;
            while ((record = reader.readNext()) != null) {
                blackhole.consume(record);
                records++;
            }
        }
        return records;
    }
}
