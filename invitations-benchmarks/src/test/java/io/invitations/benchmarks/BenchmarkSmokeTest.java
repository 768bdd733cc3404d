package io.invitations.benchmarks;

import io.invitations.benchmarks.internal.SampleFiles;
import io.invitations.benchmarks.internal.SamplePeople;
import io.invitations.benchmarks.internal.WorkbookReaders;
import io.invitations.core.bulk.InvitationRow;
import io.invitations.benchmarks.internal.EmbeddedService;
import io.invitations.core.bulk.BulkOutcome;
import io.invitations.spi.invitation.Invitation;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.InvitationQuery;
import io.invitations.spi.storage.WriteBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every benchmark method once on small inputs, so that the build proves the benchmarks still
 * work without running JMH (speed is measured only by JMH, never here).
 */
class BenchmarkSmokeTest {
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    @DisplayName("creating queues a pending invitation, and the primitives validate, sign and insert")
    void createPairDoesItsWork() {
        CreateBenchmark benchmark = new CreateBenchmark();
        CreateBenchmark.Service service = new CreateBenchmark.Service();
        service.start();
        CreateBenchmark.Floor floor = new CreateBenchmark.Floor();
        floor.start();
        for (int i = 0; i < 3; i++) {
            Invitation created = benchmark.createAndQueue(service);
            assertThat(created.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(created.delivery().lastQueuedAt()).isNotNull();
            assertThat(benchmark.primitives(floor)).isEmpty();
        }
        assertThat(floor.primitives.inserted()).isEqualTo(3);
    }

    @Test
    @DisplayName("accepting (alone, or after inspecting) accepts each prepared invitation; the HMAC floors agree")
    void acceptPairDoesItsWork() {
        AcceptBenchmark benchmark = new AcceptBenchmark();
        AcceptBenchmark.Pending pending = new AcceptBenchmark.Pending();
        pending.invite();
        assertThat(benchmark.accept(pending).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(benchmark.inspectThenAccept(pending, BLACKHOLE).invitation().status())
                .isEqualTo(InvitationStatus.ACCEPTED);
        AcceptBenchmark.Floor floor = new AcceptBenchmark.Floor();
        floor.key();
        byte[] keyedOnce = benchmark.hmac(floor);
        floor.sequence = 0;
        assertThat(benchmark.hmacFreshMac(floor)).hasSize(32).isEqualTo(keyedOnce);
    }

    @Test
    @DisplayName("on embedded PostgreSQL, one batch and row-by-row writes both store every invitation, and the "
            + "facade's bulk and the raw batch insert write every row")
    void jdbcPairStoresEveryInvitation() throws Exception {
        JdbcBulkBenchmark benchmark = new JdbcBulkBenchmark();
        benchmark.commits = "durable";
        benchmark.size = 5;
        benchmark.startDatabase();
        try {
            benchmark.emptyTables();
            WriteBatch batch = benchmark.oneTransaction();
            WriteBatch last = benchmark.rowByRow();
            assertThat(batch.inserts()).hasSize(5);
            assertThat(benchmark.store().find(EmbeddedService.TENANT, batch.inserts().get(4).id())).isPresent();
            assertThat(benchmark.store().find(EmbeddedService.TENANT, last.inserts().get(0).id())).isPresent();
            assertThat(benchmark.store().count(InvitationQuery.builder(EmbeddedService.TENANT).build())).isEqualTo(10);
            assertThat(benchmark.facadeBulk().count(BulkOutcome.CREATED)).isEqualTo(5);
            assertThat(benchmark.rawBatchInsert()).isEqualTo(5);
        } finally {
            benchmark.stopDatabase();
        }
    }

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
            assertThat(benchmark.importAndDryRun()).as("every generated row is valid").isEqualTo(200);
        } finally {
            benchmark.deleteFile();
        }
    }

    @Test
    @DisplayName("the streaming .xlsx import and POI's user model read every row of the same generated workbook")
    void xlsxPairReadsTheSameRows() {
        XlsxImportBenchmark benchmark = new XlsxImportBenchmark();
        benchmark.rows = 200;
        benchmark.writeFile();
        try {
            List<InvitationRow> rows = benchmark.streamingImport().rows();
            assertThat(rows).hasSize(200).allSatisfy(row -> assertThat(row.problems()).isEmpty());
            long characters = rows.stream().mapToLong(BenchmarkSmokeTest::characters).sum()
                    + String.join("", SamplePeople.HEADER).length();
            assertThat(benchmark.userModel()).isEqualTo(characters);
        } finally {
            benchmark.deleteFile();
        }
    }

    /** Counts a row's characters as the cells hold them (groups joined by the one comma of the cell). */
    private static long characters(InvitationRow row) {
        return row.email().length() + row.firstName().length() + row.lastName().length() + row.role().length()
                + String.join(",", row.groups()).length();
    }

    @Test
    @DisplayName("the heap probe runs each reader in a child JVM under a heap cap and reports the outcome")
    void heapProbeRunsEachReaderInAChildJvm(@TempDir Path directory) throws Exception {
        for (WorkbookReaders reader : WorkbookReaders.values()) {
            Path file = reader.input().write(directory, 200);
            HeapProbe.Outcome outcome = HeapProbe.run(reader, file, 64);
            assertThat(outcome.passed()).as(reader + ": " + outcome).isTrue();
            assertThat(outcome.text()).startsWith("PASS").contains("peak live heap");
        }
    }
}
