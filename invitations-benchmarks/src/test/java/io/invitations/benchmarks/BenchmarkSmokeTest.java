package io.invitations.benchmarks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every benchmark method once on small inputs, so that the build proves the benchmarks still
 * work without running JMH (speed is measured only by JMH, never here).
 */
class BenchmarkSmokeTest {
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    @DisplayName("the CSV import and the raw OpenCSV parse read every row of the same generated file")
    void csvPairReadsTheSameRows() throws Exception {
        CsvImportBenchmark benchmark = new CsvImportBenchmark();
        benchmark.rows = 200;
        benchmark.writeFile();
        try {
            assertThat(benchmark.importRows().rows()).hasSize(200)
                    .allSatisfy(row -> assertThat(row.problems()).isEmpty());
            assertThat(benchmark.rawOpenCsv(BLACKHOLE)).isEqualTo(201); // with the header
        } finally {
            benchmark.deleteFile();
        }
    }
}
